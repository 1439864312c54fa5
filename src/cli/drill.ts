import { jsonText } from './read';
import * as path from 'path';
import * as readline from 'readline';
import { drillQuestions, type DrillQuestion } from '../core/drill/followUps';
import { printable, type Paint } from '../core/format/terminal';
import { loadBank, readCommandArgs } from './bank';
import type { Io } from './mock';
import { plural } from '../core/format/words';
import { countWords } from '../core/text';

/** Fewest words of telling a story needs before it is drilled. */
const DRILL_MIN_WORDS = 20;

/**
 * `star-coach drill <story> [--format text|json]`: the follow-ups an interviewer would ask about
 * the story. In a terminal, one at a time: the user answers aloud, presses Enter, and sees their
 * prepared answer when the story has one; without input to read, the list is printed. Returns 0,
 * or 2 for bad usage or a story that cannot be read.
 */
export async function runDrill(argv: readonly string[], io: Io): Promise<number> {
  const args = readCommandArgs('drill', argv, io, ['text', 'json']);
  if (args.given.length !== 1) throw new Error('drill takes one story: star-coach drill path/to/story.star.md');
  // A folder is refused below, once read; a file must be a story.
  if (/\.[A-Za-z0-9]+$/.test(args.given[0]) && !/\.star\.md$/i.test(args.given[0])) throw new Error(`drill takes a story (*.star.md), not ${args.given[0]}`);
  const bank = await loadBank(args.given, args.config, io);
  if (!bank) return 2;
  if (bank.stories.length !== 1) {
    if (bank.stories.length > 1) io.err('star-coach: drill takes one story file, not a folder\n');
    return 2;
  }
  const { story, file } = bank.stories[0];
  // An empty story, or one of a few words, has nothing an interviewer could ask about yet.
  if (countWords(story.prose.slice(story.frontMatter.bodyStart)) < DRILL_MIN_WORDS) {
    io.err(`star-coach: ${printable(file)} tells no story yet: write its Situation, Task, Action and Result, then drill it\n`);
    return 2;
  }
  const questions = drillQuestions(story);
  if (args.format === 'json') {
    io.out(jsonText({ file, title: bank.stories[0].profile.summary.title, questions }));
    return 0;
  }
  const title = printable(bank.stories[0].profile.summary.title);
  io.out(`${args.paint.bold(`Drill: ${title}`)} (${printable(path.basename(file))}), ${plural(questions.length, 'follow-up')}\n`);
  if (!io.input || !io.isTty) {
    io.out(formatDrillList(questions, args.paint));
    return 0;
  }
  return askInTurn(questions, io, args.paint);
}

/** Every question, its prepared answer under it. */
export function formatDrillList(questions: readonly DrillQuestion[], paint: Paint): string {
  return questions.map((q, i) => `${i + 1}. ${printable(q.question)}\n${q.prepared ? `   ${paint.dim(`Your prepared answer: ${printable(q.prepared)}`)}\n` : ''}`).join('');
}

/** Asks each question in turn; Enter after answering aloud shows the prepared answer and moves on; "q" stops. */
async function askInTurn(questions: readonly DrillQuestion[], io: Io, paint: Paint): Promise<number> {
  const reader = readline.createInterface({ input: io.input!, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  try {
    for (const [i, q] of questions.entries()) {
      io.out(`\n${paint.bold(`${i + 1}/${questions.length}`)} ${printable(q.question)}\n${paint.dim('Answer aloud, then press Enter (q to stop)')} `);
      const next = await lines.next();
      if (next.done || next.value.trim().toLowerCase() === 'q') break;
      io.out(q.prepared ? `${paint.green('Your prepared answer:')} ${printable(q.prepared)}\n` : paint.dim('No prepared answer: add one under "## Follow-ups" as "- Q: ... / A: ...".\n'));
    }
  } finally {
    reader.close();
  }
  io.out('\n');
  return 0;
}
