import { promises as fs, type Stats } from 'fs';
import * as path from 'path';
import { globMatcher, type PathMatcher } from '../core/glob';
import { findUpward, type LookupFs } from '../core/lookup';
import { DEFAULT_FILES_EXCLUDE, excludePatterns, filesExcludeFromSettings } from '../core/filesExclude';
import { newWalkSeen, walkStories, type WalkFs } from '../core/walk';
import { fsCode, fsProblem, kindOf, readRegularFile } from '../node/fileAccess';
import { NODE_WALK_FS } from '../node/walkFs';

/** The file-system calls the story search makes: Node's by default; tests pass a fake to play a folder that cannot be listed. */
export interface FinderFs extends WalkFs<string> {
  /** Follows links, like `fs.stat`; throws Node's errors (ENOENT, ELOOP, EACCES...). */
  stat(file: string): Promise<Stats>;
}

export const NODE_FS: FinderFs = { ...NODE_WALK_FS, stat: (file) => fs.stat(file) };

/** Node's file system for upward lookups (config files, `.vscode/settings.json`). */
export const NODE_LOOKUP_FS: LookupFs<string> = {
  child: (folder, name) => path.join(folder, name),
  parent: (place) => (path.dirname(place) === place ? undefined : path.dirname(place)),
  isFile: async (place) => {
    try {
      return (await fs.stat(place)).isFile();
    } catch {
      return false;
    }
  },
};

/** Called for each path the search could not use, with the reason in words ("permission denied (EACCES)"). */
export type ReportProblem = (file: string, problem: string) => void;

/** What the walk skips: globs matched against paths relative to `base`, the workspace folder. */
export interface Exclusions {
  base: string;
  excluded: PathMatcher;
}

/** Only node_modules and VS Code's default `files.exclude`, from `base`. */
export function defaultExclusions(base: string): Exclusions {
  return { base, excluded: globMatcher(excludePatterns(DEFAULT_FILES_EXCLUDE)) };
}

/**
 * What the editor would skip for stories under `from`: the nearest `.vscode/settings.json` at or
 * above it gives the workspace folder and its `files.exclude` (over VS Code's defaults); without
 * one, the defaults from `from`. A settings file that cannot be read is reported and the defaults
 * apply.
 */
export async function findExclusions(from: string, report: ReportProblem): Promise<Exclusions> {
  const settings = await findUpward(NODE_LOOKUP_FS, path.resolve(from), [path.join('.vscode', 'settings.json')]);
  if (!settings) return defaultExclusions(path.resolve(from));
  const base = path.dirname(path.dirname(settings));
  const read = await readRegularFile(settings, 1024 * 1024);
  if (!read.ok) {
    report(settings, `cannot be read (${read.problem}), so only the default files.exclude applies`);
    return defaultExclusions(base);
  }
  const { setting, problem } = filesExcludeFromSettings(read.text);
  if (problem) report(settings, problem);
  return { base, excluded: globMatcher(excludePatterns(setting)) };
}

/**
 * Story files under the given absolute paths, sorted: folders recurse with the one story walk the
 * editor uses (skipping node_modules and what `files.exclude` excludes, following each link once,
 * a story reached twice taken once); a file given by name is taken whatever its name. Everything
 * that cannot be used is reported, never dropped in silence: a missing path, a link loop, a folder
 * that cannot be listed (given or found inside), a named pipe, socket or device, a link to
 * nothing. Only a folder removed while the search runs is passed over quietly. Never throws.
 */
export async function findStoryFiles(paths: readonly string[], report: ReportProblem, fileSystem: FinderFs = NODE_FS, exclusions?: Exclusions): Promise<string[]> {
  const found: string[] = [];
  const seen = newWalkSeen();
  for (const given of paths) {
    let stat;
    try {
      stat = await fileSystem.stat(given);
    } catch (error) {
      // A glob quoted on the command line (as Windows shells pass them) reaches us unexpanded.
      const glob = fsCode(error) === 'ENOENT' && /[*?[]/.test(path.basename(given)) ? '; patterns such as *.star.md are not expanded here: let your shell expand them, or name the folder' : '';
      report(given, `${fsProblem(error)}${glob}`);
      continue;
    }
    if (stat.isDirectory()) {
      const { base, excluded } = exclusions ?? defaultExclusions(given);
      const relative = path.relative(base, given).split(path.sep).join('/');
      await walkStories(given, relative.startsWith('..') || path.isAbsolute(relative) ? '' : relative, {
        ...fileSystem,
        excluded,
        seen,
        found: (story) => found.push(story),
        unlistable: (folder, error, root) => {
          // A folder found inside and gone by now was removed while we scanned: nothing to lint there.
          if (root || fsCode(error) !== 'ENOENT') report(folder, `this folder cannot be read: ${fsProblem(error)}`);
        },
        skipped: (place, entry) => report(place, `skipped, ${entry.what ?? 'it'} is not a regular file`),
      });
    } else if (stat.isFile()) {
      // A story named twice, or named and reached in a folder, is read once.
      const real = await fileSystem.realPath?.(given).catch(() => given) ?? given;
      if (!seen.stories.has(real)) {
        seen.stories.add(real);
        found.push(given);
      }
    } else report(given, `skipped, ${kindOf(stat)} is not a regular file`);
  }
  return found.sort();
}
