import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { LineIndex } from '../../src/core/text';
import type { TextEdit } from '../../src/core/types';

export const ROOT = join(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function readFixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

export function storyFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.star.md')).sort();
}

/** The text of every Markdown story the project keeps: the examples and every fixture, sorted by path. */
export function storyTexts(): string[] {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) paths.push(path);
    }
  };
  walk(join(ROOT, 'examples'));
  walk(FIXTURES);
  return paths.sort().map((path) => readFileSync(path, 'utf8'));
}

/** Applies non-overlapping edits, last first, the way an editor does. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

/**
 * Expectation markers: "expect: rule-a, rule-b" in an HTML comment or a YAML comment on the line
 * where each finding must start. Returns "line:rule" keys (0-based lines).
 */
export function expectedMarkers(text: string): string[] {
  const keys: string[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /expect: ([\w, -]+?)\s*(?:-->|$)/.exec(line);
    if (match) for (const rule of match[1].split(',').map((r) => r.trim()).filter(Boolean)) keys.push(`${index}:${rule}`);
  });
  return keys.sort();
}

/** The fastest of three runs of `work(input)`, in milliseconds: for growth checks, not speed goals. */
export function bestOfThreeMs<T>(work: (input: T) => unknown, input: T): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    work(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
