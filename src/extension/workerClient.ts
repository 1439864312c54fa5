import { join } from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { StorySummary } from '../core/coverage';
import type { Checked } from '../core/scan';
import type { WorkerReply, WorkerRequest } from '../node/storyWorkerProtocol';

/** What the index hears back from the worker. */
export interface WorkerEvents {
  /** A story read and counted; no summary when it is gone or cannot be a story. */
  counted(id: string, summary: StorySummary | undefined): void;
  checked(id: string, result: Checked): void;
  /** The worker stopped: these stories may never have been answered. */
  lost(ids: string[]): void;
}

/** A worker that has had nothing to do for this long is stopped, to give its memory back. */
const IDLE_STOP_MS = 30_000;

/**
 * The story index's worker thread (dist/storyWorker.js), for stories on disk: it reads, counts
 * and checks them off the extension host's thread. Started on first use and stopped when idle;
 * if it fails, the index goes on without it.
 */
export class StoryWorker implements vscode.Disposable {
  private worker: Worker | undefined;
  private failed = false;
  private lastSent = 0;
  private lastIdle = 0;
  private readonly requests = new Map<number, () => void>();
  /** Documents sent to lint, by request id: answered with findings, or undefined if the worker stops. */
  private readonly lints = new Map<number, (checked: Checked | undefined) => void>();
  private lastLint = 0;
  /** Stories sent and not yet answered with a check, for `lost` if the worker dies. */
  private readonly unanswered = new Set<string>();
  private idleWaiters: Array<() => void> = [];
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** The latest configuration, for a worker started after it was sent. */
  private configuration: WorkerRequest | undefined;

  constructor(private readonly events: WorkerEvents) {}

  /** Off, the index reads and checks every story on the host: for measuring what the thread is worth. */
  enabled = true;

  accepts(uri: vscode.Uri): boolean {
    return this.enabled && !this.failed && uri.scheme === 'file';
  }

  /** Whether anything sent has yet to be counted and checked. */
  get busy(): boolean {
    return this.lastSent !== this.lastIdle;
  }

  /** Resolves when every story sent so far has been counted and checked. */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  /** Each workspace folder's configuration, for the checks of requests of this version or older. */
  configure(version: number, byFolder: Record<string, ResolvedConfig>): void {
    this.configuration = { configure: { version, byFolder } };
    this.worker?.postMessage(this.configuration);
  }

  /**
   * Sends stories to read and count (each with its workspace folder's key, for its configuration);
   * resolves once every one of them is counted.
   */
  count(version: number, jobs: Array<{ uri: vscode.Uri; folder: string }>): Promise<void> {
    const worker = this.start();
    if (!worker) {
      this.events.lost(jobs.map(({ uri }) => uri.toString()));
      return Promise.resolve();
    }
    const request = ++this.lastSent;
    const message: WorkerRequest = {
      request,
      version,
      jobs: jobs.map(({ uri, folder }) => {
        this.unanswered.add(uri.toString());
        return { id: uri.toString(), path: uri.fsPath, folder };
      }),
    };
    clearTimeout(this.stopTimer);
    return new Promise((resolve) => {
      this.requests.set(request, resolve);
      worker.postMessage(message);
    });
  }

  /**
   * Lints and checks a text on the worker thread, for stories too large to lint on the extension
   * host's thread while the user types. Resolves to undefined when no worker can run (the caller
   * then lints in the host); never rejects.
   */
  lint(text: string, config: ResolvedConfig): Promise<Checked | undefined> {
    const worker = this.start();
    if (!worker) return Promise.resolve(undefined);
    const id = ++this.lastLint;
    clearTimeout(this.stopTimer);
    return new Promise((resolve) => {
      this.lints.set(id, resolve);
      worker.postMessage({ lint: { id, text, config } } satisfies WorkerRequest);
    });
  }

  /** Starts the thread ahead of the first request (and stops it again if none comes). */
  warm(): void {
    if (this.start()) this.stopWhenIdle();
  }

  private start(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(join(__dirname, 'storyWorker.js'));
      if (this.configuration) worker.postMessage(this.configuration);
      worker.on('message', (reply: WorkerReply) => this.receive(reply));
      worker.on('error', () => this.stopped(worker, true));
      worker.on('exit', () => this.stopped(worker, false));
      worker.unref();
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private receive(reply: WorkerReply): void {
    if ('counted' in reply) {
      for (const { id, summary } of reply.counted) {
        if (!summary) this.unanswered.delete(id);
        this.events.counted(id, summary);
      }
      if (reply.finished && reply.request !== undefined) this.answer(reply.request);
    } else if ('linted' in reply) {
      const { id, ...checked } = reply.linted;
      this.lints.get(id)?.(checked);
      this.lints.delete(id);
      if (!this.busy && this.lints.size === 0) this.stopWhenIdle();
    } else if ('checked' in reply) {
      for (const { id, ...result } of reply.checked) {
        this.unanswered.delete(id);
        this.events.checked(id, result);
      }
    } else {
      this.lastIdle = reply.idle;
      if (this.busy) return;
      this.unanswered.clear();
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

  /** The worker is gone: answer everyone, and hand back what it never finished. */
  private stopped(worker: Worker, failed: boolean): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (failed || this.busy) this.failed = true;
    const lost = [...this.unanswered];
    this.unanswered.clear();
    this.lastIdle = this.lastSent;
    [...this.requests.keys()].forEach((request) => this.answer(request));
    [...this.lints.values()].forEach((resolve) => resolve(undefined));
    this.lints.clear();
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
    if (lost.length > 0) this.events.lost(lost);
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker || this.busy || this.lints.size > 0) return;
    this.worker = undefined;
    void worker.terminate();
  }

  dispose(): void {
    clearTimeout(this.stopTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failed = true;
    void worker?.terminate();
  }
}
