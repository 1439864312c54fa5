import { CONFIG_FILE_NAMES } from './config';

/** The file-system calls a lookup makes, for any kind of place (a path, a URI). */
export interface LookupFs<Place> {
  child(folder: Place, name: string): Place;
  /** The folder holding `place`, or undefined at the top (the lookup stops there). */
  parent(place: Place): Place | undefined;
  /** Whether a regular file is there (links followed); false when nothing is, never throws. */
  isFile(place: Place): Promise<boolean>;
}

/**
 * The first file named one of `names` (in that order of preference) in `from` or the nearest
 * folder above it that has one, or undefined when none up to the top has.
 */
export async function findUpward<Place>(fs: LookupFs<Place>, from: Place, names: readonly string[]): Promise<Place | undefined> {
  for (let folder: Place | undefined = from; folder !== undefined; folder = fs.parent(folder)) {
    for (const name of names) {
      const candidate = fs.child(folder, name);
      if (await fs.isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The config file that applies to stories in `folder`: `.starcoach.yaml`, `.yml` or `.json`, in
 * the folder or the nearest one above it. The CLI starts from the current folder, the editor from
 * each workspace folder; both use this one lookup.
 */
export function findConfigFile<Place>(fs: LookupFs<Place>, folder: Place): Promise<Place | undefined> {
  return findUpward(fs, folder, CONFIG_FILE_NAMES);
}
