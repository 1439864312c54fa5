import * as vscode from 'vscode';
import { LARGE_STORY_CHARS, unreadableReason } from '../../core/engine';
import type { Finding } from '../../core/types';
import { isStoryPath, SETTINGS } from '../constants';
import { toDiagnostic } from '../convert';
import type { StoryModel } from '../model';
import type { StoryIndex } from '../storyIndex';

const DEBOUNCE_MS = 300;

/**
 * Diagnostics for stories: as you type (debounced, stale results dropped) or on save, cleared on
 * close; optionally for every story in the workspace, as the story index checks them.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, model: StoryModel, index: StoryIndex): void {
  const collection = vscode.languages.createDiagnosticCollection('star-coach');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const settings = () => vscode.workspace.getConfiguration(SETTINGS.section);
  const onType = () => settings().get<string>(SETTINGS.run, 'onType') === 'onType';
  const wholeWorkspace = () => settings().get<string>(SETTINGS.problemsScope, 'openFiles') === 'workspace';

  const lintNow = async (document: vscode.TextDocument) => {
    const version = document.version;
    const config = await model.configuration.forUri(document.uri);
    // The document moved on while the config loaded, or was closed: this result is stale.
    if (document.isClosed || document.version !== version) return;
    const text = document.getText();
    const reason = unreadableReason(text);
    if (reason) {
      collection.set(document.uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `STAR Coach skipped this file: ${reason}.`, vscode.DiagnosticSeverity.Information)]);
      return;
    }
    let findings = model.knownFindingsOf(document, config);
    if (!findings && text.length > LARGE_STORY_CHARS) {
      // A large story is linted on the worker: it would hold the host's thread too long.
      findings = (await index.checkOffThread(text, config)).findings;
      if (document.isClosed || document.version !== version) return;
      model.rememberFindings(document, version, config, findings);
    }
    collection.set(document.uri, (findings ?? model.findingsOf(document, config, text)).map(toDiagnostic));
  };

  const schedule = (document: vscode.TextDocument, delay = DEBOUNCE_MS) => {
    if (!isStory(document)) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void lintNow(document);
      }, delay),
    );
  };

  // The whole workspace: the index checks every story once and hands over its findings; open
  // stories are linted above, from their unsaved text.
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  let publishing = wholeWorkspace(); // read once per change: checks arrive by the thousand
  const publishChecked = ({ uri, findings }: { uri: vscode.Uri; findings: Finding[] }) => {
    if (publishing && !isOpen(uri)) collection.set(uri, findings.map(toDiagnostic));
  };

  const relintAll = () => {
    publishing = wholeWorkspace();
    if (!publishing) {
      for (const [uri] of collection) if (!isOpen(uri)) collection.delete(uri);
    }
    for (const document of vscode.workspace.textDocuments) schedule(document, 0);
    if (publishing) index.recheck();
  };

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => onType() && e.contentChanges.length > 0 && schedule(e.document)),
    vscode.workspace.onDidSaveTextDocument((d) => schedule(d, 0)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      clearTimeout(timers.get(d.uri.toString()));
      timers.delete(d.uri.toString());
      model.forget(d);
      if (!publishing) collection.delete(d.uri);
    }),
    index.onDidCheck(publishChecked),
    index.onDidRemove((id) => !isOpen(vscode.Uri.parse(id)) && collection.delete(vscode.Uri.parse(id))),
    model.configuration.onDidChange(relintAll),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SETTINGS.section}.${SETTINGS.problemsScope}`) && relintAll()),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  // Documents already open when the extension starts; the first lint waits for the event loop.
  setTimeout(relintAll, 0);
}

function isStory(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && isStoryPath(document.uri.path);
}
