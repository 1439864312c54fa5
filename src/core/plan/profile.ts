import { summarize, type StorySummary } from '../coverage';
import type { Story } from '../parse/story';
import type { PracticeEntry } from '../practice/log';
import type { Finding } from '../types';

/**
 * What the loop plan, the question matcher and the cheat sheet weigh about one story: its
 * summary (LPs primary first, level, the year it happened, whether the Result has a number, its
 * open problems) and how it has been practised.
 */
export interface StoryProfile {
  /** The summary the coverage index keeps; `summary.id` is the file's path or URI. */
  summary: StorySummary;
  /** Practice sessions logged for the story. */
  practiced: number;
  /** ISO 8601 time of the latest session that told the story, when there is one. */
  lastTold?: string;
}

/** How a story was practised: sessions per story path and the latest session's time, from the log's entries. */
export interface PracticeHistory {
  count(file: string): number;
  lastTold(file: string): string | undefined;
}

/** A practice history read from log entries, keyed by the story path as logged (relative to the workspace folder). */
export function practiceHistory(entries: readonly PracticeEntry[]): PracticeHistory {
  const counts = new Map<string, number>();
  const latest = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.story) continue;
    counts.set(entry.story, (counts.get(entry.story) ?? 0) + 1);
    const before = latest.get(entry.story);
    if (before === undefined || Date.parse(entry.date) > Date.parse(before)) latest.set(entry.story, entry.date);
  }
  return { count: (file) => counts.get(file) ?? 0, lastTold: (file) => latest.get(file) };
}

/** No sessions at all. */
export const NO_PRACTICE: PracticeHistory = { count: () => 0, lastTold: () => undefined };

/**
 * The profile of a parsed, linted story. `file` is its path as the practice log names it (relative
 * to the workspace folder, forward slashes) and is kept as the summary's id.
 */
export function profileStory(file: string, story: Story, findings: readonly Finding[], practice: PracticeHistory = NO_PRACTICE): StoryProfile {
  return profileSummary(summarize(file, story, findings), practice);
}

/**
 * The profile of a story the coverage index has counted and checked (its summary's id is the key
 * the practice log is read with): what the plan needs, without reading the story again.
 */
export function profileSummary(summary: StorySummary, practice: PracticeHistory = NO_PRACTICE): StoryProfile {
  const lastTold = practice.lastTold(summary.id);
  return { summary, practiced: practice.count(summary.id), ...(lastTold ? { lastTold } : {}) };
}

/** Open problems as the Problems panel lists them (errors, warnings, infos), 0 while unchecked. */
export function openProblems(profile: StoryProfile): number {
  const problems = profile.summary.check?.problems;
  return problems ? problems.errors + problems.warnings + problems.information : 0;
}
