import type * as vscode from 'vscode';
import type { ReadJob } from '../core/bankLedger';
import type { ReadAnswers, StoryReader } from '../core/bankIndex';
import type { ResolvedConfig } from '../core/config';

/** The web build's StoryWorker: no worker threads there, so it takes no read and the host's reader reads every story. */
export class StoryWorker implements StoryReader<vscode.Uri>, vscode.Disposable {
  constructor(_answers: ReadAnswers, _configFor: (folder: vscode.Uri) => Promise<ResolvedConfig>) {}
  enabled = false;
  accepts(): boolean {
    return false;
  }
  takes(): Array<ReadJob<vscode.Uri>> {
    return [];
  }
  readonly checking = false;
  warm(): void {}
  check(): Promise<void> {
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
