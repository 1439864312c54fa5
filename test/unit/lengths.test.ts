import * as assert from 'assert';
import { resolveConfig } from '../../src/core/config';
import { lintText } from '../../src/core/engine';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

function story(parts: { situation: number; task: number; action: number; result: number; short?: number }): string {
  return [
    '---',
    'title: Generated',
    'lps: [Ownership, Dive Deep]',
    '---',
    '## Situation',
    words(parts.situation),
    '## Task',
    words(parts.task),
    '## Action',
    `I ${words(parts.action - 1)}`,
    '## Result',
    `Cut cost by 10% ${words(parts.result - 4)}`,
    ...(parts.short ? ['## Short version', words(parts.short)] : []),
    '',
  ].join('\n');
}

const rules = (text: string, config = resolveConfig()) => lintText(text, config).findings.map((f) => f.ruleId);

describe('too-long', () => {
  it('stays quiet at 3 minutes (450 words at 150 a minute)', () => {
    assert.deepStrictEqual(rules(story({ situation: 60, task: 40, action: 250, result: 100 })), []);
  });

  it('reports the estimate past the limit', () => {
    const { findings } = lintText(story({ situation: 60, task: 40, action: 300, result: 140 }));
    const long = findings.filter((f) => f.ruleId === 'too-long');
    assert.strictEqual(long.length, 1);
    assert.match(long[0].message, /About 3\.6 minutes to tell \(540 words at 150 a minute\); aim for 3/);
    assert.strictEqual(long[0].severity, 'information');
    assert.strictEqual(long[0].range.start.line, 4, 'on the Situation heading');
  });

  it('checks the Short version against its own limit', () => {
    const { findings } = lintText(story({ situation: 30, task: 20, action: 120, result: 40, short: 320 }));
    assert.deepStrictEqual(findings.map((f) => f.message), ['The Short version takes about 2.1 minutes (320 words); keep it under 2.']);
  });

  it('follows the configured pace and limits', () => {
    const text = story({ situation: 60, task: 40, action: 300, result: 140 });
    assert.deepStrictEqual(rules(text, resolveConfig({ wordsPerMinute: 200 })), []);
    assert.deepStrictEqual(rules(text, resolveConfig({ rules: { 'too-long': { maxMinutes: 4 } } })), []);
  });
});

describe('situation-heavy', () => {
  it('flags a story that is mostly background', () => {
    const { findings } = lintText(story({ situation: 120, task: 40, action: 100, result: 40 }));
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['situation-heavy']);
    assert.match(findings[0].message, /Situation and Task take 53% of the story \(aim under about a third\); the Action has 33%/);
  });

  it('flags a thin Action even when the setup is short', () => {
    const { findings } = lintText(story({ situation: 40, task: 20, action: 60, result: 100 }));
    assert.deepStrictEqual(findings.map((f) => f.message), ['The Action is only 27% of the story (aim for 40% or more). Say more about your decisions and steps.']);
  });

  it('leaves short drafts alone', () => {
    assert.deepStrictEqual(rules(story({ situation: 20, task: 5, action: 8, result: 6 })), []);
  });

  it('checks a short story too, with a wider margin: one sentence moves a share by ten points', () => {
    // 65 words: a one-sentence Action under a long setup is thin however short the story.
    assert.ok(rules(story({ situation: 30, task: 10, action: 15, result: 10 })).includes('situation-heavy'));
    // 60 words at 48% setup and 27% Action: past the aim, inside the short story's margin.
    assert.ok(!rules(story({ situation: 22, task: 7, action: 16, result: 15 })).includes('situation-heavy'));
    // The same shares over 120 words are past the margin a full story gets.
    assert.ok(rules(story({ situation: 44, task: 14, action: 32, result: 30 })).includes('situation-heavy'));
  });

  it('leaves a story with no Result yet to missing-section', () => {
    const text = story({ situation: 60, task: 20, action: 30, result: 4 }).replace(/## Result\n.*\n/, '## Result\n\n');
    assert.deepStrictEqual(rules(text).filter((id) => id === 'situation-heavy'), []);
    assert.ok(rules(text).includes('missing-section'));
  });
});
