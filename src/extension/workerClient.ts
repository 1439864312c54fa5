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
/** Stories handed to the worker in one message. */
const SEND_CHUNK = 1000;

/**
 * The story index's worker thread (dist/storyWorker.js), for stories on disk with no unsaved
 * text: a StoryReader that reads, counts and checks them off the extension host's thread. Started
 * on first use and stopped when idle; if it fails, it takes no more reads and hands back those it
 * never answered, and the index reads them on the host.
 */
export class StoryWorker implements StoryReader<vscode.Uri>, vscode.Disposable {
  private worker: Worker | undefined;
  private failed = false;
  private lastSent = 0;
  private lastIdle = 0;
  private readonly requests = new Map<number, () => void>();
  /** Documents sent to lint, by request id: answered with findings, or undefined if the worker stops. */
  private readonly lints = new Map<number, (checked: Checked | undefined) => void>();
  private lastLint = 0;
  /** Reads sent and not yet answered with a check (id to read number), for `lost` if the worker dies. */
  private readonly unanswered = new Map<string, number>();
  private idleWaiters: Array<() => void> = [];
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** The latest configuration, for a worker started after it was sent. */
  private configuration: WorkerRequest | undefined;
  private configSent = -1;

  /** `configFor` loads a workspace folder's settings (its .starcoach.yaml and the editor's). */
  constructor(
    private readonly answers: ReadAnswers,
    private readonly configFor: (folder: vscode.Uri) => Promise<ResolvedConfig>,
  ) {}

  /** Off, the index reads and checks every story on the host: for measuring what the thread is worth. */
  enabled = true;

  accepts(uri: vscode.Uri): boolean {
    return this.enabled && !this.failed && uri.scheme === 'file';
  }

  /** Stories on disk whose editor (if any) holds no unsaved text, while the worker can run. */
  takes(jobs: Array<ReadJob<vscode.Uri>>): Array<ReadJob<vscode.Uri>> {
    if (!this.enabled || this.failed) return [];
    const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    return jobs.filter((job) => job.ref.scheme === 'file' && !unsaved.has(job.id));
  }

  /** Whether anything sent has yet to be counted and checked. */
  get checking(): boolean {
    return this.lastSent !== this.lastIdle;
  }

  /** Resolves when every story sent so far has been counted and checked (the worker checks on its own). */
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
      this.worker?.postMessage(this.configuration);
    })();
  }

  /**
   * Sends stories to read and count, a thousand at a time with a breath between so that the host's
   * thread is never held long; resolves once every one of them is counted (or lost).
   */
  async count(jobs: Array<ReadJob<vscode.Uri>>, version: number): Promise<void> {
    this.configure(version);
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
    const counted: Array<Promise<void>> = [];
    for (let start = 0; start < jobs.length; start += SEND_CHUNK) {
      if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      counted.push(this.send(jobs.slice(start, start + SEND_CHUNK), version, folders));
    }
    await Promise.all(counted);
  }

  /** One message of jobs, each with its workspace folder's key (for its settings). */
  private send(jobs: Array<ReadJob<vscode.Uri>>, version: number, folders: string[]): Promise<void> {
    const worker = this.start();
    if (!worker) {
      this.answers.lost(jobs);
      return Promise.resolve();
    }
    const request = ++this.lastSent;
    const message: WorkerRequest = { request, version, jobs: [] };
    for (const { id, ref, read } of jobs) {
      const folder = innermostFolder(id, folders);
      // Not in the workspace any more: no story there.
      if (folder === undefined) this.answers.counted({ id, read }, undefined);
      else {
        this.unanswered.set(id, read);
        message.jobs.push({ id, read, path: ref.fsPath, folder });
      }
    }
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
      for (const { id, read, summary } of reply.counted) {
        if (!summary) this.answered(id, read);
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
        this.answered(id, read);
        this.answers.checked({ id, read }, result);
      }
    } else {
      this.lastIdle = reply.idle;
      if (this.checking) return;
      this.unanswered.clear();
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
      this.stopWhenIdle();
    }
  }

  /** A read answered in full (a newer read of the same story may still be owed). */
  private answered(id: string, read: number): void {
    if (this.unanswered.get(id) === read) this.unanswered.delete(id);
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
    if (failed || this.checking) this.failed = true;
    const lost: ReadTicket[] = [...this.unanswered].map(([id, read]) => ({ id, read }));
    this.unanswered.clear();
    this.lastIdle = this.lastSent;
    [...this.requests.keys()].forEach((request) => this.answer(request));
    [...this.lints.values()].forEach((resolve) => resolve(undefined));
    this.lints.clear();
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
    if (lost.length > 0) this.answers.lost(lost);
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker || this.checking || this.lints.size > 0) return;
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

/** The innermost of the folders (URI strings) that holds the story. */
function innermostFolder(id: string, folders: string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) if (id.startsWith(`${folder}/`) && folder.length > (best?.length ?? 0)) best = folder;
  return best;
}
