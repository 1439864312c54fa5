import { drillQuestions, type DrillKind, type DrillQuestion } from '../drill/followUps';
import type { Story } from '../parse/story';
import type { StoryProfile } from '../plan/profile';
import { practiceEntrySchema, type PracticeEntry } from './log';

/** A story of the bank as a session needs it: the parsed text for its follow-ups, the profile for its ranking. */
export interface TellableStory {
  /** `profile.summary.id` names the story: its URI in the editor, its path in the terminal. */
  profile: StoryProfile;
  story: Story;
}

/** One follow-up as shown: its prepared answer only once the user has answered it aloud. */
export interface AskedFollowUp {
  kind: DrillKind;
  question: string;
  answered: boolean;
  /** The story's prepared answer: present only when `answered` and the story keeps one. */
  prepared?: string;
}

/** What a drill shows: the follow-ups asked so far, in order, and how many there are. */
export interface DrillState {
  asked: AskedFollowUp[];
  total: number;
  /** Every follow-up has been answered aloud. */
  finished: boolean;
}

/**
 * The follow-up drill: one question at a time; the user answers it aloud, then sees the prepared
 * answer the story keeps for it, then asks for the next. A prepared answer never shows before the
 * question is answered, and the next question never before the current one is.
 */
export class DrillSession {
  /** Follow-ups answered aloud: the first `answeredCount` of `questions`. */
  private answeredCount = 0;
  /** Follow-ups shown: the answered ones and, until the end, the one being asked. */
  private askedCount: number;

  constructor(readonly questions: readonly DrillQuestion[]) {
    this.askedCount = Math.min(1, questions.length);
  }

  /** The user answered the question being asked aloud: its prepared answer shows. */
  answered(): void {
    if (this.answeredCount < this.askedCount) this.answeredCount = this.askedCount;
  }

  /** Asks the next question, once the one being asked is answered. */
  next(): void {
    if (this.answeredCount === this.askedCount && this.askedCount < this.questions.length) this.askedCount++;
  }

  /** Every question has been answered aloud (a drill with no question is finished at once). */
  get finished(): boolean {
    return this.answeredCount === this.questions.length;
  }

  /** The follow-ups answered aloud, in the order asked: what the practice log records. */
  drilled(): string[] {
    return this.questions.slice(0, this.answeredCount).map((q) => q.question);
  }

  /** What to show, prepared answers withheld until answered. */
  state(): DrillState {
    const asked = this.questions.slice(0, this.askedCount).map((q, i): AskedFollowUp => {
      const answered = i < this.answeredCount;
      return { kind: q.kind, question: q.question, answered, ...(answered && q.prepared ? { prepared: q.prepared } : {}) };
    });
    return { asked, total: this.questions.length, finished: this.finished };
  }
}

/**
 * "Drill This Story": the follow-ups of one story with no question first, then an entry in the
 * practice log naming the story and the follow-ups answered. The view only renders it.
 */
export class StoryDrillSession {
  phase: 'follow-ups' | 'saved' = 'follow-ups';
  readonly drill: DrillSession;

  /** The follow-ups come from `drillQuestions`: the story's numbers, its "we", its learning, its scope, then the bank's probes for its main LP. */
  constructor(readonly told: TellableStory) {
    this.drill = new DrillSession(drillQuestions(told.story));
  }

  /**
   * The practice log entry: no question (`questionId: null`), the story's LPs, no countdown
   * (`seconds` and `limit` 0), the follow-ups answered aloud. `storyPath` is the story relative to
   * the workspace folder; `date` the ISO 8601 time it ended. Throws a ZodError only for a
   * malformed date.
   */
  entry(storyPath: string, source: PracticeEntry['source'], date: string): PracticeEntry {
    return practiceEntrySchema.parse({
      date,
      questionId: null,
      lps: this.told.profile.summary.lpIds,
      story: storyPath,
      seconds: 0,
      limit: 0,
      checks: {},
      source,
      followUps: this.drill.drilled(),
    });
  }

  /** The entry is in the log. */
  saved(): void {
    this.phase = 'saved';
  }
}
