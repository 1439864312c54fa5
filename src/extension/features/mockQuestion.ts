import * as vscode from 'vscode';
import { allQuestions, lpById, type Question, type TargetLevel } from '../../core/catalog';
import { CATEGORY_LABELS, QUESTION_CATEGORIES } from '../../core/catalog/schema';
import { plural } from '../../core/format/words';
import type { DrillQuestion } from '../../core/drill/followUps';
import { StoryDrillSession } from '../../core/practice/drill';
import { times, type PracticeEntry } from '../../core/practice/log';
import { forTargetLevel, pickQuestion, type PickFilter } from '../../core/practice/pick';
import { MockSession, storiesForQuestion } from '../../core/practice/session';
import { formatClock, renderMock, renderStoryDrill, type MockModel } from '../../core/views/mockPage';
import { fromMockSchema, type FromMock, type ToMock } from '../../core/views/protocol';
import { COMMANDS, SETTINGS, isStoryPath } from '../constants';
import type { StoryModel } from '../model';
import type { PracticeStore } from '../practice';
import type { StoryIndex } from '../storyIndex';
import { webviewOptions, webviewShell } from '../webview';
import type { Node } from './coverageViews';
import type { LoopPlanProvider } from './loopPlanView';
import { matchContextFor, readBankStory } from './whichStory';

/** What the command accepts: an LP row of the sidebar, or a filter (and a question id, for tests and links). */
type StartArgs = Node | (PickFilter & { questionId?: string }) | undefined;

/**
 * "Start Mock Question": a question weighted toward the bank's weak LPs, a countdown in the view
 * and the status bar, the bank's stories ranked for it, the story told, follow-ups from that story
 * one at a time, a self-check, and an entry in the practice log. "Drill This Story": the same
 * drill on one story with no question first. Closing the view stops everything.
 */
export class MockQuestion implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The mock question under way, in the core; this class renders it and passes on what the user does. */
  session: MockSession | undefined;
  /** Or the story drill under way (never both). */
  storyDrill: StoryDrillSession | undefined;
  /** The filter the session's question came from, for "Another Question". */
  private filter: PickFilter = {};
  /** After saving: sessions logged for the question's main LP. */
  private practisedLp: number | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly status = vscode.window.createStatusBarItem('starCoach.mock', vscode.StatusBarAlignment.Left, 9);
  /** What the webview last showed, as it reported it: the integration tests read this. */
  lastReport: Extract<FromMock, { type: 'rendered' }> | undefined;
  rejected = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly model: StoryModel,
    private readonly index: StoryIndex,
    private readonly practice: PracticeStore,
    private readonly loopPlan: LoopPlanProvider,
  ) {
    this.status.name = 'STAR Coach: mock question';
    this.status.command = COMMANDS.revealMock;
  }

  reveal(): void {
    this.panel?.reveal();
  }

  async start(args: StartArgs): Promise<void> {
    const chosen = await this.chooseFilter(args);
    if (!chosen) return;
    const { questionId, ...filter } = chosen;
    const question = questionId ? allQuestions().find((q) => q.id === questionId) : await this.pick(filter);
    if (!question) {
      void vscode.window.showInformationMessage('STAR Coach has no question for that choice. Try another LP, level or category.');
      return;
    }
    await this.begin(question, filter);
  }

  /**
   * "Drill This Story" on the story at `uri` (the active editor's by default): its follow-ups in
   * the view, one at a time. Resolves to the follow-ups, or undefined when no story is open.
   */
  async drillStory(uri?: vscode.Uri): Promise<readonly DrillQuestion[] | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const story = target && isStoryPath(target.path) ? await readBankStory(this.model, target.toString(), (await this.practice.current()).history) : undefined;
    if (!story) {
      void vscode.window.showInformationMessage('Open a story (a *.star.md file) to drill its follow-up questions.');
      return undefined;
    }
    this.end();
    this.storyDrill = new StoryDrillSession(story);
    this.ensurePanel();
    this.render();
    return this.storyDrill.drill.questions;
  }

  /** The filter for the next question: what the user chose, at their target level unless they chose a level. */
  private async chooseFilter(args: StartArgs): Promise<(PickFilter & { questionId?: string }) | undefined> {
    const target = vscode.workspace.getConfiguration(SETTINGS.section).get<TargetLevel>(SETTINGS.targetLevel, 'L6') === 'L7' ? 'L7' : 'L6';
    const chosen = await this.askFilter(args, target);
    return chosen && { ...forTargetLevel(chosen, target), ...(chosen.questionId ? { questionId: chosen.questionId } : {}) };
  }

  private async askFilter(args: StartArgs, target: TargetLevel): Promise<(PickFilter & { questionId?: string }) | undefined> {
    if (args && 'kind' in args) return args.kind === 'lp' ? { lpId: args.coverage.lp.id } : {};
    if (args) return args;
    const how = await vscode.window.showQuickPick(
      [
        { label: '$(sparkle) Surprise Me', description: 'weighted toward the LPs with the fewest stories and least practice', value: 'any' as const },
        { label: '$(list-tree) Choose a Leadership Principle...', value: 'lp' as const },
        { label: '$(person) Choose a Level...', value: 'level' as const },
        { label: '$(tag) Choose a Category...', value: 'category' as const },
      ],
      { title: `Start Mock Question: ${target} questions and those for both levels (starCoach.targetLevel)` },
    );
    if (!how) return undefined;
    if (how.value === 'any') return {};
    if (how.value === 'lp') {
      const goal = await this.index.goal();
      const lp = await vscode.window.showQuickPick(
        this.index.coverage.coverage(goal).map((c) => ({ label: c.lp.name, description: practiceLine(c.count, goal, this.practice.snapshot.byLp.get(c.lp.id) ?? 0), id: c.lp.id })),
        { title: 'Mock question on which Leadership Principle?' },
      );
      return lp && { lpId: lp.id };
    }
    if (how.value === 'level') {
      const level = await vscode.window.showQuickPick(['L6', 'L7'], { title: 'Mock question for which level?' });
      return level ? { level: level as TargetLevel } : undefined;
    }
    const category = await vscode.window.showQuickPick(QUESTION_CATEGORIES.map((id) => ({ label: CATEGORY_LABELS[id], id })), { title: 'Mock question from which category?' });
    return category && { category: category.id };
  }

  private async pick(filter: PickFilter, exclude?: string): Promise<Question | undefined> {
    await this.index.ready();
    const stories = this.index.coverage.counts();
    const counts = await this.practice.current();
    return pickQuestion(allQuestions(), filter, { stories, practicedLps: counts.byLp, rehearsedLps: counts.rehearsedByLp, practicedQuestions: counts.byQuestion, random: Math.random, exclude });
  }

  /** A new session on `question`, with the bank's stories ranked for it (read with the practice log's tellings). */
  private async begin(question: Question, filter: PickFilter): Promise<void> {
    const minutes = vscode.workspace.getConfiguration(SETTINGS.section).get<number>(SETTINGS.mockMinutes, 2);
    const { bank, plan } = await this.loopPlan.bankAndPlan();
    const match = matchContextFor(plan);
    // The stories the session lists are parsed now, for the drill of the one told; one gone since is not listed.
    const history = (await this.practice.current()).history;
    const ranked = storiesForQuestion(question, { stories: bank, match }, new Date());
    const tellable = (await Promise.all(ranked.map((story) => readBankStory(this.model, story.id, history)))).filter((story) => story !== undefined);
    const listed = ranked.filter((story) => tellable.some((told) => told.profile.summary.id === story.id));
    this.end();
    this.session = new MockSession(question, Math.max(1, Math.round(minutes * 60)), { stories: tellable, ranked: listed, match });
    this.filter = filter;
    this.practisedLp = undefined;
    this.ensurePanel();
    this.startClock();
    this.render();
  }

  private ensurePanel(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('starCoach.mock', 'Mock Question', vscode.ViewColumn.Active, webviewOptions(this.context.extensionUri));
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'star-coach.svg');
    panel.webview.html = webviewShell(panel.webview, this.context.extensionUri, { name: 'mock', title: 'Mock Question' });
    const listener = panel.webview.onDidReceiveMessage((m) => void this.handleMessage(m));
    panel.onDidDispose(() => {
      listener.dispose();
      this.panel = undefined;
      this.end();
    });
    this.panel = panel;
  }

  /** Handles one message from the view; anything that fails validation is counted and dropped. */
  async handleMessage(raw: unknown): Promise<void> {
    const parsed = fromMockSchema.safeParse(raw);
    if (!parsed.success) {
      this.rejected++;
      return;
    }
    const message = parsed.data;
    const session = this.session;
    if (message.type === 'rendered') {
      this.lastReport = message;
      return;
    }
    if (message.type === 'ready') return this.render();
    if (message.type === 'open-story') {
      const story = this.index.story(message.story);
      if (story) await vscode.window.showTextDocument(vscode.Uri.parse(story.id), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      return;
    }
    if (this.storyDrill) return this.handleDrillMessage(this.storyDrill, message);
    if (!session) return;
    if (message.type === 'save') return this.save(session, message.checks);
    if (message.type === 'tell') {
      session.tellStory(message.story);
      return this.render();
    }
    switch (message.action) {
      case 'pause':
        session.pause();
        this.stopClock();
        break;
      case 'resume':
        session.resume();
        this.startClock();
        break;
      case 'done':
        session.finishAnswer();
        this.stopClock();
        break;
      case 'answered':
        session.answeredFollowUp();
        break;
      case 'next-follow-up':
        session.nextFollowUp();
        break;
      case 'self-check':
        session.toSelfCheck();
        break;
      case 'another': {
        const next = await this.pick(this.filter, session.question.id);
        if (next) await this.begin(next, this.filter);
        return;
      }
      case 'cancel':
        this.panel?.dispose();
        return;
    }
    this.render();
  }

  /** A message while a story is drilled: answered, next, save or close. */
  private async handleDrillMessage(drill: StoryDrillSession, message: FromMock): Promise<void> {
    if (message.type !== 'action') return;
    if (message.action === 'answered') drill.drill.answered();
    else if (message.action === 'next-follow-up') drill.drill.next();
    else if (message.action === 'save-drill') return this.saveDrill(drill);
    else if (message.action === 'cancel') return void this.panel?.dispose();
    this.render();
  }

  /** A timer while the answer's clock runs: the countdown in the view and the status bar. */
  private startClock(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), 250);
    this.tick();
  }

  private stopClock(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.updateStatus();
  }

  private tick(): void {
    const session = this.session;
    if (!session) return;
    if (session.tick()) {
      this.stopClock();
      this.render();
      return;
    }
    this.updateStatus();
    const message: ToMock = { type: 'tick', clock: formatClock(session.remainingSeconds()), progress: session.progressPercent() };
    void this.panel?.webview.postMessage(message);
  }

  private updateStatus(): void {
    const session = this.session;
    if (!session || session.phase !== 'answer') {
      this.status.hide();
      return;
    }
    this.status.text = `$(${session.paused ? 'debug-pause' : 'watch'}) ${formatClock(session.remainingSeconds())}`;
    this.status.tooltip = `STAR Coach mock question${session.paused ? ' (paused)' : ''}: ${session.question.text}`;
    this.status.show();
  }

  private async save(session: MockSession, checks: Record<string, boolean>): Promise<void> {
    if (session.phase !== 'self-check') return;
    const storyUri = session.told ? vscode.Uri.parse(session.told.profile.summary.id) : undefined;
    const entry = session.entry(checks, storyUri ? vscode.workspace.asRelativePath(storyUri, false) : null, 'vscode', new Date().toISOString());
    if (!(await this.append(storyUri, entry))) return;
    session.saved();
    this.practisedLp = (await this.practice.current()).byLp.get(session.question.lps[0]) ?? 0;
    this.render();
  }

  private async saveDrill(drill: StoryDrillSession): Promise<void> {
    if (drill.phase !== 'follow-ups') return;
    const storyUri = vscode.Uri.parse(drill.told.profile.summary.id);
    if (!(await this.append(storyUri, drill.entry(vscode.workspace.asRelativePath(storyUri, false), 'vscode', new Date().toISOString())))) return;
    drill.saved();
    this.render();
  }

  /** Appends the entry to the log of the story's folder (the first folder's with no story); false, with a message to the user, when it was not saved. */
  private async append(storyUri: vscode.Uri | undefined, entry: PracticeEntry): Promise<boolean> {
    const log = this.practice.logFor(storyUri);
    if (!log) {
      void vscode.window.showWarningMessage('STAR Coach keeps the practice log in a workspace folder. Open a folder to save practice sessions.');
      return false;
    }
    try {
      await this.practice.append(log, entry);
      return true;
    } catch (error) {
      void vscode.window.showErrorMessage(`STAR Coach could not save this session to ${vscode.workspace.asRelativePath(log)}: ${(error as Error).message}`);
      return false;
    }
  }

  private render(): void {
    if (this.panel && this.storyDrill) return this.renderStoryDrill(this.panel, this.storyDrill);
    const session = this.session;
    if (!this.panel || !session) return;
    const model: MockModel = {
      question: session.question,
      phase: session.phase,
      clock: formatClock(session.remainingSeconds()),
      progress: session.progressPercent(),
      paused: session.paused,
      timeUp: session.timeUp,
      suggestedStory: session.suggestedStory,
      ...(session.told !== undefined ? { toldTitle: session.told?.profile.summary.title ?? null } : {}),
      ...(session.drill ? { drill: session.drill.state() } : {}),
      stories: session.stories,
      practisedLp: this.practisedLp,
    };
    this.panel.title = `Mock: ${lpById(session.question.lps[0])?.name ?? 'Question'}`;
    const message: ToMock = { type: 'show', page: session.phase, html: renderMock(model).text };
    void this.panel.webview.postMessage(message);
  }

  private renderStoryDrill(panel: vscode.WebviewPanel, drill: StoryDrillSession): void {
    const { summary } = drill.told.profile;
    panel.title = `Drill: ${summary.title}`;
    const page = renderStoryDrill({ id: summary.id, title: summary.title, lpIds: summary.lpIds, ...(summary.level ? { level: summary.level } : {}), drill: drill.drill.state(), saved: drill.phase === 'saved' });
    const message: ToMock = { type: 'show', page: drill.phase === 'saved' ? 'drill-saved' : 'drill', html: page.text };
    void panel.webview.postMessage(message);
  }

  /** Nothing keeps running once the view is gone (or another session takes it). */
  private end(): void {
    this.session = undefined;
    this.storyDrill = undefined;
    this.stopClock();
  }

  dispose(): void {
    this.panel?.dispose();
    this.end();
    this.status.dispose();
  }
}

/** "1 of 3 stories · practised twice" for an LP in the picker. */
function practiceLine(count: number, goal: number, practised: number): string {
  return `${count} of ${plural(goal, 'story', 'stories')} · ${practised === 0 ? 'not practised' : `practised ${times(practised)}`}`;
}

/** "Start Mock Question", "Show the Mock Question" and "Drill This Story", with the view that runs them. */
export function registerMockQuestion(context: vscode.ExtensionContext, model: StoryModel, index: StoryIndex, practice: PracticeStore, loopPlan: LoopPlanProvider): MockQuestion {
  const mock = new MockQuestion(context, model, index, practice, loopPlan);
  context.subscriptions.push(
    mock,
    vscode.commands.registerCommand(COMMANDS.startMock, (args?: StartArgs) => mock.start(args)),
    vscode.commands.registerCommand(COMMANDS.revealMock, () => mock.reveal()),
    vscode.commands.registerCommand(COMMANDS.drillStory, (uri?: vscode.Uri) => mock.drillStory(uri instanceof vscode.Uri ? uri : undefined)),
  );
  return mock;
}
