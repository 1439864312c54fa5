import * as vscode from 'vscode';
import { BankIndex, SYSTEM_CLOCK, type FirstScanTimes } from '../core/bankIndex';
import type { ResolvedConfig } from '../core/config';
import type { StorySummary } from '../core/coverage';
import { LARGE_STORY_CHARS } from '../core/engine';
import { checkText, type Checked } from '../core/scan';
import { SliceReader } from '../core/sliceReader';
import type { Finding } from '../core/types';
import { bankFiles, storySource, watchWorkspace } from './bankWorkspace';
import type { StoryModel } from './model';
import { StoryFiles } from './storyFiles';
import { StoryWorker } from './workerClient';

/** The threads' lint cache, in the editor's storage for the workspace. */
const LINT_CACHE_FILE = 'lint-cache.json';

/**
 * The coverage index of the workspace, kept live: the VS Code side of BankIndex (src/core/bankIndex.ts),
 * which holds the scan, the queues and the race rule. This file gives it the workspace's files and
 * the watchers' events (bankWorkspace.ts), and its two readers: the worker thread for stories on
 * disk (workerClient.ts) and slices on the host's thread for the rest (virtual file systems,
 * unsaved edits, the web build).
 */
export class StoryIndex implements vscode.Disposable {
  readonly files = new StoryFiles();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires, at most every CHANGE_SETTLE_MS, when stories were added, changed or removed. */
  readonly onDidChange = this.changed.event;
  private readonly checked = new vscode.EventEmitter<{ uri: vscode.Uri; findings: Finding[]; digest: number }>();
  /** Fires for each story checked against the rules, with its findings and the digest of the text checked (see `textDigest`). */
  readonly onDidCheck = this.checked.event;
  private readonly removed = new vscode.EventEmitter<string>();
  /** Fires with the id of each story that left the index. */
  readonly onDidRemove = this.removed.event;
  private readonly worker: StoryWorker;
  private readonly index: BankIndex<vscode.Uri>;
  readonly coverage: BankIndex<vscode.Uri>['coverage'];

  /** `storage`: the editor's folder for this workspace, where the threads keep their lint cache (none: no cache). */
  constructor(
    private readonly model: StoryModel,
    storage?: vscode.Uri,
  ) {
    const cacheFile = storage?.scheme === 'file' ? vscode.Uri.joinPath(storage, LINT_CACHE_FILE).fsPath : undefined;
    let worker: StoryWorker | undefined;
    this.index = new BankIndex<vscode.Uri>({
      files: bankFiles(this.files),
      watcher: { watch: (report) => watchWorkspace(report, model.configuration.onDidChange) },
      clock: SYSTEM_CLOCK,
      listener: { changed: () => this.changed.fire(), removed: (id) => this.removed.fire(id), checked: (uri, findings, digest) => this.checked.fire({ uri, findings, digest }) },
      readers: (answers) => [(worker = new StoryWorker(answers, (folder) => model.configuration.forUri(folder), cacheFile)), new SliceReader(storySource(model, this), SYSTEM_CLOCK, answers)],
    });
    this.worker = worker!;
    this.coverage = this.index.coverage;
  }

  /** Starts the first scan (once) and the watchers; resolves when every story found is counted. */
  ready(): Promise<void> {
    // The worker's start overlaps the walk, when there are stories on disk to give it.
    if (!this.scanned && vscode.workspace.workspaceFolders?.some((folder) => this.worker.accepts(folder.uri))) this.worker.warm();
    return this.index.ready();
  }

  /** When the first scan reached each point (Date.now() milliseconds), for measuring it. */
  get firstScan(): FirstScanTimes {
    return this.index.firstScan;
  }

  get scanned(): boolean {
    return this.index.scanned;
  }

  /** Resolves when every queued change has been read and checked. */
  async settled(): Promise<void> {
    await this.ready();
    return this.index.settled();
  }

  /** Reads and checks every story again, for a consumer that needs every story's findings. */
  recheck(): void {
    if (this.scanned) this.index.recheck();
    else void this.ready();
  }

  /** Whether any story is in the workspace, looking no further than the first one. */
  async anyStory(): Promise<boolean> {
    let found = false;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      await this.files.walk(folder.uri, () => (found = true), () => found);
      if (found) return true;
    }
    return false;
  }

  /** Stories each LP needs: the first folder's .starcoach.yaml, or the setting, which wins. */
  async goal(): Promise<number> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? (await this.model.configuration.forUri(folder.uri)).storiesPerLp : 3;
  }

  /**
   * Lints and checks a text: in the host for a story of ordinary size, on the worker thread for a
   * large one (in the host only where no worker can run), so no story holds the host's thread long.
   */
  async checkOffThread(text: string, config: ResolvedConfig): Promise<Checked> {
    return (text.length > LARGE_STORY_CHARS ? await this.worker.lint(text, config) : undefined) ?? checkText(text, config);
  }

  /** Whether stories on disk are read and checked on the worker thread (on by default; off only to measure it). */
  get usesWorker(): boolean {
    return this.worker.enabled;
  }

  set usesWorker(on: boolean) {
    this.worker.enabled = on;
  }

  story(id: string): StorySummary | undefined {
    return this.coverage.get(id);
  }

  dispose(): void {
    this.index.dispose();
    this.worker.dispose();
    [this.changed, this.checked, this.removed].forEach((emitter) => emitter.dispose());
  }
}
