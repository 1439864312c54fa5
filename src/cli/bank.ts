import * as path from 'path';
import { parseArgs } from 'util';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG, MAX_CONFIG_CHARS, readConfigText, type ResolvedConfig } from '../core/config';
import { lintText, MAX_STORY_CHARS, unreadableReason } from '../core/engine';
import { ANSI_PAINT, NO_PAINT, printable, type Paint } from '../core/format/text';
import type { Story } from '../core/parse/story';
import { PRACTICE_LOG_PATH } from '../core/practice/log';
import { NO_PRACTICE, practiceHistory, profileStory, type StoryProfile } from '../core/plan/profile';
import { readRegularFile } from '../node/fileAccess';
import { readPracticeLog } from '../node/practiceLog';
import { findConfigFile, findStoryFiles } from './files';
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
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: formats[0] },
      config: { type: 'string', short: 'c' },
      'no-color': { type: 'boolean' },
      ...Object.fromEntries(own.map((name) => [name, { type: 'string' as const }])),
    },
  });
  const format = String(values.format);
  if (!formats.includes(format)) throw new Error(`--format for ${command} is one of ${formats.join(', ')}`);
  const paint = !values['no-color'] && io.isTty && !process.env.NO_COLOR ? ANSI_PAINT : NO_PAINT;
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
  const report = (file: string, problem: string) => {
    io.err(`star-coach: ${printable(path.relative(io.cwd, file) || file)}: ${problem}\n`);
    unreadable = true;
  };
  const files = await findStoryFiles(paths.map((p) => path.resolve(io.cwd, p)), report, io.fileSystem);
  let practice = NO_PRACTICE;
  try {
    practice = practiceHistory((await readPracticeLog(path.join(io.cwd, PRACTICE_LOG_PATH))).entries);
  } catch (error) {
    io.err(`star-coach: ${PRACTICE_LOG_PATH} is not used: ${printable((error as Error).message)}\n`);
  }
  const stories: BankStory[] = [];
  for (const absolute of files) {
    const read = await readRegularFile(absolute, MAX_STORY_CHARS * 4);
    const reason = read.ok ? unreadableReason(read.text) : read.problem;
    if (!read.ok || reason) {
      report(absolute, `skipped, ${reason}`);
      continue;
    }
    const file = path.relative(io.cwd, absolute).split(path.sep).join('/') || absolute;
    const { story, findings } = lintText(read.text, config);
    stories.push({ file, story, profile: profileStory(file, story, findings, practice) });
  }
  if (stories.length === 0 && !unreadable) io.err('star-coach: no *.star.md stories found\n');
  return { config, stories, unreadable };
}

async function loadConfig(given: string | undefined, io: Io): Promise<ResolvedConfig | undefined> {
  const file = given ? path.resolve(io.cwd, given) : await findConfigFile(io.cwd, CONFIG_FILE_NAMES);
  if (!file) return DEFAULT_CONFIG;
  const read = await readRegularFile(file, MAX_CONFIG_CHARS * 4);
  const result = read.ok ? readConfigText(read.text, path.basename(file)) : { ok: false as const, message: `cannot read the config file ${file}: ${read.problem}` };
  if (result.ok) return result.config;
  io.err(`star-coach: ${printable(result.message)}\n`);
  return undefined;
}

/** JSON for the terminal, DEL and C1 controls escaped like the other commands' JSON. */
export function jsonOut(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
