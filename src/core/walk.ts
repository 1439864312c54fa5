import type { PathMatcher } from './glob';

/** One entry of a folder listing, whatever the file system. */
export interface Listed {
  name: string;
  kind: 'file' | 'folder' | 'other';
  /** A symbolic link (to a file or a folder, as `kind` says). */
  link: boolean;
}

export interface WalkOptions<Place> {
  /** Lists a folder; a folder that cannot be listed (gone, no permission) throws and is skipped. */
  list(folder: Place): Promise<Listed[]>;
  child(folder: Place, name: string): Place;
  /** Paths relative to the walk's root folder (files.exclude and node_modules). */
  excluded: PathMatcher;
  found(story: Place): void;
  cancelled?(): boolean;
  /** Folders listed at once. */
  concurrency?: number;
}

const STORY_SUFFIX = '.star.md';
const YIELD_EVERY = 1000;

export function isStoryName(name: string): boolean {
  return name.toLowerCase().endsWith(STORY_SUFFIX);
}

/**
 * Finds every story under `root`, calling `found` as each folder is listed. `rootPath` is the
 * root's own path relative to the top of the workspace folder ('' for the folder itself), so that
 * exclusions match from there. A link to a folder is followed, but not links found inside it, so
 * a loop of links cannot trap the walk.
 */
export async function walkStories<Place>(root: Place, rootPath: string, options: WalkOptions<Place>): Promise<void> {
  const { list, child, excluded, found, cancelled = () => false, concurrency = 8 } = options;
  const queue: Array<{ place: Place; path: string; viaLink: boolean }> = [{ place: root, path: rootPath, viaLink: false }];
  let active = 0;
  const waiting: Array<() => void> = [];
  const lister = async (): Promise<void> => {
    for (;;) {
      const next = queue.pop();
      if (!next) {
        // Others may still add folders: wait for them, or stop when nobody is listing.
        if (active === 0 || cancelled()) return;
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      if (cancelled()) return;
      active++;
      try {
        const entries = await list(next.place);
        for (let i = 0; i < entries.length; i++) {
          // A folder of thousands of stories: give the thread back now and then.
          if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
          const entry = entries[i];
          const path = next.path ? `${next.path}/${entry.name}` : entry.name;
          if (entry.kind === 'folder') {
            if ((entry.link && next.viaLink) || excluded(path)) continue;
            queue.push({ place: child(next.place, entry.name), path, viaLink: next.viaLink || entry.link });
          } else if (entry.kind === 'file' && isStoryName(entry.name) && !excluded(path)) {
            found(child(next.place, entry.name));
          }
        }
      } catch {
        // Gone or unreadable since its parent was listed: nothing to find there.
      } finally {
        active--;
        for (const resume of waiting.splice(0)) resume();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lister));
}
