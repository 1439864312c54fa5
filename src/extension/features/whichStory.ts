import * as vscode from 'vscode';
import { lintText, type LintResult } from '../../core/engine';
import { allLps, findLp, lpById, type Lp } from '../../core/catalog';
import { StoryMatcher, type MatchContext, type MatchResult, type QuestionLps } from '../../core/match/rank';
import { plannedLps, type LoopPlan } from '../../core/plan/plan';
import { NO_PRACTICE, profileStory, type PracticeHistory } from '../../core/plan/profile';
import type { TellableStory } from '../../core/practice/drill';
import { COMMANDS, SETTINGS } from '../constants';
import { openOrRead } from '../bankWords';
import type { StoryModel } from '../model';
import type { LoopPlanProvider } from './loopPlanView';

/** Results offered in the quick pick. */
const SHOWN = 10;

/**
 * "Which Story for This Question?": the selected text (or a typed question) against every story
 * the index holds, ranked as `star-coach match` ranks them (with the loop plan of the same bank
 * and the practice log's tellings), in a quick pick that says why; Enter opens the story, and a
 * button names the LP the question is asked under. The command's arguments: the question, and the
 * LP it is asked under, by name, alias or id (as `star-coach match --lp` takes it). It resolves to
 * the results shown, as soon as the pick is open.
 */
export function registerWhichStory(context: vscode.ExtensionContext, loopPlan: LoopPlanProvider): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.whichStory, async (given?: string, lp?: string) => {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      const question = typeof given === 'string' && given.trim() ? given.trim() : selected || (await vscode.window.showInputBox({ prompt: 'The interview question', placeHolder: 'Tell me about a time you…', ignoreFocusOut: true }));
      if (!question) return undefined;
      const named = typeof lp === 'string' ? findLp(lp) : undefined;
      if (typeof lp === 'string' && !named) {
        void vscode.window.showErrorMessage(`STAR Coach: no Leadership Principle is called "${lp}".`);
        return undefined;
      }
      const { bank, plan } = await loopPlan.bankAndPlan();
      const matcher = new StoryMatcher(bank);
      const context = { ...matchContextFor(plan), now: new Date() };
      const rankUnder: RankUnder = (under) => matcher.rankRead(question, under ? { ...context, lpIds: [under.id] } : context, SHOWN);
      const ranked = rankUnder(named);
      // What the words say, for the LP list: the ranking under a named LP reads them after it.
      const wordsRead = named ? ranked.question.lpIds.slice(1) : ranked.question.lpIds;
      showResults(question, named, ranked, wordsRead, rankUnder);
      return ranked.results;
    }),
  );
}

/** The level the user interviews for, from the starCoach.targetLevel setting. */
export function targetLevelSetting(): 'L6' | 'L7' | undefined {
  const level = vscode.workspace.getConfiguration(SETTINGS.section).get<string>(SETTINGS.targetLevel);
  return level === 'L6' || level === 'L7' ? level : undefined;
}

/**
 * One story read (the open document as edited, else the file), linted with its folder's config,
 * and profiled with the practice log's `history`; `id` is its URI string, as the index and the
 * history key it: a story to drill or to print on the cheat sheet. Undefined when the file is gone.
 */
export async function readBankStory(model: StoryModel, id: string, history: PracticeHistory = NO_PRACTICE): Promise<TellableStory | undefined> {
  const uri = vscode.Uri.parse(id);
  const config = await model.configuration.forUri(uri);
  const source = await openOrRead(uri);
  if (!source) return undefined;
  // An open story: the editor's lint of this version.
  const linted: LintResult = 'document' in source ? { story: model.storyOf(source.document), findings: model.findingsOf(source.document, config) } : lintText(source.text, config);
  return { profile: profileStory(id, linted.story, linted.findings, history), story: linted.story };
}

/**
 * How the matcher weighs this bank in the editor: the target level setting, and the LPs that
 * `plan` (the Loop Plan view's, so both agree) gives each story.
 */
export function matchContextFor(plan: LoopPlan): Omit<MatchContext, 'now'> {
  const targetLevel = targetLevelSetting();
  return { plannedFor: plannedLps(plan), ...(targetLevel ? { targetLevel } : {}) };
}

/** The quick pick's button that names the LP a question is asked under, and ranks again under it. */
const NAME_LP: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('tag'), tooltip: 'Name the LP the question is asked under, and rank again' };

/** The stories ranked for the question under an LP named (none: the LPs read from its words), with how it was read. */
type RankUnder = (lp: Lp | undefined) => { question: QuestionLps; results: MatchResult[] };

/**
 * The ranked stories in a quick pick: Enter opens one. Its placeholder says which LPs the question
 * was taken as asked under: the LP `named`, else those read from its words (`wordsRead`, ids). Its
 * button opens the list of LPs and shows the stories `rankUnder` ranks under the one chosen, since
 * the LP read from a question's words is the guess most often wrong; Escape there comes back here.
 */
function showResults(question: string, named: Lp | undefined, ranked: ReturnType<RankUnder>, wordsRead: readonly string[], rankUnder: RankUnder): void {
  const { results } = ranked;
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { file: string }>();
  const names = (ids: readonly string[]) => ids.map((id) => lpById(id)!.name).join(' · ');
  pick.title = `Which story for: ${question.length > 80 ? `${question.slice(0, 79)}…` : question}`;
  // The hint to the button is its tooltip: the placeholder has room for the LPs alone.
  pick.placeholder = !results.length
    ? 'No stories in the workspace yet'
    : named
      ? `Asked under ${named.name}${wordsRead.length ? `; read from the words too: ${names(wordsRead)}` : ''}`
      : wordsRead.length
        ? `Read as asked under: ${names(wordsRead)}`
        : 'No LP read from the question: the tag button names one';
  pick.matchOnDetail = true;
  pick.buttons = [NAME_LP];
  pick.items = results.map((r) => ({ label: r.title, description: vscode.workspace.asRelativePath(vscode.Uri.parse(r.file)), detail: r.reasons.join(' · ') || 'no match', file: r.file }));
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void vscode.window.showTextDocument(vscode.Uri.parse(chosen.file));
  });
  pick.onDidTriggerButton(async () => {
    pick.hide();
    const lp = await chooseLp(wordsRead, named);
    if (lp) showResults(question, lp, rankUnder(lp), wordsRead, rankUnder);
    else showResults(question, named, ranked, wordsRead, rankUnder);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

/** The 16 LPs to choose from: the one named so far first, then those read from the question's words (`wordsRead`, ids), each marked so. */
async function chooseLp(wordsRead: readonly string[], named: Lp | undefined): Promise<Lp | undefined> {
  const first = named ? [named.id, ...wordsRead] : wordsRead;
  const at = (id: string) => (first.includes(id) ? first.indexOf(id) : first.length);
  const lps = [...allLps()].sort((a, b) => at(a.id) - at(b.id));
  const chosen = await vscode.window.showQuickPick(
    lps.map((lp) => ({ label: lp.name, description: lp.id === named?.id ? 'named' : wordsRead.includes(lp.id) ? 'read from the question' : undefined, detail: lp.summary, lp })),
    { title: 'Which Leadership Principle is the question asked under?', placeHolder: 'An interviewer may say it; question lists file each question under one', matchOnDetail: true },
  );
  return chosen?.lp;
}
