import * as vscode from 'vscode';
import { DEFAULT_CONFIG } from '../../core/config';
import { plural } from '../../core/format/words';
import type { Story } from '../../core/parse/story';
import { gapReason, noLpNote, planLoop, planOptionsFrom, sameStoryNote, type LoopPlan, type PlanSlot } from '../../core/plan/plan';
import { profileSummary } from '../../core/plan/profile';
import { formatSheet } from '../../core/plan/sheet';
import type { TermedBank } from '../../core/match/rank';
import type { StoryModel } from '../model';
import type { PracticeStore } from '../practice';
import type { StoryIndex } from '../storyIndex';
import { BankWords } from '../bankWords';
import { readBankStory, targetLevelSetting } from './whichStory';

/** How long the view waits after the last change to the stories before planning again. */
const SETTLE_MS = 500;

type Node = { kind: 'slot'; slot: PlanSlot } | { kind: 'suggestion'; text: string } | { kind: 'note'; text: string; tooltip: string; icon: string };

/** The workspace's loop plan and the parsed stories it names (planned and backups), for the sheet and the page. */
export interface WorkspacePlan {
  plan: LoopPlan;
  /** The parsed story of a planned or backup story's id (its URI string). */
  storyOf(file: string): Story | undefined;
}

/**
 * The "Loop Plan" view in the STAR Coach sidebar: a row per slot (LP and number) with its planned
 * story and backup, gaps marked, and the new story that would close one; a planned story opens on
 * click. It plans again when the stories, the practice log or the configuration change. Returns
 * the provider, which also plans for the Level Expectations "Loop Plan" page and the cheat sheet.
 */
export function registerLoopPlanView(context: vscode.ExtensionContext, model: StoryModel, index: StoryIndex, practice: PracticeStore): LoopPlanProvider {
  const provider = new LoopPlanProvider(model, index, practice);
  context.subscriptions.push(provider, vscode.window.registerTreeDataProvider('starCoach.loopPlan', provider));
  return provider;
}

export class LoopPlanProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires once the plan is out of date (the stories, the practice log or the settings changed). */
  readonly onDidChangeTreeData = this.changed.event;
  private current: Promise<WorkspacePlan> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: vscode.Disposable[];
  /** The words of the bank's stories, read once for every question asked of it. */
  private readonly words: BankWords;

  constructor(private readonly model: StoryModel, private readonly index: StoryIndex, private readonly practice: PracticeStore) {
    this.words = new BankWords(model, index);
    const stale = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.current = undefined;
        this.changed.fire();
      }, SETTLE_MS);
    };
    this.listeners = [index.onDidChange(stale), practice.onDidChange(stale), model.configuration.onDidChange(stale)];
  }

  /** The plan of the workspace's stories, made once per change. */
  async plan(): Promise<LoopPlan> {
    return (await this.workspacePlan()).plan;
  }

  /**
   * The plan with its stories, made once per change; `fresh` plans again from the stories' text as
   * it is now (an edit that changes no count leaves the cached plan's digests behind).
   */
  workspacePlan(fresh = false): Promise<WorkspacePlan> {
    if (fresh) this.current = undefined;
    this.current ??= this.make();
    return this.current;
  }

  /**
   * The whole bank as the matcher ranks it, and the plan: for a command that ranks the bank's
   * stories against the plan (both from the same index, so they agree). Only stories changed since
   * the last question are read (see BankWords).
   */
  async bankAndPlan(): Promise<{ bank: TermedBank; plan: LoopPlan }> {
    const [bank, { plan }] = await Promise.all([this.words.bank(await this.practice.history()), this.workspacePlan()]);
    return { bank, plan };
  }

  /** The plan as the one-page Markdown cheat sheet, from the stories as they are now (`star-coach sheet` prints the same). */
  async sheet(): Promise<string> {
    const { plan, storyOf } = await this.workspacePlan(true);
    return formatSheet(plan, storyOf);
  }

  /**
   * Plans from the index's counts and checks (no story is read for it), then reads the stories the
   * plan names, for their digests on the page and the sheet.
   */
  private async make(): Promise<WorkspacePlan> {
    await this.index.ready();
    const history = await this.practice.history();
    // The first folder's .starcoach.yaml decides the plan's LPs and slots, as the CLI's does where it runs.
    const folder = vscode.workspace.workspaceFolders?.[0];
    const settings = folder ? (await this.model.configuration.forUri(folder.uri)).plan : DEFAULT_CONFIG.plan;
    const plan = planLoop(
      [...this.index.coverage.all()].map((summary) => profileSummary(summary, history)),
      planOptionsFrom(settings, new Date().getFullYear(), targetLevelSetting()),
    );
    const named = [...new Set(plan.slots.flatMap((s) => [s.story?.summary.id, s.backup?.summary.id]).filter((id) => id !== undefined))];
    const stories = new Map<string, Story>();
    for (const document of await Promise.all(named.map((id) => readBankStory(this.model, id, history)))) {
      if (document) stories.set(document.profile.summary.id, document.story);
    }
    return { plan, storyOf: (file) => stories.get(file) };
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return [];
    const plan = await this.plan();
    return [...plan.slots.map((slot) => ({ kind: 'slot' as const, slot })), ...(plan.suggestion ? [{ kind: 'suggestion' as const, text: plan.suggestion.text }] : []), ...notes(plan)];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'note') {
      const item = new vscode.TreeItem(node.text);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.tooltip = node.tooltip;
      return item;
    }
    if (node.kind === 'suggestion') {
      const item = new vscode.TreeItem(node.text);
      item.iconPath = new vscode.ThemeIcon('lightbulb');
      item.tooltip = node.text;
      return item;
    }
    const { slot } = node;
    const item = new vscode.TreeItem(`${slot.lp.name} ${slot.slot}`);
    if (slot.story) {
      item.description = slot.story.summary.title + (slot.backup ? ` (backup: ${slot.backup.summary.title})` : '');
      item.iconPath = new vscode.ThemeIcon('book');
      item.command = { command: 'vscode.open', title: 'Open Story', arguments: [vscode.Uri.parse(slot.story.summary.id)] };
      item.tooltip = `${slot.lp.name}, story ${slot.slot}: ${slot.story.summary.title}${slot.backup ? `\nBackup: ${slot.backup.summary.title}` : '\nNo backup left in the bank'}`;
    } else {
      item.description = `gap: ${gapReason(slot)}`;
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.tooltip = slot.gap === 'unclaimed' ? `No story claims ${slot.lp.name} yet.` : `No story for ${slot.lp.name} is left without telling one twice.`;
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listeners.forEach((l) => l.dispose());
    this.words.dispose();
    this.changed.dispose();
  }
}

/** The plan's notes below its slots: a story told in several files, and stories that name no LP. */
function notes(plan: LoopPlan): Node[] {
  // The row is short; its tooltip is the plan's whole note, with the files as the Explorer names them.
  const relative = (id: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(id));
  const same = plan.sameStory.map((group) => ({
    kind: 'note' as const,
    text: `"${group[0].summary.title}" is in ${group.length} files: planned once`,
    tooltip: sameStoryNote(group, relative),
    icon: 'files',
  }));
  const noLp = plan.noLp.length ? [{ kind: 'note' as const, text: `${plural(plan.noLp.length, 'story names', 'stories name')} no LP: not planned`, tooltip: noLpNote(plan.noLp, relative), icon: 'warning' }] : [];
  return [...same, ...noLp];
}
