import * as vscode from 'vscode';
import { allLps, lpById } from '../../core/catalog';
import { needsWork, problemCount, problemsText, type CoverageStatus, type LpCoverage, type StorySummary } from '../../core/coverage';
import { COMMANDS, SETTINGS } from '../constants';
import type { PracticeStore } from '../practice';
import type { StoryIndex } from '../storyIndex';
import { byTitle } from '../../core/text';

/** A node of either tree. */
export type Node =
  | { kind: 'lp'; coverage: LpCoverage }
  | { kind: 'story'; story: StorySummary; primary?: boolean; lpId?: string }
  | { kind: 'group'; label: string; stories: StorySummary[]; description?: string };

const STATUS_ICON: Record<CoverageStatus, vscode.ThemeIcon> = {
  met: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground')),
  none: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground')),
};

/** LP Coverage: the 16 LPs against the goal, each with the stories that claim it. */
export class CoverageTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  constructor(
    private readonly index: StoryIndex,
    private readonly practice: PracticeStore,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      // The first look at the view starts the scan; counts fill in as it goes. An empty bank shows
      // the welcome view instead of 16 empty rows.
      const scan = this.index.ready();
      if (this.index.coverage.size === 0) {
        await scan;
        if (this.index.coverage.size === 0) return [];
      }
      return this.index.coverage.coverage(await this.index.goal()).map((coverage) => ({ kind: 'lp', coverage }));
    }
    if (node.kind === 'lp') return node.coverage.stories.map(({ story, primary }) => ({ kind: 'story', story, primary, lpId: node.coverage.lp.id }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'lp') {
      const { lp, count, goal, status } = node.coverage;
      const item = new vscode.TreeItem(lp.name, count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `lp:${lp.id}`;
      const practised = this.practice.snapshot.byLp.get(lp.id) ?? 0;
      item.description = practised > 0 ? `${count}/${goal} · ${practisedText(practised)}` : `${count}/${goal}`;
      item.iconPath = STATUS_ICON[status];
      item.contextValue = 'lp';
      item.tooltip = new vscode.MarkdownString(`**${lp.name}** (${count} of ${goal} stories; ${practisedText(practised)} in mock questions)\n\n${lp.definition}`);
      item.accessibilityInformation = { label: `${lp.name}: ${count} of ${goal} stories, ${status === 'met' ? 'goal met' : 'below goal'}` };
      return item;
    }
    return node.kind === 'story' ? storyItem(node, this.practice, [node.primary ? 'primary' : 'secondary']) : new vscode.TreeItem(node.label);
  }
}

function practisedText(times: number): string {
  return times === 0 ? 'not practised' : times === 1 ? 'practised once' : `practised ${times}×`;
}

/** A story row; its description starts with `lead` (primary or secondary, or level and LPs), then its problems and practice. */
function storyItem(node: Extract<Node, { kind: 'story' }>, practice: PracticeStore, lead: Array<string | undefined>): vscode.TreeItem {
  const { story } = node;
  const uri = vscode.Uri.parse(story.id);
  const item = new vscode.TreeItem(story.title, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.lpId ?? 'story'}:${story.id}`;
  item.resourceUri = uri;
  const problems = problemCount(story);
  const practised = practice.snapshot.byStory.get(story.id) ?? 0;
  const parts = [...lead, problems !== 0 ? problemsText(story) : undefined, practised > 0 ? practisedText(practised) : undefined];
  item.description = parts.filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(node.primary === false ? 'star-empty' : 'star-full', problems ? new vscode.ThemeColor('list.warningForeground') : undefined);
  item.command = { command: 'vscode.open', title: 'Open Story', arguments: [uri] };
  item.contextValue = 'story';
  item.tooltip = storyTooltip(story);
  return item;
}

function storyTooltip(story: StorySummary): vscode.MarkdownString {
  const check = (ok: boolean, text: string) => `${ok ? '$(check)' : '$(circle-slash)'} ${text}`;
  const lps = story.lpIds.map((id) => lpById(id)?.name ?? id).join(', ') || 'no known LP';
  const checked = story.check;
  const lines = [
    `**${escape(story.title)}**${story.level ? ` (${story.level})` : ''}`,
    escape(lps),
    ...(checked
      ? [
          check(problemCount(story) === 0, problemsText(story)),
          check(checked.quantified, 'quantified result'),
          ...(checked.isFailure ? [check(checked.hasLearning, 'learning')] : []),
          check(checked.hasShortVersion, 'short version'),
        ]
      : [`$(loading~spin) ${problemsText(story)}`]),
  ];
  return new vscode.MarkdownString(lines.join('  \n'), true);
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>$]/g, '\\$&');
}

export type GroupBy = 'lp' | 'level' | 'status';
export type StoryFilter = 'all' | 'L6' | 'L7' | 'needsWork';

/** Stories: every story with its status, grouped by LP, level or status, filtered by level or need. */
export class StoriesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  groupBy: GroupBy;
  filter: StoryFilter;

  constructor(
    private readonly index: StoryIndex,
    private readonly memento: vscode.Memento,
    private readonly practice: PracticeStore,
  ) {
    this.groupBy = memento.get<GroupBy>('starCoach.groupBy', 'status');
    this.filter = memento.get<StoryFilter>('starCoach.filter', 'all');
  }

  refresh(): void {
    this.changed.fire();
  }

  async set(groupBy: GroupBy, filter: StoryFilter): Promise<void> {
    this.groupBy = groupBy;
    this.filter = filter;
    await this.memento.update('starCoach.groupBy', groupBy);
    await this.memento.update('starCoach.filter', filter);
    this.refresh();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'group') return node.stories.map((story) => ({ kind: 'story', story }));
    if (node) return [];
    void this.index.ready();
    const stories = [...this.index.coverage.all()].filter((s) => this.keep(s)).sort((a, b) => byTitle(a.title, b.title));
    const groups = new Map<string, StorySummary[]>();
    const add = (key: string, story: StorySummary) => {
      const group = groups.get(key);
      if (group) group.push(story);
      else groups.set(key, [story]);
    };
    for (const story of stories) {
      if (this.groupBy === 'level') add(story.level ?? 'No level', story);
      else if (this.groupBy === 'status') add(story.check ? (needsWork(story) ? 'Needs work' : 'Ready') : 'Checking…', story);
      else if (story.lpIds.length === 0) add('No known LP', story);
      else for (const id of story.lpIds) add(lpById(id)?.name ?? id, story);
    }
    const order = this.groupBy === 'lp' ? [...allLps().map((lp) => lp.name), 'No known LP'] : this.groupBy === 'status' ? ['Needs work', 'Checking…', 'Ready'] : ['L4', 'L5', 'L6', 'L7', 'L8', 'No level'];
    return order.filter((key) => groups.has(key)).map((label) => ({ kind: 'group', label, stories: groups.get(label)!, description: String(groups.get(label)!.length) }));
  }

  private keep(story: StorySummary): boolean {
    if (this.filter === 'needsWork') return needsWork(story);
    if (this.filter === 'L6' || this.filter === 'L7') return story.level === this.filter;
    return true;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.groupBy}:${node.label}`;
      item.description = node.description;
      return item;
    }
    if (node.kind === 'story') {
      const lps = node.story.lpIds.map((id) => lpById(id)?.name ?? id).join(', ');
      return storyItem(node, this.practice, [node.story.level, lps]);
    }
    return new vscode.TreeItem(node.coverage.lp.name);
  }
}

/** The views, their badge, the welcome condition, the status bar item and their commands. */
export function registerCoverageViews(context: vscode.ExtensionContext, index: StoryIndex, practice: PracticeStore): { index: StoryIndex; coverage: CoverageTree; stories: StoriesTree; coverageView: vscode.TreeView<Node> } {
  const coverage = new CoverageTree(index, practice);
  const stories = new StoriesTree(index, context.workspaceState, practice);
  const coverageView = vscode.window.createTreeView('starCoach.coverage', { treeDataProvider: coverage, showCollapseAll: true });
  const storiesView = vscode.window.createTreeView('starCoach.stories', { treeDataProvider: stories, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('starCoach.readiness', vscode.StatusBarAlignment.Left, 10);
  status.name = 'STAR Coach: readiness';
  status.command = 'starCoach.coverage.focus';

  const update = async () => {
    const goal = await index.goal();
    const readiness = index.coverage.readiness(goal);
    const below = 16 - readiness.lpsAtGoal;
    const showBadge = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>('showBadge', true);
    coverageView.badge = showBadge && index.scanned && below > 0 ? { value: below, tooltip: `${below} Leadership Principles below ${goal} stories` } : undefined;
    await vscode.commands.executeCommand('setContext', 'starCoach.storyCount', readiness.stories);
    status.text = `$(star-full) ${readiness.stories} stories · ${readiness.lpsAtGoal}/16 LPs`;
    status.tooltip = `STAR Coach: ${readiness.stories} stories; ${readiness.lpsAtGoal} of 16 Leadership Principles have ${goal} or more. Click for coverage.`;
    if (index.scanned) status.show();
    coverage.refresh();
    stories.refresh();
  };

  context.subscriptions.push(
    coverageView,
    storiesView,
    status,
    index.onDidChange(() => void update()),
    practice.onDidChange(() => void update()),
    coverageView.onDidChangeVisibility((e) => e.visible && void index.ready().then(update)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS.section) && void update()),
    vscode.commands.registerCommand(COMMANDS.newStoryForLp, (node?: Node) =>
      vscode.commands.executeCommand(COMMANDS.newStory, node?.kind === 'lp' ? { lpIds: [node.coverage.lp.id] } : undefined),
    ),
    vscode.commands.registerCommand(COMMANDS.groupStories, async () => {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'Status', description: 'Needs work, then ready', value: 'status' as const },
          { label: 'Leadership Principle', value: 'lp' as const },
          { label: 'Level', value: 'level' as const },
        ],
        { title: 'Group stories by' },
      );
      if (picked) await stories.set(picked.value, stories.filter);
    }),
    vscode.commands.registerCommand(COMMANDS.filterStories, async () => {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'All stories', value: 'all' as const },
          { label: 'L6 stories', value: 'L6' as const },
          { label: 'L7 stories', value: 'L7' as const },
          { label: 'Needs work', description: 'problems, no number in the Result, or a failure with no learning', value: 'needsWork' as const },
        ],
        { title: 'Show stories' },
      );
      if (picked) await stories.set(stories.groupBy, picked.value);
    }),
  );
  // Workspaces that already hold stories: scan once the host is idle, never during activation.
  const deferred = setTimeout(async () => {
    if (await index.anyStory()) await index.ready().then(update);
  }, 1000);
  context.subscriptions.push({ dispose: () => clearTimeout(deferred) });
  return { index, coverage, stories, coverageView };
}
