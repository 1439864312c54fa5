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
import { registerRuleDocs } from './features/ruleDocs';
import { registerSkeletons } from './features/skeletons';
import { registerSpeakingTime } from './features/speakingTime';
import { registerWhichStory } from './features/whichStory';
import { registerLoopPlanSheet } from './features/loopPlanSheet';
import { registerLoopPlanView } from './features/loopPlanView';
import { StoryModel } from './model';
import { PracticeStore } from './practice';
import { StoryIndex } from './storyIndex';

type Feature = (context: vscode.ExtensionContext, model: StoryModel, index: StoryIndex) => unknown;

const FEATURES: readonly Feature[] = [
  // First: diagnostics link to the rule docs it locates.
  registerRuleDocs,
  registerDiagnostics,
  registerCodeActions,
  registerHover,
  registerCompletion,
  registerSkeletons,
  registerOutline,
  registerHighlighting,
  registerSpeakingTime,
  registerAboutLps,
];

/**
 * Registers every feature and returns: no file I/O here; features read the workspace lazily.
 * The returned object is the extension's API, which the integration tests read.
 */
export function activate(context: vscode.ExtensionContext) {
  const startedMs = performance.now();
  // "STAR Coach" in the Output panel: what was scanned, what was skipped and why.
  const log = vscode.window.createOutputChannel('STAR Coach', { log: true });
  const model = new StoryModel(log);
  const index = new StoryIndex(model, context.storageUri);
  index.files.log = log;
  const practice = new PracticeStore();
  context.subscriptions.push(log, model, index, practice);
  for (const register of FEATURES) register(context, model, index);
  const newStory = registerNewStory(context);
  const views = registerCoverageViews(context, index, practice, log);
  const loopPlan = registerLoopPlanView(context, model, index, practice);
  registerLoopPlanSheet(context, loopPlan);
  const expectations = registerExpectationsPanel(context, views.index, practice, loopPlan);
  registerWhichStory(context, loopPlan);
  const mock = registerMockQuestion(context, model, views.index, practice, loopPlan);
  const folders = vscode.workspace.workspaceFolders ?? [];
  log.info(
    `STAR Coach ${String(context.extension.packageJSON.version)} is active in ${folders.length === 0 ? 'a window with no folder' : folders.map((f) => f.name).join(', ')}. ` +
      'Stories are scanned when the STAR Coach view opens, or a second after start-up when the workspace holds *.star.md files.',
  );
  // What activation cost the host, in milliseconds: logged, and read by `npm run measure:scan`.
  const activationMs = performance.now() - startedMs;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return { views, expectations, mock, practice, newStory, loopPlan, activationMs, log: { uri: context.logUri, channel: log } };
}

/** Nothing to do: everything is disposed through context.subscriptions. */
export function deactivate(): void {}
