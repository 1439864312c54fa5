import { printable } from '../core/format/terminal';
import { runDrill } from './drill';
import { runMatch } from './match';
import type { Io } from './mock';
import { runPlan } from './plan';

/** Help lines for the commands below, in the form of the main usage text. */
export const STORY_COMMANDS_USAGE = `  plan [paths...]       A distinct story for each LP slot (plan.examplesPerLp in .starcoach.yaml), backups and gaps
  sheet [paths...]      The loop plan as a one-page Markdown cheat sheet
  match "<question>" [paths...]  Which story to tell for a question, ranked, with why (--level L6|L7, --lp NAME)
  drill <story>         Follow-up questions on one story, answered aloud, with your prepared answers
`;

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  plan: (argv, io) => runPlan('plan', argv, io),
  sheet: (argv, io) => runPlan('sheet', argv, io),
  match: runMatch,
  drill: runDrill,
};

/**
 * Runs `plan`, `sheet`, `match` or `drill` when `argv` starts with one (undefined otherwise, for
 * the other commands). A usage mistake is reported on `io.err` with exit code 2, never thrown.
 */
export function runStoryCommand(argv: readonly string[], io: Io): Promise<number> | undefined {
  const command = Object.hasOwn(COMMANDS, argv[0] ?? '') ? COMMANDS[argv[0]] : undefined;
  if (!command || argv.includes('-h') || argv.includes('--help')) return undefined;
  return command(argv.slice(1), io).catch((error: unknown) => {
    io.err(`star-coach: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  });
}
