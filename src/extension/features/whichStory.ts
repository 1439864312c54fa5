import * as vscode from 'vscode';
import { drillQuestions, type DrillQuestion } from '../../core/drill/followUps';
import { lintText } from '../../core/engine';
import { storyWords, StoryMatcher, type MatchDocument, type MatchResult } from '../../core/match/rank';
import { parseStory, type Story } from '../../core/parse/story';
import { planLoop } from '../../core/plan/plan';
import { NO_PRACTICE, profileStory, type PracticeHistory } from '../../core/plan/profile';
import { COMMANDS, SETTINGS, isStoryPath } from '../constants';
import type { StoryModel } from '../model';
import type { StoryIndex } from '../storyIndex';

/** Results offered in the quick pick. */
const SHOWN = 10;

/** The text of a story: the open document's (unsaved edits included), else the file's. */
async function storyText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // deleted since the scan: left out of the ranking
  }
}

/**
 * "Which Story for This Question?": the selected text (or a typed question) against every story
 * the index holds, ranked as `star-coach match` ranks them (with the loop plan of the same bank),
 * in a quick pick that says why; Enter opens the story. The command resolves to the results shown,
 * as soon as the pick is open. "Drill This Story": the follow-ups for the open story in a quick
 * pick; choosing one shows the prepared answer, if the story keeps one.
 */
export function registerWhichStory(context: vscode.ExtensionContext, model: StoryModel, index: StoryIndex): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.whichStory, async (given?: string) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      const question = typeof given === 'string' && given.trim() ? given.trim() : selected || (await vscode.window.showInputBox({ prompt: 'The interview question', placeHolder: 'Tell me about a time you…', ignoreFocusOut: true }));
      if (!question) return undefined;
      const results = await rankStories(question, model, index);
      showResults(question, results);
      return results;
    }),
    vscode.commands.registerCommand(COMMANDS.drillStory, (uri?: vscode.Uri) => {
      const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      if (!document || !isStoryPath(document.uri.path)) {
        void vscode.window.showInformationMessage('Open a story (a *.star.md file) to drill its follow-up questions.');
        return undefined;
      }
      const questions = drillQuestions(parseStory(document.getText()));
      showDrill(questions);
      return questions;
    }),
  );
}

/** The level the user interviews for, from the starCoach.targetLevel setting. */
export function targetLevelSetting(): 'L6' | 'L7' | undefined {
  const level = vscode.workspace.getConfiguration(SETTINGS.section).get<string>(SETTINGS.targetLevel);
  return level === 'L6' || level === 'L7' ? level : undefined;
}

/** A story of the workspace as read for matching and planning: its profile, words and parsed story. */
export interface BankDocument extends MatchDocument {
  story: Story;
}

/**
 * Every story the index holds, read (open documents as edited), linted with its folder's config, and
 * profiled with `practice` (keyed by the story's URI string).
 */
export async function readStoryBank(model: StoryModel, index: StoryIndex, practice: PracticeHistory = NO_PRACTICE): Promise<BankDocument[]> {
  await index.ready();
  const documents: BankDocument[] = [];
  for (const summary of [...index.coverage.all()]) {
    const uri = vscode.Uri.parse(summary.id);
    const text = await storyText(uri);
    if (text === undefined) continue;
    const { story, findings } = lintText(text, await model.configuration.forUri(uri));
    documents.push({ profile: profileStory(summary.id, story, findings, practice), text: storyWords(story), story });
  }
  return documents;
}

async function rankStories(question: string, model: StoryModel, index: StoryIndex): Promise<MatchResult[]> {
  const documents = await readStoryBank(model, index);
  const targetLevel = targetLevelSetting();
  const plan = planLoop(documents.map((d) => d.profile), { currentYear: new Date().getFullYear(), ...(targetLevel ? { targetLevel } : {}) });
  const plannedFor = new Map<string, string[]>();
  for (const slot of plan.slots) if (slot.story) plannedFor.set(slot.story.summary.id, [...(plannedFor.get(slot.story.summary.id) ?? []), slot.lp.id]);
  return new StoryMatcher(documents).rank(question, { now: new Date(), plannedFor, ...(targetLevel ? { targetLevel } : {}) }, SHOWN);
}

function showResults(question: string, results: readonly MatchResult[]): void {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { file: string }>();
  pick.title = `Which story for: ${question.length > 80 ? `${question.slice(0, 79)}…` : question}`;
  pick.placeholder = results.length ? 'Stories ranked for the question: Enter opens one' : 'No stories in the workspace yet';
  pick.matchOnDetail = true;
  pick.items = results.map((r) => ({ label: r.title, description: vscode.workspace.asRelativePath(vscode.Uri.parse(r.file)), detail: r.reasons.join(' · ') || 'no match', file: r.file }));
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void vscode.window.showTextDocument(vscode.Uri.parse(chosen.file));
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

function showDrill(questions: readonly DrillQuestion[]): void {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { prepared?: string }>();
  pick.title = 'Drill this story: answer each follow-up aloud, then pick it to see your prepared answer';
  pick.items = questions.map((q, i) => ({ label: `${i + 1}. ${q.question}`, description: q.prepared ? 'prepared answer' : '', ...(q.prepared ? { prepared: q.prepared } : {}) }));
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    if (!chosen) return;
    void vscode.window.showInformationMessage(chosen.prepared ? `Your prepared answer: ${chosen.prepared}` : 'No prepared answer yet: add one under "## Follow-ups" as "- Q: ... / A: ...".');
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}
