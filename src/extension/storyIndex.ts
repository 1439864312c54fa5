import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config';
import { CoverageIndex, type StorySummary } from '../core/coverage';
import { LARGE_STORY_CHARS } from '../core/engine';
import { checkText, countText, type Checked } from '../core/scan';
import type { Finding } from '../core/types';
import { isStoryPath, STORY_GLOB } from './constants';
import { fileBytes } from './fileSystem';
import type { StoryModel } from './model';
import { newWalkSeen } from '../core/walk';
import { StoryFiles } from './storyFiles';
import { StoryWorker, type WorkerEvents } from './storyWorker';

/** Files read at once: enough to keep the disk busy; more only queue up in Node's thread pool. */
const READERS = 64;
/** The longest stretch of checking before the host gets the thread back. */
const SLICE_MS = 8;
const SETTLE_MS = 150;
/** Stories handed to the worker in one message. */
const SEND_CHUNK = 1000;
const UTF8 = new TextDecoder();

/** A story read and counted, waiting for its full check. */
interface Unchecked {
  uri: vscode.Uri;
  text: string;
  config: ResolvedConfig;
  since: number;
}

/**
 * The coverage index of the workspace, kept live: a lazy first scan (never at activation), then
 * file-system watcher events and unsaved edits, queued and coalesced so that a storm of changes
 * (a git checkout of a thousand files) is read once each, without blocking the host.
 *
 * Work comes in two passes so that counts appear first: reading a story parses its front matter
 * and counts its LPs at once; checking it against every rule (its problem count, and its
 * diagnostics when the whole workspace is linted) follows once nothing is waiting to be read.
 * Stories on disk go through both passes on a worker thread (storyWorker.ts); the rest (virtual
 * file systems, unsaved edits, the web build) are read here and checked here in short slices.
 */
export class StoryIndex implements vscode.Disposable {
  readonly coverage = new CoverageIndex();
  readonly files = new StoryFiles();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires, at most every SETTLE_MS, when stories were added, changed or removed. */
  readonly onDidChange = this.changed.event;
  private readonly checked = new vscode.EventEmitter<{ uri: vscode.Uri; findings: Finding[] }>();
  /** Fires for each story checked against the rules, with its findings. */
  readonly onDidCheck = this.checked.event;
  private readonly removed = new vscode.EventEmitter<string>();
  /** Fires with the id of each story that left the index. */
  readonly onDidRemove = this.removed.event;
  private readonly toRead = new Map<string, vscode.Uri>();
  private readonly toCheck = new Map<string, Unchecked>();
  /** Taken from toCheck a slice at a time. */
  private checking: Unchecked[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed, this.checked, this.removed];
  private scan: Promise<void> | undefined;
  private reading: Promise<void> | undefined;
  private draining: Promise<void> | undefined;
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private generation = 0;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly scanWaiters: Array<() => void> = [];
  /** Deletions by story, numbered, so that a read begun before a deletion cannot bring it back. */
  private deletions = 0;
  private readonly deletedAt = new Map<string, number>();
  private readonly worker = new StoryWorker(this.workerEvents());
  /** Stories handed to the worker, with the deletion count when they were sent. */
  private readonly sent = new Map<string, { uri: vscode.Uri; since: number }>();
  /** Bumped when the configuration changes, so that the worker checks with the newest one. */
  private configVersion = 0;
  private configSent = -1;

  constructor(private readonly model: StoryModel) {}

  /** Starts the first scan (once) and the watchers; resolves when every story found is counted. */
  ready(): Promise<void> {
    if (!this.scan) {
      // The worker's start overlaps the walk, when there are stories on disk to give it.
      if (vscode.workspace.workspaceFolders?.some((folder) => this.worker.accepts(folder.uri))) this.worker.warm();
      this.watch();
      this.scan = this.scanAll();
    }
    return this.scan;
  }

  get scanned(): boolean {
    return this.scan !== undefined;
  }

  /** Resolves when every queued change has been read and checked. */
  async settled(): Promise<void> {
    await this.ready();
    while (this.draining || this.hasWork) await (this.draining ?? this.drain());
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

  private watch(): void {
    const stories = vscode.workspace.createFileSystemWatcher(STORY_GLOB);
    // Deleting, renaming or moving in a folder reports the folder, not each story in it.
    const anything = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      stories,
      anything,
      stories.onDidCreate((uri) => this.enqueue(uri)),
      stories.onDidChange((uri) => this.enqueue(uri)),
      stories.onDidDelete((uri) => this.remove(uri)),
      anything.onDidCreate((uri) => this.enqueueFolder(uri)),
      anything.onDidDelete((uri) => this.remove(uri)),
      // Deletes and renames made in VS Code itself are reported here at once, even when the file
      // watcher folds a quick create-then-delete into nothing. A renamed folder is walked again.
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.remove(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => (this.remove(oldUri), this.enqueueFolder(newUri)))),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.enqueue(d.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('files.exclude') && this.rescan()),
      this.model.configuration.onDidChange(() => (this.configVersion++, this.rescan())),
    );
  }

  /** Reads and checks every story again, for a consumer that needs every story's findings. */
  recheck(): void {
    if (this.scanned) this.rescan();
    else void this.ready();
  }

  /** Settings and folders change in bursts: rescan once they settle. */
  private rescan(): void {
    this.generation++;
    this.files.reset();
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
    const stale = () => generation !== this.generation;
    // Each folder's configuration loads while the walk goes on.
    void this.sendConfiguration();
    const found = new Set<string>();
    // Reading starts with the first folder listed, while the walk goes on.
    const add = (uri: vscode.Uri) => {
      found.add(uri.toString());
      this.toRead.set(uri.toString(), uri);
      void this.drain();
    };
    const seen = newWalkSeen();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.files.walk(folder.uri, add, stale, seen)));
    if (stale()) return;
    for (const story of [...this.coverage.all()]) if (!found.has(story.id)) this.forget(story.id);
    while (this.reading || this.toRead.size > 0) await this.readAll();
    this.fireSoon();
  }

  private enqueue(uri: vscode.Uri): void {
    if (!this.scanned || !this.files.includes(uri)) return;
    this.toRead.set(uri.toString(), uri);
    void this.drain();
  }

  /**
   * A story, or a folder whose stories are all new to the index (renamed or moved in). Anything
   * else that was created is not a folder, and its listing fails at once.
   */
  private enqueueFolder(uri: vscode.Uri): void {
    if (!this.scanned) return;
    if (isStoryPath(uri.path)) this.enqueue(uri);
    else void this.files.walk(uri, (story) => this.enqueue(story));
  }

  private remove(uri: vscode.Uri): void {
    const id = uri.toString();
    this.deletedAt.set(id, ++this.deletions);
    let removed = Number(this.forget(id));
    if (!isStoryPath(uri.path)) {
      // A folder: everything under it goes too.
      for (const story of [...this.coverage.all()]) if (story.id.startsWith(`${id}/`) && this.forget(story.id)) removed++;
      for (const key of [...this.toRead.keys()]) if (key.startsWith(`${id}/`)) this.toRead.delete(key);
    }
    if (removed > 0) this.fireSoon();
  }

  /** Drops a story and any work queued for it. */
  private forget(id: string): boolean {
    this.toRead.delete(id);
    this.toCheck.delete(id);
    if (!this.coverage.remove(id)) return false;
    this.removed.fire(id);
    return true;
  }

  /** Unsaved edits count: the open document's text wins over the file on disk. */
  private onEdit(document: vscode.TextDocument): void {
    if (!this.scanned || document.languageId !== 'markdown' || !this.files.includes(document.uri)) return;
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

  private get hasWork(): boolean {
    return this.reading !== undefined || this.toRead.size > 0 || this.toCheck.size > 0 || this.checking.length > 0 || this.worker.busy;
  }

  /** Reads what is queued, then checks what was read, until both queues are empty. */
  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    if (!this.hasWork) return Promise.resolve();
    const run = (async () => {
      await Promise.resolve(); // so that `finally` below always runs after `this.draining = run`
      try {
        while (this.hasWork) {
          if (this.reading || this.toRead.size > 0) await this.readAll();
          else if (this.toCheck.size > 0 || this.checking.length > 0) await this.checkSome();
          else await this.worker.idle();
        }
        // Nothing is in flight any more: no read can be older than a deletion we remember.
        this.deletedAt.clear();
        this.sent.clear();
      } finally {
        this.draining = undefined;
      }
    })();
    this.draining = run;
    return run;
  }

  /**
   * Reads every queued file, each counted as soon as it is read: stories on disk in the worker,
   * the rest (other file systems, unsaved edits, or no worker) here, READERS at a time.
   */
  private readAll(): Promise<void> {
    this.reading ??= (async () => {
      // Taken as a list: pulling one at a time from the front of a Map slows as it empties.
      const here: vscode.Uri[] = [];
      const there: vscode.Uri[] = [];
      const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
      for (const uri of this.toRead.values()) (this.worker.accepts(uri) && !unsaved.has(uri.toString()) ? there : here).push(uri);
      this.toRead.clear();
      // Read here now: whatever the worker still says of these stories is older.
      for (const uri of here) this.sent.delete(uri.toString());
      let next = 0;
      const reader = async () => {
        while (next < here.length) await this.read(here[next++]);
      };
      await Promise.all([this.readInWorker(there), ...Array.from({ length: Math.min(READERS, here.length) }, reader)]);
      this.reading = undefined;
      this.fireSoon();
    })();
    return this.reading;
  }

  private async readInWorker(uris: vscode.Uri[]): Promise<void> {
    if (uris.length === 0) return;
    void this.sendConfiguration();
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
    const counted: Array<Promise<void>> = [];
    // Sent a thousand at a time, with a breath between, so that the host's thread is never held long.
    for (let start = 0; start < uris.length; start += SEND_CHUNK) {
      if (start > 0) await breathe();
      const jobs: Array<{ uri: vscode.Uri; folder: string }> = [];
      for (const uri of uris.slice(start, start + SEND_CHUNK)) {
        const folder = innermostFolder(uri.toString(), folders);
        if (folder === undefined) continue; // not in the workspace any more
        jobs.push({ uri, folder });
        this.sent.set(uri.toString(), { uri, since: this.deletions });
      }
      counted.push(this.worker.count(this.configVersion, jobs));
    }
    await Promise.all(counted);
  }

  /** The worker's checks wait for the folders' configuration; counting does not. */
  private async sendConfiguration(): Promise<void> {
    const version = this.configVersion;
    if (this.configSent === version) return;
    this.configSent = version;
    const byFolder: Record<string, ResolvedConfig> = {};
    for (const folder of vscode.workspace.workspaceFolders ?? []) byFolder[folder.uri.toString()] = await this.model.configuration.forUri(folder.uri);
    this.worker.configure(version, byFolder);
  }

  /** The worker's answers, checked against what happened meanwhile, as reads here are. */
  private workerEvents(): WorkerEvents {
    return {
      counted: (id, summary) => {
        const sent = this.sent.get(id);
        if (!sent || this.deletedSince(id, sent.since)) return;
        if (summary) this.coverage.upsert(summary);
        else this.forget(id);
        this.fireSoon();
      },
      checked: (id, result) => {
        const sent = this.sent.get(id);
        if (sent && this.awaitsCheck(id, sent.since)) this.applyCheck(sent.uri, result);
      },
      lost: (ids) => {
        for (const id of ids) {
          const sent = this.sent.get(id);
          if (sent) this.toRead.set(id, sent.uri);
        }
        void this.drain();
      },
    };
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const id = uri.toString();
    const since = this.deletions;
    let text: string;
    try {
      text = UTF8.decode(await fileBytes(uri));
    } catch {
      // Deleted before we read it (an editor may still hold its text: that is not a story on disk).
      if (this.forget(id)) this.fireSoon();
      return;
    }
    text = unsavedText(uri) ?? text;
    const config = await this.model.configuration.forUri(uri);
    if (this.deletedSince(id, since)) return;
    const summary = countText(id, text);
    if (!summary) {
      if (this.forget(id)) this.fireSoon();
      return;
    }
    this.coverage.upsert(summary);
    this.toCheck.set(id, { uri, text, config, since });
    this.fireSoon();
  }

  /** Checks queued stories against the rules for one slice, then gives the host the thread back. */
  private async checkSome(): Promise<void> {
    const started = Date.now();
    if (this.checking.length === 0) {
      this.checking = [...this.toCheck.values()];
      this.toCheck.clear();
    }
    while (this.checking.length > 0) {
      const { uri, text, config, since } = this.checking.pop()!;
      if (!this.awaitsCheck(uri.toString(), since)) continue;
      if (text.length <= LARGE_STORY_CHARS) {
        this.applyCheck(uri, checkText(text, config));
      } else {
        const checked = await this.checkOffThread(text, config);
        if (this.awaitsCheck(uri.toString(), since)) this.applyCheck(uri, checked);
      }
      if (Date.now() - started >= SLICE_MS) break;
    }
    await breathe();
  }

  /** False when the story is gone, or was read again since (a newer text waits for its own check). */
  private awaitsCheck(id: string, since: number): boolean {
    return this.coverage.get(id) !== undefined && !this.toCheck.has(id) && !this.deletedSince(id, since);
  }

  private applyCheck(uri: vscode.Uri, { check, findings }: Checked): void {
    const summary = this.coverage.get(uri.toString())!;
    this.coverage.upsert({ ...summary, check });
    this.checked.fire({ uri, findings });
    this.fireSoon();
  }

  private deletedSince(id: string, since: number): boolean {
    if ((this.deletedAt.get(id) ?? 0) > since) return true;
    for (const [gone, at] of this.deletedAt) if (at > since && id.startsWith(`${gone}/`)) return true;
    return false;
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

  /**
   * Lints and checks a text: in the host for a story of ordinary size, on the worker thread for a
   * large one (in the host only where no worker can run), so no story holds the host's thread long.
   */
  async checkOffThread(text: string, config: ResolvedConfig): Promise<Checked> {
    return (text.length > LARGE_STORY_CHARS ? await this.worker.lint(text, config) : undefined) ?? checkText(text, config);
  }

  story(id: string): StorySummary | undefined {
    return this.coverage.get(id);
  }

  dispose(): void {
    clearTimeout(this.fireTimer);
    clearTimeout(this.rescanTimer);
    this.editTimers.forEach((t) => clearTimeout(t));
    this.worker.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Lets the extension host run whatever waits (typing included) before going on. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The innermost of the folders (URI strings) that holds the story. */
function innermostFolder(id: string, folders: string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) if (id.startsWith(`${folder}/`) && folder.length > (best?.length ?? 0)) best = folder;
  return best;
}

/** The unsaved text of an open story, which counts for more than the file on disk. */
function unsavedText(uri: vscode.Uri): string | undefined {
  const id = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
  return open && open.isDirty && !open.isClosed ? open.getText() : undefined;
}
