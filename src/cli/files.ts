import { promises as fs } from 'fs';
import * as path from 'path';
import { isStoryName } from '../core/walk';

/** Story files under the given paths: folders recurse, skipping node_modules and dot-folders. */
export async function findStoryFiles(paths: readonly string[], onMissing: (p: string) => void): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch {
      onMissing(given);
      continue;
    }
    if (stat.isDirectory()) await walk(given, found);
    else found.add(given);
  }
  return [...found].sort();
}

async function walk(dir: string, into: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // removed or unreadable while we scanned: nothing to lint there
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(full, into);
    } else if (entry.isFile() && isStoryName(entry.name)) {
      into.add(full);
    }
  }
}

/** Looks for .starcoach.yaml/.yml/.json from the folder upward. */
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
