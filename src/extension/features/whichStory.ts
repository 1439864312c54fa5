import * as vscode from 'vscode';
import { lintText, type LintResult } from '../../core/engine';
import { storyWords, StoryMatcher, type MatchContext, type MatchDocument, type MatchResult } from '../../core/match/rank';
import { parseStory, unparsedStory, type Story } from '../../core/parse/story';
import { plannedLps, type LoopPlan } from '../../core/plan/plan';
import { NO_PRACTICE, profileStory, profileSummary, type PracticeHistory } from '../../core/plan/profile';
import { COMMANDS, SETTINGS } from '../constants';
import { fileBytes } from '../fileSystem';
import type { StoryModel } from '../model';
import type { LoopPlanProvider } from './loopPlanView';
import type { StoryIndex } from '../storyIndex';

/** Results offered in the quick pick. */
const SHOWN = 10;

/** Stories read at once: enough to keep the disk busy, and each batch's parse stays a short slice of the host's thread. */
const READ_AT_ONCE = 64;
const UTF8 = new TextDecoder();

/**
 * "Which Story for This Question?": the selected text (or a typed question) against every story
 * the index holds, ranked as `star-coach match` ranks them (with the loop plan of the same bank
 * and the practice log's tellings), in a quick pick that says why; Enter opens the story. The
 * command resolves to the results shown, as soon as the pick is open.
 */
export function registerWhichStory(context: vscode.ExtensionContext, loopPlan: LoopPlanProvider): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.whichStory, async (given?: string) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      const question = typeof given === 'string' && given.trim() ? given.trim() : selected || (await vscode.window.showInputBox({ prompt: 'The interview question', placeHolder: 'Tell me about a time you…', ignoreFocusOut: true }));
      if (!question) return undefined;
      const { bank, plan } = await loopPlan.bankAndPlan();
      const results = new StoryMatcher(bank).rank(question, { ...matchContextFor(plan), now: new Date() }, SHOWN);
      showResults(question, results);
      return results;
    }),
  );
}

/** The level the user interviews for, from the starCoach.targetLevel setting. */
export function targetLevelSetting(): 'L6' | 'L7' | undefined {
  const level = vscode.workspace.getConfiguration(SETTINGS.section).get<string>(SETTINGS.targetLevel);
  return level === 'L6' || level === 'L7' ? level : undefined;
}

/** A story of the bank, read and profiled: what the matcher ranks, and the parsed story a drill asks about. */
export type BankDocument = MatchDocument & { story: Story };

/**
 * One story read (the open document as edited, else the file), linted with its folder's config,
 * and profiled with the practice log's `history`; `id` is its URI string, as the index and the
 * history key it. Undefined when the file is gone.
 */
export async function readBankStory(model: StoryModel, id: string, history: PracticeHistory = NO_PRACTICE): Promise<BankDocument | undefined> {
  const uri = vscode.Uri.parse(id);
  const config = await model.configuration.forUri(uri);
  const source = await openOrRead(uri);
  if (!source) return undefined;
  // An open story: the editor's lint of this version.
  const linted: LintResult = 'document' in source ? { story: model.storyOf(source.document), findings: model.findingsOf(source.document, config) } : lintText(source.text, config);
  return { profile: profileStory(id, linted.story, linted.findings, history), text: storyWords(linted.story), story: linted.story };
}

/**
 * Every story the index holds, read READ_AT_ONCE at a time (open documents as edited) and parsed
 * for its words, and profiled from the index's counts and checks with `history` (the index has
 * linted it already), in the index's order.
 */
export async function readStoryBank(model: StoryModel, index: StoryIndex, history: PracticeHistory = NO_PRACTICE): Promise<BankDocument[]> {
  await index.ready();
  const summaries = [...index.coverage.all()];
  const documents: BankDocument[] = [];
  for (let at = 0; at < summaries.length; at += READ_AT_ONCE) {
    const read = await Promise.all(
      summaries.slice(at, at + READ_AT_ONCE).map(async (summary) => {
        const story = await readStory(model, vscode.Uri.parse(summary.id));
        return story && { profile: profileSummary(summary, history), text: storyWords(story), story };
      }),
    );
    for (const document of read) if (document) documents.push(document);
  }
  return documents;
}

/** A story parsed: an open editor's version (parsed once for every feature), else the file's; undefined when it is gone. */
async function readStory(model: StoryModel, uri: vscode.Uri): Promise<Story | undefined> {
  const source = await openOrRead(uri);
  if (!source) return undefined;
  if ('document' in source) return model.storyOf(source.document);
  try {
    return parseStory(source.text);
  } catch {
    return unparsedStory(source.text); // as the editor reads a story that cannot be parsed
  }
}

/**
 * A story's open editor (its unsaved edits count), else the file's text as the index reads it
 * (Node on disk: `workspace.fs` makes a round trip to the window per file); undefined when the
 * file is gone (deleted since the scan: left out of the ranking).
 */
async function openOrRead(uri: vscode.Uri): Promise<{ document: vscode.TextDocument } | { text: string } | undefined> {
  const id = uri.toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
  if (document) return { document };
  try {
    return { text: UTF8.decode(await fileBytes(uri)) };
  } catch {
    return undefined;
  }
}

/**
 * How the matcher weighs this bank in the editor: the target level setting, and the LPs that
 * `plan` (the Loop Plan view's, so both agree) gives each story.
 */
export function matchContextFor(plan: LoopPlan): Omit<MatchContext, 'now'> {
  const targetLevel = targetLevelSetting();
  return { plannedFor: plannedLps(plan), ...(targetLevel ? { targetLevel } : {}) };
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
