import * as path from 'path';
import type { ParseArgsConfig } from 'util';
import type { ResolvedConfig } from '../core/config';
import { CoverageIndex, summarize } from '../core/coverage';
import type { Finding } from '../core/types';
import { toJsonFinding, type JsonFinding } from '../core/format/json';
import { formatSarif } from '../core/format/sarif';
import { catalogJson, formatCatalogText } from '../core/format/catalog';
import { formatCoverageText, formatFindingsText, printable } from '../core/format/terminal';
import { allQuestions } from '../core/catalog';
import { QUESTION_CATEGORIES } from '../core/catalog/schema';
import { formatQuestionsText } from '../core/format/questions';
import { matchesFilter, type PickFilter } from '../core/practice/pick';
import { findBankFiles, jsonText, lintStoryFiles, loadConfig, mapBounded, paintFor, lpOption, parseStrict, READ_AT_ONCE, readStory, UsageError, withoutC1 } from './read';
import { loadBank } from './bank';
import { CacheFile, DEFAULT_CACHE_LOCATION } from './cacheFile';
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
  --cache               lint, coverage: lint again only the stories whose text changed since the last --cache run
  --cache-location <f>  lint, coverage: the cache file (default .star-coach/lint-cache.json)
  --lp <name or id>     questions, mock: only questions whose main LP is this one; match: the LP the question is asked under
  --level <L6|L7>       questions, mock: only questions for this level (and for both)
  --category <id>       questions, mock: core, ai-ml-leadership, sustainability-esg or return-to-office
  --minutes <n>         mock: minutes on the countdown (default 2)
  --config <file>       Use this .starcoach.yaml/.json instead of looking upward from the current folder
  --no-color            Plain text output
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage, unreadable input, or a practice session not saved.
`;

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
  /** lint, coverage --cache: the cache file, as given (relative to the current folder). */
  cache?: string;
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
    options = parseCommandLine(argv);
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
  const paint = paintFor(io, options.color);
  if (options.command === 'catalog') {
    io.out(options.format === 'json' ? jsonText(catalogJson()) : formatCatalogText(paint));
    return 0;
  }
  if (options.command === 'questions') {
    const questions = allQuestions().filter((q) => matchesFilter(q, options.filter));
    io.out(options.format === 'json' ? jsonText(questions) : formatQuestionsText(questions, paint));
    return 0;
  }
  if (options.command === 'mock') {
    // The bank as `star-coach match` reads it: the mock ranks its stories the same way.
    const bank = await loadBank(options.paths.length ? options.paths : ['.'], options.config, io);
    if (!bank) return 2;
    return bank.unreadable ? 2 : runMock({ ...options.mock, filter: options.filter }, bank, io, paint);
  }
  const config = await loadConfig(options.config, io);
  if (!config) return 2;

  const cache = options.cache === undefined ? undefined : await CacheFile.open(path.resolve(io.cwd, options.cache), config, io);
  if (options.cache !== undefined && !cache) return 2;
  const { checked, findings, index, unreadable } = await scanBank(options.paths, config, io, options.fix, cache);

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

/**
 * Reads, lints and indexes every story under the paths, reporting on stderr each path or file it
 * could not use; with a `cache`, a story whose text it knows is not linted again, and the cache
 * is saved for the next run.
 */
async function scanBank(paths: readonly string[], config: ResolvedConfig, io: Io, fix = false, cache?: CacheFile): Promise<Bank> {
  let unreadable = false;
  const shown = (file: string) => printable(path.relative(io.cwd, file) || file);
  const files = await findBankFiles(paths, io, () => (unreadable = true));
  const findings: JsonFinding[] = [];
  const index = new CoverageIndex();
  let checked = 0;
  // Fixed several at a time, or only checked a chunk at a time; reported in the files' order, as if one by one.
  const stories = fix ? await mapBounded(files, READ_AT_ONCE, (file) => readStory(file, shown, config, true)) : lintStoryFiles(files, shown, config, cache);
  for (const [i, story] of stories.entries()) {
    for (const line of story.messages) io.err(`star-coach: ${line}\n`);
    if (story.unreadable) unreadable = true;
    const name = path.relative(io.cwd, files[i]) || files[i];
    let found: readonly Finding[];
    if (story.cached) {
      index.upsert({ id: name, ...story.cached.summary });
      found = story.cached.findings;
    } else if (story.result) {
      const summary = summarize(name, story.result.story, story.result.findings);
      index.upsert(summary);
      cache?.store(files[i], summary, story.result.findings);
      found = story.result.findings;
    } else continue;
    checked++;
    for (const finding of found) findings.push(toJsonFinding(name, finding));
  }
  await cache?.save(paths.map((p) => path.resolve(io.cwd, p)), io);
  return { checked, findings, index, unreadable };
}

/** The options every command reads, as `node:util` `parseArgs` takes them (strict: any other is refused). */
const OPTION_SPECS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  lp: { type: 'string' },
  level: { type: 'string' },
  category: { type: 'string' },
  minutes: { type: 'string' },
  question: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

function parseCommandLine(argv: readonly string[]): Options | 'help' | 'version' {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('-v') || argv.includes('--version')) return 'version';
  const { values, positionals } = parseStrict(argv, OPTION_SPECS);
  const command = positionals[0] as Command;
  if (!COMMAND_NAMES.includes(command)) throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  const value = (name: keyof typeof OPTION_SPECS): string | undefined => {
    const given = values[name];
    if (given === '') throw new UsageError(`--${name} needs a value`);
    return typeof given === 'string' ? given : undefined;
  };
  const options: Options = { command, paths: positionals.slice(1), format: value('format') ?? 'text', color: values['no-color'] !== true, filter: {}, mock: { minutes: 2 }, fix: values.fix === true };
  options.config = value('config');
  const lpName = value('lp');
  if (lpName !== undefined) options.filter.lpId = lpOption(lpName).id;
  const level = value('level')?.toUpperCase();
  if (level !== undefined) {
    if (level !== 'L6' && level !== 'L7') throw new UsageError('--level is L6 or L7');
    options.filter.level = level;
  }
  const category = value('category') as (typeof QUESTION_CATEGORIES)[number] | undefined;
  if (category !== undefined) {
    if (!QUESTION_CATEGORIES.includes(category)) throw new UsageError(`--category is one of ${QUESTION_CATEGORIES.join(', ')}`);
    options.filter.category = category;
  }
  const minutesText = value('minutes');
  if (minutesText !== undefined) {
    const minutes = Number(minutesText);
    if (!(minutes > 0 && minutes <= 60)) throw new UsageError('--minutes is a number above 0, at most 60');
    options.mock.minutes = minutes;
  }
  options.mock.questionId = value('question');
  const seed = value('seed');
  if (seed !== undefined) options.mock.seed = Number(seed);
  const formats = command === 'lint' ? ['text', 'json', 'sarif'] : ['text', 'json'];
  if (!formats.includes(options.format)) throw new UsageError(`--format for ${command} is one of ${formats.join(', ')}`);
  if (NO_PATHS.includes(command) && options.paths.length > 0) throw new UsageError(`${command} takes no paths`);
  if (command === 'mock' && options.format !== 'text') throw new UsageError('mock is interactive: no --format');
  if (options.fix && command !== 'lint') throw new UsageError('--fix goes with lint');
  const cacheLocation = value('cache-location');
  if (cacheLocation !== undefined && values.cache !== true) throw new UsageError('--cache-location goes with --cache');
  if (values.cache === true) {
    if (command !== 'lint' && command !== 'coverage') throw new UsageError('--cache goes with lint or coverage');
    // Fixing rewrites stories as it reads them: it reads every one afresh.
    if (options.fix) throw new UsageError('--cache does not go with --fix, which reads every story afresh');
    options.cache = cacheLocation ?? DEFAULT_CACHE_LOCATION;
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

if (require.main === module) {
  // A reader that stops early (`star-coach plan | head`) closes the pipe: the output is no longer
  // wanted, which is no failure, so the process ends quietly as a shell's own tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
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
