import type { Position, Range } from './types';

/** Maps offsets in a text to zero-based positions and back, in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before any "\r\n" or "\n". */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 && next - 1 >= this.lineStart(line) ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
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
    if (kind === WORD) {
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
/** Letters and digits are word characters; so is most of Unicode beyond Latin-1, bar punctuation. */
const CHAR_KIND = (() => {
  const kinds = new Uint8Array(65536);
  for (const [from, to] of [[48, 57], [65, 90], [97, 122], [0xc0, 0x1fff], [0x2070, 0x2fff], [0x3040, 0xfeff], [0xff10, 0xffef]]) kinds.fill(WORD, from, to + 1);
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

/** Every match of a global `pattern` inside the windows, with offsets into the whole text. */
export function matchesIn(text: string, windows: readonly Window[], pattern: RegExp): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  for (const [from, to] of windows) {
    // Start at a line or word start, so patterns that begin with \b never match mid-word.
    const start = from === 0 ? 0 : Math.max(text.lastIndexOf(' ', from), text.lastIndexOf('\n', from)) + 1;
    const slice = text.slice(start, to);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
      found.push({ index: start + match.index, text: match[0] });
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }
  return found;
}


/** Orders titles as a person reads them; one collator, since `localeCompare` builds one per call. */
export const byTitle: (a: string, b: string) => number = new Intl.Collator(undefined, { numeric: true }).compare;
