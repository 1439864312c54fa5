import * as assert from 'assert';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { lintText } from '../../src/core/engine';
import { fixText } from '../../src/core/fix';
import { RULES } from '../../src/core/rules';
import { closestRuleId } from '../../src/core/rules/unknownRuleId';
import { applyEdits } from './helpers';

const IDS = RULES.map((rule) => rule.id);
const STORY = (directive: string) =>
  `---\ntitle: Migration\nlps: [Deliver Results]\n---\n## Situation\nThe old data centre closed in June.\n## Task\nI led the move of 1,400 jobs.\n## Action\n${directive}\nI planned the cut-over myself.\n## Result\nWe moved 1,350 jobs by the deadline, 96% of the plan.\n`;
const unknownIds = (text: string) => lintText(text).findings.filter((f) => f.ruleId === 'unknown-rule-id');

describe('unknown-rule-id', () => {
  it('a clear misspelling gets a fix to the right id, and the fixed directive works', () => {
    for (const [typed, meant] of [
      ['unquantifed-result', 'unquantified-result'],
      ['Unquantified-Result', 'unquantified-result'],
      ['vague_claim', 'vague-claim'],
      ['blame-langauge', 'blame-language'],
      ['missing-sections', 'missing-section'],
      ['too_many_lp', 'too-many-lps'],
      ['invalid.front-matter', 'invalid-front-matter'],
    ]) {
      const text = STORY(`<!-- star-coach-disable ${typed} -->`);
      const [finding, ...rest] = unknownIds(text);
      assert.deepStrictEqual(rest, [], typed);
      assert.match(finding.message, new RegExp(`^"${typed}" is not a STAR Coach rule, so this directive turns nothing off for it\\. Did you mean "${meant}"\\?$`));
      const line = text.split('\n')[finding.range.start.line];
      assert.strictEqual(line.slice(finding.range.start.character, finding.range.end.character), typed, 'the range covers the id as written');
      assert.deepStrictEqual(finding.fixes.map((f) => [f.title, f.kind]), [[`Replace with "${meant}"`, 'fix']], typed);
      const fixed = applyEdits(text, finding.fixes[0].edits);
      assert.strictEqual(fixed, STORY(`<!-- star-coach-disable ${meant} -->`));
      assert.deepStrictEqual(unknownIds(fixed), []);
      // Round trip through --fix: the same text, and nothing else changed.
      assert.strictEqual(fixText(text, DEFAULT_CONFIG).text, fixed);
    }
  });

  it('a far guess is only a suggestion, and an id like no rule gets the list instead', () => {
    const [vague] = unknownIds(STORY('<!-- star-coach-disable vague -->'));
    assert.deepStrictEqual(vague.fixes.map((f) => [f.title, f.kind]), [['Replace with "vague-claim"', 'suggestion']]);
    assert.strictEqual(fixText(STORY('<!-- star-coach-disable vague -->'), DEFAULT_CONFIG).text, STORY('<!-- star-coach-disable vague -->'), 'a suggestion is never applied on its own');
    const [teamwork] = unknownIds(STORY('<!-- star-coach-enable teamwork -->'));
    assert.match(teamwork.message, /^"teamwork" is not a STAR Coach rule, so this directive turns nothing back on for it\. The rule ids are: invalid-front-matter, /);
    assert.deepStrictEqual(teamwork.fixes, []);
  });

  it('checks every id of a directive, in every directive kind, leaving known ids alone', () => {
    const text = STORY('<!-- star-coach-disable-next-line vague-claim, blame-langauge,tooo-long -->\n<!-- star-coach-disable-line frobnicate --> <!-- star-coach-disable-file -->');
    assert.deepStrictEqual(unknownIds(text), [], 'disable-file with no ids turns off every rule, this one too');
    const named = STORY('<!-- star-coach-disable-next-line vague-claim, blame-langauge,tooo-long -->\n<!-- star-coach-disable-line frobnicate -->');
    assert.deepStrictEqual(unknownIds(named).map((f) => f.message.split('"')[1]), ['blame-langauge', 'tooo-long', 'frobnicate']);
  });

  it('ids quoted in code spans or code blocks are not directives and do not count', () => {
    for (const quoted of ['Write `<!-- star-coach-disable unquantifed-result -->` to silence it.', '```\n<!-- star-coach-disable unquantifed-result -->\n```', '    <!-- star-coach-disable unquantifed-result -->']) {
      assert.deepStrictEqual(unknownIds(STORY(quoted)), [], quoted);
    }
    // A comment that only mentions a directive is not one.
    assert.deepStrictEqual(unknownIds(STORY('<!-- remember: star-coach-disable unquantifed-result -->')), []);
  });

  it('reads a directive left open on its own line only, not the story after it', () => {
    const text = STORY('<!-- star-coach-disable vague-claim blame-langauge');
    assert.deepStrictEqual(unknownIds(text).map((f) => f.message.split('"')[1]), ['blame-langauge']);
  });

  it('can itself be turned off, like any rule', () => {
    assert.deepStrictEqual(unknownIds(STORY('<!-- star-coach-disable-line unknown-rule-id frobnicate -->')), []);
  });

  it('closestRuleId: clear only for a small slip with no tie', () => {
    assert.deepStrictEqual(closestRuleId('tone', ['too-long', 'tone-x']), { id: 'tone-x', clear: true });
    assert.deepStrictEqual(closestRuleId('ab', ['ax', 'ay']), { id: 'ax', clear: false }, 'two ids as near: not clear');
    assert.strictEqual(closestRuleId('completely-different', IDS), undefined);
    assert.strictEqual(closestRuleId('', IDS), undefined);
  });
});
