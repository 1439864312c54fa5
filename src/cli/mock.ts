import * as path from 'path';
import * as readline from 'readline';
import { allQuestions, lpById } from '../core/catalog';
import { printable, type Paint } from '../core/format/terminal';
import { PRACTICE_LOG_PATH, SELF_CHECKS, practiceCounts, times } from '../core/practice/log';
import { MockSession } from '../core/practice/session';
import { pickQuestion, seededRandom, type PickFilter } from '../core/practice/pick';
import { formatClock } from '../core/views/mockPage';
import type { Bank } from './bank';
import type { FinderFs } from './files';
import { matchContextOf } from './match';
import { appendPracticeEntry, checkPracticeLogWritable, readPracticeLog } from '../node/practiceLog';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  isTty: boolean;
  /** Answers typed by the user (mock only). */
  input?: NodeJS.ReadableStream;
  /** Where the story search lists folders; Node's file system when absent (tests pass a fake). */
  fileSystem?: FinderFs;
}

export interface MockOptions {
  minutes: number;
  filter?: PickFilter;
  questionId?: string;
  seed?: number;
}

/** Lines from the input in order; a line typed while nobody waits is kept for the next read. */
class Lines {
  private readonly iterator: AsyncIterator<string>;
  private pending: Promise<string | undefined> | undefined;
  constructor(input: NodeJS.ReadableStream) {
    this.iterator = readline.createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  }
  next(): Promise<string | undefined> {
    this.pending ??= this.iterator.next().then((r) => {
      this.pending = undefined;
      return r.done ? undefined : r.value;
    });
    return this.pending;
  }
  close(): void {
    void this.iterator.return?.();
  }
}

/**
 * `star-coach mock`: the same pick as in VS Code, a countdown, the bank's stories ranked as
 * `star-coach match` ranks them, the story told (the best by default), its follow-ups one at a
 * time with the prepared answers after each, a self-check, and an entry in
 * `.star-coach/practice.jsonl` under the current folder naming the story and the follow-ups answered.
 */
export async function runMock(options: MockOptions, bank: Bank, io: Io, paint: Paint): Promise<number> {
  if (!io.input) {
    io.err('star-coach: mock needs a terminal to answer in\n');
    return 2;
  }
  const logFile = path.join(io.cwd, PRACTICE_LOG_PATH);
  // Before the question: a session the log cannot take would be practice thrown away.
  let log;
  try {
    await checkPracticeLogWritable(logFile);
    log = await readPracticeLog(logFile);
  } catch (error) {
    io.err(`star-coach: cannot keep practice sessions in ${PRACTICE_LOG_PATH}: ${printable((error as Error).message)}\n`);
    return 2;
  }
  if (log.damaged.length > 0) io.err(`star-coach: skipped ${log.damaged.length} unreadable line(s) (${log.damaged.join(', ')}) in ${PRACTICE_LOG_PATH}\n`);
  const counts = practiceCounts(log.entries);
  const stories = new Map<string, number>();
  for (const { profile } of bank.stories) for (const lp of new Set(profile.summary.lpIds)) stories.set(lp, (stories.get(lp) ?? 0) + 1);
  const question = options.questionId
    ? allQuestions().find((q) => q.id === options.questionId)
    : pickQuestion(allQuestions(), options.filter ?? {}, { stories, practicedLps: counts.byLp, rehearsedLps: counts.rehearsedByLp, practicedQuestions: counts.byQuestion, random: options.seed !== undefined ? seededRandom(options.seed) : Math.random });
  if (!question) {
    io.err(options.questionId ? `star-coach: no question has the id "${printable(options.questionId)}"\n` : 'star-coach: no question matches those filters\n');
    return 2;
  }

  const lps = question.lps.map((id) => lpById(id)?.name ?? id);
  io.out(`${paint.dim(`${lps.join(' · ')} · ${question.level === 'both' ? 'L6 and L7' : question.level} · ${question.round} · ${question.category}`)}\n\n`);
  io.out(`${paint.bold(question.text)}\n\n`);

  const lines = new Lines(io.input);
  try {
    const session = new MockSession(question, Math.max(1, Math.round(options.minutes * 60)), { stories: bank.stories, match: matchContextOf(bank) });
    const matching = session.stories;
    if (matching.length > 0) {
      io.out(`Your stories for this question:\n${matching.map((s, i) => `  ${i + 1}. ${printable(s.title)} ${paint.dim(printable(s.id))}\n     ${paint.dim(printable(s.reasons.join('; ') || 'no match'))}`).join('\n')}\n\n`);
    } else io.out('No story in this bank yet.\n\n');
    const limit = session.limitSeconds;
    io.out(`Answer out loud. Press Enter when you are done (${formatClock(limit)} on the clock).\n`);
    const ended = await countdown(session, lines, io);
    if (ended === 'input ended') return stopped(io);
    io.out(session.timeUp ? `\n${paint.yellow('Time is up.')}\n\n` : `Done in ${formatClock(Math.round(session.usedMs() / 1000))}.\n\n`);

    if (matching.length > 0) {
      io.out(`Which story did you tell? (1-${matching.length}, Enter for 1, 0 for another or none) `);
      const answer = await lines.next();
      if (answer === undefined) return stopped(io);
      const picked = answer.trim() === '' ? 1 : Number(answer.trim());
      session.tellStory(matching[picked - 1]?.id ?? null);
    } else session.tellStory(null);
    io.out(session.told ? `\nFollow-ups on "${printable(session.told.profile.summary.title)}":\n` : '\nFollow-ups:\n');

    const drill = session.drill!;
    for (const [i, followUp] of drill.questions.entries()) {
      io.out(`${paint.bold(`Follow-up ${i + 1} of ${drill.questions.length}:`)} ${printable(followUp.question)}\n${paint.dim('  (answer aloud, then Enter; q to go to the self-check)')}\n`);
      const answer = await lines.next();
      if (answer === undefined) return stopped(io);
      // "q" ends the follow-ups, as in star-coach drill; the ones answered so far are logged.
      if (answer.trim().toLowerCase() === 'q') break;
      session.answeredFollowUp();
      // The prepared answer shows only now, from the drill's state: never before the answer.
      const prepared = drill.state().asked[i]?.prepared;
      if (prepared) io.out(`  ${paint.green('Your prepared answer:')} ${printable(prepared)}\n`);
      session.nextFollowUp();
    }
    session.toSelfCheck();

    io.out(`\n${paint.bold('Self-check')}: in my answer...\n`);
    const checks: Record<string, boolean> = {};
    for (const check of SELF_CHECKS) {
      io.out(`  ${check.label} (y/n) `);
      const answer = await lines.next();
      if (answer === undefined) return stopped(io);
      checks[check.id] = /^y(es)?$/i.test(answer.trim());
    }
    const story = session.told ? path.relative(io.cwd, path.resolve(io.cwd, session.told.profile.summary.id)).split(path.sep).join('/') : null;

    try {
      await appendPracticeEntry(logFile, session.entry(checks, story, 'cli', new Date().toISOString()));
    } catch (error) {
      io.err(`\nstar-coach: this session was NOT saved to ${PRACTICE_LOG_PATH}: ${printable((error as Error).message)}\n`);
      return 2;
    }
    session.saved();
    const practised = (counts.byLp.get(question.lps[0]) ?? 0) + 1;
    io.out(`\nSaved to ${PRACTICE_LOG_PATH}. ${lps[0]}: practised ${times(practised)}.\n`);
    return 0;
  } finally {
    lines.close();
  }
}

/** Runs the session's countdown until Enter or the time is up; 'input ended' if the input closes first. */
async function countdown(session: MockSession, lines: Lines, io: Io): Promise<'answered' | 'input ended'> {
  let ticker: ReturnType<typeof setInterval> | undefined;
  let expire: ReturnType<typeof setTimeout> | undefined;
  // On a terminal, one line rewritten in place each second.
  if (io.isTty) ticker = setInterval(() => io.out(`\r  ${formatClock(session.remainingSeconds())} left `), 1000);
  try {
    const timeUp = new Promise<'time'>((resolve) => (expire = setTimeout(() => resolve('time'), session.limitSeconds * 1000)));
    const line = await Promise.race([lines.next(), timeUp]);
    if (line === undefined) return 'input ended';
    if (line === 'time') session.finishAnswer(true);
    else session.finishAnswer();
    return 'answered';
  } finally {
    clearInterval(ticker);
    clearTimeout(expire);
    if (io.isTty) io.out('\r\u001b[K');
  }
}

/** The input ended before the session could be logged: nothing is saved, and the exit code says so (2). */
function stopped(io: Io): number {
  io.err('\nstar-coach: input ended before the self-check; nothing was saved\n');
  return 2;
}
