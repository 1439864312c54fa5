import * as vscode from 'vscode';
import { planLoop, type LoopPlan, type PlanSlot } from '../../core/plan/plan';
import type { StoryModel } from '../model';
import type { StoryIndex } from '../storyIndex';
import { readStoryBank, targetLevelSetting } from './whichStory';

/** How long the view waits after the last change to the stories before planning again. */
const SETTLE_MS = 500;

type Node = { kind: 'slot'; slot: PlanSlot } | { kind: 'suggestion'; text: string };

/**
 * The "Loop Plan" view in the STAR Coach sidebar: a row per slot (LP and number) with its planned
 * story and backup, gaps marked, and the new story that would close one; a planned story opens on
 * click. It plans again when the stories change. Returns the provider, whose `plan()` the
 * integration tests read.
 */
export function registerLoopPlanView(context: vscode.ExtensionContext, model: StoryModel, index: StoryIndex): LoopPlanProvider {
  const provider = new LoopPlanProvider(model, index);
  context.subscriptions.push(provider, vscode.window.registerTreeDataProvider('starCoach.loopPlan', provider));
  return provider;
}

export class LoopPlanProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: Promise<LoopPlan> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listener: vscode.Disposable;

  constructor(private readonly model: StoryModel, private readonly index: StoryIndex) {
    this.listener = index.onDidChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.current = undefined;
        this.changed.fire();
      }, SETTLE_MS);
    });
  }

  /** The plan of the workspace's stories, made once per change. */
  plan(): Promise<LoopPlan> {
    this.current ??= readStoryBank(this.model, this.index).then((bank) => {
      const targetLevel = targetLevelSetting();
      return planLoop(bank.map((b) => b.profile), { currentYear: new Date().getFullYear(), ...(targetLevel ? { targetLevel } : {}) });
    });
    return this.current;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return [];
    const plan = await this.plan();
    return [...plan.slots.map((slot) => ({ kind: 'slot' as const, slot })), ...(plan.suggestion ? [{ kind: 'suggestion' as const, text: plan.suggestion.text }] : [])];
  }

  getTreeItem(node: Node): vscode.TreeItem {
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
      item.description = 'gap: no story left to tell';
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.tooltip = `No story for ${slot.lp.name} is left without telling one twice.`;
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listener.dispose();
    this.changed.dispose();
  }
}
