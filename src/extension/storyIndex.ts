import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config';
import { BankLedger, type Outcome, type Unchecked } from '../core/bankLedger';
import type { StorySummary } from '../core/coverage';
import { LARGE_STORY_CHARS } from '../core/engine';
import { checkText, countText, type Checked } from '../core/scan';
import type { Finding } from '../core/types';
import { isStoryPath, STORY_GLOB } from './constants';
import { fileBytes } from './fileSystem';
import type { StoryModel } from './model';
import { newWalkSeen } from '../core/walk';
import { StoryFiles } from './storyFiles';
import { StoryWorker, type WorkerEvents } from './workerClient';

/** Files read at once: enough to keep the disk busy; more only queue up in Node's thread pool. */
const READERS = 64;
/** The longest stretch of checking before the host gets the thread back. */
const SLICE_MS = 8;
const SETTLE_MS = 150;
/** Stories handed to the worker in one message. */
const SEND_CHUNK = 1000;
const UTF8 = new TextDecoder();

/**
 * The coverage index of the workspace, kept live: a lazy first scan (never at activation), then
 * file-system watcher events and unsaved edits, queued and coalesced so that a storm of changes
 * (a git checkout of a thousand files) is read once each, without blocking the host.
 *
 * Work comes in two passes so that counts appear first: reading a story parses its front matter
 * and counts its LPs at once; checking it against every rule (its problem count, and its
 * diagnostics when the whole workspace is linted) follows once nothing is waiting to be read.
 * Stories on disk go through both passes on a worker thread (src/node/storyWorker.ts, driven through workerClient.ts); the rest (virtual
 * file systems, unsaved edits, the web build) are read here and checked here in short slices.
 */
export class StoryIndex implements vscode.Disposable {
  /** The bookkeeping and the one rule for races (see BankLedger); this class does the I/O around it. */
  private readonly ledger = new BankLedger<vscode.Uri>();
  readonly coverage = this.ledger.coverage;
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
  /** Taken from the ledger's checks, a slice at a time. */
  private checking: Array<Unchecked<vscode.Uri>> = [];
  private readonly disposables: vscode.Disposable[] = [this.changed, this.checked, this.removed];
  private scan: Promise<void> | undefined;
  private reading: Promise<void> | undefined;
  private draining: Promise<void> | undefined;
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private generation = 0;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly scanWaiters: Array<() => void> = [];
  private readonly worker = new StoryWorker(this.workerEvents());
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
      this.ledger.wantRead(uri.toString(), uri);
      void this.drain();
    };
    const seen = newWalkSeen();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.files.walk(folder.uri, add, stale, seen)));
    if (stale()) return;
    for (const id of this.ledger.absent(found)) this.forget(id);
    while (this.reading || this.ledger.readsWaiting > 0) await this.readAll();
    this.fireSoon();
  }

  private enqueue(uri: vscode.Uri): void {
    if (!this.scanned || !this.files.includes(uri)) return;
    this.ledger.wantRead(uri.toString(), uri);
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
    // Not a story: a folder, and everything under it goes too.
    const removed = this.ledger.deleted(uri.toString(), !isStoryPath(uri.path));
    for (const id of removed) this.removed.fire(id);
    if (removed.length > 0) this.fireSoon();
  }

  /** Drops a story and any work queued for it. */
  private forget(id: string): boolean {
    if (!this.ledger.forget(id)) return false;
    this.removed.fire(id);
    return true;
  }

  /** Tells the views what a read's answer did. */
  private report(id: string, outcome: Outcome): void {
    if (outcome === 'removed') this.removed.fire(id);
    if (outcome === 'counted' || outcome === 'removed') this.fireSoon();
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
    return this.reading !== undefined || this.ledger.readsWaiting > 0 || this.ledger.checksWaiting > 0 || this.checking.length > 0 || this.worker.busy;
  }

  /** Reads what is queued, then checks what was read, until both queues are empty. */
  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    if (!this.hasWork) return Promise.resolve();
    const run = (async () => {
      await Promise.resolve(); // so that `finally` below always runs after `this.draining = run`
      try {
        while (this.hasWork) {
          if (this.reading || this.ledger.readsWaiting > 0) await this.readAll();
          else if (this.ledger.checksWaiting > 0 || this.checking.length > 0) await this.checkSlice();
          else await this.worker.idle();
        }
        this.ledger.settled();
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
      for (const [id, uri] of this.ledger.takeReads()) (this.worker.accepts(uri) && !unsaved.has(id) ? there : here).push(uri);
      for (const uri of here) this.ledger.readHere(uri.toString());
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
        this.ledger.sentElsewhere(uri.toString(), uri);
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
      counted: (id, summary) => this.report(id, this.ledger.countedElsewhere(id, summary)),
      checked: (id, { check, findings }) => {
        const checked = this.ledger.checkedElsewhere(id, check);
        if (checked) this.announceCheck(checked.ref, findings, checked.changed);
      },
      lost: (ids) => {
        this.ledger.lostElsewhere(ids);
        void this.drain();
      },
    };
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const id = uri.toString();
    const stamp = this.ledger.stamp;
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
    this.report(id, this.ledger.countedHere(id, uri, stamp, countText(id, text), text, config));
  }

  /** Checks queued stories against the rules for one slice, then gives the host the thread back. */
  private async checkSlice(): Promise<void> {
    const started = Date.now();
    if (this.checking.length === 0) this.checking = this.ledger.takeChecks();
    while (this.checking.length > 0) {
      const { id, ref: uri, text, config, stamp } = this.checking.pop()!;
      if (!this.ledger.awaitsCheck(id, stamp)) continue;
      // A large story goes to the worker: the await lets a deletion or a newer read overtake it.
      const checked = text.length <= LARGE_STORY_CHARS ? checkText(text, config) : await this.checkOffThread(text, config);
      if (!this.ledger.awaitsCheck(id, stamp)) continue;
      this.announceCheck(uri, checked.findings, this.ledger.applyCheck(id, checked.check));
      if (Date.now() - started >= SLICE_MS) break;
    }
    await breathe();
  }

  /** The findings go to whoever publishes them; the views redraw only when the story's check changed. */
  private announceCheck(uri: vscode.Uri, findings: Finding[], changed: boolean): void {
    this.checked.fire({ uri, findings });
    if (changed) this.fireSoon();
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
