import { promises as fs, type Dirent, type Stats } from 'fs';
import * as path from 'path';
import { isStoryName } from '../core/walk';
import { fsCode, fsProblem, kindOf } from '../node/fileAccess';

/** The file-system calls the story search makes: Node's by default; tests pass a fake to play a folder that cannot be listed. */
export interface FinderFs {
  /** Follows links, like `fs.stat`; throws Node's errors (ENOENT, ELOOP, EACCES...). */
  stat(file: string): Promise<Stats>;
  /** The entries of a folder, like `fs.readdir(dir, { withFileTypes: true })`; throws Node's errors. */
  list(dir: string): Promise<Dirent[]>;
}

export const NODE_FS: FinderFs = { stat: (file) => fs.stat(file), list: (dir) => fs.readdir(dir, { withFileTypes: true }) };

/** Called for each path the search could not use, with the reason in words ("permission denied (EACCES)"). */
export type ReportProblem = (file: string, problem: string) => void;

/**
 * Story files under the given absolute paths, sorted: folders recurse, skipping node_modules and
 * dot-folders and not following links inside them; a file given by name is taken whatever its name.
 * Everything that cannot be used is reported, never dropped in silence: a missing path, a link
 * loop, a folder that cannot be listed (given or found inside), a named pipe, socket or device.
 * Only a folder removed while the search runs is passed over quietly. Never throws.
 */
export async function findStoryFiles(paths: readonly string[], report: ReportProblem, fileSystem: FinderFs = NODE_FS): Promise<string[]> {
  const found = new Set<string>();
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
    if (stat.isDirectory()) await walk(given, true, found, report, fileSystem);
    else if (stat.isFile()) found.add(given);
    else report(given, `skipped, ${kindOf(stat)} is not a regular file`);
  }
  return [...found].sort();
}

async function walk(dir: string, given: boolean, into: Set<string>, report: ReportProblem, fileSystem: FinderFs): Promise<void> {
  let entries;
  try {
    entries = await fileSystem.list(dir);
  } catch (error) {
    // A folder found inside and gone by now was removed while we scanned: nothing to lint there.
    if (given || fsCode(error) !== 'ENOENT') report(dir, `this folder cannot be read: ${fsProblem(error)}`);
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(full, false, into, report, fileSystem);
    } else if (isStoryName(entry.name)) {
      if (entry.isFile()) into.add(full);
      else if (!entry.isSymbolicLink()) report(full, `skipped, ${kindOf(entry)} is not a regular file`);
    }
  }
}

/** Looks for .starcoach.yaml/.yml/.json from the folder upward; the first regular file found, or undefined. */
export async function findConfigFile(from: string, names: readonly string[]): Promise<string | undefined> {
  let dir = path.resolve(from);
  for (;;) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        if ((await fs.stat(candidate)).isFile()) return candidate;
      } catch {
        // not here: keep looking upward
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
