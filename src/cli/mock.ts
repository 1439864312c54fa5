import * as path from 'path';
import * as readline from 'readline';
import { allQuestions, lpById } from '../core/catalog';
import type { CoverageIndex } from '../core/coverage';
import { printable, type Paint } from '../core/format/terminal';
import { PRACTICE_LOG_PATH, SELF_CHECKS, practiceCounts, times } from '../core/practice/log';
import { MockSession, storiesForQuestion } from '../core/practice/session';
import { pickQuestion, seededRandom, type PickFilter } from '../core/practice/pick';
import { formatClock } from '../core/views/mockPage';
import type { FinderFs } from './files';
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
 * `star-coach mock`: the same pick as in VS Code, a countdown, follow-ups on Enter, a self-check,
 * and an entry in `.star-coach/practice.jsonl` under the current folder.
 */
export async function runMock(options: MockOptions, index: CoverageIndex, io: Io, paint: Paint): Promise<number> {
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
  const stories = new Map(index.coverage(1).map((c) => [c.lp.id, c.count]));
  const question = options.questionId
    ? allQuestions().find((q) => q.id === options.questionId)
    : pickQuestion(allQuestions(), options.filter ?? {}, { stories, practicedLps: counts.byLp, practicedQuestions: counts.byQuestion, random: options.seed !== undefined ? seededRandom(options.seed) : Math.random });
  if (!question) {
    io.err(options.questionId ? `star-coach: no question has the id "${printable(options.questionId)}"\n` : 'star-coach: no question matches those filters\n');
    return 2;
  }

  const lps = question.lps.map((id) => lpById(id)?.name ?? id);
  const matching = storiesForQuestion(question, index, counts.byStory);
  io.out(`${paint.dim(`${lps.join(' · ')} · ${question.level === 'both' ? 'L6 and L7' : question.level} · ${question.round} · ${question.category}`)}\n\n`);
  io.out(`${paint.bold(question.text)}\n\n`);
  if (matching.length > 0) {
    io.out(`Your stories for ${lps.join(', ')}:\n${matching.map((s, i) => `  ${i + 1}. ${printable(s.title)} ${paint.dim(printable(s.id))}`).join('\n')}\n\n`);
  } else io.out(`No story in this bank claims ${lps.join(' or ')} yet.\n\n`);

  const lines = new Lines(io.input);
  try {
    const session = new MockSession(question, Math.max(1, Math.round(options.minutes * 60)));
    const limit = session.limitSeconds;
    io.out(`Answer out loud. Press Enter when you are done (${formatClock(limit)} on the clock).\n`);
    const ended = await countdown(session, lines, io);
    if (ended === 'input ended') return stopped(io);
    io.out(session.timeUp ? `\n${paint.yellow('Time is up.')}\n\n` : `Done in ${formatClock(Math.round(session.usedMs() / 1000))}.\n\n`);

    const probes = question.followUps;
    for (let shown = 0; shown < session.revealed; shown++) {
      io.out(`${paint.bold(`Follow-up ${shown + 1} of ${probes.length}:`)} ${probes[shown]}\n`);
      if (shown < probes.length - 1) {
        io.out(paint.dim('  (Enter for the next one)\n'));
        if ((await lines.next()) === undefined) return stopped(io);
        session.nextFollowUp();
      }
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
    let story: string | null = null;
    if (matching.length > 0) {
      io.out(`Which story did you tell? (1-${matching.length}, Enter for another or none) `);
      const answer = await lines.next();
      if (answer === undefined) return stopped(io);
      const chosen = matching[Number(answer.trim()) - 1];
      if (chosen) story = path.relative(io.cwd, path.resolve(io.cwd, chosen.id)).split(path.sep).join('/');
    }

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

function stopped(io: Io): number {
  io.err('\nstar-coach: input ended before the self-check; nothing was saved\n');
  return 0;
}
