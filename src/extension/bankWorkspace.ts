import * as vscode from 'vscode';
import type { BankEvent, BankFiles } from '../core/bankIndex';
import type { ResolvedConfig } from '../core/config';
import { LARGE_STORY_CHARS } from '../core/engine';
import type { Checked } from '../core/scan';
import type { StorySource } from '../core/sliceReader';
import { newWalkSeen } from '../core/walk';
import { isStoryPath, STORY_GLOB } from './constants';
import { fileBytes } from './fileSystem';
import type { StoryModel } from './model';
import type { StoryFiles } from './storyFiles';

/** The workspace's stories in the index's terms: ids are URI strings; the walk is StoryFiles'. */
export function bankFiles(files: StoryFiles): BankFiles<vscode.Uri> {
  return {
    id: (uri) => uri.toString(),
    isStory: (uri) => isStoryPath(uri.path),
    includes: (uri) => files.includes(uri),
    walk: async (found, cancelled) => {
      // One `seen` for the scan: a story reached from two folders (through a link) counts once.
      const seen = newWalkSeen();
      await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => files.walk(folder.uri, found, cancelled, seen)));
    },
    // Anything created that is not a folder fails its listing at once.
    walkUnder: (folder, found) => files.walk(folder, found),
    reset: () => files.reset(),
  };
}

/**
 * Reports the editor's events in the index's terms (see BankEvent) until the returned handle is
 * disposed; `configured` fires when the story settings change.
 */
export function watchWorkspace(report: (event: BankEvent<vscode.Uri>) => void, configured: vscode.Event<void>): vscode.Disposable {
  const stories = vscode.workspace.createFileSystemWatcher(STORY_GLOB);
  // Deleting, renaming or moving in a folder reports the folder, not each story in it.
  const anything = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  const changed = (ref: vscode.Uri) => report({ kind: 'changed', ref });
  const deleted = (ref: vscode.Uri) => report({ kind: 'deleted', ref });
  return vscode.Disposable.from(
    stories,
    anything,
    stories.onDidCreate(changed),
    stories.onDidChange(changed),
    stories.onDidDelete(deleted),
    anything.onDidCreate((ref) => report({ kind: 'created', ref })),
    anything.onDidDelete(deleted),
    // Deletes and renames made in VS Code itself are reported here at once, even when the file
    // watcher folds a quick create-then-delete into nothing. A renamed folder is walked again.
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(deleted)),
    vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => report({ kind: 'renamed', from: oldUri, to: newUri }))),
    vscode.workspace.onDidChangeTextDocument((e) => e.document.languageId === 'markdown' && report({ kind: 'edited', ref: e.document.uri })),
    vscode.workspace.onDidCloseTextDocument((d) => changed(d.uri)),
    // Each folder has settings of its own: new folders bring theirs.
    vscode.workspace.onDidChangeWorkspaceFolders(() => report({ kind: 'configured' })),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('files.exclude') && report({ kind: 'rescan' })),
    configured(() => report({ kind: 'configured' })),
  );
}

const UTF8 = new TextDecoder();

/** Where the host's reader reads: the file, with an open editor's unsaved text first; large stories are checked by `index`. */
export function storySource(model: StoryModel, index: { checkOffThread(text: string, config: ResolvedConfig): Promise<Checked> }): StorySource<vscode.Uri> {
  return {
    text: async (uri) => {
      let text: string;
      try {
        text = UTF8.decode(await fileBytes(uri));
      } catch {
        return undefined; // deleted before we read it (an editor may still hold its text: that is not a story on disk)
      }
      return unsavedText(uri) ?? text;
    },
    config: (uri) => model.configuration.forUri(uri),
    checkLarge: (text, config) => index.checkOffThread(text, config),
    linted: (uri, config) => {
      const open = unsavedDocument(uri);
      // A large story's lint is the diagnostics' to make off the thread; the index does its own.
      if (!open || open.getText().length > LARGE_STORY_CHARS) return undefined;
      return { story: model.storyOf(open), findings: model.findingsOf(open, config) };
    },
  };
}

/** The open editor of a story that holds unsaved text, which counts for more than the file on disk. */
export function unsavedDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const id = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === id && d.isDirty && !d.isClosed);
}

/** The unsaved text of an open story. */
function unsavedText(uri: vscode.Uri): string | undefined {
  return unsavedDocument(uri)?.getText();
}
