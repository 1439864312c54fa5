import * as path from 'path';
import { parseArgs, type ParseArgsConfig } from 'util';
import { DEFAULT_CONFIG, MAX_CONFIG_CHARS, readConfigText, type ResolvedConfig } from '../core/config';
import { lintChunks, lintText, lintTexts, MAX_STORY_CHARS, MAX_STORY_FILE_BYTES, unreadableReason, type LintResult } from '../core/engine';
import { fixText } from '../core/fix';
import { ANSI_PAINT, NO_PAINT, printable, type Paint } from '../core/format/terminal';
import { findConfigFile } from '../core/lookup';
import { readRegularFile, readRegularFileSync, replaceFile } from '../node/fileAccess';
import type { LintCacheEntry } from '../core/lintCache';
import type { CacheFile } from './cacheFile';
import { closestLp, findLp, type Lp } from '../core/catalog';
import { findExclusions, findStoryFiles, NODE_LOOKUP_FS } from './files';
import type { Io } from './mock';

/*
 * How every command that reads a bank finds it: the config looked up from the current folder, the
 * stories walked once with files.exclude as the editor reads it, each read (and fixed) the same way.
 */

/**
 * The story files under `paths` (relative to `io.cwd`), walked with files.exclude from the nearest
 * .vscode/settings.json. Each path or file that cannot be used is said on `io.err`; `onUnreadable`
 * hears of it too (the command then exits 2). Never throws.
 */
export async function findBankFiles(paths: readonly string[], io: Io, onUnreadable: () => void): Promise<string[]> {
  const shown = (file: string) => printable(path.relative(io.cwd, file) || file);
  // files.exclude as the editor reads it; a settings file it cannot use is said, not fatal.
  const exclusions = await findExclusions(io.cwd, (file, problem) => io.err(`star-coach: ${shown(file)}: ${problem}\n`));
  return findStoryFiles(
    paths.map((p) => path.resolve(io.cwd, p)),
    (file, problem) => {
      io.err(`star-coach: ${shown(file)}: ${problem}\n`);
      onUnreadable();
    },
    io.fileSystem,
    exclusions,
  );
}

/** Story files read at once: enough to keep the disk busy, few enough to stay far from the open-files limit. */
export const READ_AT_ONCE = 16;

export interface CheckedStory {
  /** What to say on stderr about this file, without the `star-coach: ` prefix. */
  messages: string[];
  unreadable: boolean;
  /** Undefined when the story was skipped or its results came from the lint cache. */
  result?: LintResult;
  /** What the lint cache kept of this story, when its text has not changed since. */
  cached?: Pick<LintCacheEntry, 'summary' | 'findings'>;
}

/** Reads, lints and (with `fix`) fixes and writes back one story file. Never throws. */
export async function readStory(file: string, shown: (file: string) => string, config: ResolvedConfig, fix: boolean): Promise<CheckedStory> {
  const read = readStoryText(file, shown);
  if (!('text' in read)) return read;
  const result = lintText(read.text, config);
  if (!fix) return { messages: [], unreadable: false, result };
  const fixed = fixText(read.text, config);
  if (fixed.fixesApplied === 0) return { messages: [], unreadable: false, result };
  const written = await replaceFile(file, fixed.text);
  if (written !== true) return { messages: [`${shown(file)}: not fixed, it could not be written (${written})`], unreadable: true, result };
  const applied = `${fixed.fixesApplied} ${fixed.fixesApplied === 1 ? 'fix' : 'fixes'} applied`;
  return { messages: [`${shown(file)}: ${applied}`], unreadable: false, result: { story: lintText(fixed.text, config).story, findings: fixed.findings } };
}

/**
 * Reads and lints story files (no fixing), in the files' order: `readStory` of each, with the
 * stories linted a chunk at a time, rule by rule (see `lintTexts`); a story the `cache` knows by
 * its text is not linted again. Never throws.
 */
export function lintStoryFiles(files: readonly string[], shown: (file: string) => string, config: ResolvedConfig, cache?: Pick<CacheFile, 'lookup'>): CheckedStory[] {
  const stories = new Array<CheckedStory>(files.length);
  for (const chunk of lintChunks(files.keys())) {
    const texts: string[] = [];
    const at: number[] = [];
    for (const i of chunk) {
      const read = readStoryText(files[i], shown);
      const cached = 'text' in read ? cache?.lookup(files[i], read.text) : undefined;
      if (cached) stories[i] = { messages: [], unreadable: false, cached };
      else if ('text' in read) {
        texts.push(read.text);
        at.push(i);
      } else stories[i] = read;
    }
    lintTexts(texts, config).forEach((result, k) => (stories[at[k]] = { messages: [], unreadable: false, result }));
  }
  return stories;
}

/** A story file's text, or what to say about a file that cannot be a story. Never throws. */
function readStoryText(file: string, shown: (file: string) => string): { text: string } | { messages: string[]; unreadable: boolean } {
  const read = readRegularFileSync(file, MAX_STORY_FILE_BYTES);
  if (!read.ok) {
    if (read.code === 'ENOENT') return { messages: [`${shown(file)}: deleted while reading, skipped`], unreadable: false };
    return { messages: [`${shown(file)}: ${readFailure(read)}`], unreadable: true };
  }
  const reason = unreadableReason(read.text);
  if (reason) return { messages: [`${shown(file)}: skipped, ${reason}`], unreadable: true };
  return { text: read.text };
}

/** `work` over every item, at most `limit` at a time; the results in the items' order. */
export async function mapBounded<Item, Result>(items: readonly Item[], limit: number, work: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Why a story file was not read, in the words of the engine's own size message. */
function readFailure(read: { code: string; problem: string }): string {
  if (read.code === 'ETOOBIG') return `skipped, ${read.problem} to be a story (the limit is ${MAX_STORY_CHARS / 1024 / 1024} MB)`;
  if (read.code === 'ENOTREG') return `skipped, ${read.problem}`;
  return `cannot be read (${read.problem})`;
}

/**
 * The config given with --config, or found from the current folder upward; DEFAULT_CONFIG when
 * there is none; undefined, said on `io.err`, when it cannot be used. Never throws.
 */
export async function loadConfig(given: string | undefined, io: Io): Promise<ResolvedConfig | undefined> {
  const file = given ? path.resolve(io.cwd, given) : await findConfigFile(NODE_LOOKUP_FS, path.resolve(io.cwd));
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
export function jsonText(value: unknown): string {
  return withoutC1(`${JSON.stringify(value, null, 2)}\n`);
}

/** JSON text with DEL and C1 controls as \\u escapes (they only occur inside strings, where that is the same value). */
export function withoutC1(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/** A mistake in the command line: said with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * The LP an `--lp` option names, by its name, an alias or its id (as `findLp` reads them).
 * Throws `UsageError` for an empty value, and for a name no LP has, with the closest one when it is
 * close enough to be a slip.
 */
export function lpOption(name: string): Lp {
  if (name.trim() === '') throw new UsageError('--lp needs a value');
  const lp = findLp(name);
  if (!lp) {
    // A name nothing like any LP gets the list, not a guess ("nonsense" is not "Invent and Simplify").
    const closest = closestLp(name);
    throw new UsageError(`--lp: no Leadership Principle is called "${name}"${closest.confident ? `; the closest is "${closest.lp.name}"` : ': star-coach catalog lists the 16'}`);
  }
  return lp;
}

/**
 * `argv` as node:util's `parseArgs` reads it (strict, so an unknown option or a value where none
 * goes is refused, positionals allowed), with its mistakes said in the CLI's own words, an option
 * named by its long name. Throws `UsageError`.
 */
export function parseStrict(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const named = /'([^']+)'/.exec(message)?.[1] ?? '';
    // Said by its long name ("-f" is --format), the one the usage lists.
    const short = Object.entries(options).find(([, spec]) => spec.short !== undefined && `-${spec.short}` === named)?.[0];
    const flag = /--[\w-]+/.exec(named)?.[0] ?? (short ? `--${short}` : named);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option "${named}" (a path that starts with "-" goes after "--")`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/does not take an argument/.test(message)) throw new UsageError(`${flag} takes no value`);
      if (/ambiguous/.test(message)) throw new UsageError(`${flag} needs a value; write ${flag}=<value> for a value that starts with "-"`);
      throw new UsageError(`${flag} needs a value`);
    }
    throw new UsageError(message.split('\n')[0]);
  }
}

/** Colours on a terminal, unless `--no-color` (`color` false) or NO_COLOR says otherwise. */
export function paintFor(io: Io, color: boolean): Paint {
  return color && io.isTty && !process.env.NO_COLOR ? ANSI_PAINT : NO_PAINT;
}
