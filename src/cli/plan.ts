import { jsonText } from './read';
import { plural } from '../core/format/words';
import { gapReason, noLpNote, planLoop, planOptionsFrom, sameStoryNote, type LoopPlan } from '../core/plan/plan';
import { formatSheet } from '../core/plan/sheet';
import { printable, type Paint } from '../core/format/terminal';
import type { ResolvedConfig } from '../core/config';
import { loadBank, readCommandArgs, type BankStory } from './bank';
import type { Io } from './mock';

/** The plan for a bank with the config's plan settings, this year. */
export function planFor(stories: readonly BankStory[], config: ResolvedConfig, now = new Date()): LoopPlan {
  return planLoop(
    stories.map((s) => s.profile),
    planOptionsFrom(config.plan, now.getFullYear()),
  );
}

/** The plan as JSON: each slot `{ lp, slot, file, title, backup }`, the uncovered slots and the suggested story. */
export function planJson(plan: LoopPlan) {
  const slot = (s: LoopPlan['slots'][number]) => ({
    lp: s.lp.name,
    slot: s.slot,
    file: s.story?.summary.id ?? null,
    title: s.story?.summary.title ?? null,
    backup: s.backup ? { file: s.backup.summary.id, title: s.backup.summary.title } : null,
  });
  return {
    slots: plan.slots.map(slot),
    uncovered: plan.uncovered.map((s) => ({ lp: s.lp.name, slot: s.slot, gap: s.gap ?? null })),
    noLp: plan.noLp.map((story) => story.summary.id),
    sameStory: plan.sameStory.map((group) => ({ title: group[0].summary.title, files: group.map((story) => story.summary.id) })),
    suggestion: plan.suggestion ? { lps: plan.suggestion.lps.map((lp) => lp.name), closes: plan.suggestion.closes, text: plan.suggestion.text } : null,
  };
}

/** The plan as terminal text: a line per slot, then the gaps and the suggestion. */
export function formatPlanText(plan: LoopPlan, paint: Paint): string {
  const lines: string[] = [];
  const width = Math.max(...plan.slots.map((s) => s.lp.name.length)) + 3;
  for (const s of plan.slots) {
    const name = `${s.lp.name} ${s.slot}`.padEnd(width);
    const story = s.story ? printable(s.story.summary.title) : paint.red(`(gap: ${gapReason(s)})`);
    const backup = s.backup ? paint.dim(`  backup: ${printable(s.backup.summary.title)}`) : '';
    lines.push(`${paint.bold(name)} ${story}${backup}`);
  }
  const filled = plan.slots.length - plan.uncovered.length;
  lines.push('', `${filled} of ${plural(plan.slots.length, 'slot')} filled with distinct stories.`);
  if (plan.suggestion) lines.push(plan.suggestion.text);
  for (const group of plan.sameStory) lines.push(printable(sameStoryNote(group)));
  if (plan.noLp.length > 0) lines.push(printable(noLpNote(plan.noLp)));
  return `${lines.join('\n')}\n`;
}

/**
 * `star-coach plan [paths] [--format text|json]` and `star-coach sheet [paths]`: the loop plan, or
 * its one-page cheat sheet as Markdown. Returns the exit code: 0, or 2 for bad usage or input.
 */
export async function runPlan(command: 'plan' | 'sheet', argv: readonly string[], io: Io): Promise<number> {
  const args = readCommandArgs(command, argv, io, command === 'plan' ? ['text', 'json'] : ['markdown']);
  const bank = await loadBank(args.paths, args.config, io);
  if (!bank) return 2;
  // Nothing read and something unreadable (a mistyped path): the error says it all, not an empty plan.
  if (bank.unreadable && bank.stories.length === 0) return 2;
  const plan = planFor(bank.stories, bank.config);
  if (command === 'sheet') {
    const byFile = new Map(bank.stories.map((s) => [s.file, s.story]));
    io.out(formatSheet(plan, (file) => byFile.get(file)));
  } else io.out(args.format === 'json' ? jsonText(planJson(plan)) : formatPlanText(plan, args.paint));
  return bank.unreadable ? 2 : 0;
}
