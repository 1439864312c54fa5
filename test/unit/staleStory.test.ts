import * as assert from 'assert';
import { resolveConfig } from '../../src/core/config';
import { lintText } from '../../src/core/engine';
import { parseStory } from '../../src/core/parse/story';
import { staleStory } from '../../src/core/rules/staleStory';

const story = (year: string) => `---\ntitle: Old one\nlps: [Ownership]\nyear: ${year}\n---\n## Situation\nA thing.\n## Result\nSaved 40%.\n`;

describe('stale-story', () => {
  it('flags a year more than the window before the current year, on the year value', () => {
    const text = story('2019');
    const [issue] = staleStory.findIssues(parseStory(text), { years: 3 }, { wordsPerMinute: 150, currentYear: 2026, ruleIds: [] });
    assert.match(issue.message, /from 2019, 7 years ago/);
    assert.strictEqual(text.slice(issue.start, issue.end), '2019');
  });

  it('keeps quiet within the window, on the edge, without a year, and for a year given as text', () => {
    const check = (text: string, years = 3) => staleStory.findIssues(parseStory(text), { years }, { wordsPerMinute: 150, currentYear: 2026, ruleIds: [] });
    assert.deepStrictEqual(check(story('2023')), []);
    assert.deepStrictEqual(check(story('2024')), []);
    assert.deepStrictEqual(check(story('2030')), []);
    assert.deepStrictEqual(check('---\ntitle: T\nlps: [Ownership]\n---\n## Result\nx\n'), []);
    assert.strictEqual(check(story('"2015"')).length, 1, 'year: "2015" is normalised to a number');
    assert.deepStrictEqual(check(story('2019'), 10), []);
  });

  it('is off by default and on when a config turns it on, with its window', () => {
    assert.ok(!lintText(story('1990')).findings.some((f) => f.ruleId === 'stale-story'));
    const on = resolveConfig({ rules: { 'stale-story': { severity: 'information', years: 5 } } });
    const found = lintText(story('1990'), on).findings.filter((f) => f.ruleId === 'stale-story');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].severity, 'information');
    assert.ok(!lintText(story(String(new Date().getFullYear() - 5)), on).findings.some((f) => f.ruleId === 'stale-story'));
  });
});
