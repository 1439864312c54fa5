import * as path from 'path';
import type { ResolvedConfig } from '../core/config';
import { printable, type Paint } from '../core/format/terminal';
import type { Story } from '../core/parse/story';
import { PRACTICE_LOG_PATH } from '../core/practice/log';
import { NO_PRACTICE, practiceHistory, profileStory, type StoryProfile } from '../core/plan/profile';
import { readPracticeLog } from '../node/practiceLog';
import { findBankFiles, lintStoryFiles, loadConfig, paintFor, parseStrict } from './read';
import type { Io } from './mock';

/** A story read from disk for the plan, sheet, match and drill commands. */
export interface BankStory {
  /** The path relative to the current folder, with forward slashes, as the practice log names it. */
  file: string;
  story: Story;
  profile: StoryProfile;
}

export interface Bank {
  config: ResolvedConfig;
  stories: BankStory[];
  /** Something could not be read: reported on stderr; the command still runs on the rest, and exits 2. */
  unreadable: boolean;
}

/** The options every story command shares, and their own. */
export interface CommandArgs {
  /** The positional arguments as given. */
  given: string[];
  /** The given paths, or the current folder when none is given. */
  paths: string[];
  format: string;
  config?: string;
  paint: Paint;
  values: Record<string, string | boolean | undefined>;
}

/**
 * Reads a story command's arguments with node:util's parseArgs: paths, `--format` (one of
 * `formats`), `--config`, `--no-color`, and the command's own string options. Throws an Error
 * with a message for the user on an unknown option, a missing value or a format not allowed.
 */
export function readCommandArgs(command: string, argv: readonly string[], io: Io, formats: readonly string[], own: readonly string[] = []): CommandArgs {
  const { values, positionals } = parseStrict(argv, {
    format: { type: 'string', short: 'f', default: formats[0] },
    config: { type: 'string', short: 'c' },
    'no-color': { type: 'boolean' },
    ...Object.fromEntries(own.map((name) => [name, { type: 'string' as const }])),
  });
  const format = String(values.format);
  if (!formats.includes(format)) throw new Error(`--format for ${command} is one of ${formats.join(', ')}`);
  const paint = paintFor(io, values['no-color'] !== true);
  return { given: positionals, paths: positionals.length ? positionals : ['.'], format, ...(values.config ? { config: String(values.config) } : {}), paint, values: values as CommandArgs['values'] };
}

/**
 * Reads the config (given, or found upward from the current folder), every story under the
 * paths, linted with that config, and the practice log under the current folder. Problems are
 * reported on `io.err`; undefined when the config cannot be used (nothing else can be trusted then).
 */
export async function loadBank(paths: readonly string[], configFile: string | undefined, io: Io): Promise<Bank | undefined> {
  const config = await loadConfig(configFile, io);
  if (!config) return undefined;
  let unreadable = false;
  const files = await findBankFiles(paths, io, () => (unreadable = true));
  let practice = NO_PRACTICE;
  try {
    practice = practiceHistory((await readPracticeLog(path.join(io.cwd, PRACTICE_LOG_PATH))).entries);
  } catch (error) {
    io.err(`star-coach: ${PRACTICE_LOG_PATH} is not used: ${printable((error as Error).message)}\n`);
  }
  const shown = (file: string) => printable(path.relative(io.cwd, file) || file);
  const read = lintStoryFiles(files, shown, config);
  const stories: BankStory[] = [];
  for (const [i, { messages, unreadable: failed, result }] of read.entries()) {
    for (const line of messages) io.err(`star-coach: ${line}\n`);
    if (failed) unreadable = true;
    if (!result) continue;
    const file = path.relative(io.cwd, files[i]).split(path.sep).join('/') || files[i];
    stories.push({ file, story: result.story, profile: profileStory(file, result.story, result.findings, practice) });
  }
  if (stories.length === 0 && !unreadable) io.err('star-coach: no *.star.md stories found\n');
  return { config, stories, unreadable };
}
