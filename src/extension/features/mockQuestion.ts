import * as vscode from 'vscode';
import { allQuestions, lpById, type Question, type TargetLevel } from '../../core/catalog';
import { CATEGORY_LABELS, QUESTION_CATEGORIES } from '../../core/catalog/schema';
import { plural } from '../../core/format/words';
import { SELF_CHECKS, times, type PracticeEntry } from '../../core/practice/log';
import { forTargetLevel, pickQuestion, type PickFilter } from '../../core/practice/pick';
import { formatClock, renderMock, type MockModel, type MockPhase, type MockStory } from '../../core/views/mockPage';
import { fromMockSchema, type FromMock, type ToMock } from '../../core/views/protocol';
import { COMMANDS, SETTINGS } from '../constants';
import type { PracticeStore } from '../practice';
import type { StoryIndex } from '../storyIndex';
import { webviewOptions, webviewShell } from '../webview';
import type { Node } from './coverageViews';
import { byTitle } from '../../core/text';

/** What the command accepts: an LP row of the sidebar, or a filter (and a question id, for tests and links). */
type StartArgs = Node | (PickFilter & { questionId?: string }) | undefined;

interface Session {
  question: Question;
  phase: MockPhase;
  limit: number;
  /** Milliseconds used before the current run of the clock. */
  usedBefore: number;
  /** When the clock last started, or undefined while stopped. */
  runningSince: number | undefined;
  timeUp: boolean;
  revealed: number;
  filter: PickFilter;
  practisedLp?: number;
}

/**
 * "Start Mock Question": a question weighted toward the bank's weak LPs, a countdown in the view
 * and the status bar, follow-up probes one at a time, a self-check, and an entry in the practice log.
 * Closing the view stops everything.
 */
export class MockQuestion implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  session: Session | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly status = vscode.window.createStatusBarItem('starCoach.mock', vscode.StatusBarAlignment.Left, 9);
  /** What the webview last showed, as it reported it: the integration tests read this. */
  lastReport: Extract<FromMock, { type: 'rendered' }> | undefined;
  rejected = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly index: StoryIndex,
    private readonly practice: PracticeStore,
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
    this.begin(question, filter);
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
    return pickQuestion(allQuestions(), filter, { stories, practicedLps: counts.byLp, practicedQuestions: counts.byQuestion, random: Math.random, exclude });
  }

  private begin(question: Question, filter: PickFilter): void {
    const minutes = vscode.workspace.getConfiguration(SETTINGS.section).get<number>(SETTINGS.mockMinutes, 2);
    this.session = { question, phase: 'answer', limit: Math.round(minutes * 60), usedBefore: 0, runningSince: Date.now(), timeUp: false, revealed: 0, filter };
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
    panel.webview.html = webviewShell(panel.webview, this.context.extensionUri, { script: 'mock', title: 'Mock Question' });
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
    if (!session) return;
    if (message.type === 'open-story') {
      const story = this.index.story(message.story);
      if (story) await vscode.window.showTextDocument(vscode.Uri.parse(story.id), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      return;
    }
    if (message.type === 'save') return this.save(session, message.checks, message.story);
    switch (message.action) {
      case 'pause':
        this.stopClock();
        break;
      case 'resume':
        if (session.phase === 'answer') this.startClock();
        break;
      case 'done':
        this.finishAnswer(false);
        return;
      case 'next-follow-up':
        session.revealed = Math.min(session.question.followUps.length, session.revealed + 1);
        break;
      case 'self-check':
        session.phase = 'self-check';
        break;
      case 'another': {
        const next = await this.pick(session.filter, session.question.id);
        if (next) this.begin(next, session.filter);
        return;
      }
      case 'cancel':
        this.panel?.dispose();
        return;
    }
    this.render();
  }

  private used(session: Session): number {
    return session.usedBefore + (session.runningSince === undefined ? 0 : Date.now() - session.runningSince);
  }

  private startClock(): void {
    const session = this.session;
    if (!session) return;
    session.runningSince ??= Date.now();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), 250);
    this.tick();
  }

  private stopClock(): void {
    const session = this.session;
    clearInterval(this.timer);
    this.timer = undefined;
    if (session && session.runningSince !== undefined) {
      session.usedBefore = this.used(session);
      session.runningSince = undefined;
    }
    this.updateStatus();
  }

  private tick(): void {
    const session = this.session;
    if (!session) return;
    if (this.used(session) >= session.limit * 1000) {
      this.finishAnswer(true);
      return;
    }
    this.updateStatus();
    const remaining = session.limit - this.used(session) / 1000;
    const message: ToMock = { type: 'tick', clock: formatClock(remaining), progress: Math.min(100, (this.used(session) / (session.limit * 1000)) * 100) };
    void this.panel?.webview.postMessage(message);
  }

  private finishAnswer(timeUp: boolean): void {
    const session = this.session;
    if (!session || session.phase !== 'answer') return;
    this.stopClock();
    session.timeUp = timeUp;
    session.phase = 'follow-ups';
    session.revealed = 1;
    this.updateStatus();
    this.render();
  }

  private updateStatus(): void {
    const session = this.session;
    if (!session || session.phase !== 'answer') {
      this.status.hide();
      return;
    }
    const paused = session.runningSince === undefined;
    this.status.text = `$(${paused ? 'debug-pause' : 'watch'}) ${formatClock(session.limit - this.used(session) / 1000)}`;
    this.status.tooltip = `STAR Coach mock question${paused ? ' (paused)' : ''}: ${session.question.text}`;
    this.status.show();
  }

  private async save(session: Session, checks: Record<string, boolean>, storyId: string | null): Promise<void> {
    if (session.phase !== 'self-check') return;
    const story = storyId ? this.index.story(storyId) : undefined;
    const storyUri = story ? vscode.Uri.parse(story.id) : undefined;
    const log = this.practice.logFor(storyUri);
    if (!log) {
      void vscode.window.showWarningMessage('STAR Coach keeps the practice log in a workspace folder. Open a folder to save practice sessions.');
      return;
    }
    const known = Object.fromEntries(SELF_CHECKS.map((c) => [c.id, checks[c.id] === true]));
    const entry: PracticeEntry = {
      date: new Date().toISOString(),
      questionId: session.question.id,
      lps: session.question.lps,
      story: storyUri ? vscode.workspace.asRelativePath(storyUri, false) : null,
      seconds: Math.round(this.used(session) / 1000),
      limit: session.limit,
      checks: known,
      source: 'vscode',
    };
    try {
      await this.practice.append(log, entry);
    } catch (error) {
      void vscode.window.showErrorMessage(`STAR Coach could not save this session to ${vscode.workspace.asRelativePath(log)}: ${(error as Error).message}`);
      return;
    }
    session.phase = 'saved';
    session.practisedLp = (await this.practice.current()).byLp.get(session.question.lps[0]) ?? 0;
    this.render();
  }

  private stories(question: Question): MockStory[] {
    const practised = this.practice.snapshot.byStory;
    const seen = new Map<string, MockStory & { score: number }>();
    for (const [rank, lpId] of question.lps.entries()) {
      const claims = this.index.coverage.storiesOf(lpId);
      for (const { story, primary } of claims) {
        const score = (seen.get(story.id)?.score ?? 0) + (rank === 0 ? 4 : 1) + (primary ? 2 : 0);
        seen.set(story.id, { id: story.id, title: story.title, level: story.level, practised: practised.get(story.id) ?? 0, score });
      }
    }
    return [...seen.values()].sort((a, b) => b.score - a.score || byTitle(a.title, b.title));
  }

  private render(): void {
    const session = this.session;
    if (!this.panel || !session) return;
    const remaining = session.limit - this.used(session) / 1000;
    const model: MockModel = {
      question: session.question,
      phase: session.phase,
      clock: formatClock(remaining),
      progress: Math.min(100, (this.used(session) / (session.limit * 1000)) * 100),
      paused: session.phase === 'answer' && session.runningSince === undefined,
      timeUp: session.timeUp,
      revealed: session.revealed,
      stories: this.stories(session.question),
      practisedLp: session.practisedLp,
    };
    this.panel.title = `Mock: ${lpById(session.question.lps[0])?.name ?? 'Question'}`;
    const message: ToMock = { type: 'show', page: session.phase, html: renderMock(model).text };
    void this.panel.webview.postMessage(message);
  }

  /** Nothing keeps running once the view is gone. */
  private end(): void {
    this.stopClock();
    this.session = undefined;
    this.status.hide();
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

/** "Start Mock Question" and "Show the Mock Question", with the view that runs the session. */
export function registerMockQuestion(context: vscode.ExtensionContext, index: StoryIndex, practice: PracticeStore): MockQuestion {
  const mock = new MockQuestion(context, index, practice);
  context.subscriptions.push(
    mock,
    vscode.commands.registerCommand(COMMANDS.startMock, (args?: StartArgs) => mock.start(args)),
    vscode.commands.registerCommand(COMMANDS.revealMock, () => mock.reveal()),
  );
  return mock;
}
