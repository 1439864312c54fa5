import { promises as fs } from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG, MAX_CONFIG_CHARS, readConfigText, type ResolvedConfig } from '../core/config';
import { CoverageIndex, summarize } from '../core/coverage';
import { lintText, MAX_STORY_CHARS, unreadableReason } from '../core/engine';
import { fixText } from '../core/fix';
import { toJsonFinding, type JsonFinding } from '../core/format/json';
import { formatSarif } from '../core/format/sarif';
import { catalogJson, formatCatalogText } from '../core/format/catalog';
import { ANSI_PAINT, formatCoverageText, formatFindingsText, NO_PAINT, printable } from '../core/format/text';
import { allQuestions, closestLp, findLp } from '../core/catalog';
import { QUESTION_CATEGORIES } from '../core/catalog/schema';
import { formatQuestionsText } from '../core/format/questions';
import { matchesFilter, type PickFilter } from '../core/practice/pick';
import { fsProblem, readRegularFile } from '../node/fileAccess';
import { findConfigFile, findStoryFiles } from './files';
import { runMock, type Io, type MockOptions } from './mock';
import { runStoryCommand, STORY_COMMANDS_USAGE } from './storyCommands';
import { version } from '../../package.json';

const USAGE = `Usage: star-coach <command> [paths...] [options]

Commands:
  lint [paths...]       Check stories (*.star.md; folders recurse); --fix mends what can be mended
  coverage [paths...]   Show the 16 Leadership Principles against your stories
  catalog               Show what L6 and L7 answers show for each LP, and the round weights
  questions             List the mock interview questions (filter with --lp, --level, --category)
  mock [paths...]       Answer a mock question against a countdown; logs to .star-coach/practice.jsonl
${STORY_COMMANDS_USAGE}
Options:
  --format <name>       lint: text (default), json or sarif; catalog, coverage, questions: text or json
  --fix                 lint: apply every safe fix in place (again until none is left), then report what remains
  --lp <name or id>     questions, mock: only questions whose main LP is this one
  --level <L6|L7>       questions, mock: only questions for this level (and for both)
  --category <id>       questions, mock: core, ai-ml-leadership, sustainability-esg or return-to-office
  --minutes <n>         mock: minutes on the countdown (default 2)
  --config <file>       Use this .starcoach.yaml/.json instead of looking upward from the current folder
  --no-color            Plain text output
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage, unreadable input, or a practice session not saved.
`;

class UsageError extends Error {}

const COMMAND_NAMES = ['lint', 'coverage', 'catalog', 'questions', 'mock'] as const;
type Command = (typeof COMMAND_NAMES)[number];
/** Commands that read no stories. */
const NO_PATHS: readonly Command[] = ['catalog', 'questions'];

interface Options {
  command: Command;
  paths: string[];
  format: string;
  config?: string;
  color: boolean;
  filter: PickFilter;
  mock: MockOptions;
  /** lint --fix: write each story back with every safe fix applied. */
  fix: boolean;
}

/**
 * Runs one `star-coach` command line (`argv` without node and the script) against `io` and
 * returns the exit code: 0 no error findings, 1 error findings, 2 bad usage, unreadable input or a
 * practice session not saved. Bad input is reported on `io.err`, never thrown.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const storyCommand = runStoryCommand(argv, io);
  if (storyCommand) return storyCommand;
  let options: Options | 'help' | 'version';
  try {
    options = parseArgs(argv);
  } catch (error) {
    io.err(`star-coach: ${printable((error as Error).message)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (options === 'version') {
    io.out(`${version}\n`);
    return 0;
  }
  const paint = options.color && io.isTty && !process.env.NO_COLOR ? ANSI_PAINT : NO_PAINT;
  if (options.command === 'catalog') {
    io.out(options.format === 'json' ? jsonText(catalogJson()) : formatCatalogText(paint));
    return 0;
  }
  if (options.command === 'questions') {
    const questions = allQuestions().filter((q) => matchesFilter(q, options.filter));
    io.out(options.format === 'json' ? jsonText(questions) : formatQuestionsText(questions, paint));
    return 0;
  }
  const config = await loadConfig(options.config, io);
  if (!config) return 2;

  const { checked, findings, index, unreadable } = await scanBank(options.paths, config, io, options.fix);
  if (options.command === 'mock') return unreadable ? 2 : runMock({ ...options.mock, filter: options.filter }, index, io, paint);

  if (options.command === 'lint') {
    if (options.format === 'json') io.out(jsonText(findings));
    else if (options.format === 'sarif') io.out(withoutC1(formatSarif(findings, version)));
    else {
      io.out(formatFindingsText(findings, paint));
      if (findings.length === 0 && checked > 0) io.out(`${checked} ${checked === 1 ? 'story' : 'stories'} checked, no problems.\n`);
    }
  } else {
    const coverage = index.coverage(config.storiesPerLp);
    const readiness = index.readiness(config.storiesPerLp);
    if (options.format === 'json') {
      const lps = coverage.map((c) => ({
        id: c.lp.id,
        name: c.lp.name,
        count: c.count,
        goal: c.goal,
        status: c.status,
        stories: c.stories.map((s) => ({ file: s.story.id, title: s.story.title, primary: s.primary, level: s.story.level ?? null })),
      }));
      io.out(jsonText({ lps, readiness }));
    } else io.out(formatCoverageText(coverage, readiness, paint));
  }
  if (checked === 0 && !unreadable) io.err('star-coach: no *.star.md stories found\n');
  if (unreadable) return 2;
  return options.command === 'lint' && findings.some((f) => f.severity === 'error') ? 1 : 0;
}

interface Bank {
  /** How many stories were read and checked (not those skipped). */
  checked: number;
  findings: JsonFinding[];
  index: CoverageIndex;
  /** A path was missing, a folder could not be listed, or a file could not be read or was skipped. */
  unreadable: boolean;
}

/** Reads, lints and indexes every story under the paths, reporting on stderr each path or file it could not use. */
async function scanBank(paths: readonly string[], config: ResolvedConfig, io: Io, fix = false): Promise<Bank> {
  let unreadable = false;
  const shown = (file: string) => printable(path.relative(io.cwd, file) || file);
  const files = await findStoryFiles(
    paths.map((p) => path.resolve(io.cwd, p)),
    (file, problem) => {
      io.err(`star-coach: ${shown(file)}: ${problem}\n`);
      unreadable = true;
    },
    io.fileSystem,
  );
  const findings: JsonFinding[] = [];
  const index = new CoverageIndex();
  let checked = 0;
  for (const file of files) {
    const name = path.relative(io.cwd, file) || file;
    // Four bytes a character at most: a file over this cannot be under the story limit.
    const read = await readRegularFile(file, MAX_STORY_CHARS * 4);
    if (!read.ok) {
      if (read.code === 'ENOENT') io.err(`star-coach: ${shown(file)}: deleted while reading, skipped\n`);
      else {
        io.err(`star-coach: ${shown(file)}: ${readFailure(read)}\n`);
        unreadable = true;
      }
      continue;
    }
    const reason = unreadableReason(read.text);
    if (reason) {
      io.err(`star-coach: ${shown(file)}: skipped, ${reason}\n`);
      unreadable = true;
      continue;
    }
    let result = lintText(read.text, config);
    if (fix) {
      const fixed = fixText(read.text, config);
      if (fixed.fixesApplied > 0) {
        const written = await writeStory(file, fixed.text);
        if (written === true) {
          io.err(`star-coach: ${shown(file)}: ${fixed.fixesApplied} ${fixed.fixesApplied === 1 ? 'fix' : 'fixes'} applied\n`);
          result = { story: lintText(fixed.text, config).story, findings: fixed.findings };
        } else {
          io.err(`star-coach: ${shown(file)}: not fixed, it could not be written (${written})\n`);
          unreadable = true;
        }
      }
    }
    checked++;
    index.upsert(summarize(name, result.story, result.findings));
    for (const finding of result.findings) findings.push(toJsonFinding(name, finding));
  }
  return { checked, findings, index, unreadable };
}

/**
 * Writes a fixed story back through a temporary file in the same folder and a rename, so a
 * crash or a full disk never leaves a story half written. True, or why it failed.
 */
async function writeStory(file: string, text: string): Promise<true | string> {
  let temporary: string | undefined;
  try {
    // Through a link, the story it points to is the one rewritten; the link stays a link.
    const target = await fs.realpath(file);
    temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.star-coach-fix`);
    const { mode } = await fs.stat(target);
    await fs.writeFile(temporary, text, { mode });
    await fs.rename(temporary, target);
    return true;
  } catch (error) {
    if (temporary) await fs.rm(temporary, { force: true }).catch(() => undefined);
    return fsProblem(error);
  }
}

/** Why a story file was not read, in the words of the engine's own size message. */
function readFailure(read: { code: string; problem: string }): string {
  if (read.code === 'ETOOBIG') return `skipped, ${read.problem} to be a story (the limit is ${MAX_STORY_CHARS / 1024 / 1024} MB)`;
  if (read.code === 'ENOTREG') return `skipped, ${read.problem}`;
  return `cannot be read (${read.problem})`;
}

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const args = [...argv];
  if (args.includes('-h') || args.includes('--help') || args.length === 0) return 'help';
  if (args.includes('-v') || args.includes('--version')) return 'version';
  const command = args.shift() as Command;
  if (!COMMAND_NAMES.includes(command)) throw new UsageError(`unknown command "${command}"`);
  const options: Options = { command, paths: [], format: 'text', color: true, filter: {}, mock: { minutes: 2 }, fix: false };
  while (args.length) {
    const arg = args.shift() as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? args.shift();
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--format' || flag === '-f') options.format = value();
    else if (flag === '--config' || flag === '-c') options.config = value();
    else if (flag === '--no-color') options.color = false;
    else if (flag === '--fix') options.fix = true;
    else if (flag === '--lp') {
      const name = value();
      const lp = findLp(name);
      if (!lp) throw new UsageError(`--lp: no Leadership Principle is called "${name}"; the closest is "${closestLp(name).lp.name}"`);
      options.filter.lpId = lp.id;
    } else if (flag === '--level') {
      const level = value().toUpperCase();
      if (level !== 'L6' && level !== 'L7') throw new UsageError('--level is L6 or L7');
      options.filter.level = level;
    } else if (flag === '--category') {
      const category = value() as (typeof QUESTION_CATEGORIES)[number];
      if (!QUESTION_CATEGORIES.includes(category)) throw new UsageError(`--category is one of ${QUESTION_CATEGORIES.join(', ')}`);
      options.filter.category = category;
    } else if (flag === '--minutes') {
      const minutes = Number(value());
      if (!(minutes > 0 && minutes <= 60)) throw new UsageError('--minutes is a number above 0, at most 60');
      options.mock.minutes = minutes;
    } else if (flag === '--question') options.mock.questionId = value();
    else if (flag === '--seed') options.mock.seed = Number(value());
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option "${flag}"`);
    else options.paths.push(arg);
  }
  const formats = command === 'lint' ? ['text', 'json', 'sarif'] : ['text', 'json'];
  if (!formats.includes(options.format)) throw new UsageError(`--format for ${command} is one of ${formats.join(', ')}`);
  if (NO_PATHS.includes(command) && options.paths.length > 0) throw new UsageError(`${command} takes no paths`);
  if (command === 'mock' && options.format !== 'text') throw new UsageError('mock is interactive: no --format');
  if (options.fix && command !== 'lint') throw new UsageError('--fix goes with lint');
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

async function loadConfig(given: string | undefined, io: Io): Promise<ResolvedConfig | undefined> {
  const file = given ? path.resolve(io.cwd, given) : await findConfigFile(io.cwd, CONFIG_FILE_NAMES);
  if (!file) return DEFAULT_CONFIG;
  // Up to four bytes a character; the text's own limit is checked, with its message, by readConfigText.
  const read = await readRegularFile(file, MAX_CONFIG_CHARS * 4);
  if (!read.ok) {
    io.err(`star-coach: cannot read the config file ${printable(file)}: ${read.code === 'ETOOBIG' ? `${read.problem} for a config file (the limit is ${MAX_CONFIG_CHARS / 1024} KB)` : read.problem}\n`);
    return undefined;
  }
  const result = readConfigText(read.text, path.basename(file));
  if (!result.ok) {
    io.err(`star-coach: ${printable(result.message)}\n`);
    return undefined;
  }
  return result.config;
}

/** JSON for the terminal: JSON.stringify escapes C0 controls but not DEL and C1, so those are escaped here. */
function jsonText(value: unknown): string {
  return withoutC1(`${JSON.stringify(value, null, 2)}\n`);
}

/** JSON text with DEL and C1 controls as \\u escapes (they only occur inside strings, where that is the same value). */
function withoutC1(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTty: Boolean(process.stdout.isTTY),
    input: process.stdin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`star-coach: unexpected failure: ${printable(String(error))}\n`);
      process.exitCode = 2;
    },
  );
}
