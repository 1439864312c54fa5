import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { countStory } from '../../src/core/coverage';
import { lintText } from '../../src/core/engine';
import { fixText, MAX_FIX_PASSES } from '../../src/core/fix';
import type { Fix } from '../../src/core/types';
import { applyEdits, ROOT } from './helpers';

/** Stories as people write them, with the shapes that fixes have damaged: code at the end of a
 * Result, block scalars and comma lists in `lps`, CRLF and CR line ends, labels and headings. */
const LP_LINES = ['lps: [Dive Deep, Ownership]', 'lps: Dive Deep, Deliver Results', 'lps: >-\n  Dive Deeep', 'lps:\n  - Customer Obsesion\n  - Ownership', 'lps: [Are Rigth, A Lot]', 'lps: "Dive Deep, Delivr Results"', 'lps: Frugalty'];
const BODIES = ['We shipped it.', 'I rewrote the cache layer and cut P99 from 900 ms to 120 ms.', '```sh\nnpm ci\n```', '- I led the design review\n- We migrated', '<!-- a note -->', 'Revenue grew.', '    indented code'];
const section = fc.tuple(fc.constantFrom('situation', 'task', 'action', 'result', 'learning'), fc.constantFrom('heading', 'label'), fc.constantFrom(...BODIES));
const generatedStory = fc
  .tuple(fc.constantFrom(...LP_LINES), fc.array(section, { maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('success', 'failure'), fc.boolean())
  .map(([lps, sections, eol, outcome, frontMatter]) => {
    const title = (kind: string) => kind[0].toUpperCase() + kind.slice(1);
    const body = sections.map(([kind, style, text]) => (style === 'heading' ? `## ${title(kind)}\n\n${text}\n` : `**${title(kind)}:** ${text}\n`)).join('\n');
    const text = frontMatter ? `---\ntitle: A story\n${lps}\noutcome: ${outcome}\n---\n\n${body}` : `# A story\n\n${body}`;
    return text.replace(/\n/g, eol);
  });

function storiesOnDisk(): string[] {
  const dirs = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures', 'rules')];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.star.md')).map((f) => readFileSync(join(dir, f), 'utf8')));
}

const sectionKinds = (text: string) => lintText(text).story.sections.map((s) => s.kind).filter((k) => k !== 'other');
const lpIds = (text: string) => countStory('x', lintText(text).story.frontMatter).lpIds;
const YAML_BROKEN = /not valid YAML|never closes|could not be read/;

/** What every offered fix or suggestion must keep, and what a fix must resolve. */
function checkFix(text: string, fix: Fix, fixed: { ruleId: string; message: string }): void {
  const after = applyEdits(text, fix.edits);
  const where = `${fix.title} on ${JSON.stringify(text.slice(0, 120))}`;
  const before = lintText(text);
  const now = lintText(after);
  const broken = (r: typeof before) => r.findings.filter((f) => f.ruleId === 'invalid-front-matter' && YAML_BROKEN.test(f.message)).length;
  assert.ok(broken(now) <= broken(before), `the front matter still parses: ${where}`);
  assert.ok(!before.story.frontMatter.present || now.story.frontMatter.present, `the front matter is kept: ${where}`);
  const kindsBefore = sectionKinds(text);
  const kindsAfter = sectionKinds(after);
  for (const kind of new Set(kindsBefore)) assert.ok(kindsAfter.filter((k) => k === kind).length >= kindsBefore.filter((k) => k === kind).length, `keeps every ${kind}: ${where}`);
  for (const lp of lpIds(text)) assert.ok(lpIds(after).includes(lp), `keeps ${lp}: ${where}`);
  if (!/\n/.test(text.replace(/\r\n/g, ''))) assert.ok(!/\n/.test(after.replace(/\r\n/g, '')), `no bare LF in a CRLF or CR story: ${where}`);
  if (!text.includes('\r')) assert.ok(!after.includes('\r'), `no CR in an LF story: ${where}`);
  if (fix.kind === 'fix') {
    const same = (r: typeof before) => r.findings.filter((f) => f.ruleId === fixed.ruleId && f.message === fixed.message).length;
    assert.ok(same(now) < same(before), `a fix resolves its finding: ${where}`);
  }
}

function checkAllFixes(text: string): void {
  for (const finding of lintText(text).findings) for (const fix of finding.fixes) checkFix(text, fix, finding);
  const once = fixText(text, DEFAULT_CONFIG);
  assert.ok(once.passes < MAX_FIX_PASSES, `Fix All reaches a fixed point: ${JSON.stringify(text.slice(0, 120))}`);
  assert.strictEqual(fixText(once.text, DEFAULT_CONFIG).fixesApplied, 0, 'nothing left to fix after Fix All');
  for (const lp of lpIds(text)) assert.ok(lpIds(once.text).includes(lp), `Fix All keeps ${lp}`);
  assert.ok(!once.findings.some((f) => f.fixes.some((x) => x.kind === 'fix')), 'no safe fix is left unapplied');
}

describe('fixes never damage a story', () => {
  it('every fix and suggestion on the examples and fixtures keeps sections, LPs, line ends and valid YAML; fixes resolve their finding', () => {
    for (const text of storiesOnDisk()) {
      checkAllFixes(text);
      checkAllFixes(text.replace(/\r?\n/g, '\r\n'));
    }
  });

  it('the same on generated stories (code at the end of a Result, block scalars, comma lists, CRLF and CR)', () => {
    fc.assert(fc.property(generatedStory, checkAllFixes), { numRuns: 200 });
  });

  it('the metric placeholder goes after a closing fence, never onto it', () => {
    const text = '---\ntitle: T\nlps: [Dive Deep]\n---\n## Result\nIt shipped.\n\n```\nlog\n```\n## Learning\nMore tests.\n';
    const finding = lintText(text).findings.find((f) => f.ruleId === 'unquantified-result')!;
    const after = applyEdits(text, finding.fixes[0].edits);
    assert.match(after, /```\n\nThis moved \[metric\] from \[X\] to \[Y\]\.\n## Learning/);
    assert.deepStrictEqual(sectionKinds(after), sectionKinds(text));
  });

  it('a misspelt LP in a block scalar is replaced without joining the next line', () => {
    const text = '---\ntitle: T\nlps: >-\n  Dive Deeep\n---\n';
    const finding = lintText(text).findings.find((f) => f.ruleId === 'unknown-lp')!;
    assert.strictEqual(applyEdits(text, finding.fixes[0].edits), '---\ntitle: T\nlps: Dive Deep\n---\n');
  });

  it('an lps list written without brackets counts every LP, and a fix replaces only the misspelt one', () => {
    assert.deepStrictEqual(lpIds('---\ntitle: T\nlps: Dive Deep, Deliver Results\n---\n'), ['dive-deep', 'deliver-results']);
    const text = '---\ntitle: T\nlps: Dive Deep, Delivr Results\n---\n';
    const finding = lintText(text).findings.find((f) => f.ruleId === 'unknown-lp')!;
    assert.strictEqual(applyEdits(text, finding.fixes[0].edits), '---\ntitle: T\nlps: Dive Deep, Deliver Results\n---\n');
  });
});
