import type { Question } from '../catalog';
import { drillQuestions } from '../drill/followUps';
import { storyWords, StoryMatcher, type MatchContext, type TermedBank } from '../match/rank';
import type { MockPhase, MockStory } from '../views/mockPage';
import { DrillSession, type TellableStory } from './drill';
import { practiceEntrySchema, SELF_CHECKS, type PracticeEntry, type SelfCheckId } from './log';

/** Milliseconds since some fixed moment: `Date.now` in use, a fake in tests. */
export type ClockMs = () => number;

/** The bank as `storiesForQuestion` ranks it: its stories, parsed or read ahead (see `TermedBank`), and how the matcher weighs them (plan, level). */
export interface RankedBank {
  stories: readonly TellableStory[] | TermedBank;
  /** The matcher's context but the time, which comes from the session's clock. */
  match?: Omit<MatchContext, 'now'>;
}

/**
 * What a mock session knows of the bank: the stories the user may say they told, parsed, and how
 * the matcher weighs them. Without `ranked`, `stories` is the whole bank and the session ranks it;
 * with it (the stories for the question, ranked already by `storiesForQuestion`, as an editor
 * does on the bank read ahead), the session lists `ranked` as given and `stories` need hold only those.
 */
export interface MockBank {
  stories: readonly TellableStory[];
  ranked?: readonly MockStory[];
  match?: Omit<MatchContext, 'now'>;
}

/** Stories listed for a mock question: the matcher's best few. */
export const MOCK_STORIES_SHOWN = 5;

/**
 * One mock question, from the first second of the answer to the saved log entry: the phases
 * (answer, story, follow-ups, self-check, saved), the countdown with pause and resume, the story
 * told (the matcher's best by default), the follow-up drill from that story, and the practice
 * entry it ends with. The editor's view and the terminal only render it and pass on what the user
 * does; neither keeps a state of its own. Times are in milliseconds inside, seconds where shown
 * or logged.
 */
export class MockSession {
  phase: MockPhase = 'answer';
  /** The answer ran out of time (rather than the user saying done). */
  timeUp = false;
  /** The bank's stories for the question, best first, ranked once when the session starts. */
  readonly stories: readonly MockStory[];
  /** The story the user says they told, once chosen; null for another story or none. */
  told: TellableStory | null | undefined;
  /** The follow-ups, from the story told, once it is chosen. */
  drill: DrillSession | undefined;
  private readonly bank: readonly TellableStory[];
  private usedBeforeMs = 0;
  /** When the clock last started, or undefined while stopped. */
  private runningSinceMs: number | undefined;

  /**
   * Starts the clock at once and ranks the bank's stories for the question (the same ranking as
   * "Which Story for This Question?"). `limitSeconds`: the countdown, a whole number of seconds,
   * at least 1. Throws a RangeError for any other limit (a caller's mistake, never the user's input).
   */
  constructor(
    readonly question: Question,
    readonly limitSeconds: number,
    bank: MockBank = { stories: [] },
    private readonly now: ClockMs = Date.now,
  ) {
    if (!Number.isInteger(limitSeconds) || limitSeconds < 1) throw new RangeError(`a mock answer needs a whole number of seconds, not ${limitSeconds}`);
    this.runningSinceMs = now();
    this.bank = bank.stories;
    this.stories = bank.ranked ?? storiesForQuestion(question, bank, new Date(now()));
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

  /** The answer is over (the user said done, or `timeUp`): the clock stops and the user says which story they told. */
  finishAnswer(timeUp = false): void {
    if (this.phase !== 'answer') return;
    this.pause();
    this.usedBeforeMs = Math.min(this.usedBeforeMs, this.limitSeconds * 1000);
    this.timeUp = timeUp;
    this.phase = 'story';
  }

  /** The story offered as told until the user picks another: the best ranked, or none. */
  get suggestedStory(): string | null {
    return this.stories[0]?.id ?? null;
  }

  /**
   * The user told this story (an id of the bank, as in `stories`), or another or none (null, or an
   * id the bank does not hold): the drill starts with the follow-ups from that story and the
   * question's own probes; with no story, the probes alone.
   */
  tellStory(id: string | null): void {
    if (this.phase !== 'story') return;
    this.told = (id !== null && this.bank.find((s) => s.profile.summary.id === id)) || null;
    const probes = this.question.followUps;
    this.drill = new DrillSession(this.told ? drillQuestions(this.told.story, { probes }) : probes.map((question) => ({ kind: 'probe' as const, question })));
    this.phase = 'follow-ups';
  }

  /** The follow-up being asked was answered aloud: its prepared answer shows. */
  answeredFollowUp(): void {
    if (this.phase === 'follow-ups') this.drill?.answered();
  }

  /** Asks the next follow-up, once the one being asked is answered. */
  nextFollowUp(): void {
    if (this.phase === 'follow-ups') this.drill?.next();
  }

  toSelfCheck(): void {
    if (this.phase === 'follow-ups') this.phase = 'self-check';
  }

  /**
   * The practice log entry for this session: the self-check answers (unknown ids dropped, missing
   * ones false), the story told (`storyPath`: `told` as a workspace-relative path, or null), the
   * follow-ups answered aloud, seconds used. `date` is the ISO 8601 time it ended. Throws (a zod
   * error) only if the question itself is malformed.
   */
  entry(checks: Partial<Record<string, boolean>>, storyPath: string | null, source: PracticeEntry['source'], date: string): PracticeEntry {
    const known = Object.fromEntries(SELF_CHECKS.map((c) => [c.id, checks[c.id] === true])) as Record<SelfCheckId, boolean>;
    return practiceEntrySchema.parse({
      date,
      questionId: this.question.id,
      lps: this.question.lps,
      story: storyPath,
      seconds: Math.min(this.limitSeconds, Math.round(this.usedMs() / 1000)),
      limit: this.limitSeconds,
      checks: known,
      source,
      followUps: this.drill?.drilled() ?? [],
    });
  }

  /** The entry is in the log: the session is over. */
  saved(): void {
    this.phase = 'saved';
  }
}

/**
 * The bank's stories for a question, best first, at most `MOCK_STORIES_SHOWN`: the ranking of
 * `StoryMatcher` (the one "Which Story for This Question?" and `star-coach match` show), each
 * with its reasons and how often it was practised. `now` is the time "told recently" counts from.
 */
export function storiesForQuestion(question: Question, bank: RankedBank, now: Date): MockStory[] {
  const ranked = 'terms' in bank.stories ? bank.stories : bank.stories.map(({ profile, story }) => ({ profile, text: storyWords(story) }));
  const profiles = 'terms' in ranked ? ranked.profiles : ranked.map((document) => document.profile);
  if (profiles.length === 0) return [];
  const matcher = new StoryMatcher(ranked);
  const practised = new Map(profiles.map((profile) => [profile.summary.id, profile.practiced]));
  return matcher.rank(question.text, { ...bank.match, now }, MOCK_STORIES_SHOWN).map((r) => ({ id: r.file, title: r.title, reasons: r.reasons, practised: practised.get(r.file) ?? 0 }));
}
