import type * as vscode from 'vscode';
import type { WorkerEvents } from './workerClient';

/** The web build's StoryWorker: no worker threads there, so the index reads every story itself. */
export class StoryWorker implements vscode.Disposable {
  constructor(_events: WorkerEvents) {}
  enabled = false;
  accepts(): boolean {
    return false;
  }
  readonly busy = false;
  warm(): void {}
  idle(): Promise<void> {
    return Promise.resolve();
  }
  configure(): void {}
  count(): Promise<void> {
    return Promise.resolve();
  }
  lint(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  dispose(): void {}
}
