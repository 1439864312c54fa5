import * as assert from 'assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parseStory } from '../../src/core/parse/story';

/**
 * The story scanner reads only what it needs of Markdown (code, comments, headings), fast. This
 * holds it to markdown-it, a CommonMark parser, on generated stories: the same lines of code, the
 * same HTML comments, the same STAR headings.
 */
const md = new MarkdownIt({ html: true });
const STAR_WORDS = new Set(['Situation', 'Task', 'Action', 'Result']);

const LINES = [
  '', '', '', 'Situation', '## Situation', '### Action', '#### Result', '# Task', 'Result', 'Task', '------', '======', '---',
  '```', '```js', '```npm ci```', '~~~', '````', '    indented code', '\tcode after a tab', '      deeper', '- item', '1. item', '  - nested item', '    - four-space item',
  'text `code` more', 'a `<!--` in code', '`<!-- star-coach-disable -->` quoted', '<!-- a comment -->', '<!--', '-->', 'a <!-- inline --> b', 'a <!-- left open',
  'I did it.', 'text with `` two `` ticks', 'an `unclosed tick', 'We shipped.', '**Action:** bold label', 'Action:',
];
const document = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 24 }).map((lines) => lines.join('\n'));

function markdownIt(text: string) {
  const tokens = md.parse(text, {});
  const codeLines = new Set<number>();
  const comments: string[] = [];
  const headings = new Set<number>();
  tokens.forEach((token, i) => {
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) for (let l = token.map[0]; l < token.map[1]; l++) codeLines.add(l);
    if (token.type === 'html_block' && token.content.startsWith('<!--')) comments.push(innerComment(token.content));
    if (token.type === 'inline') for (const child of token.children ?? []) if (child.type === 'html_inline' && child.content.startsWith('<!--')) comments.push(innerComment(child.content));
    if (token.type === 'heading_open' && token.map && ['h2', 'h3', 'h4', 'h5', 'h6'].includes(token.tag) && STAR_WORDS.has(tokens[i + 1].content.trim().replace(/:$/, ''))) headings.add(token.map[0]);
  });
  return { codeLines, comments: comments.sort(), headings };
}

function innerComment(html: string): string {
  const close = html.indexOf('-->');
  return (close === -1 ? html.slice(4) : html.slice(4, close)).trim();
}

/** The body after a front matter of four lines: lines of the body count from its first. */
const FRONT_MATTER = '---\ntitle: T\nlps: [Ownership]\n---\n';

function scanner(body: string) {
  const story = parseStory(FRONT_MATTER + body);
  const codeLines = new Set<number>();
  for (const [start, end] of story.codeBlocks) for (let l = story.lines.positionAt(start).line; l <= story.lines.positionAt(end).line; l++) codeLines.add(l - 4);
  const headings = new Set(story.sections.filter((s) => s.style === 'heading' && s.kind !== 'other' && STAR_WORDS.has(s.title)).map((s) => s.line - 4));
  return { codeLines, comments: story.comments.map((c) => c.text).sort(), headings };
}

const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
/** Lines with something on them: whether a blank line belongs to a block changes nothing read. */
const written = (text: string, set: Set<number>) => {
  const lines = text.split(/\r\n|\r|\n/);
  return sorted(new Set([...set].filter((l) => (lines[l] ?? '').trim() !== '')));
};

describe('the story scanner reads Markdown as markdown-it does', () => {
  it('code blocks, HTML comments and STAR headings agree on generated stories', () => {
    fc.assert(
      fc.property(document, (text) => {
        // One known difference: an inline comment left open, then a code span that holds "<!--"
        // further on in the same paragraph. CommonMark lets whichever opens first win; the scanner
        // reads the code span first.
        fc.pre(!(/[^\n]<!--/.test(text) && /`[^`]*<!--/.test(text)));
        const ours = scanner(text);
        const theirs = markdownIt(text);
        assert.deepStrictEqual(written(text, ours.codeLines), written(text, theirs.codeLines), `code lines of ${JSON.stringify(text)}`);
        assert.deepStrictEqual(ours.comments, theirs.comments, `comments of ${JSON.stringify(text)}`);
        assert.deepStrictEqual(sorted(ours.headings), sorted(theirs.headings), `headings of ${JSON.stringify(text)}`);
      }),
      // A fixed seed by default, so that a run is repeatable; STAR_COACH_SEED explores others.
      { numRuns: 3000, seed: Number(process.env.STAR_COACH_SEED ?? 20261129) },
    );
  });

  it('a comment opener in inline code or left open in a paragraph hides nothing, and a quoted directive is not obeyed', () => {
    const story = '---\ntitle: T\nlps: [Ownership]\n---\n## Situation\nThe parser choked on `<!--` in a config.\n## Task\nFix it; a <!-- was left open here.\n## Action\nI wrote `<!-- star-coach-disable -->` in the docs and we worked hard.\n## Result\nErrors fell 90%.\n';
    const parsed = parseStory(story);
    assert.deepStrictEqual(parsed.sections.map((s) => s.kind), ['situation', 'task', 'action', 'result']);
    assert.deepStrictEqual(parsed.comments, []);
  });
});
