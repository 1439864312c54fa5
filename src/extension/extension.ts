import * as vscode from 'vscode';
import { registerCodeActions } from './features/codeActions';
import { registerAboutLps } from './features/aboutLps';
import { registerCompletion } from './features/completion';
import { registerCoverageViews } from './features/coverageViews';
import { registerDiagnostics } from './features/diagnostics';
import { registerExpectationsPanel } from './features/expectationsPanel';
import { registerHighlighting } from './features/highlighting';
import { registerHover } from './features/hover';
import { registerMockQuestion } from './features/mockQuestion';
import { registerNewStory } from './features/newStory';
import { registerOutline } from './features/outline';
import { registerSpeakingTime } from './features/speakingTime';
import { StoryModel } from './model';
import { PracticeStore } from './practice';
import { StoryIndex } from './storyIndex';

type Feature = (context: vscode.ExtensionContext, model: StoryModel, index: StoryIndex) => unknown;

const FEATURES: readonly Feature[] = [
  registerDiagnostics,
  registerCodeActions,
  registerHover,
  registerCompletion,
  registerOutline,
  registerHighlighting,
  registerSpeakingTime,
  registerNewStory,
  registerAboutLps,
];

/**
 * Registers every feature and returns: no file I/O here; features read the workspace lazily.
 * The returned views are the extension's API, which the integration tests read.
 */
export function activate(context: vscode.ExtensionContext) {
  const model = new StoryModel();
  const index = new StoryIndex(model);
  const practice = new PracticeStore();
  context.subscriptions.push(model, index, practice);
  for (const register of FEATURES) register(context, model, index);
  const views = registerCoverageViews(context, index, practice);
  const expectations = registerExpectationsPanel(context, views.index, practice);
  const mock = registerMockQuestion(context, views.index, practice);
  return { views, expectations, mock, practice };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
