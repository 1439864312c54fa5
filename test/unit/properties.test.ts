import * as assert from 'assert';
import fc from 'fast-check';
import { lintChunks, lintText, lintTexts } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config';
import { defineRule } from '../../src/core/rules/rule';
import { bestOfThreeMs, storyTexts } from './helpers';
import { parseStory } from '../../src/core/parse/story';
import { RULES } from '../../src/core/rules';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { badRange, editorLines, hostileStory } from '../hostile';
import { CoverageIndex, summarize } from '../../src/core/coverage';
import { toJsonFinding } from '../../src/core/format/json';
import { ANSI_PAINT, formatCoverageText, formatFindingsText, NO_PAINT, printable } from '../../src/core/format/terminal';

/** Pieces of stories, so generated texts hit the parser's and rules' interesting paths. */
const FRAGMENTS = [
  '---', '---\n', '...', 'title: T', 'lps: [Ownership, Dive Deep]', 'lps:\n  - Customer Obsesion', 'level: L7', 'outcome: failure',
  '## Situation', '## Task', '### Action', '## Result', '## Learning', '## Short version', '# Title', 'S:', 'T: ', '**Action:**', 'R: ',
  '```', '~~~', '<!--', '-->', '<!-- star-coach-disable -->', '<!-- star-coach-disable-next-line blame-language -->',
  'I', 'we', 'the team', '"I did"', '- Analyzed', '1. ', '500 ms', '$2M', '99.9%', 'halved', 'Q3 2025', 'L6', 'P99', 'v2.3.1',
  'their fault', 'worked hard', 'improved performance', 'VP', ' (S).', ' (Task),', ' (A)', ' (Result).', 'Situation I', 'Action We', '**S** — ', 'RESULT – ',
  '🎯 **Task:** ', '> **Result:** ', '**What was the situation?**', '## 3. IN ACTION: how', 'I would', "I'd", '"I would fix it."', '\r\n', '\n', '\n\n', ' ', 'é', '😀', '\t', '[', ']', ':', '"', "'",
];

const storyLike = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(storyLike, fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('properties (fast-check)', function () {
  // Thousands of generated stories each: seconds on a quiet machine, far more on a busy one.
  this.timeout(120_000);
  it('the parser never throws and keeps offsets inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const story = parseStory(text);
        assert.strictEqual(story.prose.length, text.length);
        for (const s of story.sections) {
          assert.ok(s.titleStart <= s.titleEnd && s.titleEnd <= text.length && s.bodyStart <= s.bodyEnd && s.bodyEnd <= text.length);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('no rule throws, and every finding and fix range is a real position in the editor', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostileStory), (text) => {
        const story = parseStory(text);
        for (const rule of RULES) rule.findIssues(story, DEFAULT_CONFIG.rules.get(rule.id)!.options, { wordsPerMinute: 150, ruleIds: RULES.map((r) => r.id) });
        const lines = editorLines(text);
        for (const finding of lintText(text).findings) {
          assert.doesNotMatch(finding.message, /could not check/);
          assert.strictEqual(badRange(lines, finding.range), undefined, `${finding.ruleId}: ${JSON.stringify(text.slice(0, 80))}`);
          for (const fix of finding.fixes) for (const edit of fix.edits) assert.strictEqual(badRange(lines, edit.range), undefined, `${finding.ruleId} fix`);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('a bank linted rule by rule (lintTexts) gives each story exactly what lintText gives it', () => {
    const configs = [DEFAULT_CONFIG, resolveConfig({ rules: { 'vague-claim': 'error', 'too-long': { maxMinutes: 0.5 }, 'unknown-lp': 'off' } })];
    const texts = storyTexts();
    assert.ok(texts.length > 300, `${texts.length} stories read`);
    for (const config of configs) assert.deepStrictEqual(lintTexts(texts, config), texts.map((text) => lintText(text, config)));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, hostileStory), { maxLength: 8 }), fc.constantFrom(...configs), (chunk, config) => {
        assert.deepStrictEqual(lintTexts(chunk, config), chunk.map((text) => lintText(text, config)));
      }),
      { numRuns: 300 },
    );
  });

  it('a bank is cut into chunks in order, none empty and none lost', () => {
    assert.deepStrictEqual([...lintChunks([])], []);
    const sizes = (n: number) => [...lintChunks(Array.from({ length: n }, (_, i) => i))].map((chunk) => chunk.length);
    assert.deepStrictEqual(sizes(3), [3]);
    assert.deepStrictEqual(sizes(513), [256, 256, 1]);
    assert.deepStrictEqual([...lintChunks(Array.from({ length: 300 }, (_, i) => i))].flat(), Array.from({ length: 300 }, (_, i) => i));
  });

  it('a rule that throws on one story of a chunk says so on that story alone, and a rule a story turns off is never run on it', () => {
    let runs = 0;
    const throwing = defineRule({
      id: 'throws-on-boom',
      description: 'Throws on a story that says BOOM.',
      defaultSeverity: 'warning',
      tags: [],
      docs: 'A test rule.',
      findIssues(story) {
        runs++;
        if (story.text.includes('BOOM')) throw new Error('boom');
        return [];
      },
    });
    const chunk = ['---\ntitle: A\nlps: [Ownership]\n---\n## Result\nCut it by 40%.', '---\ntitle: B\nlps: [Ownership]\n---\nBOOM', '## Action\nWe did it.', 'BOOM <!-- star-coach-disable-file throws-on-boom -->'];
    (RULES as unknown as Array<typeof throwing>).push(throwing);
    try {
      const results = lintTexts(chunk);
      assert.deepStrictEqual(results.map((result) => result.findings.filter((f) => /could not check throws-on-boom/.test(f.message)).length), [0, 1, 0, 0]);
      assert.strictEqual(runs, 3);
      assert.deepStrictEqual([results[0], results[2]], [lintText(chunk[0]), lintText(chunk[2])]);
    } finally {
      (RULES as unknown as unknown[]).pop();
    }
  });

  it('hostile documents never throw, and no story is refused for its size below the limits', () => {
    fc.assert(
      fc.property(hostileStory, (text) => {
        const { findings } = lintText(text);
        for (const finding of findings) assert.doesNotMatch(finding.message, /could not read this story/, JSON.stringify(text.slice(0, 120)));
      }),
      { numRuns: 1500 },
    );
  });

  it('costs grow in proportion to a long line packed with what the rules look for, not with its square', () => {
    // A growth check, not a speed goal: eight times the text costs about eight times the time;
    // work done once per match over the whole line (a walk out from each claim) costs 64 times.
    const lintMs = (text: string) => bestOfThreeMs((story: string) => lintText(story), text);
    const story = (unit: string, chars: number) => `---\ntitle: T\nlps: [Ownership]\n---\n## Situation\nS.\n## Task\nT.\n## Action\nI did it.\n## Result\n${unit.repeat(Math.ceil(chars / unit.length))}\n`;
    for (const unit of ['improved performance ', 'worked hard ', 'much faster ', 'their fault ', 'we ', 'I ', '10% ', 'team of 3 ', 'I would ']) {
      lintMs(story(unit, 10_000)); // warm
      const small = lintMs(story(unit, 10_000));
      const large = lintMs(story(unit, 80_000));
      assert.ok(large < 24 * Math.max(small, 1), `"${unit.trim()}": ${small.toFixed(1)} ms for 10,000 characters, ${large.toFixed(1)} ms for 80,000`);
    }
  });

  it('no control character from a story or a file name reaches the text output', () => {
    // Text rich in what a terminal acts on: every C0 control, DEL, every C1 control, and the
    // printable pieces of escape sequences around them.
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
    const hostile = fc.string({ unit: fc.oneof(control, fc.constantFrom('[', ']', '8', ';', '2J', 'm', 'a', ' ', '\\', 'é')), maxLength: 30 });
    const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.boolean(), (title, lp, fileName, colour) => {
        const text = `---\ntitle: ${JSON.stringify(title)}\nlps: [Ownership, ${JSON.stringify(lp)}]\n---\n## Situation\nS.\n## Result\n${title}\n`;
        const result = lintText(text, DEFAULT_CONFIG);
        const findings = result.findings.map((f) => toJsonFinding(fileName, f));
        const index = new CoverageIndex();
        index.upsert(summarize(fileName, result.story, result.findings));
        const paint = colour ? ANSI_PAINT : NO_PAINT;
        const output = formatFindingsText(findings, paint) + formatCoverageText(index.coverage(3), index.readiness(3), paint);
        // Colour on: the only escape sequences left are STAR Coach's own SGR colours.
        assert.doesNotMatch(output.replace(/\u001b\[\d+m/g, ''), controls);
        // Each finding stays on its own line: nothing from the input starts a new one.
        assert.strictEqual(formatFindingsText(findings).split('\n').length, findings.length ? findings.length + 4 : 1);
        assert.ok(!printable(fileName + title).includes('\n'));
      }),
      { numRuns: 1000 },
    );
  });
});

