import type { ReadJob } from './bankLedger';
import { breathe, type Clock, type ReadAnswers, type StoryReader } from './bankIndex';
import type { ResolvedConfig } from './config';
import { countStory } from './coverage';
import { LARGE_STORY_CHARS, unreadableReason, type LintResult } from './engine';
import { checkedOf, checkText, countText, type Checked } from './scan';

/** Where the host's reader gets a story's text and settings. */
export interface StorySource<Ref> {
  /** The story's text (an editor's unsaved text before the file's), or undefined when the file cannot be read (deleted). */
  text(ref: Ref): Promise<string | undefined>;
  /** The settings that apply to the story. */
  config(ref: Ref): Promise<ResolvedConfig>;
  /** Checks a story too large to check on the host's thread (on the worker thread where there is one). */
  checkLarge(text: string, config: ResolvedConfig): Promise<Checked>;
  /**
   * The story and findings, under `config`, of an editor's unsaved text, from the editor's own
   * lint of that version (made now if no feature has made it yet); undefined when no editor holds
   * unsaved text of the story. So a story being typed in is parsed and linted once per version.
   */
  linted?(ref: Ref, config: ResolvedConfig): LintResult | undefined;
}

/** A counted story waiting for its check: its text, or the editor's lint of it. */
interface ToCheck<Ref> {
  job: ReadJob<Ref>;
  text: string;
  config: ResolvedConfig;
  linted?: LintResult;
}

/** Files read at once: enough to keep the disk busy; more only queue up in Node's thread pool. */
const READERS = 64;
/** The longest stretch of checking before the host gets the thread back. */
const SLICE_MS = 8;

/**
 * The story reader that runs on the extension host's thread, for whatever the worker does not
 * take (other file systems, unsaved edits, the web build, or the worker gone): it reads READERS
 * files at once and counts each as it comes, then checks them in slices of SLICE_MS, giving the
 * thread back between slices so that typing never waits long.
 */
export class SliceReader<Ref> implements StoryReader<Ref> {
  /** Counted stories waiting for their check; a newer read of the same story replaces the older. */
  private readonly toCheck = new Map<string, ToCheck<Ref>>();
  /** Taken from `toCheck`, a slice at a time (popping a list is cheaper than taking a Map's first entry). */
  private slice: Array<ToCheck<Ref>> = [];
  private slicing: Promise<void> | undefined;

  constructor(
    private readonly source: StorySource<Ref>,
    private readonly clock: Clock,
    private readonly answers: ReadAnswers,
  ) {}

  takes(jobs: Array<ReadJob<Ref>>): Array<ReadJob<Ref>> {
    return jobs;
  }

  configure(): void {}

  get checking(): boolean {
    return this.toCheck.size > 0 || this.slice.length > 0;
  }

  async count(jobs: Array<ReadJob<Ref>>): Promise<void> {
    let next = 0;
    const reader = async () => {
      while (next < jobs.length) await this.countOne(jobs[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(READERS, jobs.length) }, reader));
  }

  private async countOne(job: ReadJob<Ref>): Promise<void> {
    const text = await this.source.text(job.ref);
    if (text === undefined) {
      this.answers.counted(job, undefined);
      return;
    }
    const config = await this.source.config(job.ref);
    // What cannot be a story (binary, too large) stays uncounted, however an editor shows it.
    const linted = unreadableReason(text) ? undefined : this.source.linted?.(job.ref, config);
    const summary = linted ? countStory(job.id, linted.story.frontMatter) : countText(job.id, text);
    if (this.answers.counted(job, summary)) this.toCheck.set(job.id, { job, text, config, linted });
  }

  check(): Promise<void> {
    this.slicing ??= this.checkSlice().finally(() => (this.slicing = undefined));
    return this.slicing;
  }

  /** Checks waiting stories for one slice, then gives the thread back. */
  private async checkSlice(): Promise<void> {
    const started = this.clock.now();
    if (this.slice.length === 0) {
      this.slice = [...this.toCheck.values()];
      this.toCheck.clear();
    }
    while (this.slice.length > 0) {
      const { job, text, config, linted } = this.slice.pop()!;
      if (!this.answers.isCurrent(job)) continue;
      // A large story goes elsewhere: the await lets a deletion or a newer read overtake it.
      const checked = linted
        ? checkedOf(linted)
        : text.length <= LARGE_STORY_CHARS
          ? checkText(text, config)
          : await this.source.checkLarge(text, config);
      this.answers.checked(job, checked);
      if (this.clock.now() - started >= SLICE_MS) break;
    }
    await breathe(this.clock);
  }
}
