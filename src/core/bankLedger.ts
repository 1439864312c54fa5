import { CoverageIndex, type StoryCheck, type StorySummary } from './coverage';

/**
 * What an answer did to the index: nothing (`stale`: it answers a read that a deletion, a newer
 * read or a configuration change has cancelled since; `unchanged`: a story that was not there is
 * still not there), counted it anew or differently (`counted`), counted it the same as before
 * (`same`: nothing a view shows changed), or removed it.
 */
export type Outcome = 'stale' | 'counted' | 'same' | 'removed' | 'unchanged';

/** One read of one story, handed to a reader: `read` numbers it among all the ledger's reads. */
export interface ReadJob<Ref> {
  id: string;
  ref: Ref;
  read: number;
}

/** What an answer names: the story and the read it answers. */
export type ReadTicket = Pick<ReadJob<unknown>, 'id' | 'read'>;

/**
 * The story index's bookkeeping, without any I/O: the coverage index, the stories waiting to be
 * read, and the reads handed to a reader that has not answered them yet (outstanding). It holds
 * the one rule for races: **an answer counts only if the read it answers is still the story's
 * outstanding read.** Every read taken gets a new number and replaces the story's outstanding
 * one; a deletion (of the story or of a folder above it) cancels it, and so does a change of the
 * configuration. A folder's deletion covers every story under it (ids are URIs; a story's id
 * starts with its folder's id and a slash).
 *
 * `Ref` is whatever the caller needs to read a story again (a VS Code Uri in the editor).
 */
export class BankLedger<Ref> {
  readonly coverage = new CoverageIndex();
  private readonly toRead = new Map<string, Ref>();
  private readonly outstanding = new Map<string, ReadJob<Ref>>();
  private reads = 0;

  /** Queues a story to read (again); a story queued twice is read once. */
  wantRead(id: string, ref: Ref): void {
    this.toRead.set(id, ref);
  }

  get readsWaiting(): number {
    return this.toRead.size;
  }

  /** Takes every queued read, in the order queued, each numbered and now the story's outstanding read. */
  takeReads(): Array<ReadJob<Ref>> {
    const jobs: Array<ReadJob<Ref>> = [];
    for (const [id, ref] of this.toRead) {
      const job = { id, ref, read: ++this.reads };
      this.outstanding.set(id, job);
      jobs.push(job);
    }
    this.toRead.clear();
    return jobs;
  }

  /** Whether `ticket` is still its story's outstanding read (its answers count). */
  isCurrent(ticket: ReadTicket): boolean {
    return this.outstanding.get(ticket.id)?.read === ticket.read;
  }

  /**
   * A read's count: the story's summary, or `undefined` when the reader found no story there (gone,
   * unreadable, or not a story). A counted story's read stays outstanding until its check lands.
   */
  counted(ticket: ReadTicket, summary: StorySummary | undefined): Outcome {
    if (!this.isCurrent(ticket)) return 'stale';
    if (!summary) return this.forget(ticket.id) ? 'removed' : 'unchanged';
    const known = this.coverage.get(ticket.id);
    // Typing in a story mostly leaves its counts as they were: it keeps its check until the new one lands.
    if (known && sameJson({ ...known, check: undefined }, { ...summary, check: undefined })) return 'same';
    this.coverage.upsert(summary);
    return 'counted';
  }

  /**
   * A read's check. Returns the story's ref and whether its check differs from the one it had, or
   * undefined when the check does not count (the read was cancelled or replaced, or the story is gone).
   */
  checked(ticket: ReadTicket, check: StoryCheck): { ref: Ref; changed: boolean } | undefined {
    const job = this.outstanding.get(ticket.id);
    const summary = this.coverage.get(ticket.id);
    if (job?.read !== ticket.read || !summary) return undefined;
    this.outstanding.delete(ticket.id);
    if (sameJson(summary.check, check)) return { ref: job.ref, changed: false };
    this.coverage.upsert({ ...summary, check });
    return { ref: job.ref, changed: true };
  }

  /** A reader stopped before answering these reads: those still outstanding are queued again. */
  lost(tickets: readonly ReadTicket[]): void {
    for (const ticket of tickets) {
      const job = this.outstanding.get(ticket.id);
      if (job?.read !== ticket.read) continue;
      this.outstanding.delete(ticket.id);
      this.toRead.set(ticket.id, job.ref);
    }
  }

  /**
   * A story or a folder was deleted (or renamed away): it leaves the index, with every story under
   * it when `folder`, and no read taken before now can bring any of them back. Returns the ids removed.
   */
  deleted(id: string, folder: boolean): string[] {
    const removed = this.forget(id) ? [id] : [];
    if (folder) {
      const prefix = `${id}/`;
      for (const story of [...this.coverage.all()]) if (story.id.startsWith(prefix) && this.forget(story.id)) removed.push(story.id);
      for (const queue of [this.toRead, this.outstanding]) for (const key of [...queue.keys()]) if (key.startsWith(prefix)) queue.delete(key);
    }
    return removed;
  }

  /** The configuration changed: no answer to a read taken before now counts (the caller reads every story again). */
  cancelReads(): void {
    this.outstanding.clear();
  }

  /** Drops a story, any read of it queued, and its outstanding read. Returns whether it was in the index. */
  forget(id: string): boolean {
    this.toRead.delete(id);
    this.outstanding.delete(id);
    return this.coverage.remove(id);
  }

  /** The ids of stories in the index that `keep` says no longer exist (after a full walk). */
  absent(keep: ReadonlySet<string>): string[] {
    return [...this.coverage.all()].map((story) => story.id).filter((id) => !keep.has(id));
  }

  /** Every reader is idle: an answer still owed never comes (a story counted whose check a reader dropped). */
  settled(): void {
    this.outstanding.clear();
  }
}

/** Plain data (summaries and checks, built in one field order) compared by value. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
