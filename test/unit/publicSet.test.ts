import * as assert from 'assert';
import { readdirSync } from 'fs';
import { join } from 'path';
import { allLps } from '../../src/core/catalog';
import { parseFrontMatter } from '../../src/core/parse/frontMatter';
import { FIXTURES, readFixture } from './helpers';

interface PublicLabel {
  file: string;
  split: string;
  format: string;
  voice: string;
  digitsMeasureNothing: boolean;
  'unquantified-result': boolean;
  'missing-personal-role': boolean;
  'vague-claim': boolean | null;
  'situation-heavy': boolean | null;
  'missing-section': string[];
  note: string;
}

/**
 * The public evaluation set's integrity only. How well the rules do on it is reported by
 * `npm run eval`, never asserted: a test that pinned the scores would turn the set into tuning data.
 */
describe('public evaluation set', () => {
  const dir = join(FIXTURES, 'public');
  const labels = JSON.parse(readFixture('public', 'labels.json')) as PublicLabel[];
  const files = readdirSync(dir).filter((name) => name.endsWith('.star.md'));

  it('has a label for every story and a story for every label, once each', () => {
    const labelled = labels.map((l) => l.file);
    assert.deepStrictEqual([...new Set(labelled)].sort(), [...labelled].sort(), 'a file is labelled twice');
    assert.deepStrictEqual([...labelled].sort(), [...files].sort());
  });

  it('gives every story well-formed labels', () => {
    const kinds = ['situation', 'task', 'action', 'result'];
    for (const l of labels) {
      assert.ok(['tune', 'report', 'holdout2'].includes(l.split), `${l.file}: split`);
      assert.ok(['i', 'we', 'mixed'].includes(l.voice), `${l.file}: voice`);
      assert.strictEqual(typeof l.digitsMeasureNothing, 'boolean', `${l.file}: digitsMeasureNothing`);
      assert.strictEqual(typeof l['unquantified-result'], 'boolean', `${l.file}: unquantified-result`);
      assert.strictEqual(typeof l['missing-personal-role'], 'boolean', `${l.file}: missing-personal-role`);
      for (const rule of ['vague-claim', 'situation-heavy'] as const) {
        assert.ok(l[rule] === null || typeof l[rule] === 'boolean', `${l.file}: ${rule}`);
      }
      assert.ok(Array.isArray(l['missing-section']) && l['missing-section'].every((k) => kinds.includes(k)), `${l.file}: missing-section`);
      assert.ok(l.format.length > 0 && l.note.length > 0, `${l.file}: format and note`);
    }
  });

  it('has at least 30 stories in each half', () => {
    assert.ok(labels.filter((l) => l.split === 'tune').length >= 30);
    assert.ok(labels.filter((l) => l.split === 'report').length >= 30);
  });

  it('has at least 15 stories told mostly as "we" and 15 whose digits measure nothing', () => {
    assert.ok(labels.filter((l) => l.voice === 'we').length >= 15);
    assert.ok(labels.filter((l) => l.digitsMeasureNothing).length >= 15);
  });

  it('has a second held-out set of at least 40 stories, 12 told as "we" and 12 whose digits measure nothing', () => {
    const holdout = labels.filter((l) => l.split === 'holdout2');
    assert.ok(holdout.length >= 40, `${holdout.length} stories`);
    assert.ok(holdout.filter((l) => l.voice === 'we').length >= 12);
    assert.ok(holdout.filter((l) => l.digitsMeasureNothing).length >= 12);
  });

  it('keeps the second held-out set apart: its stories are numbered after the first set and come from other sources', () => {
    const sources = readFixture('public', 'SOURCES.md');
    const rows = new Map(
      sources
        .split('\n')
        .filter((line) => line.startsWith('| ') && line.includes('.star.md'))
        .map((line) => {
          const cells = line.split('|').map((c) => c.trim());
          return [cells[1], cells[2]] as const;
        }),
    );
    // The address or repository a source names, without the part of the page it points into.
    const origin = (source: string) => source.replace(/\s*\(.*$/, '').split(',')[0];
    const earlier = new Set(labels.filter((l) => l.split !== 'holdout2').map((l) => origin(rows.get(l.file) ?? '')));
    for (const l of labels) {
      const source = rows.get(l.file);
      assert.ok(source, `${l.file}: no row in SOURCES.md`);
      if (l.split !== 'holdout2') continue;
      assert.ok(Number(l.file.split('-')[0]) >= 70, `${l.file}: holdout2 stories are numbered from 70`);
      assert.ok(!earlier.has(origin(source)), `${l.file}: its source ${origin(source)} was used for a tune or report story`);
    }
  });

  it('gives every story valid front matter with a title and real Leadership Principle names', () => {
    const names = new Set(allLps().map((lp) => lp.name));
    for (const file of files) {
      const fm = parseFrontMatter(readFixture('public', file));
      assert.ok(fm.present && fm.problems.length === 0, `${file}: ${fm.problems.map((p) => p.message).join('; ')}`);
      assert.ok(typeof fm.meta.title === 'string' && fm.meta.title.length > 0, `${file}: title`);
      assert.ok(fm.lpEntries.length > 0 && fm.lpEntries.every((e) => names.has(e.value)), `${file}: lps ${fm.lpEntries.map((e) => e.value).join(', ')}`);
    }
  });
});

/**
 * The separate held-out sets (holdout3/, holdout4/, ...): integrity only, read from the labels
 * without linting a story, so that a sealed set stays unread.
 */
describe('separate held-out sets', () => {
  const root = join(FIXTURES, 'public');
  const sets = readdirSync(root).filter((name) => /^holdout\d+$/.test(name));

  it('label every story once, with the set as its split', () => {
    for (const set of sets) {
      const labels = JSON.parse(readFixture('public', set, 'labels.json')) as PublicLabel[];
      const files = readdirSync(join(root, set)).filter((name) => name.endsWith('.star.md'));
      assert.deepStrictEqual(labels.map((l) => l.file).sort(), files.sort(), set);
      for (const l of labels) assert.strictEqual(l.split, set, `${set}/${l.file}: split`);
    }
  });

  it('follow the README: a story whose Result is absent is not also labelled unquantified-result', () => {
    for (const set of sets) {
      const labels = JSON.parse(readFixture('public', set, 'labels.json')) as PublicLabel[];
      for (const l of labels) assert.ok(!(l['missing-section'].includes('result') && l['unquantified-result']), `${set}/${l.file}`);
    }
  });
});
