import { availableParallelism } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type { ReadJob, ReadTicket } from '../core/bankLedger';
import type { ReadAnswers, StoryReader } from '../core/bankIndex';
import type { ResolvedConfig } from '../core/config';
import type { Checked } from '../core/scan';
import type { WorkerReply, WorkerRequest } from '../node/storyWorkerProtocol';

/** A worker that has had nothing to do for this long is stopped, to give its memory back. */
const IDLE_STOP_MS = 30_000;
/** Most stories handed to a thread in one message. */
const SEND_CHUNK = 1000;
/** Fewest stories in one message, however few threads would share them. */
const MIN_SEND_CHUNK = 100;

/** A worker thread of the pool and what it owes: requests sent and answered, reads not yet checked. */
interface Thread {
  worker: Worker;
  /** The last request sent to it, and the last it said it had finished (counted and checked). */
  lastSent: number;
  lastIdle: number;
  /** Reads sent to it and not yet answered with a check (id to read number), handed back if it dies. */
  unanswered: Map<string, number>;
}

/**
 * Threads in the pool: one per core, at most four. A scan is a burst of work while the host's
 * thread mostly waits, so it may use every core; past four, messages cost more than they save.
 */
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

/**
 * The story index's worker threads (dist/storyWorker.js), for stories on disk with no unsaved
 * text: a StoryReader that reads, counts and checks them off the extension host's thread, the
 * stories of a scan shared among `POOL_SIZE` threads. Started on first use and stopped when idle;
 * if a thread fails, the pool takes no more reads and hands back those it never answered, and the
 * index reads them on the host.
 */
export class StoryWorker implements StoryReader<vscode.Uri>, vscode.Disposable {
  private threads: Thread[] = [];
  private failed = false;
  private lastRequest = 0;
  /** The thread the next request goes to, in turn. */
  private nextThread = 0;
  private readonly requests = new Map<number, () => void>();
  /** Documents sent to lint, by request id: answered with findings, or undefined if the thread stops. */
  private readonly lints = new Map<number, (checked: Checked | undefined) => void>();
  private lastLint = 0;
  private idleWaiters: Array<() => void> = [];
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** The latest configuration, for a thread started after it was sent. */
  private configuration: WorkerRequest | undefined;
  private configSent = -1;

  /** `configFor` loads a workspace folder's settings (its .starcoach.yaml and the editor's). */
  constructor(
    private readonly answers: ReadAnswers,
    private readonly configFor: (folder: vscode.Uri) => Promise<ResolvedConfig>,
  ) {}

  /** Off, the index reads and checks every story on the host: for measuring what the threads are worth. */
  enabled = true;

  accepts(uri: vscode.Uri): boolean {
    return this.enabled && !this.failed && uri.scheme === 'file';
  }

  /** Stories on disk whose editor (if any) holds no unsaved text, while the threads can run. */
  takes(jobs: Array<ReadJob<vscode.Uri>>): Array<ReadJob<vscode.Uri>> {
    if (!this.enabled || this.failed) return [];
    const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    return jobs.filter((job) => job.ref.scheme === 'file' && !unsaved.has(job.id));
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
    void (async () => {
      const byFolder: Record<string, ResolvedConfig> = {};
      for (const folder of vscode.workspace.workspaceFolders ?? []) byFolder[folder.uri.toString()] = await this.configFor(folder.uri);
      this.configuration = { configure: { version, byFolder } };
      for (const thread of this.threads) thread.worker.postMessage(this.configuration);
    })();
  }

  /**
   * Sends stories to read and count, a thousand at a time to each thread in turn with a breath
   * between, so that the host's thread is never held long; resolves once every one of them is
   * counted (or lost).
   */
  async count(jobs: Array<ReadJob<vscode.Uri>>, version: number): Promise<void> {
    this.configure(version);
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
    // Small batches are shared too, so that every thread has work from the first message.
    const chunk = Math.min(SEND_CHUNK, Math.max(MIN_SEND_CHUNK, Math.ceil(jobs.length / POOL_SIZE)));
    const counted: Array<Promise<void>> = [];
    for (let start = 0; start < jobs.length; start += chunk) {
      if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      counted.push(this.send(jobs.slice(start, start + chunk), version, folders));
    }
    await Promise.all(counted);
  }

  /** One message of jobs to the next thread, each job with its workspace folder's key (for its settings). */
  private send(jobs: Array<ReadJob<vscode.Uri>>, version: number, folders: string[]): Promise<void> {
    const threads = this.start();
    const thread = threads[this.nextThread++ % threads.length];
    if (!thread) {
      this.answers.lost(jobs);
      return Promise.resolve();
    }
    const request = ++this.lastRequest;
    thread.lastSent = request;
    const message: WorkerRequest = { request, version, jobs: [] };
    for (const { id, ref, read } of jobs) {
      const folder = innermostFolder(id, folders);
      // Not in the workspace any more: no story there.
      if (folder === undefined) this.answers.counted({ id, read }, undefined);
      else {
        thread.unanswered.set(id, read);
        message.jobs.push({ id, read, path: ref.fsPath, folder });
      }
    }
    clearTimeout(this.stopTimer);
    return new Promise((resolve) => {
      this.requests.set(request, resolve);
      thread.worker.postMessage(message);
    });
  }

  /**
   * Lints and checks a text on a worker thread, for stories too large to lint on the extension
   * host's thread while the user types. Resolves to undefined when no thread can run (the caller
   * then lints in the host); never rejects.
   */
  lint(text: string, config: ResolvedConfig): Promise<Checked | undefined> {
    const thread = this.start()[0];
    if (!thread) return Promise.resolve(undefined);
    const id = ++this.lastLint;
    clearTimeout(this.stopTimer);
    return new Promise((resolve) => {
      this.lints.set(id, resolve);
      thread.worker.postMessage({ lint: { id, text, config } } satisfies WorkerRequest);
    });
  }

  /** Starts the threads ahead of the first request (and stops them again if none comes). */
  warm(): void {
    if (this.start().length > 0) this.stopWhenIdle();
  }

  /** The running threads: all of the pool, started if need be, or none once the pool has failed. */
  private start(): Thread[] {
    if (this.threads.length > 0 || this.failed) return this.threads;
    try {
      for (let i = 0; i < POOL_SIZE; i++) {
        const worker = new Worker(join(__dirname, 'storyWorker.js'));
        const thread: Thread = { worker, lastSent: 0, lastIdle: 0, unanswered: new Map() };
        if (this.configuration) worker.postMessage(this.configuration);
        worker.on('message', (reply: WorkerReply) => this.receive(thread, reply));
        worker.on('error', () => this.stopped(thread, true));
        worker.on('exit', () => this.stopped(thread, false));
        worker.unref();
        this.threads.push(thread);
      }
    } catch {
      this.failed = true;
      this.terminate();
    }
    return this.threads;
  }

  private receive(thread: Thread, reply: WorkerReply): void {
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
    clearTimeout(this.stopTimer);
    this.stopTimer = setTimeout(() => this.stop(), IDLE_STOP_MS);
  }

  private answer(request: number): void {
    this.requests.get(request)?.();
    this.requests.delete(request);
  }

  /**
   * A thread is gone: the pool stops with it (a later request starts a new one, unless it failed
   * or died owing checks), hands back every read it never finished, and answers everyone waiting.
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

  /** Ends every thread of the pool; a later request starts a new pool (unless it failed). */
  private terminate(): void {
    const threads = this.threads;
    this.threads = [];
    for (const thread of threads) void thread.worker.terminate();
  }

  dispose(): void {
    clearTimeout(this.stopTimer);
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
