import * as vscode from 'vscode';
import { ruleOptions } from '../../core/config';
import { speakingTime, tooLong } from '../../core/rules/tooLong';
import { isStoryPath, SETTINGS } from '../constants';
import type { StoryModel } from '../model';

/** One short status bar item: the story's words and speaking time against the target. */
export function registerSpeakingTime(context: vscode.ExtensionContext, model: StoryModel): void {
  const item = vscode.window.createStatusBarItem('starCoach.speakingTime', vscode.StatusBarAlignment.Right, 100);
  item.name = 'STAR Coach: speaking time';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown' || !isStoryPath(editor.document.uri.path)) {
      item.hide();
      return;
    }
    const config = await model.configuration.forUri(editor.document.uri);
    const time = speakingTime(model.storyOf(editor.document), config.wordsPerMinute, ruleOptions(config, tooLong));
    const over = time.minutes > time.maxMinutes;
    item.text = `$(${over ? 'warning' : 'clock'}) ${time.minutes.toFixed(1)} / ${time.maxMinutes} min`;
    const shortLine = time.short ? `\n\nShort version: ${time.short.minutes.toFixed(1)} min (aim under ${time.short.maxMinutes}).` : '\n\nNo Short version yet.';
    item.tooltip = `${time.words} words at ${config.wordsPerMinute} words a minute: about ${time.minutes.toFixed(1)} minutes to tell (aim for ${time.maxMinutes}).${shortLine}`;
    item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 250);
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && schedule()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS.section) && schedule()),
    model.configuration.onDidChange(schedule),
    { dispose: () => clearTimeout(timer) },
  );
  schedule();
}
