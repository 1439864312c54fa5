import * as assert from 'assert';
import { lintText } from '../../src/core/engine';
import { applyEdits, readFixture } from './helpers';

function fixOnce(text: string, ruleId: string, title?: RegExp): string {
  const finding = lintText(text).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding`);
  const fix = title ? finding.fixes.find((f) => title.test(f.title)) : finding.fixes[0];
  assert.ok(fix, `expected a fix for ${ruleId}`);
  return applyEdits(text, fix.edits);
}

describe('fixes', () => {
  it('missing-section inserts the heading with a prompt where it belongs', () => {
    const fixed = fixOnce(readFixture('rules', 'missing-section.star.md'), 'missing-section');
    assert.match(fixed, /## Situation\n[^\n]+\n\n## Task\n\n<!-- What were you, personally, responsible for\? -->\n\n## Action\n/);
    // The prompt is a comment, not content: the Task is there, and still says it is empty.
    assert.deepStrictEqual(lintText(fixed).findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message.split('.')[0]), ['The Task is empty', 'The Result is empty']);
  });

  it('missing-section inserts a label line in a story written with labels', () => {
    const text = '---\ntitle: T\nlps: [Ownership]\n---\nS: We had an outage every week.\nA: I rewrote the retry logic myself.\nR: Outages fell to 1 a month.\n';
    const fixed = fixOnce(text, 'missing-section');
    assert.match(fixed, /S: We had an outage every week\.\n\*\*Task:\*\* <!-- What were you, personally, responsible for\? -->\nA: I rewrote/);
    assert.deepStrictEqual(lintText(fixed).findings.map((f) => f.message.split('.')[0]), ['The Task is empty']);
  });

  it('unknown-lp replaces the entry with the suggestion, quoting names with commas in flow lists', () => {
    const fixed = fixOnce(readFixture('rules', 'unknown-lp.star.md'), 'unknown-lp');
    assert.match(fixed, /  - Customer Obsession # expect/);
    const flow = '---\ntitle: T\nlps: [Are Rigth, A Lot, Ownership]\n---\n';
    const fixedFlow = fixOnce(flow, 'unknown-lp');
    assert.match(fixedFlow, /lps: \["Are Right, A Lot", A Lot, Ownership\]/);
  });

  it('unquantified-result appends a metric placeholder to the Result', () => {
    const fixed = fixOnce(readFixture('rules', 'unquantified-result.star.md'), 'unquantified-result');
    assert.match(fixed, /Viewers were much happier\. <!-- expect: vague-claim -->\n\nThis moved \[metric\] from \[X\] to \[Y\]\.\n$/);
  });

  it('failure-without-learning adds a Learning section after the Result', () => {
    const fixed = fixOnce(readFixture('rules', 'failure-without-learning.star.md'), 'failure-without-learning');
    assert.match(fixed, /within two hours\.\n\n## Learning\n\n<!-- What did you learn, and what do you now do differently\? -->\n$/);
    // A suggestion: the Learning is there to be written, so the finding stays until it is.
    assert.deepStrictEqual(lintText(fixed).findings.map((f) => [f.ruleId, f.fixes.length]), [['failure-without-learning', 0]]);
  });

  it('invalid-front-matter adds a front matter block to a story without one', () => {
    const fixed = fixOnce(readFixture('rules', 'no-front-matter.star.md'), 'invalid-front-matter');
    assert.ok(fixed.startsWith('---\ntitle: A story without front matter\nlps: []\n---\n\n# A story'), fixed);
  });
});
