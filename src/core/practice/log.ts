import * as z from 'zod/mini';
import '../validation';

/** Where the practice log lives, relative to the workspace folder. */
export const PRACTICE_LOG_PATH = '.star-coach/practice.jsonl';

export const SELF_CHECKS = [
  { id: 'quantified', label: 'I quantified the result' },
  { id: 'saidI', label: 'I said "I" for what I did, not only "we"' },
  { id: 'showedLp', label: 'I showed the Leadership Principle the question asked about' },
  { id: 'endedWithResult', label: 'I ended with the result and what I learned' },
] as const;
export type SelfCheckId = (typeof SELF_CHECKS)[number]['id'];

const checksShape = Object.fromEntries(SELF_CHECKS.map((c) => [c.id, z.boolean()])) as Record<SelfCheckId, z.ZodMiniBoolean>;

/** One practice session: one line of JSON in the log. */
export const practiceEntrySchema = z.object({
  /** ISO 8601 time the session ended. */
  date: z.iso.datetime({ offset: true }),
  questionId: z.string().check(z.minLength(1)),
  lps: z.array(z.string()),
  /** The story told, as a path relative to the workspace folder; null when none was picked. */
  story: z.nullable(z.string()),
  /** Seconds of the countdown used. */
  seconds: z.int().check(z.gte(0)),
  /** Seconds the countdown allowed. */
  limit: z.int().check(z.gte(0)),
  checks: z.partial(z.object(checksShape)),
  /** Where the session ran. */
  source: z.enum(['vscode', 'cli']),
});
export type PracticeEntry = z.infer<typeof practiceEntrySchema>;

export interface ParsedLog {
  entries: PracticeEntry[];
  /** 1-based line numbers that could not be read (a crash mid-write, a hand edit): skipped, never fatal. */
  damaged: number[];
}

/** Reads the entries of a log's text; empty lines are skipped and other bad lines listed, never thrown. */
export function parsePracticeLog(text: string): ParsedLog {
  const entries: PracticeEntry[] = [];
  const damaged: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      damaged.push(i + 1);
      continue;
    }
    const parsed = practiceEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else damaged.push(i + 1);
  }
  return { entries, damaged };
}

/**
 * The text to append for one entry: a newline, the entry as one line of JSON, a newline. Starting
 * every entry on a fresh line is what keeps appends independent: a line cut short by a crash or a
 * full disk never fuses with the entry after it, without reading the end of the file first (a read
 * that another writer could make stale). The reader skips the empty lines this leaves. Throws a
 * ZodError when the entry does not match `practiceEntrySchema`, so nothing invalid is written.
 */
export function entryLine(entry: PracticeEntry): string {
  return `\n${JSON.stringify(practiceEntrySchema.parse(entry))}\n`;
}

/** "once", "3 times": how often something was practised. */
export function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

export interface PracticeCounts {
  byLp: Map<string, number>;
  /** Keyed by the story path as logged (relative to the workspace folder). */
  byStory: Map<string, number>;
  byQuestion: Map<string, number>;
}

/** How many sessions each LP, story and question has had, from the entries of a log. */
export function practiceCounts(entries: readonly PracticeEntry[]): PracticeCounts {
  const counts: PracticeCounts = { byLp: new Map(), byStory: new Map(), byQuestion: new Map() };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const entry of entries) {
    for (const lp of new Set(entry.lps)) bump(counts.byLp, lp);
    if (entry.story) bump(counts.byStory, entry.story);
    bump(counts.byQuestion, entry.questionId);
  }
  return counts;
}
