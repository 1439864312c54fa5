import * as assert from 'assert';
import fc from 'fast-check';
import { parse } from 'yaml';
import { allLps } from '../../src/core/catalog';
import { frontMatterText, yamlFlowItem, yamlFlowList, yamlScalar } from '../../src/core/format/frontMatterText';
import { parseFrontMatter } from '../../src/core/parse/frontMatter';
import { parseStory } from '../../src/core/parse/story';
import { storyTemplate } from '../../src/core/templates';

/** Titles that YAML reads as something else when written unquoted. */
const HOSTILE_TITLES = [
  'Fixed it: the #1 bug',
  'Cut latency #perf',
  'He said "ship it"',
  "It's 'done'",
  '- a leading dash',
  '[not a list',
  '{not a map',
  '*not an alias',
  '&not an anchor',
  '!not a tag',
  '%not a directive',
  '@reserved',
  '`backtick',
  'two\nlines',
  'a: b: c',
  '? question',
  'yes',
  '2024',
  'null',
  '~',
  '---',
  '...',
  'tab\there',
  '"',
  "'",
  '#',
  'ends with colon:',
  'Are Right, A Lot',
  'x'.repeat(300),
];

/** The YAML between the fences, as a YAML library reads it. */
function yamlOf(frontMatter: string): Record<string, unknown> {
  return parse(frontMatter.replace(/^---\n/, '').replace(/\n---$/, '')) as Record<string, unknown>;
}

describe('front matter written by STAR Coach', () => {
  for (const title of HOSTILE_TITLES) {
    it(`keeps the title ${JSON.stringify(title.length > 40 ? `${title.slice(0, 40)}…` : title)} whole`, () => {
      const text = frontMatterText({ title, lps: ['Dive Deep', 'Are Right, A Lot'], level: 'L6', outcome: 'success' });
      assert.strictEqual(yamlOf(text).title, title, 'the yaml library reads the same title back');
      const story = `${text}\n\n## Situation\n\nText.\n`;
      const parsed = parseFrontMatter(story);
      assert.deepStrictEqual(parsed.problems, [], 'no front matter problem');
      assert.strictEqual(parsed.meta.title, title.trim(), "the product's own parser reads the same title back");
      assert.deepStrictEqual(parsed.meta.lps, ['Dive Deep', 'Are Right, A Lot']);
      assert.strictEqual(text.split('\n').length, 6, 'one line per field');
    });
  }

  it('round-trips any title and any LP names (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }).filter((s) => s.trim().length > 0), fc.array(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), { minLength: 1, maxLength: 3 }), (title, lps) => {
        const text = frontMatterText({ title, lps, level: 'L7', outcome: 'failure' });
        const yaml = yamlOf(text);
        assert.strictEqual(yaml.title, title);
        assert.deepStrictEqual(yaml.lps, lps);
        assert.strictEqual(yaml.level, 'L7');
        const parsed = parseFrontMatter(`${text}\n`);
        assert.strictEqual(parsed.meta.title, title.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('writes plain values plainly', () => {
    assert.strictEqual(
      frontMatterText({ title: 'One platform for five ML teams!', lps: ['Think Big', 'Ownership'], level: 'L7', outcome: 'success' }),
      '---\ntitle: One platform for five ML teams!\nlps: [Think Big, Ownership]\nlevel: L7\noutcome: success\n---',
    );
    assert.strictEqual(yamlScalar('Dive Deep'), 'Dive Deep');
    assert.strictEqual(yamlFlowList(['Dive Deep', 'Are Right, A Lot']), '[Dive Deep, "Are Right, A Lot"]');
    assert.strictEqual(yamlFlowItem('Are Right, A Lot'), '"Are Right, A Lot"');
  });

  it('gives every catalog LP name back as written, in a list', () => {
    const names = allLps().map((lp) => lp.name);
    assert.deepStrictEqual(parse(`lps: ${yamlFlowList(names)}`).lps, names);
  });

  it('leaves the story template a valid story for a hostile title', () => {
    const title = 'Fixed it: the #1 "bug" - [really]';
    const story = parseStory(storyTemplate({ title, lps: allLps().slice(0, 2), level: 'L6' }));
    assert.deepStrictEqual(story.frontMatter.problems, []);
    assert.strictEqual(story.frontMatter.meta.title, title);
    assert.deepStrictEqual(story.frontMatter.meta.lps, allLps().slice(0, 2).map((lp) => lp.name));
  });

  it('numbers the snippet tab stops as before', () => {
    const snippet = frontMatterText({ title: 'Story title', lps: [], level: 'L6', outcome: 'success' }, (n, text) => `\${${n}:${text}}`);
    assert.strictEqual(snippet, '---\ntitle: ${1:Story title}\nlps: [${8:Dive Deep}]\nlevel: L6\noutcome: ${2:success}\n---');
  });
});
