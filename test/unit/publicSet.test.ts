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
      assert.ok(l.split === 'tune' || l.split === 'report', `${l.file}: split`);
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
