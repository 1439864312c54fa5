import * as vscode from 'vscode';
import { registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerHighlighting } from './features/highlighting';
import { registerHover } from './features/hover';
import { registerNewStory } from './features/newStory';
import { registerOutline } from './features/outline';
import { registerSpeakingTime } from './features/speakingTime';
import { StoryModel } from './model';

type Feature = (context: vscode.ExtensionContext, model: StoryModel) => void;

const FEATURES: readonly Feature[] = [
  registerDiagnostics,
  registerCodeActions,
  registerHover,
  registerCompletion,
  registerOutline,
  registerHighlighting,
  registerSpeakingTime,
  registerNewStory,
];

/** Registers every feature and returns: no file I/O here; features read the workspace lazily. */
export function activate(context: vscode.ExtensionContext): void {
  const model = new StoryModel();
  context.subscriptions.push(model);
  for (const register of FEATURES) register(context, model);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
