import * as vscode from 'vscode';
import { fullStoryWords, parseStory, sectionOf, sectionWords } from '../../core/parse/story';
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
    const limit = config.rules.get('too-long')?.options as { maxMinutes: number; shortMaxMinutes: number };
    const story = parseStory(editor.document.getText());
    const words = fullStoryWords(story);
    const minutes = words / config.wordsPerMinute;
    const over = minutes > limit.maxMinutes;
    item.text = `$(${over ? 'warning' : 'clock'}) ${minutes.toFixed(1)} / ${limit.maxMinutes} min`;
    const short = sectionOf(story, 'short');
    const shortLine = short ? `\n\nShort version: ${(sectionWords(story, short) / config.wordsPerMinute).toFixed(1)} min (aim under ${limit.shortMaxMinutes}).` : '\n\nNo Short version yet.';
    item.tooltip = `${words} words at ${config.wordsPerMinute} words a minute: about ${minutes.toFixed(1)} minutes to tell (aim for ${limit.maxMinutes}).${shortLine}`;
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
