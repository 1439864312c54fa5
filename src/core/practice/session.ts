import type { Question } from '../catalog';
import type { CoverageIndex } from '../coverage';
import { byTitle } from '../text';
import type { MockPhase, MockStory } from '../views/mockPage';
import { practiceEntrySchema, SELF_CHECKS, type PracticeEntry, type SelfCheckId } from './log';

/** Milliseconds since some fixed moment: `Date.now` in use, a fake in tests. */
export type ClockMs = () => number;

/**
 * One mock question, from the first second of the answer to the saved log entry: the phases
 * (answer, follow-ups, self-check, saved), the countdown with pause and resume, the follow-ups
 * revealed one at a time, and the practice entry it ends with. The editor's view and the terminal
 * only render it and pass on what the user does; neither keeps a state of its own.
 * Times are in milliseconds inside, seconds where shown or logged.
 */
export class MockSession {
  phase: MockPhase = 'answer';
  /** The answer ran out of time (rather than the user saying done). */
  timeUp = false;
  /** How many follow-up probes are shown. */
  revealed = 0;
  private usedBeforeMs = 0;
  /** When the clock last started, or undefined while stopped. */
  private runningSinceMs: number | undefined;

  /**
   * Starts the clock at once. `limitSeconds`: the countdown, a whole number of seconds, at least 1.
   * Throws a RangeError for any other limit (a caller's mistake, never the user's input).
   */
  constructor(
    readonly question: Question,
    readonly limitSeconds: number,
    private readonly now: ClockMs = Date.now,
  ) {
    if (!Number.isInteger(limitSeconds) || limitSeconds < 1) throw new RangeError(`a mock answer needs a whole number of seconds, not ${limitSeconds}`);
    this.runningSinceMs = now();
  }

  /** Milliseconds of the countdown used so far. */
  usedMs(): number {
    return this.usedBeforeMs + (this.runningSinceMs === undefined ? 0 : this.now() - this.runningSinceMs);
  }

  /** Seconds left on the countdown, never below 0. */
  remainingSeconds(): number {
    return Math.max(0, this.limitSeconds - this.usedMs() / 1000);
  }

  /** Percent of the countdown used, 0 to 100. */
  progressPercent(): number {
    return Math.min(100, (this.usedMs() / (this.limitSeconds * 1000)) * 100);
  }

  /** The clock is stopped while the user still answers. */
  get paused(): boolean {
    return this.phase === 'answer' && this.runningSinceMs === undefined;
  }

  pause(): void {
    if (this.runningSinceMs === undefined) return;
    this.usedBeforeMs = this.usedMs();
    this.runningSinceMs = undefined;
  }

  resume(): void {
    if (this.phase === 'answer') this.runningSinceMs ??= this.now();
  }

  /**
   * Call on every tick of a timer: once the time is up the answer ends by itself. Returns true on
   * the tick that ended it, so the caller renders the follow-ups.
   */
  tick(): boolean {
    if (this.phase !== 'answer' || this.usedMs() < this.limitSeconds * 1000) return false;
    this.finishAnswer(true);
    return true;
  }

  /** The answer is over (the user said done, or `timeUp`): the clock stops, the first follow-up shows. */
  finishAnswer(timeUp = false): void {
    if (this.phase !== 'answer') return;
    this.pause();
    this.usedBeforeMs = Math.min(this.usedBeforeMs, this.limitSeconds * 1000);
    this.timeUp = timeUp;
    this.phase = 'follow-ups';
    this.revealed = 1;
  }

  /** Shows one more follow-up probe, up to the question's last. */
  nextFollowUp(): void {
    if (this.phase === 'follow-ups') this.revealed = Math.min(this.question.followUps.length, this.revealed + 1);
  }

  toSelfCheck(): void {
    if (this.phase === 'follow-ups') this.phase = 'self-check';
  }

  /**
   * The practice log entry for this session: the self-check answers (unknown ids dropped, missing
   * ones false), the story told as a workspace-relative path or null, seconds used. `date` is the
   * ISO 8601 time it ended. Throws (a zod error) only if the question itself is malformed.
   */
  entry(checks: Partial<Record<string, boolean>>, story: string | null, source: PracticeEntry['source'], date: string): PracticeEntry {
    const known = Object.fromEntries(SELF_CHECKS.map((c) => [c.id, checks[c.id] === true])) as Record<SelfCheckId, boolean>;
    return practiceEntrySchema.parse({
      date,
      questionId: this.question.id,
      lps: this.question.lps,
      story,
      seconds: Math.min(this.limitSeconds, Math.round(this.usedMs() / 1000)),
      limit: this.limitSeconds,
      checks: known,
      source,
    });
  }

  /** The entry is in the log: the session is over. */
  saved(): void {
    this.phase = 'saved';
  }
}

/**
 * The stories of the bank that claim the question's LPs, best first: a claim of the question's
 * main LP counts 4, of another 1, and a story that claims that LP first 2 more; ties by title.
 * `practised` counts sessions per story id (from the practice log).
 */
export function storiesForQuestion(question: Question, coverage: Pick<CoverageIndex, 'storiesOf'>, practised: ReadonlyMap<string, number> = new Map()): MockStory[] {
  const seen = new Map<string, MockStory & { score: number }>();
  for (const [rank, lpId] of question.lps.entries()) {
    for (const { story, primary } of coverage.storiesOf(lpId)) {
      const score = (seen.get(story.id)?.score ?? 0) + (rank === 0 ? 4 : 1) + (primary ? 2 : 0);
      seen.set(story.id, { id: story.id, title: story.title, level: story.level, practised: practised.get(story.id) ?? 0, score });
    }
  }
  return [...seen.values()].sort((a, b) => b.score - a.score || byTitle(a.title, b.title)).map(({ score: _score, ...story }) => story);
}
