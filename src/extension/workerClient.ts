import { availableParallelism } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { SYSTEM_CLOCK, type ReadAnswers } from '../core/bankIndex';
import type { ResolvedConfig } from '../core/config';
import { StoryThreads } from '../node/storyThreads';
import type { WorkerOptions, WorkerReply } from '../node/storyWorkerProtocol';

/**
 * Threads in the pool: one per core, at most four. A scan is a burst of work while the host's
 * thread mostly waits, so it may use every core; past four, messages cost more than they save.
 */
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

/**
 * The story index's threads (dist/storyWorker.js) in VS Code: the pool of `StoryThreads` given
 * the workspace's files on disk (`file:` URIs whose editor, if any, holds no unsaved text), its
 * folders and their settings.
 */
export class StoryWorker extends StoryThreads<vscode.Uri> implements vscode.Disposable {
  /**
   * `configFor` loads a workspace folder's settings (its .starcoach.yaml and the editor's);
   * `cacheFile`, where the threads keep the workspace's lint cache (none: no cache).
   */
  constructor(answers: ReadAnswers, configFor: (folder: vscode.Uri) => Promise<ResolvedConfig>, cacheFile?: string) {
    super(answers, {
      size: POOL_SIZE,
      onDisk(jobs) {
        const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
        return jobs.filter((job) => job.ref.scheme === 'file' && !unsaved.has(job.id));
      },
      path: (uri) => uri.fsPath,
      folders: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString()),
      async configs() {
        const byFolder: Record<string, ResolvedConfig> = {};
        for (const folder of vscode.workspace.workspaceFolders ?? []) byFolder[folder.uri.toString()] = await configFor(folder.uri);
        return byFolder;
      },
      spawn(events, turn) {
        // The threads write the cache in turn, half a second apart.
        const options: WorkerOptions = { cacheFile, saveDelayMs: 1000 + 500 * turn };
        const worker = new Worker(join(__dirname, 'storyWorker.js'), { workerData: options });
        worker.on('message', (reply: WorkerReply) => events.message(reply));
        worker.on('error', () => events.failed());
        worker.on('exit', () => events.exited());
        worker.unref();
        return { post: (message) => worker.postMessage(message), terminate: () => void worker.terminate() };
      },
      clock: SYSTEM_CLOCK,
    });
  }

  /** Whether the pool would read a story at this URI: one on disk, while the pool runs. */
  accepts(uri: vscode.Uri): boolean {
    return this.running && uri.scheme === 'file';
  }
}
