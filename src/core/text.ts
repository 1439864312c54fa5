import type { Position, Range } from './types';

/**
 * Maps offsets in a text to zero-based positions and back, in O(log lines). Lines break where
 * VS Code breaks them, at CRLF, lone CR and LF, so the CLI and the editor agree on every line number.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (code === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its CRLF, CR or LF. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[Math.max(0, line + 1)];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  /** Offset just after the line's line break (the next line's start), or the text's end on the last line. */
  nextLineStart(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /**
   * The position of an offset as an editor can show it: an offset inside a line break is the end
   * of that line's content, and one between the two halves of a surrogate pair moves before the pair.
   */
  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, this.text.length));
    if (isLowSurrogate(this.text.charCodeAt(clamped)) && isHighSurrogate(this.text.charCodeAt(clamped - 1))) clamped--;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    return Math.min(this.lineStart(position.line) + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole of a line, without its line break. */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Counts words the way a speaker says them: runs of letters or digits, with inner ' . , - kept
 * ("don't", "1.5", "on-call" are one word). A character loop: it runs on every keystroke.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const kind = CHAR_KIND[text.charCodeAt(i)];
    if (kind === SYLLABLE) {
      // Chinese and Japanese are written without spaces: each character is about one spoken word.
      words++;
      inWord = false;
    } else if (kind === WORD) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(kind === JOINER && inWord && i + 1 < length && CHAR_KIND[text.charCodeAt(i + 1)] === WORD)) {
      inWord = false;
    }
  }
  return words;
}

const WORD = 1;
const JOINER = 2;
const SYLLABLE = 3;
/**
 * Letters and digits are word characters, in every script; symbols, arrows, box drawing and emoji
 * (surrogate pairs) are not spoken. Han ideographs and kana are each a word of their own.
 */
const CHAR_KIND = (() => {
  const kinds = new Uint8Array(65536);
  for (const [from, to] of [[48, 57], [65, 90], [97, 122], [0xc0, 0x1fff], [0x2070, 0x209f], [0x2c00, 0x2dff], [0x3040, 0xd7ff], [0xf900, 0xfeff], [0xff10, 0xffef]]) kinds.fill(WORD, from, to + 1);
  for (const [from, to] of [[0x3040, 0x30ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]) kinds.fill(SYLLABLE, from, to + 1);
  kinds[0xd7] = kinds[0xf7] = 0;
  for (const code of [39, 0x2019, 46, 44, 45]) kinds[code] = JOINER;
  return kinds;
})();

export type Window = [start: number, end: number];

/** Sorts windows and merges those that overlap, so each stretch of text is scanned once. */
export function mergeWindows(windows: Window[]): Window[] {
  if (windows.length < 2) return windows;
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Window[] = [[windows[0][0], windows[0][1]]];
  for (const [from, to] of windows) {
    const last = merged[merged.length - 1];
    if (from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

/** Two letters together: a word, where a lone letter may be a part's marker ("R"). */
export const TWO_LETTERS = /\p{L}{2}/u;

/** V8 compiles a regex to machine code at its first run on a subject of at least this many characters. */
export const COMPILING_SUBJECT_CHARS = 1000;
/** Control characters: no pattern of the engine matches them, so the run that compiles finds nothing at once. */
const COMPILING_SUBJECT = '\u0001'.repeat(COMPILING_SUBJECT_CHARS);
const compiled = new WeakSet<RegExp>();

/**
 * Returns `pattern`, compiled to machine code the first time it is given here. V8 runs a new
 * regex in its bytecode interpreter and compiles it to machine code at its second run; for a long
 * alternation, building the bytecode costs many times the machine code (the word quantities of
 * quantities.ts: 60 to 140 ms against 7 to 13 ms, measured on node 20 and 24), and the first
 * story linted after start-up paid for every pattern at once, on the editor's thread. One run on a
 * subject of COMPILING_SUBJECT_CHARS characters makes V8 compile at once; any other engine only
 * scans it. The code compiled is for one-byte text; V8 compiles the code for text with characters
 * past U+00FF (curly quotes, dashes) at its first such run, straight to machine code once the
 * pattern has been compiled. `pattern.lastIndex` is left as it was. For every pattern given to
 * `matchesOf` or `matchesIn`, and every pattern longer than LONG_PATTERN_CHARS.
 */
export function compiledNow<T extends RegExp>(pattern: T): T {
  if (!compiled.has(pattern)) {
    compiled.add(pattern);
    const lastIndex = pattern.lastIndex;
    pattern.lastIndex = 0;
    pattern.test(COMPILING_SUBJECT);
    pattern.lastIndex = lastIndex;
  }
  return pattern;
}

/** Patterns of more characters than this are compiled before their first use (see `compiledNow`). */
export const LONG_PATTERN_CHARS = 500;

/**
 * Every match of a global `pattern` in the text, in order, found by the pattern itself (compiled
 * first: see `compiledNow`), all of them before any is returned, so that a caller may run the same
 * pattern again while it goes through them. The search starts at 0, whatever `pattern.lastIndex`
 * was, and leaves it at 0; after an empty match it moves on by a character (a whole surrogate pair
 * for a `u` pattern), as `matchAll` does. `text.matchAll(pattern)` runs a copy of the pattern
 * instead, and a copy keeps its compiled code only in V8's regex cache, which full garbage
 * collections empty: after a few, the copy of a long pattern was compiled all over again (the word
 * quantities: 70 to 180 ms on the editor's thread, measured on node 20 and 24). Throws a TypeError,
 * as `matchAll` does, for a pattern without the g flag.
 */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: /${pattern.source}/${pattern.flags}`);
  compiledNow(pattern);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (match[0].length === 0) pattern.lastIndex = afterEmptyMatch(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'));
  }
  pattern.lastIndex = 0;
  return found;
}

/** Where a search goes on after an empty match at `at`: the next character, a whole surrogate pair in unicode mode (the spec's AdvanceStringIndex). */
function afterEmptyMatch(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}

/** Every match of a global `pattern` inside the windows, with offsets into the whole text (see `matchesOf`). */
export function matchesIn(text: string, windows: readonly Window[], pattern: RegExp): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  for (const [from, to] of windows) {
    // Start at a word's start, so patterns that begin with \b never match mid-word: a window that
    // opens inside a word skips forward to the next space or line break (a few characters; the
    // window reaches well before its trigger). Searching backwards instead would cost a long line
    // once per window.
    let start = from;
    if (start > 0 && !isSpace(text.charCodeAt(start - 1))) {
      while (start < to && !isSpace(text.charCodeAt(start))) start++;
    }
    for (const match of matchesOf(text.slice(start, to), pattern)) found.push({ index: start + match.index, text: match[0] });
  }
  return found;
}


/** Orders titles as a person reads them; one collator, since `localeCompare` builds one per call. */
export const byTitle: (a: string, b: string) => number = new Intl.Collator(undefined, { numeric: true }).compare;

/**
 * Finds the next match of a global pattern at or after an offset, for offsets that only grow: the
 * last answer is kept while it still lies ahead, so many searches cost one pass of the text.
 * Returns -1 when there is none.
 */
export function forwardSearch(text: string, pattern: RegExp): (from: number) => number {
  let known = -2;
  return (from) => {
    if (known === -1 || known >= from) return known;
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    known = match ? match.index : -1;
    return known;
  };
}

/**
 * A span of the user's prose made fit to quote in a message: Markdown emphasis and list markers
 * dropped, speech marks around it dropped (the message quotes it in its own), runs of whitespace
 * made one space, and cut at a word with "…" when longer than
 * `maxChars` (characters, 90 by default). Empty when the span holds no words.
 */
export function quoteForMessage(text: string, start: number, end: number, maxChars = 90): string {
  const plain = text
    .slice(start, end)
    .replace(/(?:^|\n)[ \t]*(?:[-*+>]|\d{1,3}[.)])[ \t]+/g, ' ')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    // A sentence told as speech: the message quotes it in marks of its own.
    .replace(/^["“]\s*/, '')
    .replace(/\s*["”]$/, '');
  if (plain.length <= maxChars) return plain;
  const cut = plain.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The sentence of the text around an offset (offsets within the text): from after the last full
 * stop, question mark or line break before it to the next one, taking in that mark, without the
 * list markers and blanks at its start.
 */
export function sentenceAround(text: string, at: number): { start: number; end: number } {
  // A stop ends a sentence only before a blank or the end: "3.5 hours" and "e.g." run on.
  const stopAt = (i: number) => {
    const code = text.charCodeAt(i);
    return code === 10 || ((code === 46 || code === 33 || code === 63) && (i + 1 >= text.length || isRegExpSpace(text.charCodeAt(i + 1))));
  };
  let start = at;
  while (start > 0 && !stopAt(start - 1)) start--;
  let end = at;
  while (end < text.length && !stopAt(end)) end++;
  if (end < text.length && text.charCodeAt(end) !== 10) end++;
  // Blanks and list or heading marks: - * + > #
  while (start < end && (isRegExpSpace(text.charCodeAt(start)) || SENTENCE_LEAD_MARKS.has(text.charCodeAt(start)))) start++;
  return { start, end };
}

const SENTENCE_LEAD_MARKS = new Set([45, 42, 43, 62, 35]);

/** Whether a UTF-16 code unit is one a regex's `\s` matches (blanks, line ends, the Unicode spaces and the byte order mark). */
export function isRegExpSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The offset of the first character at or after `from` that a regex's `\S` matches, or -1: `text.search(/\S/)` without running a regex. */
export function firstNonSpace(text: string, from = 0): number {
  for (let at = from; at < text.length; at++) if (!isRegExpSpace(text.charCodeAt(at))) return at;
  return -1;
}
