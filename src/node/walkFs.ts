import { promises as fs, type Dirent } from 'fs';
import * as path from 'path';
import type { Listed, WalkFs } from '../core/walk';
import { kindOf } from './fileAccess';

/** A folder's entries with links followed (see `Listed`); throws Node's errors when it cannot be listed. */
export async function listNodeFolder(folder: string): Promise<Listed[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  return Promise.all(entries.map((entry) => listedEntry(folder, entry)));
}

async function listedEntry(folder: string, entry: Dirent): Promise<Listed> {
  if (entry.isDirectory()) return { name: entry.name, kind: 'folder', link: false };
  if (entry.isFile()) return { name: entry.name, kind: 'file', link: false };
  if (!entry.isSymbolicLink()) return { name: entry.name, kind: 'other', link: false, what: kindOf(entry) };
  try {
    const target = await fs.stat(path.join(folder, entry.name));
    if (target.isDirectory()) return { name: entry.name, kind: 'folder', link: true };
    if (target.isFile()) return { name: entry.name, kind: 'file', link: true };
    return { name: entry.name, kind: 'other', link: true, what: `a link to ${kindOf(target)}` };
  } catch (error) {
    const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
    return { name: entry.name, kind: 'other', link: true, what: loop ? 'a loop of symbolic links' : 'a link to nothing' };
  }
}

/** The walk's file system on Node: paths, links resolved with `realpath`. */
export const NODE_WALK_FS: WalkFs<string> = {
  list: listNodeFolder,
  child: (folder, name) => path.join(folder, name),
  realPath: (place) => fs.realpath(place),
};
