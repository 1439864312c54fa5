import * as assert from 'assert';
import { join } from 'path';
import { lintText } from '../../src/core/engine';
import { RULES } from '../../src/core/rules';
import { expectedMarkers, FIXTURES, readFixture, storyFiles } from './helpers';

describe('rules against marked fixtures', () => {
  const dir = join(FIXTURES, 'rules');
  for (const file of storyFiles(dir)) {
    it(`${file}: exactly the marked findings`, () => {
      const text = readFixture('rules', file);
      const actual = lintText(text).findings.map((f) => `${f.range.start.line}:${f.ruleId}`).sort();
      assert.deepStrictEqual(actual, expectedMarkers(text));
    });
  }

  it('every rule has at least one fixture that expects it', () => {
    const all = storyFiles(dir).map((file) => readFixture('rules', file)).join('\n');
    const untested = RULES.map((rule) => rule.id).filter((id) => !new RegExp(`expect: [\\w, -]*\\b${id}\\b`).test(all));
    // too-long and situation-heavy are exercised with generated stories in lengths.test.ts;
    // stale-story, off by default and reading the clock's year, in staleStory.test.ts.
    assert.deepStrictEqual(untested, ['too-long', 'situation-heavy', 'stale-story']);
  });
});

describe('rule metadata', () => {
  it('has unique kebab-case ids, a description, docs and tags', () => {
    const ids = RULES.map((rule) => rule.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.description.length > 10, rule.id);
      assert.ok(rule.docs.length > 60, rule.id);
      assert.ok(rule.tags.length > 0, rule.id);
    }
  });

  it('keeps error severity for broken files only', () => {
    assert.deepStrictEqual(RULES.filter((r) => r.defaultSeverity === 'error').map((r) => r.id), ['invalid-front-matter']);
  });
});

describe('rule messages and ranges', () => {
  it('unknown-lp names the closest LP and covers the entry exactly', () => {
    const text = readFixture('rules', 'unknown-lp.star.md');
    const [first, second] = lintText(text).findings.filter((f) => f.ruleId === 'unknown-lp');
    assert.match(first.message, /"Customer Obsesion".*"Customer Obsession"/);
    assert.deepStrictEqual(first.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 21 } });
    assert.strictEqual(first.fixes[0].kind, 'fix');
    assert.match(second.message, /"Teamwork" is not one of the 16/);
    assert.strictEqual(second.fixes[0].kind, 'suggestion', 'a far guess is offered, never applied on its own');
  });

  it('blame-language highlights the phrase itself', () => {
    const text = readFixture('rules', 'blame-language.star.md');
    const blame = lintText(text).findings.filter((f) => f.ruleId === 'blame-language');
    assert.deepStrictEqual(
      blame.map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)),
      ['their fault', "The platform team didn't deliver"],
    );
  });

  it('missing-personal-role counts the collective voice in its message', () => {
    const [finding] = lintText(readFixture('rules', 'missing-personal-role.star.md')).findings;
    assert.match(finding.message, /"we" or "the team" 2 times/);
    assert.strictEqual(finding.severity, 'warning');
  });

  it('scope-below-level points at the level value', () => {
    const [finding] = lintText(readFixture('rules', 'scope-below-level.star.md')).findings;
    assert.deepStrictEqual(finding.range, { start: { line: 3, character: 7 }, end: { line: 3, character: 9 } });
  });
});
