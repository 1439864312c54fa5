import { CoverageIndex, type StoryCheck, type StorySummary } from './coverage';
import type { ResolvedConfig } from './config';

/**
 * What an answer did to the index: nothing (`stale`: the story was deleted since; `unchanged`: a
 * story that was not there is still not there), counted it anew or differently (`counted`),
 * counted it the same as before (`same`: nothing a view shows changed), or removed it.
 */
export type Outcome = 'stale' | 'counted' | 'same' | 'removed' | 'unchanged';

/** When a read began, in the ledger's count of deletions: a read older than a deletion is stale. */
export type ReadStamp = number;

/** A story read and counted, waiting for its check against the rules. */
export interface Unchecked<Ref> {
  id: string;
  ref: Ref;
  text: string;
  config: ResolvedConfig;
  stamp: ReadStamp;
}

/**
 * The story index's bookkeeping, without any I/O: the coverage index, the stories waiting to be
 * read and to be checked, and the stories handed to a reader that has not answered yet. It holds
 * the one rule for races: **an answer counts only if its story was not deleted after the read
 * began, and (for a check) no newer read of the story is waiting.** Deletions are numbered; every
 * read carries the number current when it began (its stamp). A folder's deletion covers every
 * story under it (ids are URIs; a story's id starts with its folder's id and a slash).
 *
 * `Ref` is whatever the caller needs to read a story again (a VS Code Uri in the editor).
 */
export class BankLedger<Ref> {
  readonly coverage = new CoverageIndex();
  private readonly toRead = new Map<string, Ref>();
  private readonly toCheck = new Map<string, Unchecked<Ref>>();
  /** Handed to a reader elsewhere (the worker thread), with the stamp of when. */
  private readonly sent = new Map<string, { ref: Ref; stamp: ReadStamp }>();
  private deletions = 0;
  private readonly deletedAt = new Map<string, number>();

  /** The stamp for a read that begins now. */
  get stamp(): ReadStamp {
    return this.deletions;
  }

  /** Queues a story to read (again); a story queued twice is read once. */
  wantRead(id: string, ref: Ref): void {
    this.toRead.set(id, ref);
  }

  get readsWaiting(): number {
    return this.toRead.size;
  }

  get checksWaiting(): number {
    return this.toCheck.size;
  }

  /** Takes every queued read, in the order queued. */
  takeReads(): Array<[id: string, ref: Ref]> {
    const reads = [...this.toRead];
    this.toRead.clear();
    return reads;
  }

  /** Takes every story waiting for its check. */
  takeChecks(): Array<Unchecked<Ref>> {
    const checks = [...this.toCheck.values()];
    this.toCheck.clear();
    return checks;
  }

  /** A story handed to a reader elsewhere, whose answers come back through `counted` and `checked` by id. */
  sentElsewhere(id: string, ref: Ref): void {
    this.sent.set(id, { ref, stamp: this.deletions });
  }

  /** A story read here again: whatever the reader elsewhere still says of it is older. */
  readHere(id: string): void {
    this.sent.delete(id);
  }

  /** The reader elsewhere answered a count (or, with `undefined`, found no story at the id). */
  countedElsewhere(id: string, summary: StorySummary | undefined): Outcome {
    const sent = this.sent.get(id);
    if (!sent || this.deletedSince(id, sent.stamp)) return 'stale';
    return this.count(id, summary);
  }

  /** The reader elsewhere answered a check. Returns the story's ref when the check counts, and whether it changed. */
  checkedElsewhere(id: string, check: StoryCheck): { ref: Ref; changed: boolean } | undefined {
    const sent = this.sent.get(id);
    if (!sent || !this.awaitsCheck(id, sent.stamp)) return undefined;
    return { ref: sent.ref, changed: this.applyCheck(id, check) };
  }

  /** The reader elsewhere stopped: the stories it never answered are read again. */
  lostElsewhere(ids: readonly string[]): void {
    for (const id of ids) {
      const sent = this.sent.get(id);
      if (sent) this.toRead.set(id, sent.ref);
    }
  }

  /**
   * A story read here and counted (`summary`), or found unreadable (`undefined`), for a read that
   * began at `stamp`; a counted story then waits for its check.
   */
  countedHere(id: string, ref: Ref, stamp: ReadStamp, summary: StorySummary | undefined, text: string, config: ResolvedConfig): Outcome {
    if (this.deletedSince(id, stamp)) return 'stale';
    const outcome = this.count(id, summary);
    if (outcome === 'counted' || outcome === 'same') this.toCheck.set(id, { id, ref, text, config, stamp });
    return outcome;
  }

  private count(id: string, summary: StorySummary | undefined): Outcome {
    if (!summary) return this.forget(id) ? 'removed' : 'unchanged';
    const known = this.coverage.get(id);
    // Typing in a story mostly leaves its counts as they were: it keeps its check until the new one lands.
    if (known && sameJson({ ...known, check: undefined }, { ...summary, check: undefined })) return 'same';
    this.coverage.upsert(summary);
    return 'counted';
  }

  /** False when the story is gone, or was read again since (a newer text waits for its own check). */
  awaitsCheck(id: string, stamp: ReadStamp): boolean {
    return this.coverage.get(id) !== undefined && !this.toCheck.has(id) && !this.deletedSince(id, stamp);
  }

  /** Sets a story's check (call only when `awaitsCheck` said yes). Returns whether it differs from the one it had. */
  applyCheck(id: string, check: StoryCheck): boolean {
    const summary = this.coverage.get(id);
    if (!summary || sameJson(summary.check, check)) return false;
    this.coverage.upsert({ ...summary, check });
    return true;
  }

  /**
   * A story or a folder was deleted (or renamed away): it leaves the index, with every story under
   * it when `folder`, and no read begun before now can bring any of them back. Returns the ids removed.
   */
  deleted(id: string, folder: boolean): string[] {
    this.deletedAt.set(id, ++this.deletions);
    const removed = this.forget(id) ? [id] : [];
    if (folder) {
      const prefix = `${id}/`;
      for (const story of [...this.coverage.all()]) if (story.id.startsWith(prefix) && this.forget(story.id)) removed.push(story.id);
      for (const key of [...this.toRead.keys()]) if (key.startsWith(prefix)) this.toRead.delete(key);
    }
    return removed;
  }

  /** Drops a story and any work queued for it. Returns whether it was in the index. */
  forget(id: string): boolean {
    this.toRead.delete(id);
    this.toCheck.delete(id);
    return this.coverage.remove(id);
  }

  /** The ids of stories in the index that `keep` says no longer exist (after a full walk). */
  absent(keep: ReadonlySet<string>): string[] {
    return [...this.coverage.all()].map((story) => story.id).filter((id) => !keep.has(id));
  }

  /** Nothing is in flight any more: no read can be older than a deletion remembered, nor any answer owed. */
  settled(): void {
    this.deletedAt.clear();
    this.sent.clear();
  }

  private deletedSince(id: string, stamp: ReadStamp): boolean {
    if ((this.deletedAt.get(id) ?? 0) > stamp) return true;
    for (const [gone, at] of this.deletedAt) if (at > stamp && id.startsWith(`${gone}/`)) return true;
    return false;
  }
}

/** Plain data (summaries and checks, built in one field order) compared by value. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
