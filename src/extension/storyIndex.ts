import * as vscode from 'vscode';
import { CoverageIndex, summarize, type StorySummary } from '../core/coverage';
import { lintText, unreadableReason } from '../core/engine';
import { isStoryPath, STORY_GLOB } from './constants';
import type { StoryModel } from './model';

const BATCH = 256;
const UTF8 = new TextDecoder();
const SETTLE_MS = 150;

/**
 * The coverage index of the workspace, kept live: a lazy first scan (never at activation), then
 * file-system watcher events and unsaved edits, queued and coalesced so that a storm of changes
 * (a git checkout of a thousand files) is read in batches, once each, without blocking the host.
 */
export class StoryIndex implements vscode.Disposable {
  readonly coverage = new CoverageIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires, at most every SETTLE_MS, when stories were added, changed or removed. */
  readonly onDidChange = this.changed.event;
  private readonly pending = new Map<string, vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scan: Promise<void> | undefined;
  private draining: Promise<void> | undefined;
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private generation = 0;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly scanWaiters: Array<() => void> = [];
  /** Deletions by story, numbered, so that a read begun before a deletion cannot bring it back. */
  private deletions = 0;
  private readonly deletedAt = new Map<string, number>();

  constructor(private readonly model: StoryModel) {}

  /** Starts the first scan (once) and the watchers; resolves when the first scan is complete. */
  ready(): Promise<void> {
    if (!this.scan) {
      this.watch();
      this.scan = this.scanAll();
    }
    return this.scan;
  }

  get scanned(): boolean {
    return this.scan !== undefined;
  }

  /** Resolves when every queued change has been read. */
  async settled(): Promise<void> {
    await this.ready();
    while (this.draining || this.pending.size > 0) await (this.draining ?? this.drain());
  }

  private watch(): void {
    const stories = vscode.workspace.createFileSystemWatcher(STORY_GLOB);
    // Deleting or renaming a folder reports the folder, not each story in it.
    const anything = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      stories,
      anything,
      stories.onDidCreate((uri) => this.enqueue(uri)),
      stories.onDidChange((uri) => this.enqueue(uri)),
      stories.onDidDelete((uri) => this.remove(uri)),
      anything.onDidDelete((uri) => this.remove(uri)),
      // Deletes and renames made in VS Code itself are reported here at once, even when the file
      // watcher folds a quick create-then-delete into nothing.
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.remove(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => (this.remove(oldUri), this.enqueue(newUri)))),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => isStory(d.uri) && this.enqueue(d.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('files.exclude') && this.rescan()),
      this.model.configuration.onDidChange(() => this.rescan()),
    );
  }

  /** Settings and folders change in bursts: rescan once they settle. */
  private rescan(): void {
    this.generation++;
    clearTimeout(this.rescanTimer);
    // Whoever waits on a superseded rescan is answered when the one that replaced it is done.
    this.scan = new Promise<void>((resolve) => this.scanWaiters.push(resolve));
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      const waiters = this.scanWaiters.splice(0);
      void this.scanAll().finally(() => waiters.forEach((done) => done()));
    }, 250);
  }

  private async scanAll(): Promise<void> {
    const generation = this.generation;
    const uris = await vscode.workspace.findFiles(STORY_GLOB, excludeGlob());
    if (generation !== this.generation) return;
    const found = new Set(uris.map((u) => u.toString()));
    for (const story of [...this.coverage.all()]) if (!found.has(story.id)) this.coverage.remove(story.id);
    for (const uri of uris) this.pending.set(uri.toString(), uri);
    await this.drain();
  }

  private enqueue(uri: vscode.Uri): void {
    if (!isStory(uri) || !this.scanned) return;
    this.pending.set(uri.toString(), uri);
    void this.drain();
  }

  private remove(uri: vscode.Uri): void {
    const id = uri.toString();
    this.deletedAt.set(id, ++this.deletions);
    this.pending.delete(id);
    const removed = Number(this.coverage.remove(id)) + this.coverage.removeUnder(`${id}/`);
    for (const key of [...this.pending.keys()]) if (key.startsWith(`${id}/`)) this.pending.delete(key);
    if (removed > 0) this.fireSoon();
  }

  /** Unsaved edits count: the open document's text wins over the file on disk. */
  private onEdit(document: vscode.TextDocument): void {
    if (!isStory(document.uri) || !this.scanned || document.languageId !== 'markdown') return;
    const key = document.uri.toString();
    clearTimeout(this.editTimers.get(key));
    this.editTimers.set(
      key,
      setTimeout(() => {
        this.editTimers.delete(key);
        // Through the queue: the read checks the file still exists, then takes the unsaved text.
        if (!document.isClosed) this.enqueue(document.uri);
      }, 300),
    );
  }

  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    if (this.pending.size === 0) return Promise.resolve();
    const run = (async () => {
      await Promise.resolve(); // so that `finally` below always runs after `this.draining = run`
      try {
        while (this.pending.size > 0) {
          const batch = [...this.pending.values()].slice(0, BATCH);
          for (const uri of batch) this.pending.delete(uri.toString());
          await Promise.all(batch.map((uri) => this.read(uri)));
          this.fireSoon();
          // Let the extension host breathe between batches.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      } finally {
        this.draining = undefined;
      }
    })();
    this.draining = run;
    return run;
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const since = this.deletions;
    let text: string;
    try {
      text = UTF8.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      // Deleted before we read it (an editor may still hold its text: that is not a story on disk).
      this.coverage.remove(uri.toString());
      return;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return this.index(uri, open && open.isDirty && !open.isClosed ? open.getText() : text, since);
  }

  private async index(uri: vscode.Uri, text: string, since = this.deletions): Promise<void> {
    const config = await this.model.configuration.forUri(uri);
    const id = uri.toString();
    if ((this.deletedAt.get(id) ?? 0) > since || [...this.deletedAt].some(([gone, at]) => at > since && id.startsWith(`${gone}/`))) return;
    if (unreadableReason(text)) {
      this.coverage.remove(uri.toString());
      return;
    }
    const { story, findings } = lintText(text, config);
    this.coverage.upsert(summarize(id, story, findings));
  }

  private fireSoon(): void {
    if (this.fireTimer) return;
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      this.changed.fire();
    }, SETTLE_MS);
  }

  /** Stories each LP needs: the first folder's .starcoach.yaml, or the setting, which wins. */
  async goal(): Promise<number> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? (await this.model.configuration.forUri(folder.uri)).storiesPerLp : 3;
  }

  story(id: string): StorySummary | undefined {
    return this.coverage.get(id);
  }

  dispose(): void {
    clearTimeout(this.fireTimer);
    clearTimeout(this.rescanTimer);
    this.editTimers.forEach((t) => clearTimeout(t));
    for (const d of this.disposables) d.dispose();
  }
}

function isStory(uri: vscode.Uri): boolean {
  return isStoryPath(uri.path);
}

/** files.exclude as one glob, read now (the search service may still hold an older value), plus node_modules. */
export function excludeGlob(): string {
  const excluded = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const patterns = Object.keys(excluded).filter((pattern) => excluded[pattern] === true);
  return `{${['**/node_modules/**', ...patterns].join(',')}}`;
}
