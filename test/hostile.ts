import fc from 'fast-check';
import type { Range } from '../src/core/types';

/**
 * Hostile story texts for the property tests and `npm run fuzz`: the shapes that have made
 * Markdown and YAML tools throw, hang or report positions an editor cannot show. Each generator
 * stands for a kind of input, not one example: prototype-named keys, YAML aliases and tags, every
 * line break (CRLF, lone CR, U+2028), lone surrogates, long runs of a character, packed trigger
 * words and many directives.
 */

const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'prototype', '__defineGetter__'];

const yamlValue = fc.oneof(
  fc.constantFrom('x', '', '1', 'true', 'null', '[a, b]', '{a: 1}', '!!binary aGVsbG8=', '!!str', '!!int x', '!!map', '&a x', '*a', '*nowhere', '"', "'", '|', '>-', '[', '{', '&a [*a]'),
  fc.string({ maxLength: 8 }),
);
const yamlKey = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'title', 'lps', 'level', 'outcome', 'year', 'tags', 'company', '? x', '<<', '- '), fc.string({ maxLength: 6 }));
const yamlLine = fc.tuple(yamlKey, yamlValue).map(([k, v]) => `${k}: ${v}`);

/** `a: &a x` then many `*a`: alias counts and chains over the parser's limits. */
const aliasBomb = fc.integer({ min: 1, max: 60 }).map((n) => {
  const lines = ['a0: &a0 [x, x]'];
  for (let i = 1; i < Math.min(n, 12); i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
  lines.push(`list: [${Array.from({ length: n }, () => '*a0').join(', ')}]`);
  return lines.join('\n');
});

const frontMatter = fc.oneof(
  fc.array(yamlLine, { maxLength: 8 }).map((lines) => ['title: T', 'lps: [Ownership]', ...lines].join('\n')),
  aliasBomb.map((bomb) => `title: T\nlps: [Dive Deep]\n${bomb}`),
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => `${key}: x\nlevel: L9\ntitle: 3`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `a: &a x\n${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}`),
);

const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\u000b', '\f'];
const LONE = ['\ud83d', '\ude00', '😀', '\ud800\ud800', '\udfff\ud800'];

/** One character repeated many times: runs that make a backtracking pattern or a nested loop slow. */
const longRun = fc.tuple(
  fc.constantFrom('#', ' ', '“', '«', '‘', '"', '`', '*', '_', '-', '<!--', '[', '(', 'I ', 'we ', '1', '%', ':', '|', '\\', '~', '> ', '- '),
  fc.integer({ min: 100, max: 4000 }),
  fc.constantFrom('', '\r', '\u2028', '\n', 'x'),
).map(([unit, n, end]) => unit.repeat(n) + end);

const VAGUE = ['worked hard', 'improved performance', 'helped the team', 'various stakeholders', 'I would usually', 'very successful', 'their fault', 'because of them', 'failed', 'mistake'];
const packed = fc.tuple(fc.constantFrom(...VAGUE, 'we', 'I', '10%', 'halved', 'we '), fc.integer({ min: 50, max: 2000 }), fc.constantFrom('', ' ', ', ')).map(([w, n, sep]) => Array.from({ length: n }, () => w).join(sep));

const DIRECTIVES = fc.integer({ min: 10, max: 1500 }).map((n) =>
  Array.from({ length: n }, (_, i) => `<!-- star-coach-${i % 3 === 0 ? 'disable' : i % 3 === 1 ? 'enable' : 'disable-next-line'} ${i % 2 ? 'vague-claim' : ''} -->\nWe worked hard.`).join('\n'),
);

const FRAGMENTS = [
  '---', '...', '+++', '## Situation', '## Task', '### Action', '## Result', '## Learning', '# Title', 'S:', '**Action:**', '- **Result**:', 'R: ',
  '```', '~~~', '    code', '<!--', '-->', '<!-- star-coach-disable -->', '`<!--`', '``', '<div>', 'Action\n------', 'I', 'we', 'the team', '"I did"', '“quoted”',
  '500 ms', '$2M', '99.9%', 'halved', 'their fault', 'worked hard', '\t', '[', ']', ':', '\ufeff', '\u00a0', 'İ', 'ß', 'ǅ', 'ﬃ',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 4, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 10, unit: 'binary' }) },
  { weight: 1, arbitrary: longRun },
  { weight: 1, arbitrary: packed },
);

const body = fc.array(piece, { maxLength: 50 }).map((parts) => parts.join(''));

/** A whole hostile story: front matter of any of the kinds above (or none), then a hostile body. */
export const hostileStory: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('---\n', '---\r\n', '---\r', '\ufeff---\n', ''), frontMatter, fc.constantFrom('\n---\n', '\r\n---\r\n', '\r---\r', '\n...\n', '\n'), body).map(([open, fm, close, rest]) => open + fm + close + rest),
  body,
  DIRECTIVES,
  fc.string({ unit: 'binary', maxLength: 300 }),
);

/** The lines of a text as VS Code counts them: split at CRLF, CR and LF. */
export function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Why a range is not a real position in the document as VS Code counts it (lines split at CRLF,
 * CR and LF, UTF-16 columns, never inside a surrogate pair, start before end), or undefined when
 * it is one.
 */
export function badRange(lines: readonly string[], range: Range): string | undefined {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(p.line) || p.line < 0 || p.line >= lines.length) return `${name} line ${p.line} of ${lines.length}`;
    const line = lines[p.line];
    if (!Number.isInteger(p.character) || p.character < 0 || p.character > line.length) return `${name} ${p.line}:${p.character} past the line's ${line.length} characters`;
    const before = line.charCodeAt(p.character - 1);
    const after = line.charCodeAt(p.character);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `${name} ${p.line}:${p.character} inside a surrogate pair`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'start after end';
  return undefined;
}
