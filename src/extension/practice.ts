import * as vscode from 'vscode';
import { NO_PRACTICE, practiceHistory, type PracticeHistory } from '../core/plan/profile';
import { PRACTICE_LOG_PATH, parsePracticeLog, practiceCounts, type PracticeEntry } from '../core/practice/log';
import { appendEntry } from './practiceAppend';

export interface Counts {
  byLp: Map<string, number>;
  /** Sessions per LP that told a named story and answered its follow-ups aloud. */
  rehearsedByLp: Map<string, number>;
  /** Keyed by the story's URI string, like the story index. */
  byStory: Map<string, number>;
  byQuestion: Map<string, number>;
  /** Sessions and the latest telling per story, keyed by the story's URI string: the matcher's "told recently". */
  history: PracticeHistory;
}

/**
 * The practice logs of the workspace folders (`.star-coach/practice.jsonl`), counted. Other windows
 * append to the same files, so a watcher re-reads them when they change.
 */
export class PracticeStore implements vscode.Disposable {
  private counts: Counts = { byLp: new Map(), rehearsedByLp: new Map(), byStory: new Map(), byQuestion: new Map(), history: NO_PRACTICE };
  private loaded: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Damaged lines already reported, so a warning shows once per file and count. */
  private readonly warned = new Map<string, number>();

  constructor() {
    // The log, and its folder: deleting the folder reports only the folder.
    const folder = PRACTICE_LOG_PATH.split('/')[0];
    const watcher = vscode.workspace.createFileSystemWatcher(`{**/${folder},**/${PRACTICE_LOG_PATH}}`);
    const reload = () => {
      this.loaded = this.load();
      void this.loaded.then(() => this.changed.fire());
    };
    this.disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload), vscode.workspace.onDidChangeWorkspaceFolders(reload));
  }

  async current(): Promise<Counts> {
    this.loaded ??= this.load();
    await this.loaded;
    return this.counts;
  }

  /**
   * How each story was practised (sessions and the latest one's time), keyed by the story's URI
   * string like the story index: what the loop plan weighs.
   */
  async history(): Promise<PracticeHistory> {
    return (await this.current()).history;
  }

  /** The counts as last loaded, without waiting (for tree items). */
  get snapshot(): Counts {
    this.loaded ??= this.load().then(() => this.changed.fire());
    return this.counts;
  }

  /** The log file of the folder that holds `uri`, or of the first folder. */
  logFor(uri?: vscode.Uri): vscode.Uri | undefined {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, PRACTICE_LOG_PATH);
  }

  async append(log: vscode.Uri, entry: PracticeEntry): Promise<void> {
    await appendEntry(log, entry);
    this.loaded = this.load();
    await this.loaded;
    this.changed.fire();
  }

  private async readText(uri: vscode.Uri): Promise<string> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return '';
    }
  }

  private async load(): Promise<void> {
    const entries: Array<{ folder: vscode.Uri; entry: PracticeEntry }> = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const log = vscode.Uri.joinPath(folder.uri, PRACTICE_LOG_PATH);
      const parsed = parsePracticeLog(await this.readText(log));
      for (const entry of parsed.entries) entries.push({ folder: folder.uri, entry });
      if (parsed.damaged.length > 0 && this.warned.get(log.toString()) !== parsed.damaged.length) {
        this.warned.set(log.toString(), parsed.damaged.length);
        const lines = parsed.damaged.slice(0, 5).join(', ') + (parsed.damaged.length > 5 ? ', …' : '');
        void vscode.window.showWarningMessage(`STAR Coach skipped ${parsed.damaged.length} unreadable line${parsed.damaged.length === 1 ? '' : 's'} (${lines}) in ${vscode.workspace.asRelativePath(log)}. The other practice sessions are counted.`);
      }
    }
    const counts = practiceCounts(entries.map((e) => e.entry));
    // The log names stories relative to their folder; the editor keys them by URI.
    const byUri = entries.map(({ folder, entry }) => ({ ...entry, story: entry.story && vscode.Uri.joinPath(folder, entry.story).toString() }));
    const { byStory } = practiceCounts(byUri);
    this.counts = { byLp: counts.byLp, rehearsedByLp: counts.rehearsedByLp, byStory, byQuestion: counts.byQuestion, history: practiceHistory(byUri) };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
