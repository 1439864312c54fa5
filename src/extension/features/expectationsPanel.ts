import * as vscode from 'vscode';
import type { TargetLevel } from '../../core/catalog';
import { renderExpectations, isPage, type Page } from '../../core/views/expectationsPage';
import { PLAN_PAGE, printablePlan } from '../../core/views/planPage';
import { fromWebviewSchema, webviewStateSchema, type RenderedReport, type ToWebview } from '../../core/views/protocol';
import { COMMANDS, SETTINGS } from '../constants';
import type { PracticeStore } from '../practice';
import type { StoryIndex } from '../storyIndex';
import { webviewOptions, webviewShell } from '../webview';
import type { Node } from './coverageViews';
import type { LoopPlanProvider } from './loopPlanView';

const VIEW_TYPE = 'starCoach.expectations';

/**
 * "Show Level Expectations": one panel with the 16 LPs, the user's stories for each, a readiness
 * picture and the loop plan (the sidebar's Loop Plan as a printable cheat sheet). The page is built
 * by the pure core through its escaping `html` helper; this class only moves it to the webview,
 * answers its messages and keeps it live.
 */
export class ExpectationsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private page: Page = 'readiness';
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** What the webview last showed, as it reported it: the integration tests read this. */
  lastReport: RenderedReport | undefined;
  /** Messages from the webview that failed validation. */
  rejected = 0;
  /** Where the printable plan was last written (see `printPlan`): the integration tests read it. */
  lastPrintable: vscode.Uri | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly index: StoryIndex,
    private readonly practice: PracticeStore,
    private readonly loopPlan: LoopPlanProvider,
  ) {
    this.disposables.push(
      index.onDidChange(() => this.renderSoon()),
      practice.onDidChange(() => this.renderSoon()),
      // The plan is made again a moment after the stories change: the plan page shows it then.
      loopPlan.onDidChangeTreeData(() => this.page === PLAN_PAGE && this.renderSoon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS.section) && this.renderSoon()),
    );
  }

  /** Opens the panel, or brings it to the front, at `page` when given (else where it was). */
  show(page?: Page): void {
    if (page && isPage(page)) this.page = page;
    if (this.panel) {
      this.panel.reveal();
      void this.render();
      return;
    }
    this.attach(vscode.window.createWebviewPanel(VIEW_TYPE, 'Level Expectations', vscode.ViewColumn.Active, this.options()));
  }

  /** Takes over a panel: a new one, or one VS Code restores after a reload. */
  attach(panel: vscode.WebviewPanel, page?: Page): void {
    if (page && isPage(page)) this.page = page;
    this.panel = panel;
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'star-coach.svg');
    panel.webview.html = webviewShell(panel.webview, this.context.extensionUri, { name: 'expectations', title: 'Level Expectations' });
    const listeners = [
      panel.webview.onDidReceiveMessage((message) => this.handleMessage(message)),
      panel.onDidChangeViewState(() => panel.visible && this.renderSoon()),
    ];
    panel.onDidDispose(() => {
      listeners.forEach((l) => l.dispose());
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { ...webviewOptions(this.context.extensionUri), enableFindWidget: true };
  }

  /** Handles one message from the webview; anything that fails validation is counted and dropped. */
  handleMessage(raw: unknown): void {
    const parsed = fromWebviewSchema.safeParse(raw);
    if (!parsed.success) {
      this.rejected++;
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        // The page reloads whenever its tab comes back from the background, reporting the page it
        // showed last; the extension already knows the page to show (asked for since, or restored
        // from that same state by the serializer), so the report never overrides it.
        void this.render();
        break;
      case 'navigate':
        if (isPage(message.page)) this.page = message.page;
        void this.render();
        break;
      case 'open-story': {
        // Only stories the index knows: the webview never names an arbitrary file to open.
        const story = this.index.story(message.story);
        if (story) void vscode.window.showTextDocument(vscode.Uri.parse(story.id), { viewColumn: vscode.ViewColumn.Beside });
        break;
      }
      case 'new-story':
        if (isPage(message.lp)) void vscode.commands.executeCommand(COMMANDS.newStory, { lpIds: [message.lp] });
        break;
      case 'mock':
        if (isPage(message.lp)) void vscode.commands.executeCommand(COMMANDS.startMock, { lpId: message.lp });
        break;
      case 'open-sheet':
        void vscode.commands.executeCommand(COMMANDS.openLoopPlanSheet);
        break;
      case 'print':
        void this.printPlan();
        break;
      case 'rendered':
        this.lastReport = message;
        break;
    }
  }

  /**
   * Prints the plan where it can be printed, since VS Code's pages cannot print themselves: the plan
   * page as a file of its own (`printablePlan`, in the extension's storage) opened in the system
   * browser. Where VS Code runs in a browser or on a remote host that file is out of reach, so the
   * Markdown cheat sheet opens instead, with a word on why.
   */
  async printPlan(): Promise<void> {
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'webview.css')));
    const folder = this.context.globalStorageUri;
    const file = vscode.Uri.joinPath(folder, 'loop-plan-cheat-sheet.html');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(printablePlan(await this.loopPlan.workspacePlan(true), css)));
    this.lastPrintable = file;
    if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName && file.scheme === 'file') {
      await vscode.env.openExternal(file);
      return;
    }
    void vscode.window.showInformationMessage('VS Code cannot print its pages, and your browser cannot reach this window\'s files: the cheat sheet opens as Markdown instead, to copy or save.');
    await vscode.commands.executeCommand(COMMANDS.openLoopPlanSheet);
  }

  private renderSoon(): void {
    if (!this.panel) return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.render(), 150);
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    await this.index.ready();
    const goal = await this.index.goal();
    const targetLevel = vscode.workspace.getConfiguration(SETTINGS.section).get<TargetLevel>(SETTINGS.targetLevel, 'L6');
    const page = this.page;
    const body = renderExpectations({
      page,
      targetLevel: targetLevel === 'L7' ? 'L7' : 'L6',
      coverage: this.index.coverage.coverage(goal),
      readiness: this.index.coverage.readiness(goal),
      practice: await this.practice.current(),
      ...(page === PLAN_PAGE ? { plan: await this.loopPlan.workspacePlan() } : {}),
    });
    // Planning takes a moment: a page asked for meanwhile is drawn by its own render.
    if (page !== this.page) return;
    const message: ToWebview = { type: 'show', page, html: body.text };
    await panel.webview.postMessage(message);
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/**
 * "Show Level Expectations" (from the palette, the view's title or an LP's menu), "Show Loop Plan
 * Page" (the palette and the Loop Plan view's title: the panel at its plan page) and the panel's serializer.
 */
export function registerExpectationsPanel(context: vscode.ExtensionContext, index: StoryIndex, practice: PracticeStore, loopPlan: LoopPlanProvider): ExpectationsPanel {
  const panel = new ExpectationsPanel(context, index, practice, loopPlan);
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand(COMMANDS.showExpectations, (arg?: Node | string) => {
      panel.show(typeof arg === 'string' ? arg : arg?.kind === 'lp' ? arg.coverage.lp.id : undefined);
    }),
    vscode.commands.registerCommand(COMMANDS.showLoopPlan, () => panel.show(PLAN_PAGE)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel, state) {
        const saved = webviewStateSchema.safeParse(state);
        panel.attach(webviewPanel, saved.success ? saved.data.page : undefined);
      },
    }),
  );
  return panel;
}
