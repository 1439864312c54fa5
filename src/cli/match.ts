import { jsonText, lpOption } from './read';
import { printable } from '../core/format/terminal';
import { storyWords, StoryMatcher, type MatchContext, type MatchResult, type QuestionLps } from '../core/match/rank';
import type { TargetLevel } from '../core/catalog/schema';
import { lpById, type Lp } from '../core/catalog';
import { loadBank, readCommandArgs, type Bank } from './bank';
import type { Io } from './mock';
import { planFor } from './plan';
import { plannedLps } from '../core/plan/plan';

/** Results printed in text form, and in JSON unless --limit says otherwise. */
const SHOWN = 5;
const JSON_LIMIT = 20;

/**
 * `star-coach match "<question>" [paths] [--format json] [--level L6|L7] [--lp NAME] [--limit n]`:
 * the stories of the bank ranked for the question, best first (5 in text, 20 in JSON by default),
 * each with why. `--lp` names the LP the question is asked under: it counts first, the LPs read
 * from the words after it. The loop plan of the same bank says which stories are planned for another LP.
 * Returns 0, or 2 for bad usage or input.
 */
export async function runMatch(argv: readonly string[], io: Io): Promise<number> {
  const args = readCommandArgs('match', argv, io, ['text', 'json'], ['level', 'limit', 'lp']);
  const limit = args.values.limit === undefined ? undefined : Number(args.values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) throw new Error('--limit is a whole number of at least 1');
  const [question, ...paths] = args.given;
  if (question === undefined || question.trim() === '') throw new Error('match needs a question: star-coach match "Tell me about a time ..." [paths]');
  const level = args.values.level === undefined ? undefined : String(args.values.level).toUpperCase();
  if (level !== undefined && level !== 'L6' && level !== 'L7') throw new Error('--level is L6 or L7');
  const lp = args.values.lp === undefined ? undefined : lpOption(String(args.values.lp));
  const bank = await loadBank(paths.length ? paths : ['.'], args.config, io);
  if (!bank) return 2;
  const matcher = new StoryMatcher(bank.stories.map((s) => ({ profile: s.profile, text: storyWords(s.story) })));
  const { question: read, results } = matcher.rankRead(question, { ...matchContextOf(bank, level as TargetLevel | undefined), ...(lp ? { lpIds: [lp.id] } : {}), now: new Date() }, limit ?? (args.format === 'json' ? JSON_LIMIT : SHOWN));
  io.out(args.format === 'json' ? jsonText(results) : `${readingLine(read, lp)}\n${formatMatchText(results)}`);
  return bank.unreadable ? 2 : 0;
}

/**
 * How the matcher weighs a bank in the terminal: the target level (`level`, else the config's
 * `plan.level`) and the LPs the loop plan of the same bank gives each story.
 */
export function matchContextOf(bank: Bank, level?: TargetLevel): Omit<MatchContext, 'now'> {
  const plan = planFor(bank.stories, bank.config);
  const targetLevel = level ?? bank.config.plan.targetLevel;
  return { plannedFor: plannedLps(plan), ...(targetLevel ? { targetLevel } : {}) };
}

/**
 * Which LPs the ranking took the question as asked under (`read`, the surest first): the one named
 * with --lp and then those read from its words, or those alone with how to name one (the reading
 * of the words is the guess most often wrong).
 */
function readingLine(read: QuestionLps, named: Lp | undefined): string {
  const names = read.lpIds.map((id) => lpById(id)!.name);
  if (named) return `Asked under ${named.name} (--lp)${names.length > 1 ? `; read from the words too: ${names.slice(1).join(' · ')}` : ''}.`;
  return `${names.length ? `Read as asked under: ${names.join(' · ')}.` : 'No LP read from the question.'} Name the LP with --lp NAME if you know it.`;
}

/** "1. Title (file)  score 4.2" and the reasons under it. */
export function formatMatchText(results: readonly MatchResult[]): string {
  if (results.length === 0) return 'No stories to rank.\n';
  return results.map((r, i) => `${i + 1}. ${printable(r.title)} (${printable(r.file)})  score ${r.score.toFixed(2)}\n   ${printable(r.reasons.join('; ') || 'no match')}\n`).join('');
}
