import type { PathMatcher } from './glob';

/** One entry of a folder listing, whatever the file system. */
export interface Listed {
  name: string;
  /** What the entry is, links followed: a link to a folder is a folder. */
  kind: 'file' | 'folder' | 'other';
  /** A symbolic link (to a file or a folder, as `kind` says). */
  link: boolean;
  /** For `other`: what it is, in words ("a named pipe", "a link to nothing"). */
  what?: string;
}

/**
 * The file-system calls the walk makes, for any kind of place (a path, a URI): Node's file system
 * in the CLI and the editor's local folders, `workspace.fs` elsewhere, a fake in tests.
 */
export interface WalkFs<Place> {
  /** Lists a folder, links followed for `kind`; throws when it cannot (gone, no permission). */
  list(folder: Place): Promise<Listed[]>;
  child(folder: Place, name: string): Place;
  /**
   * The place's path with every link resolved (Node's `realpath`); throws when it cannot be
   * resolved. Absent where links cannot be resolved: then a link to a folder is followed, but no
   * link found inside it, so a loop still ends, and stories reached twice cannot be told apart.
   */
  realPath?(place: Place): Promise<string>;
}

/** Real paths already walked, shared by the walks of one scan so that a story counts once across them. */
export interface WalkSeen {
  folders: Set<string>;
  stories: Set<string>;
}

export function newWalkSeen(): WalkSeen {
  return { folders: new Set(), stories: new Set() };
}

export interface WalkOptions<Place> extends WalkFs<Place> {
  /** Paths relative to the walk's root folder (files.exclude and node_modules). */
  excluded: PathMatcher;
  found(story: Place): void;
  cancelled?(): boolean;
  /** Folders listed at once. */
  concurrency?: number;
  /** What earlier walks of the same scan reached; a new set when absent. */
  seen?: WalkSeen;
  /** A folder that could not be listed (`root` true for the walk's own root), with the error thrown. */
  unlistable?(folder: Place, error: unknown, root: boolean): void;
  /** An entry with a story's name that is neither a file nor a folder (a named pipe, a dangling link). */
  skipped?(place: Place, entry: Listed): void;
}

const STORY_SUFFIX = '.star.md';
const YIELD_EVERY = 1000;

export function isStoryName(name: string): boolean {
  return name.toLowerCase().endsWith(STORY_SUFFIX);
}

interface Visit<Place> {
  place: Place;
  /** Relative to the top of the workspace folder, through links as named. */
  path: string;
  /** With links resolved; undefined when the file system cannot resolve links. */
  real: string | undefined;
  viaLink: boolean;
}

/**
 * Finds every story under `root`, calling `found` as each folder is listed. `rootPath` is the
 * root's own path relative to the top of the workspace folder ('' for the folder itself), so that
 * exclusions match from there. Links are followed once: everything reached without a link is
 * walked first, then each link is resolved to its real path, and a folder or story already reached
 * (here or in an earlier walk sharing `seen`) is passed over, so a loop of links ends and a story
 * reached twice counts once, under the path that has no link in it when there is one. Without
 * `realPath`, a link inside a linked folder is not followed. Never throws for the file system's
 * sake: what cannot be listed or used goes to `unlistable` and `skipped`.
 */
export async function walkStories<Place>(root: Place, rootPath: string, options: WalkOptions<Place>): Promise<void> {
  const { list, child, realPath, excluded, found, cancelled = () => false, concurrency = 8, seen = newWalkSeen(), unlistable, skipped } = options;
  const resolve = async (place: Place): Promise<string | undefined> => {
    try {
      return realPath ? await realPath(place) : undefined;
    } catch {
      return undefined;
    }
  };
  const rootReal = realPath ? await resolve(root) : undefined;
  // A root that cannot be resolved is listed anyway, so that its listing error is the one reported.
  if (rootReal !== undefined && seen.folders.has(rootReal)) return;
  if (rootReal !== undefined) seen.folders.add(rootReal);
  const queue: Array<Visit<Place>> = [{ place: root, path: rootPath, real: rootReal, viaLink: false }];
  const links: Array<Visit<Place> & { entry: Listed }> = [];
  const story = (place: Place, real: string | undefined) => {
    if (real !== undefined) {
      if (seen.stories.has(real)) return;
      seen.stories.add(real);
    }
    found(place);
  };
  // Real paths as the file system writes them: Windows' realpath gives backslashes.
  const join = (real: string | undefined, name: string) => {
    if (real === undefined) return undefined;
    const separator = real.includes('\\') && !real.includes('/') ? '\\' : '/';
    return `${real.endsWith(separator) ? real.slice(0, -1) : real}${separator}${name}`;
  };

  let active = 0;
  const waiting: Array<() => void> = [];
  const lister = async (): Promise<void> => {
    for (;;) {
      const next = queue.pop();
      if (!next) {
        // Others may still add folders: wait for them, or stop when nobody is listing.
        if (active === 0 || cancelled()) return;
        await new Promise<void>((wake) => waiting.push(wake));
        continue;
      }
      if (cancelled()) return;
      active++;
      try {
        const entries = await list(next.place);
        for (let i = 0; i < entries.length; i++) {
          // A folder of thousands of stories: give the thread back now and then.
          if (i > 0 && i % YIELD_EVERY === 0) await new Promise((wake) => setTimeout(wake, 0));
          const entry = entries[i];
          const path = next.path ? `${next.path}/${entry.name}` : entry.name;
          const place = child(next.place, entry.name);
          if (entry.kind === 'folder') {
            if (excluded(path)) continue;
            if (entry.link) {
              if (realPath || !next.viaLink) links.push({ place, path, real: undefined, viaLink: true, entry });
              continue;
            }
            const real = join(next.real, entry.name);
            if (real !== undefined) {
              if (seen.folders.has(real)) continue;
              seen.folders.add(real);
            }
            queue.push({ place, path, real, viaLink: next.viaLink });
          } else if (isStoryName(entry.name) && !excluded(path)) {
            if (entry.kind === 'other') skipped?.(place, entry);
            else if (entry.link) links.push({ place, path, real: undefined, viaLink: true, entry });
            else story(place, join(next.real, entry.name));
          }
        }
      } catch (error) {
        unlistable?.(next.place, error, next.place === root);
      } finally {
        active--;
        for (const wake of waiting.splice(0)) wake();
      }
    }
  };
  for (;;) {
    await Promise.all(Array.from({ length: concurrency }, lister));
    if (links.length === 0 || cancelled()) return;
    // Every place reachable without a link is known now: each link adds only what is new.
    for (const link of links.splice(0)) {
      const real = await resolve(link.place);
      if (realPath && real === undefined) continue; // gone, or a loop, since it was listed
      if (link.entry.kind === 'file') story(link.place, real);
      else if (real === undefined || !seen.folders.has(real)) {
        if (real !== undefined) seen.folders.add(real);
        queue.push({ ...link, real });
      }
    }
  }
}
