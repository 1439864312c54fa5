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
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWordChar(code, text, i)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && isJoiner(code) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1), text, i + 1)) {
      // "don't", "1.5", "on-call": the word goes on
    } else {
      inWord = false;
    }
  }
  return words;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordChar(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return NON_ASCII_WORD.test(text[at]);
}

function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 46 || code === 44 || code === 45;
}

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

