import * as vscode from 'vscode';
import { allLps, lpById } from '../../core/catalog';
import { DRAFT_MEANING, NEEDS_WORK_MEANING, READY_MEANING, isDraftStory, needsWork, problemCount, problemsText, storiesText, type CoverageStatus, type LpCoverage, type StorySummary } from '../../core/coverage';
import { plural } from '../../core/format/words';
import type { Log } from '../../core/log';
import { COMMANDS, SETTINGS } from '../constants';
import type { PracticeStore } from '../practice';
import type { StoryIndex } from '../storyIndex';
import { byTitle } from '../../core/text';

/** A node of either tree. */
export type Node =
  | { kind: 'lp'; coverage: LpCoverage }
  | { kind: 'story'; story: StorySummary; primary?: boolean; lpId?: string; group?: string }
  | { kind: 'group'; key: string; label: string; stories: StorySummary[]; description?: string; tooltip?: string };

const STATUS_ICON: Record<CoverageStatus, vscode.ThemeIcon> = {
  met: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground')),
  none: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground')),
};

/** A tree's top-level nodes with the key each keeps from one refresh to the next. */
type Keyed<N> = { key: string; node: N };

/**
 * What both trees share: top-level nodes that stay the same objects while they exist, and
 * refreshes VS Code can always follow. A whole-tree refresh makes VS Code's extension host forget
 * every item at once; a hidden view then asks, when shown again, for children of items it no
 * longer knows ("No tree item with id ... found"). So a hidden view is refreshed only when it
 * shows, and when the top-level nodes are the same ones, only those nodes are refreshed.
 */
abstract class LiveTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<Node> | undefined;
  private stale = false;
  /** The top-level nodes by key: the same objects for as long as their key exists. */
  private readonly nodes = new Map<string, Node>();
  /** The keys of the top-level nodes VS Code was last given. */
  private served: string[] | undefined;

  /** The top-level nodes as they are now, each with a stable key. */
  protected abstract computeRoots(): Keyed<Node>[];

  /** Follows the view's visibility: a refresh held back while it was hidden happens when it shows. */
  attach(view: vscode.TreeView<Node>): vscode.Disposable {
    this.view = view;
    return view.onDidChangeVisibility((event) => event.visible && this.stale && this.refresh());
  }

  /** The current top-level nodes, reusing the objects of the keys that remain. */
  protected roots(): Node[] {
    const next = this.computeRoots();
    const keep = new Set(next.map((entry) => entry.key));
    for (const key of [...this.nodes.keys()]) if (!keep.has(key)) this.nodes.delete(key);
    return next.map(({ key, node }) => {
      const existing = this.nodes.get(key);
      if (!existing) {
        this.nodes.set(key, node);
        return node;
      }
      Object.assign(existing, node);
      return existing;
    });
  }

  /** Remembers what VS Code was given at the top level. */
  protected serve(roots: Node[]): Node[] {
    this.served = roots.map((node) => this.keyOf(node));
    return roots;
  }

  private keyOf(node: Node): string {
    for (const [key, value] of this.nodes) if (value === node) return key;
    return '';
  }

  refresh(): void {
    if (this.view && !this.view.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const served = this.served;
    const roots = this.roots();
    const keys = roots.map((node) => this.keyOf(node));
    if (served && served.length > 0 && served.length === keys.length && served.every((key, i) => key === keys[i])) {
      // The same top-level nodes: refresh them (and so their children) without forgetting them.
      this.changed.fire(roots);
    } else {
      this.changed.fire(undefined);
    }
  }

  abstract getChildren(node?: Node): Promise<Node[]>;
  abstract getTreeItem(node: Node): vscode.TreeItem;
}

/** LP Coverage: the 16 LPs against the goal, each with the stories that claim it. */
export class CoverageTree extends LiveTree {
  /** The goal as last read; the tree's counts are drawn against it. */
  goal = 3;

  constructor(
    private readonly index: StoryIndex,
    private readonly practice: PracticeStore,
  ) {
    super();
  }

  protected computeRoots(): Keyed<Node>[] {
    if (this.index.coverage.size === 0) return [];
    return this.index.coverage.coverage(this.goal).map((coverage) => ({ key: coverage.lp.id, node: { kind: 'lp', coverage } }));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      // The first look at the view starts the scan; counts fill in as it goes. An empty bank shows
      // the welcome view instead of 16 empty rows.
      const scan = this.index.ready();
      if (this.index.coverage.size === 0) await scan;
      this.goal = await this.index.goal();
      return this.serve(this.roots());
    }
    if (node.kind === 'lp') return node.coverage.stories.map(({ story, primary }) => ({ kind: 'story', story, primary, lpId: node.coverage.lp.id }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'lp') {
      const { lp, count, drafts, goal, status } = node.coverage;
      // The count first, in the label: a long LP name in a narrow sidebar cuts off the description, never the label's start.
      const item = new vscode.TreeItem(`${count}/${goal} ${lp.name}`, count + drafts > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `lp:${lp.id}`;
      const practised = this.practice.snapshot.byLp.get(lp.id) ?? 0;
      // Drafts are listed under the LP, never in its count: the description says how many wait.
      item.description = [drafts > 0 ? `+${plural(drafts, 'draft')}` : undefined, practised > 0 ? practisedText(practised) : undefined].filter(Boolean).join(' · ') || undefined;
      item.iconPath = STATUS_ICON[status];
      item.contextValue = 'lp';
      item.tooltip = new vscode.MarkdownString(`**${lp.name}** (${count} of ${plural(goal, 'story', 'stories')}${drafts > 0 ? `, and ${plural(drafts, 'draft')} not counted yet` : ''}; ${practisedText(practised)} in mock questions)\n\n${lp.definition}`);
      item.accessibilityInformation = { label: `${lp.name}: ${count} of ${plural(goal, 'story', 'stories')}, ${status === 'met' ? 'goal met' : 'below goal'}` };
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
  // Unique in its tree: a story shows under each LP (or group) it belongs to.
  item.id = `${node.group ?? node.lpId ?? 'story'}/${story.id}`;
  item.resourceUri = uri;
  const problems = problemCount(story);
  const practised = practice.snapshot.byStory.get(story.id) ?? 0;
  const parts = [isDraftStory(story) ? 'draft' : undefined, ...lead, problems !== 0 ? problemsText(story) : undefined, practised > 0 ? practisedText(practised) : undefined];
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
          check(problemCount(story) === 0, `${problemsText(story)} in the Problems panel`),
          check(checked.quantified, 'quantified result'),
          ...(checked.isFailure ? [check(checked.hasLearning, 'learning')] : []),
          check(checked.hasShortVersion, 'short version'),
          isDraftStory(story) ? `**Draft**: ${DRAFT_MEANING}` : needsWork(story) ? '**Needs work**' : '**Ready**',
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

const GROUP_TOOLTIPS: Record<string, string> = {
  Draft: `Stories with ${DRAFT_MEANING}.`,
  'Needs work': `Stories with ${NEEDS_WORK_MEANING}.`,
  Ready: `Ready to tell: ${READY_MEANING}.`,
  'Checking…': 'Stories being checked against the rules.',
};

/** Stories: every story with its status, grouped by LP, level or status, filtered by level or need. */
export class StoriesTree extends LiveTree {
  groupBy: GroupBy;
  filter: StoryFilter;

  constructor(
    private readonly index: StoryIndex,
    private readonly memento: vscode.Memento,
    private readonly practice: PracticeStore,
  ) {
    super();
    this.groupBy = memento.get<GroupBy>('starCoach.groupBy', 'status');
    this.filter = memento.get<StoryFilter>('starCoach.filter', 'all');
  }

  async set(groupBy: GroupBy, filter: StoryFilter): Promise<void> {
    this.groupBy = groupBy;
    this.filter = filter;
    await this.memento.update('starCoach.groupBy', groupBy);
    await this.memento.update('starCoach.filter', filter);
    this.refresh();
  }

  protected computeRoots(): Keyed<Node>[] {
    const stories = [...this.index.coverage.all()].filter((s) => this.keep(s)).sort((a, b) => byTitle(a.title, b.title));
    const groups = new Map<string, StorySummary[]>();
    const add = (key: string, story: StorySummary) => {
      const group = groups.get(key);
      if (group) group.push(story);
      else groups.set(key, [story]);
    };
    for (const story of stories) {
      if (this.groupBy === 'level') add(story.level ?? 'No level', story);
      else if (this.groupBy === 'status') add(!story.check ? 'Checking…' : isDraftStory(story) ? 'Draft' : needsWork(story) ? 'Needs work' : 'Ready', story);
      else if (story.lpIds.length === 0) add('No known LP', story);
      else for (const id of story.lpIds) add(lpById(id)?.name ?? id, story);
    }
    const order = this.groupBy === 'lp' ? [...allLps().map((lp) => lp.name), 'No known LP'] : this.groupBy === 'status' ? ['Needs work', 'Draft', 'Checking…', 'Ready'] : ['L4', 'L5', 'L6', 'L7', 'L8', 'No level'];
    return order
      .filter((label) => groups.has(label))
      .map((label) => {
        const members = groups.get(label)!;
        const key = `${this.groupBy}:${label}`;
        return { key, node: { kind: 'group', key, label, stories: members, description: plural(members.length, 'story', 'stories'), tooltip: GROUP_TOOLTIPS[label] } };
      });
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'group') return node.stories.map((story) => ({ kind: 'story', story, group: node.key }));
    if (node) return [];
    void this.index.ready();
    return this.serve(this.roots());
  }

  private keep(story: StorySummary): boolean {
    if (this.filter === 'needsWork') return needsWork(story);
    if (this.filter === 'L6' || this.filter === 'L7') return story.level === this.filter;
    return true;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      // Grouped by LP, a long LP name would hide a count in the description: the count goes first in the label.
      const byLp = node.key.startsWith('lp:');
      const item = new vscode.TreeItem(byLp ? `${node.stories.length} ${node.label}` : node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.key}`;
      item.description = byLp ? undefined : node.description;
      if (node.tooltip) item.tooltip = node.tooltip;
      item.accessibilityInformation = { label: `${node.label}: ${node.description}` };
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
export function registerCoverageViews(
  context: vscode.ExtensionContext,
  index: StoryIndex,
  practice: PracticeStore,
  log: Log,
): { index: StoryIndex; coverage: CoverageTree; stories: StoriesTree; coverageView: vscode.TreeView<Node>; storiesView: vscode.TreeView<Node> } {
  const coverage = new CoverageTree(index, practice);
  const stories = new StoriesTree(index, context.workspaceState, practice);
  const coverageView = vscode.window.createTreeView('starCoach.coverage', { treeDataProvider: coverage, showCollapseAll: true });
  const storiesView = vscode.window.createTreeView('starCoach.stories', { treeDataProvider: stories, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('starCoach.readiness', vscode.StatusBarAlignment.Left, 10);
  status.name = 'STAR Coach: readiness';
  status.command = 'starCoach.coverage.focus';

  /** Context keys as last set: each is sent to the workbench only when it changes (a scan changes the bank every 150 ms). */
  const contextKeys = new Map<string, unknown>();
  const setContext = async (key: string, value: unknown) => {
    if (contextKeys.has(key) && contextKeys.get(key) === value) return;
    contextKeys.set(key, value);
    await vscode.commands.executeCommand('setContext', key, value);
  };
  const update = async () => {
    const goal = await index.goal();
    coverage.goal = goal;
    const totals = index.coverage.totals(goal);
    const below = 16 - totals.lpsAtGoal;
    const showBadge = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>('showBadge', true);
    coverageView.badge = showBadge && index.scanned && below > 0 ? { value: below, tooltip: `${plural(below, 'Leadership Principle')} below ${plural(goal, 'story', 'stories')}` } : undefined;
    // Drafts too: a bank of drafts shows its trees, not the welcome.
    await setContext('starCoach.storyCount', totals.stories + totals.drafts);
    // The walkthrough ticks the steps a bank has already done (completionEvents onContext:...).
    await setContext('starCoach.hasStories', totals.stories + totals.drafts > 0);
    await setContext('starCoach.hasPractised', practice.snapshot.byLp.size > 0);
    status.text = `$(star-full) ${plural(totals.stories, 'story', 'stories')}${totals.drafts > 0 ? ` + ${plural(totals.drafts, 'draft')}` : ''} · ${totals.lpsAtGoal}/16 LPs`;
    status.tooltip = `STAR Coach: ${storiesText(totals)}${totals.drafts > 0 ? ' (drafts count toward no LP until written)' : ''}; ${totals.lpsAtGoal} of 16 Leadership Principles have ${goal} or more. Click for coverage.`;
    if (index.scanned) status.show();
    coverage.refresh();
    stories.refresh();
  };

  /** The first scan, whoever starts it (a view, a page, the timer below), is logged once it has counted. */
  let counted = false;
  const scan = async (why: string) => {
    const started = Date.now();
    const first = !index.scanned;
    await index.ready();
    if (!counted) {
      counted = true;
      log.info(`Counted ${plural(index.coverage.size, 'story', 'stories')}${first ? ` in ${Date.now() - started} ms` : ''} (${first ? why : 'first asked for elsewhere'}).`);
    }
    await update();
  };

  // Once the coverage has been read, the walkthrough's "Read your coverage" stays ticked, even when
  // the walkthrough opens in a later window (completionEvents onContext:starCoach.coverageSeen).
  const COVERAGE_SEEN = 'starCoach.coverageSeen';
  const markCoverageSeen = () => {
    if (!context.globalState.get<boolean>(COVERAGE_SEEN)) void context.globalState.update(COVERAGE_SEEN, true);
    void vscode.commands.executeCommand('setContext', COVERAGE_SEEN, true);
  };
  if (context.globalState.get<boolean>(COVERAGE_SEEN)) void vscode.commands.executeCommand('setContext', COVERAGE_SEEN, true);

  context.subscriptions.push(
    coverageView,
    storiesView,
    status,
    coverageView.onDidChangeVisibility((e) => e.visible && markCoverageSeen()),
    coverage.attach(coverageView),
    stories.attach(storiesView),
    index.onDidChange(() => void (index.scanned && !counted ? scan('first asked for elsewhere') : update())),
    practice.onDidChange(() => void update()),
    coverageView.onDidChangeVisibility((e) => e.visible && void scan('the LP Coverage view opened')),
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
          { label: 'Needs work', description: NEEDS_WORK_MEANING, value: 'needsWork' as const },
        ],
        { title: 'Show stories' },
      );
      if (picked) await stories.set(stories.groupBy, picked.value);
    }),
  );
  // Workspaces that already hold stories: scan once the host is idle, never during activation.
  const deferred = setTimeout(async () => {
    if (await index.anyStory()) await scan('the workspace holds stories');
    else log.info('No *.star.md file in the workspace yet: nothing to scan until one is created or the view opens.');
  }, 1000);
  context.subscriptions.push({ dispose: () => clearTimeout(deferred) });
  return { index, coverage, stories, coverageView, storiesView };
}
