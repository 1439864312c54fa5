import * as vscode from 'vscode';
import type { TermedBank } from '../core/match/rank';
import { StoryTermsCache, type ReadStory } from '../core/match/termsCache';
import { profileSummary, type PracticeHistory } from '../core/plan/profile';
import { unsavedDocument } from './bankWorkspace';
import { isStoryPath } from './constants';
import { fileBytes } from './fileSystem';
import type { StoryModel } from './model';
import type { StoryIndex } from './storyIndex';

const UTF8 = new TextDecoder();
/** Stories to read before a question is ranked, from which the status bar shows the reading (about a second on this many). */
const SHOW_PROGRESS_AT = 2000;

/**
 * The words of the workspace's stories as the matcher ranks them, kept across questions (the
 * VS Code side of StoryTermsCache): a story is read again once the index has checked a different
 * text of it, or its editor changed or closed (an editor in any language mode); its words are
 * kept when the index checked the same text again (a change of settings re-checks every story).
 * "Which Story for This Question?" and the mock question read the bank once, not at every question.
 */
export class BankWords implements vscode.Disposable {
  private readonly cache: StoryTermsCache;
  private readonly listeners: vscode.Disposable[];

  constructor(
    model: StoryModel,
    private readonly index: StoryIndex,
  ) {
    this.cache = new StoryTermsCache((id) => readStoryText(model, vscode.Uri.parse(id)));
    const edited = (document: vscode.TextDocument) => isStoryPath(document.uri.path) && this.cache.changed(document.uri.toString());
    this.listeners = [
      index.onDidCheck(({ uri, digest }) => this.cache.changed(uri.toString(), digest)),
      index.onDidRemove((id) => this.cache.removed(id)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && edited(e.document)),
      vscode.workspace.onDidCloseTextDocument(edited),
    ];
  }

  /**
   * Every story the index holds, in its order, profiled from the index's counts and checks with
   * `history`, and the terms of their words: what `new StoryMatcher(bank)` ranks. Stories not read
   * since they changed are read now (open documents as edited); a story gone from disk is left out
   * once the read finds it gone or the index drops it.
   */
  async bank(history: PracticeHistory): Promise<TermedBank> {
    await this.index.ready();
    const summaries = new Map([...this.index.coverage.all()].map((summary) => [summary.id, summary]));
    const { ids, terms } = await this.cache.bank([...summaries.keys()], (count, read) =>
      // A large bank's first question takes seconds: the status bar says why.
      count >= SHOW_PROGRESS_AT ? Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `STAR Coach: reading ${count} stories for the ranking` }, read)) : read(),
    );
    return { profiles: ids.map((id) => profileSummary(summaries.get(id)!, history)), terms };
  }

  dispose(): void {
    this.listeners.forEach((listener) => listener.dispose());
  }
}

/**
 * A story's text as the index reads it: an editor's unsaved text (with the editor's parse of that
 * version), else the file on disk, as the index reads a story open but saved. Undefined when the
 * file is gone; rejects when it cannot be read now (a lock, a permission).
 */
async function readStoryText(model: StoryModel, uri: vscode.Uri): Promise<ReadStory | undefined> {
  const unsaved = unsavedDocument(uri);
  if (unsaved) return { text: unsaved.getText(), story: model.storyOf(unsaved) };
  const text = await fileText(uri);
  return text === undefined ? undefined : { text };
}

/** A file's text (Node on disk: `workspace.fs` makes a round trip to the window per file); undefined when it is gone, a rejection when it cannot be read now. */
async function fileText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return UTF8.decode(await fileBytes(uri));
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}

/** Whether a read failed because nothing is there (Node's ENOENT, ENOTDIR or EISDIR, a file system provider's FileNotFound). */
function isGone(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError) return error.code === 'FileNotFound';
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/**
 * A story's open editor (its unsaved edits count), else the file's text; undefined when the file
 * cannot be read (gone since the scan: left out).
 */
export async function openOrRead(uri: vscode.Uri): Promise<{ document: vscode.TextDocument } | { text: string } | undefined> {
  const id = uri.toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
  if (document) return { document };
  const text = await fileText(uri).catch(() => undefined);
  return text === undefined ? undefined : { text };
}
