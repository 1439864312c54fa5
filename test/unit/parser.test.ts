import * as assert from 'assert';
import { parseStory, sectionOf, sectionProse, type SectionKind } from '../../src/core/parse/story';
import { readFixture } from './helpers';

const kinds = (text: string) => parseStory(text).sections.map((s) => s.kind);

describe('parseStory: front matter', () => {
  it('reads the fields, lists in both styles, and keeps unknown keys', () => {
    const story = parseStory(readFixture('rules', 'clean-bold-labels.star.md'));
    assert.deepStrictEqual(story.frontMatter.meta.lps, ['Hire and Develop the Best', 'earn-trust']);
    assert.strictEqual(story.frontMatter.meta.level, 'L6');
    const flow = parseStory('---\ntitle: T\nlps: [A, B]\nlevel: l7\noutcome: Failure\nyear: "2024"\nnotes: mine\n---\n');
    assert.deepStrictEqual(flow.frontMatter.meta, { title: 'T', lps: ['A', 'B'], level: 'L7', outcome: 'failure', year: 2024, notes: 'mine' });
    assert.deepStrictEqual(flow.frontMatter.problems, []);
  });

  it('accepts a single LP as a list of one', () => {
    assert.deepStrictEqual(parseStory('---\ntitle: T\nlps: Ownership\n---\n').frontMatter.meta.lps, ['Ownership']);
  });

  it('keeps exact offsets of each LP entry, quotes included', () => {
    const text = '---\ntitle: T\nlps: ["Are Right, A Lot", dive-deep]\n---\n';
    const entries = parseStory(text).frontMatter.lpEntries;
    assert.deepStrictEqual(entries.map((e) => text.slice(e.start, e.end)), ['"Are Right, A Lot"', 'dive-deep']);
    assert.ok(entries.every((e) => e.inFlowList));
  });

  it('reports malformed YAML at the place it breaks, without throwing', () => {
    const text = '---\ntitle: T\nlps: [Ownership\nlevel: L6\n---\n## Situation\nx\n';
    const { problems } = parseStory(text).frontMatter;
    assert.ok(problems.length >= 1);
    assert.match(problems[0].message, /not valid YAML/);
    assert.ok(problems[0].start >= text.indexOf('['), 'points into the broken field');
  });

  it('says when the block never closes, or is not a map', () => {
    assert.match(parseStory('---\ntitle: T\n').frontMatter.problems[0].message, /never closes/);
    assert.match(parseStory('---\n- a\n- b\n---\n').frontMatter.problems[0].message, /key: value/);
    assert.match(parseStory('---\n---\n').frontMatter.problems[0].message, /empty/);
  });

  it('names missing required fields with an example', () => {
    const messages = parseStory('---\nlevel: L6\n---\n').frontMatter.problems.map((p) => p.message);
    assert.deepStrictEqual(messages, [
      'Front matter: title is missing (for example: title: Cut checkout latency before peak).',
      'Front matter: lps is missing (for example: lps: [Dive Deep, Deliver Results]).',
    ]);
  });

  it('handles a byte order mark and CRLF line endings', () => {
    const text = '\uFEFF---\r\ntitle: T\r\nlps: [Ownership]\r\n---\r\n## Situation\r\nA.\r\n## Result\r\nB.\r\n';
    const story = parseStory(text);
    assert.deepStrictEqual(story.frontMatter.problems, []);
    assert.deepStrictEqual(story.sections.map((s) => [s.kind, s.title]), [['situation', 'Situation'], ['result', 'Result']]);
    assert.strictEqual(sectionProse(story, story.sections[0]).trim(), 'A.');
  });
});

describe('parseStory: sections', () => {
  it('reads headings of level 2 and 3, case-insensitive, with aliases, and deeper ones only when they name a part', () => {
    const text = '## SITUATION\na\n### task\nb\n## Actions\nc\n## Result:\nd\n## Lessons Learned\ne\n## Short version\nf\n#### Step one\ng\n#### Situation\nh\n';
    assert.deepStrictEqual(kinds(text), ['situation', 'task', 'action', 'result', 'learning', 'short', 'situation']);
    const story = parseStory(text);
    assert.match(sectionProse(story, story.sections[5]), /#### Step one\ng\n$/);
  });

  it('reads label lines exactly like headings, with text on the line or below', () => {
    const story = parseStory(readFixture('rules', 'clean-labels.star.md'));
    assert.deepStrictEqual(story.sections.map((s) => s.kind), ['situation', 'task', 'action', 'result']);
    assert.strictEqual(sectionProse(story, sectionOf(story, 'situation')!).trim(), 'Our on-call handover was a 40-minute meeting every Monday.');
    assert.match(sectionProse(story, sectionOf(story, 'action')!), /^\n- Wrote a bot/);
  });

  it('reads bold labels in both placements', () => {
    assert.deepStrictEqual(kinds(readFixture('rules', 'clean-bold-labels.star.md')), ['situation', 'task', 'action', 'result']);
    assert.deepStrictEqual(kinds('__Situation__: a\n**What I learned:** b\nLearning: c\n'), ['situation', 'learning', 'learning']);
  });

  it('takes single-letter labels only in capitals', () => {
    assert.deepStrictEqual(kinds('S: a\ns: not a label\nR: b\n'), ['situation', 'result']);
  });

  it('never makes sections from fenced code or HTML comments', () => {
    const story = parseStory(readFixture('rules', 'code-and-comments.star.md'));
    assert.deepStrictEqual(story.sections.map((s) => s.kind), ['situation', 'task', 'action', 'result']);
    assert.doesNotMatch(story.prose, /inside a (comment|code block)/);
    assert.strictEqual(story.prose.length, story.text.length, 'prose keeps every offset');
  });

  it('ends a section at any heading of level 1 to 3, and keeps other headings as other', () => {
    const story = parseStory('## Result\nCut 10%.\n## Notes\nnot spoken\n');
    assert.deepStrictEqual(story.sections.map((s) => s.kind as SectionKind), ['result', 'other']);
    assert.strictEqual(sectionProse(story, story.sections[0]), 'Cut 10%.\n');
  });

  it('keeps exact positions of headings and labels', () => {
    const text = '---\ntitle: T\nlps: [Ownership]\n---\n\n## Situation\nx\n  **Result:** y\n';
    const story = parseStory(text);
    const [situation, result] = story.sections;
    assert.deepStrictEqual(story.lines.positionAt(situation.titleStart), { line: 5, character: 3 });
    assert.strictEqual(text.slice(result.titleStart, result.titleEnd), 'Result');
    assert.strictEqual(text.slice(result.bodyStart, result.bodyEnd), 'y\n');
  });
});
