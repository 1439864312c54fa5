import { BankLedger, type Outcome, type ReadJob, type ReadTicket } from './bankLedger';
import type { StorySummary } from './coverage';
import type { Checked } from './scan';
import type { Finding } from './types';

/** Time and timers, given so that tests drive them by hand. */
export interface Clock {
  /** Milliseconds since a fixed moment. */
  now(): number;
  /** Runs `run` once after `ms` milliseconds; returns a function that cancels it. */
  after(ms: number, run: () => void): () => void;
}

/** The clock of the host (Node or a browser): `Date.now` and `setTimeout`. */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** Lets whatever waits (typing in the editor included) run before going on: a timer of 0 ms. */
export function breathe(clock: Clock): Promise<void> {
  return new Promise((resolve) => clock.after(0, resolve));
}

/** Which stories make up the bank, and how to find them (see walk.ts, which the editor's files use). */
export interface BankFiles<Ref> {
  /** The story's id: its URI as a string; a folder's stories' ids start with the folder's id and a slash. */
  id(ref: Ref): string;
  /** Whether the name is a story's (`*.star.md`); anything else deleted or created may be a folder. */
  isStory(ref: Ref): boolean;
  /** Whether a story file is in the bank's part of the workspace (in a folder, not excluded). */
  includes(ref: Ref): boolean;
  /** Calls `found` for every story in every workspace folder, each once, until `cancelled` says stop. */
  walk(found: (ref: Ref) => void, cancelled: () => boolean): Promise<void>;
  /** Calls `found` for every story under a folder (one created, moved or renamed in). */
  walkUnder(folder: Ref, found: (ref: Ref) => void): Promise<void>;
  /** Forgets what it read of the exclusions (they or the folders changed). */
  reset(): void;
}

/**
 * What the bank's watcher reports: a file or folder created, a story changed on disk or closed
 * (`changed`), deleted, renamed, edited in an editor without saving, the folders or exclusions
 * changed (`rescan`), or the story settings changed (`configured`).
 */
export type BankEvent<Ref> =
  | { kind: 'created' | 'changed' | 'deleted' | 'edited'; ref: Ref }
  | { kind: 'renamed'; from: Ref; to: Ref }
  | { kind: 'rescan' | 'configured' };

export interface BankWatcher<Ref> {
  /** Starts reporting events to `listener` until the returned handle is disposed. */
  watch(listener: (event: BankEvent<Ref>) => void): { dispose(): void };
}

/** How a reader answers the index, read by read (each answer names the read it answers). */
export interface ReadAnswers {
  /** Whether the read still counts: a reader skips work for one that does not. */
  isCurrent(ticket: ReadTicket): boolean;
  /** The story's counts, or undefined when there is no story there. Returns whether its check is wanted. */
  counted(ticket: ReadTicket, summary: StorySummary | undefined): boolean;
  checked(ticket: ReadTicket, checked: Checked): void;
  /** The reader stopped before answering these reads: they are read again, by another reader if need be. */
  lost(tickets: readonly ReadTicket[]): void;
}

/**
 * Reads stories, counts each (its front matter) and later checks it against the rules, answering
 * through the `ReadAnswers` it was made with. Two in the editor: the worker thread for stories on
 * disk (workerClient.ts) and slices on the host's thread for the rest (sliceReader.ts).
 */
export interface StoryReader<Ref> {
  /** Of these reads, the ones this reader takes now (the index gives the rest to the next reader). */
  takes(jobs: Array<ReadJob<Ref>>): Array<ReadJob<Ref>>;
  /** Reads and counts; resolves once each job is counted or lost. Checks wait for `check`. */
  count(jobs: Array<ReadJob<Ref>>, configVersion: number): Promise<void>;
  /** Whether stories it counted still wait for their check. */
  readonly checking: boolean;
  /** Checks some of what waits (a slice of it, or all of it elsewhere); resolves when it has done so. */
  check(): Promise<void>;
  /** The settings are now at `configVersion`: load them ahead of the checks that need them. */
  configure(configVersion: number): void;
}

/** What the index tells the views and the diagnostics. */
export interface BankListener<Ref> {
  /** Stories were added, changed or removed (at most every CHANGE_SETTLE_MS). */
  changed(): void;
  removed(id: string): void;
  /** A story was checked against the rules, with its findings and the digest of the text checked (see `textDigest`). */
  checked(ref: Ref, findings: Finding[], digest: number): void;
}

export interface BankParts<Ref> {
  files: BankFiles<Ref>;
  watcher: BankWatcher<Ref>;
  clock: Clock;
  listener: BankListener<Ref>;
  /** The readers, made to answer this index; each read goes to the first that takes it, and the last takes any. */
  readers(answers: ReadAnswers): Array<StoryReader<Ref>>;
}

/** When the index's first scan reached each point, in the clock's milliseconds (unset until it does). */
export interface FirstScanTimes {
  startedMs?: number;
  firstCountedMs?: number;
  /** The walk had found every story. */
  foundMs?: number;
  /** Every story found was counted. */
  countedMs?: number;
  /** Every story counted was checked too. */
  checkedMs?: number;
}

/** Quiet time before the views hear of changes, before a rescan starts, and before an unsaved edit is read. */
export const CHANGE_SETTLE_MS = 150;
export const RESCAN_SETTLE_MS = 250;
export const EDIT_SETTLE_MS = 300;

/**
 * The coverage index of a story bank, kept live without any I/O of its own: a lazy first scan,
 * then watcher events and unsaved edits, queued and coalesced so that a storm of changes (a git
 * checkout of a thousand files) is read once each. Work comes in two passes so that counts
 * appear first: reading a story counts its LPs at once; checking it against every rule follows
 * once nothing is waiting to be read. Races are settled by one rule, the ledger's (see BankLedger):
 * an answer counts only for its story's outstanding read.
 */
export class BankIndex<Ref> {
  private readonly ledger = new BankLedger<Ref>();
  readonly coverage = this.ledger.coverage;
  private readonly readers: Array<StoryReader<Ref>>;
  /** Checks go to the last reader first: the host's slices are short, the worker's checks run on their own. */
  private readonly checkers: Array<StoryReader<Ref>>;
  private scan: Promise<void> | undefined;
  private reading: Promise<void> | undefined;
  private draining: Promise<void> | undefined;
  /** Bumped by a rescan: a walk of an older generation stops. */
  private generation = 0;
  private configVersion = 0;
  private readonly scanWaiters: Array<() => void> = [];
  private readonly timers = new Map<string, () => void>();
  private watching: { dispose(): void } | undefined;
  /** Wakes a drain that waits on the worker's checks when a new read comes in. */
  private wake: (() => void) | undefined;
  /** When the first scan started, first counted a story, had counted and had checked every story (the clock's milliseconds), for measuring it. */
  readonly firstScan: FirstScanTimes = {};

  constructor(private readonly parts: BankParts<Ref>) {
    this.readers = parts.readers(this.answers());
    this.checkers = [...this.readers].reverse();
  }

  /** Starts the first scan (once) and the watcher; resolves when every story found is counted. */
  ready(): Promise<void> {
    if (!this.scan) {
      this.firstScan.startedMs = this.parts.clock.now();
      this.watching = this.parts.watcher.watch((event) => this.onEvent(event));
      this.scan = this.scanAll();
    }
    return this.latestScan();
  }

  get scanned(): boolean {
    return this.scan !== undefined;
  }

  /** Resolves when every queued change has been read and checked. */
  async settled(): Promise<void> {
    await this.ready();
    while (this.draining || this.hasWork) await (this.draining ?? this.drain());
  }

  /** Reads and checks every story again. */
  recheck(): void {
    if (this.scanned) this.rescan();
    else void this.ready();
  }

  dispose(): void {
    this.timers.forEach((cancel) => cancel());
    this.timers.clear();
    this.watching?.dispose();
  }

  /** A scan replaced while awaited (a rescan of newer settings) is followed by its replacement. */
  private async latestScan(): Promise<void> {
    for (let scan = this.scan; scan; scan = this.scan) {
      await scan;
      if (scan === this.scan) return;
    }
  }

  private onEvent(event: BankEvent<Ref>): void {
    switch (event.kind) {
      case 'changed':
        return this.enqueue(event.ref);
      case 'created':
        return this.enqueueFolder(event.ref);
      case 'deleted':
        return this.remove(event.ref);
      case 'renamed':
        this.remove(event.from);
        return this.enqueueFolder(event.to);
      case 'edited':
        return this.editSoon(event.ref);
      case 'configured':
        // Whatever was read under the old settings no longer counts; every story is read again.
        this.configVersion++;
        this.ledger.cancelReads();
        return this.rescan();
      case 'rescan':
        return this.rescan();
    }
  }

  /** Settings and folders change in bursts: rescan once they settle. */
  private rescan(): void {
    this.generation++;
    this.parts.files.reset();
    // Whoever waits on a superseded rescan is answered when the one that replaced it is done.
    this.scan = new Promise<void>((resolve) => this.scanWaiters.push(resolve));
    this.later('rescan', RESCAN_SETTLE_MS, () => {
      const waiters = this.scanWaiters.splice(0);
      void this.scanAll().finally(() => waiters.forEach((done) => done()));
    });
  }

  private async scanAll(): Promise<void> {
    const generation = this.generation;
    const stale = () => generation !== this.generation;
    // The settings load while the walk goes on.
    for (const reader of this.readers) reader.configure(this.configVersion);
    const found = new Set<string>();
    // Reading starts with the first story found, while the walk goes on.
    await this.parts.files.walk((ref) => {
      const id = this.parts.files.id(ref);
      found.add(id);
      this.want(id, ref);
    }, stale);
    if (stale()) return;
    this.firstScan.foundMs ??= this.parts.clock.now();
    for (const id of this.ledger.absent(found)) if (this.ledger.forget(id)) this.parts.listener.removed(id);
    while (this.reading || this.ledger.readsWaiting > 0) await this.readAll();
    this.firstScan.countedMs ??= this.parts.clock.now();
    if (!this.hasWork) this.firstScan.checkedMs ??= this.parts.clock.now();
    this.changedSoon();
  }

  private want(id: string, ref: Ref): void {
    this.ledger.wantRead(id, ref);
    this.wake?.();
    void this.drain();
  }

  private enqueue(ref: Ref): void {
    if (this.parts.files.includes(ref)) this.want(this.parts.files.id(ref), ref);
  }

  /** A story, or a folder whose stories are all new to the index (created, renamed or moved in). */
  private enqueueFolder(ref: Ref): void {
    if (this.parts.files.isStory(ref)) this.enqueue(ref);
    else void this.parts.files.walkUnder(ref, (story) => this.enqueue(story));
  }

  private remove(ref: Ref): void {
    // Not a story: a folder, and everything under it goes too.
    const removed = this.ledger.deleted(this.parts.files.id(ref), !this.parts.files.isStory(ref));
    for (const id of removed) this.parts.listener.removed(id);
    if (removed.length > 0) this.changedSoon();
  }

  /** Unsaved edits count: read once the typing pauses (the reader takes the editor's text). */
  private editSoon(ref: Ref): void {
    if (this.parts.files.includes(ref)) this.later(`edit ${this.parts.files.id(ref)}`, EDIT_SETTLE_MS, () => this.enqueue(ref));
  }

  /** Runs `run` after `ms`, replacing whatever waited under the same key. */
  private later(key: string, ms: number, run: () => void): void {
    this.timers.get(key)?.();
    this.timers.set(
      key,
      this.parts.clock.after(ms, () => {
        this.timers.delete(key);
        run();
      }),
    );
  }

  private changedSoon(): void {
    if (!this.timers.has('changed')) this.later('changed', CHANGE_SETTLE_MS, () => this.parts.listener.changed());
  }

  /** Tells the views what a count did. */
  private report(id: string, outcome: Outcome): void {
    if (outcome === 'removed') this.parts.listener.removed(id);
    if (outcome === 'counted' || outcome === 'removed') this.changedSoon();
  }

  private answers(): ReadAnswers {
    return {
      isCurrent: (ticket) => this.ledger.isCurrent(ticket),
      counted: (ticket, summary) => {
        const outcome = this.ledger.counted(ticket, summary);
        if (outcome === 'counted') this.firstScan.firstCountedMs ??= this.parts.clock.now();
        this.report(ticket.id, outcome);
        return outcome === 'counted' || outcome === 'same';
      },
      checked: (ticket, { check, findings, digest }) => {
        const checked = this.ledger.checked(ticket, check);
        if (!checked) return;
        // The findings go to whoever publishes them; the views redraw only when the story's check changed.
        this.parts.listener.checked(checked.ref, findings, digest);
        if (checked.changed) this.changedSoon();
      },
      lost: (tickets) => {
        this.ledger.lost(tickets);
        this.wake?.();
        void this.drain();
      },
    };
  }

  private get hasWork(): boolean {
    return this.reading !== undefined || this.ledger.readsWaiting > 0 || this.readers.some((reader) => reader.checking);
  }

  /** Reads what is queued, then checks what was read, until nothing is left to do. */
  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    if (!this.hasWork) return Promise.resolve();
    const run = (async () => {
      await Promise.resolve(); // so that `finally` below always runs after `this.draining = run`
      try {
        while (this.hasWork) {
          if (this.reading || this.ledger.readsWaiting > 0) await this.readAll();
          else await Promise.race([this.checkers.find((reader) => reader.checking)!.check(), new Promise<void>((resolve) => (this.wake = resolve))]);
        }
        this.ledger.settled();
        if (this.firstScan.countedMs !== undefined) this.firstScan.checkedMs ??= this.parts.clock.now();
      } finally {
        this.draining = undefined;
        this.wake = undefined;
      }
    })();
    this.draining = run;
    return run;
  }

  /** Hands every queued read to the readers, and resolves when each is counted. */
  private readAll(): Promise<void> {
    this.reading ??= (async () => {
      let jobs = this.ledger.takeReads();
      const counting: Array<Promise<void>> = [];
      for (const [at, reader] of this.readers.entries()) {
        if (jobs.length === 0) break;
        const taken = at === this.readers.length - 1 ? jobs : reader.takes(jobs);
        if (taken.length === 0) continue;
        if (taken.length === jobs.length) jobs = [];
        else {
          const mine = new Set(taken);
          jobs = jobs.filter((job) => !mine.has(job));
        }
        counting.push(reader.count(taken, this.configVersion));
      }
      await Promise.all(counting);
      // No redraw here: each count that changed the coverage asked for one (see report).
      this.reading = undefined;
    })();
    return this.reading;
  }
}
