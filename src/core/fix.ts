import type { ResolvedConfig } from './config';
import { lintText } from './engine';
import type { Story } from './parse/story';
import type { Finding } from './types';

/** A replacement of [start, end) of a text, by UTF-16 offsets. */
interface Replacement {
  start: number;
  end: number;
  newText: string;
}

export interface FixResult {
  /** The text with every safe fix applied. */
  text: string;
  /** How many fixes were applied, over all passes. */
  fixesApplied: number;
  /** Lint passes that applied at least one fix. */
  passes: number;
  /** The findings of the fixed text: what is left for the user. */
  findings: Finding[];
}

/** Passes after which fixing stops even if a fix keeps offering itself (none should). */
export const MAX_FIX_PASSES = 10;

/**
 * Applies every safe fix (`kind: 'fix'`, never a suggestion) to a story text, lints again, and
 * repeats until no fix is left or `MAX_FIX_PASSES` passes have run, like `eslint --fix`. One fix
 * per finding, and only fixes whose edits neither overlap nor insert at the same point as one
 * already taken in the pass; the rest wait for the next pass, linted against the new text. Never
 * throws (see `lintText`).
 */
export function fixText(text: string, config: ResolvedConfig): FixResult {
  let current = text;
  let fixesApplied = 0;
  let passes = 0;
  let { story, findings } = lintText(current, config);
  while (passes < MAX_FIX_PASSES) {
    const { replacements, fixes } = safeReplacements(story, findings);
    if (fixes === 0) break;
    current = applyReplacements(current, replacements);
    fixesApplied += fixes;
    passes++;
    ({ story, findings } = lintText(current, config));
  }
  return { text: current, fixesApplied, passes, findings };
}

/** The first safe fix of each finding, as offsets, when it clashes with none already taken. */
function safeReplacements(story: Story, findings: readonly Finding[]): { replacements: Replacement[]; fixes: number } {
  const taken: Replacement[] = [];
  let fixes = 0;
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.kind === 'fix');
    if (!fix) continue;
    const edits = fix.edits.map((edit) => ({ start: story.lines.offsetAt(edit.range.start), end: story.lines.offsetAt(edit.range.end), newText: edit.newText }));
    if (edits.some((edit) => taken.some((other) => clash(edit, other)))) continue;
    taken.push(...edits);
    fixes++;
  }
  return { replacements: taken, fixes };
}

/** Two edits clash when they overlap, or insert at one point (their order would be a guess). */
function clash(a: Replacement, b: Replacement): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** Applies non-clashing replacements, last first, so earlier offsets stay put. */
function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = text;
  for (const { start, end, newText } of [...replacements].sort((a, b) => b.start - a.start)) out = out.slice(0, start) + newText + out.slice(end);
  return out;
}

/**
 * The smallest single replacement that turns `before` into `after`: their common start and end
 * are kept, so an editor keeps the cursor and marks outside the change. Offsets are into `before`.
 */
export function textChange(before: string, after: string): Replacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
