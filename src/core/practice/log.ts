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

/**
 * One practice session: one line of JSON in the log. The log is append-only and read by every
 * later version, so fields are only ever added, and added as optional: a line written before a
 * field existed still reads (`followUps` came with the follow-up drills; a drill of a story
 * with no question first logs `questionId: null`).
 */
export const practiceEntrySchema = z.object({
  /** ISO 8601 time the session ended. */
  date: z.iso.datetime({ offset: true }),
  /** The bank question answered; null for "Drill This Story", which asks no question first. */
  questionId: z.nullable(z.string().check(z.minLength(1))),
  /** The question's LPs, main first; for a story drill, the story's. */
  lps: z.array(z.string()),
  /** The story told, as a path relative to the workspace folder; null when none was picked. */
  story: z.nullable(z.string()),
  /** Seconds of the countdown used; 0 for a story drill, which has no countdown. */
  seconds: z.int().check(z.gte(0)),
  /** Seconds the countdown allowed; 0 for a story drill. */
  limit: z.int().check(z.gte(0)),
  checks: z.partial(z.object(checksShape)),
  /** Where the session ran. */
  source: z.enum(['vscode', 'cli']),
  /** The follow-up questions the user answered aloud, in the order asked (absent in logs written before the drills). */
  followUps: z.optional(z.array(z.string())),
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
  /**
   * Sessions per LP that were rehearsed in full: a story named as told and at least one of its
   * follow-ups answered aloud. Also counted in `byLp`.
   */
  rehearsedByLp: Map<string, number>;
  /** Keyed by the story path as logged (relative to the workspace folder). */
  byStory: Map<string, number>;
  /** Story drills, with no question, are in no count here. */
  byQuestion: Map<string, number>;
}

/** Whether a session told a named story and answered at least one follow-up about it aloud. */
export function rehearsed(entry: PracticeEntry): boolean {
  return entry.story !== null && (entry.followUps?.length ?? 0) > 0;
}

/** How many sessions each LP, story and question has had, from the entries of a log. */
export function practiceCounts(entries: readonly PracticeEntry[]): PracticeCounts {
  const counts: PracticeCounts = { byLp: new Map(), rehearsedByLp: new Map(), byStory: new Map(), byQuestion: new Map() };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const entry of entries) {
    for (const lp of new Set(entry.lps)) {
      bump(counts.byLp, lp);
      if (rehearsed(entry)) bump(counts.rehearsedByLp, lp);
    }
    if (entry.story) bump(counts.byStory, entry.story);
    if (entry.questionId) bump(counts.byQuestion, entry.questionId);
  }
  return counts;
}
