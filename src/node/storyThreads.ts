import type { ReadJob, ReadTicket } from '../core/bankLedger';
import type { Clock, ReadAnswers, StoryReader } from '../core/bankIndex';
import type { ResolvedConfig } from '../core/config';
import type { Checked } from '../core/scan';
import type { WorkerReply, WorkerRequest } from './storyWorkerProtocol';

/** A pool that has had nothing to do for this long is stopped, to give its memory back. */
const IDLE_STOP_MS = 30_000;
/** Most stories handed to a thread in one message. */
const SEND_CHUNK = 1000;
/** Fewest stories in one message, however few threads would share them. */
const MIN_SEND_CHUNK = 100;

/** One running story thread (storyWorker.ts), as the pool sees it. */
export interface ThreadPort {
  post(message: WorkerRequest): void;
  /** Ends the thread; it reports no more events to the pool after this. */
  terminate(): void;
}

/** What the pool reads from its host: the editor's files and settings, and how to start a thread. */
export interface ThreadHost<Ref> {
  /** Threads in the pool (at least 1). */
  readonly size: number;
  /** Of these reads, those whose story is a file on disk with no unsaved text in an editor. */
  onDisk(jobs: Array<ReadJob<Ref>>): Array<ReadJob<Ref>>;
  /** The path on disk of a story `onDisk` took. */
  path(ref: Ref): string;
  /** The workspace folders' ids (URI strings): a story's id starts with its folder's and a slash. */
  folders(): string[];
  /** Each workspace folder's settings, by its id. */
  configs(): Promise<Record<string, ResolvedConfig>>;
  /**
   * Starts the pool's thread number `turn` (from 0), which reports to `events`: its replies, an
   * error (`failed`) and its end (`exited`, also after an error). Throws when no thread can start.
   */
  spawn(events: { message(reply: WorkerReply): void; failed(): void; exited(): void }, turn: number): ThreadPort;
  clock: Clock;
}

/** A thread of the pool and what it owes: requests sent and answered, reads not yet checked. */
interface Thread {
  port: ThreadPort;
  /** The last request sent to it, and the last it said it had finished (counted and checked). */
  lastSent: number;
  lastIdle: number;
  /** Reads sent to it and not yet answered with a check (id to read number), handed back if the pool stops. */
  unanswered: Map<string, number>;
  /** Messages of scans under way still to be sent to it: while any is, it is told more follows. */
  planned: number;
}

/**
 * The story index's reader for stories on disk: a pool of `host.size` threads (storyWorker.ts)
 * that read, count and check stories off the extension host's thread, the stories of a scan
 * shared among them in turn. Started on first use and stopped when idle. When a thread fails, or
 * ends while it owes checks, the pool stops for good: it takes no more reads, hands back every
 * read any thread never answered (the index reads them on its other reader), and answers
 * everyone waiting. Pure of VS Code: the host gives it files, settings and threads.
 */
export class StoryThreads<Ref> implements StoryReader<Ref> {
  private threads: Thread[] = [];
  private failed = false;
  private lastRequest = 0;
  /** The turn of the thread the next scan's first request goes to. */
  private nextThread = 0;
  private readonly requests = new Map<number, () => void>();
  /** Documents sent to lint, by id: answered with findings, or undefined if the pool stops. */
  private readonly lints = new Map<number, (checked: Checked | undefined) => void>();
  private lastLint = 0;
  private idleWaiters: Array<() => void> = [];
  private cancelStop: (() => void) | undefined;
  /** The latest configuration, for a thread started after it was sent. */
  private configuration: WorkerRequest | undefined;
  private configSent = -1;

  constructor(
    private readonly answers: ReadAnswers,
    private readonly host: ThreadHost<Ref>,
  ) {}

  /** Off, the index reads and checks every story on its other reader: for measuring what the threads are worth. */
  enabled = true;

  /** Whether the pool can take reads: it is on and has not failed. */
  get running(): boolean {
    return this.enabled && !this.failed;
  }

  takes(jobs: Array<ReadJob<Ref>>): Array<ReadJob<Ref>> {
    return this.running ? this.host.onDisk(jobs) : [];
  }

  /** Whether anything sent has yet to be counted and checked. */
  get checking(): boolean {
    return this.threads.some((thread) => thread.lastSent !== thread.lastIdle);
  }

  /** Resolves when every story sent so far has been counted and checked (the threads check on their own). */
  check(): Promise<void> {
    return this.checking ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  /** Loads each workspace folder's settings and sends them, for the checks of reads of this version or older. */
  configure(version: number): void {
    if (this.configSent === version) return;
    this.configSent = version;
    void this.host.configs().then((byFolder) => {
      this.configuration = { configure: { version, byFolder } };
      for (const thread of this.threads) thread.port.post(this.configuration);
    });
  }

  /**
   * Sends stories to read and count, at most SEND_CHUNK at a time to each thread in turn with a
   * breath between, so that the host's thread is never held long; each message but a thread's last
   * says more follows, so that no thread starts checking before it has counted its share. Resolves
   * once every one of them is counted (or lost).
   */
  async count(jobs: Array<ReadJob<Ref>>, version: number): Promise<void> {
    this.configure(version);
    const folders = this.host.folders();
    // Small batches are shared too, so that every thread has work from the first message.
    const chunk = Math.min(SEND_CHUNK, Math.max(MIN_SEND_CHUNK, Math.ceil(jobs.length / this.host.size)));
    const counted: Array<Promise<void>> = [];
    // The threads take the messages in turn, from the one after the last call's; each is told of them all at once,
    // so that one scan's last message to a thread does not let it check while another scan's are on their way.
    const turns = Array.from({ length: Math.ceil(jobs.length / chunk) }, () => this.nextThread++);
    const threads = this.start();
    for (const turn of turns) if (threads.length > 0) threads[turn % threads.length].planned++;
    for (const [k, turn] of turns.entries()) {
      if (k > 0) await new Promise((resolve) => this.host.clock.after(0, () => resolve(undefined)));
      counted.push(this.send(jobs.slice(k * chunk, (k + 1) * chunk), version, folders, turn, threads));
    }
    await Promise.all(counted);
  }

  /**
   * One message of jobs to the thread in turn `turn` of `planned` (the threads running when its
   * scan began), each job with its workspace folder's id (for its settings); it says more
   * follows while that thread has messages of any scan still to come.
   */
  private send(jobs: Array<ReadJob<Ref>>, version: number, folders: string[], turn: number, planned: Thread[]): Promise<void> {
    const plannedFor = planned[turn % Math.max(1, planned.length)];
    if (plannedFor) plannedFor.planned--;
    const threads = this.start();
    // The pool stopped and started again meanwhile: the new threads were told of no plan.
    const thread = threads.includes(plannedFor) ? plannedFor : threads[turn % Math.max(1, threads.length)];
    if (!thread) {
      this.answers.lost(jobs);
      return Promise.resolve();
    }
    const more = thread.planned > 0;
    const request = ++this.lastRequest;
    thread.lastSent = request;
    const message: WorkerRequest = { request, version, jobs: [], ...(more ? { more } : {}) };
    for (const { id, ref, read } of jobs) {
      const folder = innermostFolder(id, folders);
      // Not in the workspace any more: no story there.
      if (folder === undefined) this.answers.counted({ id, read }, undefined);
      else {
        thread.unanswered.set(id, read);
        message.jobs.push({ id, read, path: this.host.path(ref), folder });
      }
    }
    this.cancelStop?.();
    return new Promise((resolve) => {
      this.requests.set(request, resolve);
      thread.port.post(message);
    });
  }

  /**
   * Lints and checks a text on a thread, for stories too large to lint on the extension host's
   * thread while the user types. Resolves to undefined when no thread can run (the caller then
   * lints in the host); never rejects.
   */
  lint(text: string, config: ResolvedConfig): Promise<Checked | undefined> {
    const thread = this.start()[0];
    if (!thread) return Promise.resolve(undefined);
    const id = ++this.lastLint;
    this.cancelStop?.();
    return new Promise((resolve) => {
      this.lints.set(id, resolve);
      thread.port.post({ lint: { id, text, config } });
    });
  }

  /** Starts the threads ahead of the first request (and stops them again if none comes). */
  warm(): void {
    if (this.start().length > 0) this.stopWhenIdle();
  }

  /** The running threads: the whole pool, started if need be, or none once it has failed. */
  private start(): Thread[] {
    if (this.threads.length > 0 || this.failed) return this.threads;
    try {
      for (let i = 0; i < this.host.size; i++) {
        const events = { message: (reply: WorkerReply) => this.receive(thread, reply), failed: () => this.stopped(thread, true), exited: () => this.stopped(thread, false) };
        const thread: Thread = { port: this.host.spawn(events, i), lastSent: 0, lastIdle: 0, unanswered: new Map(), planned: 0 };
        if (this.configuration) thread.port.post(this.configuration);
        this.threads.push(thread);
      }
    } catch {
      this.failed = true;
      this.terminate();
    }
    return this.threads;
  }

  private receive(thread: Thread, reply: WorkerReply): void {
    if (!this.threads.includes(thread)) return;
    if ('counted' in reply) {
      for (const { id, read, summary } of reply.counted) {
        if (!summary) answered(thread, id, read);
        this.answers.counted({ id, read }, summary);
      }
      if (reply.finished && reply.request !== undefined) this.answer(reply.request);
    } else if ('linted' in reply) {
      const { id, ...checked } = reply.linted;
      this.lints.get(id)?.(checked);
      this.lints.delete(id);
      if (!this.checking && this.lints.size === 0) this.stopWhenIdle();
    } else if ('checked' in reply) {
      for (const { id, read, ...result } of reply.checked) {
        answered(thread, id, read);
        this.answers.checked({ id, read }, result);
      }
    } else {
      thread.lastIdle = reply.idle;
      if (thread.lastSent === thread.lastIdle) thread.unanswered.clear();
      if (this.checking) return;
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
      this.stopWhenIdle();
    }
  }

  private stopWhenIdle(): void {
    this.cancelStop?.();
    this.cancelStop = this.host.clock.after(IDLE_STOP_MS, () => this.stop());
  }

  private answer(request: number): void {
    this.requests.get(request)?.();
    this.requests.delete(request);
  }

  /**
   * A thread is gone: the pool stops with it (a later request starts a new one, unless it failed
   * or ended owing checks), hands back every read it never finished, and answers everyone waiting.
   */
  private stopped(thread: Thread, failed: boolean): void {
    if (!this.threads.includes(thread)) return;
    if (failed || this.checking) this.failed = true;
    const lost: ReadTicket[] = this.threads.flatMap((t) => [...t.unanswered].map(([id, read]) => ({ id, read })));
    this.terminate();
    [...this.requests.keys()].forEach((request) => this.answer(request));
    [...this.lints.values()].forEach((resolve) => resolve(undefined));
    this.lints.clear();
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
    if (lost.length > 0) this.answers.lost(lost);
  }

  private stop(): void {
    if (this.checking || this.lints.size > 0) return;
    this.terminate();
  }

  /** Ends every thread of the pool. */
  private terminate(): void {
    const threads = this.threads;
    this.threads = [];
    for (const thread of threads) thread.port.terminate();
  }

  /** Stops the pool for good. */
  dispose(): void {
    this.cancelStop?.();
    this.failed = true;
    this.terminate();
  }
}

/** A read answered in full by the thread (a newer read of the same story may still be owed). */
function answered(thread: Thread, id: string, read: number): void {
  if (thread.unanswered.get(id) === read) thread.unanswered.delete(id);
}

/** The innermost of the folders (URI strings) that holds the story. */
function innermostFolder(id: string, folders: string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) if (id.startsWith(`${folder}/`) && folder.length > (best?.length ?? 0)) best = folder;
  return best;
}
