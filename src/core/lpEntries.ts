import { findLp, type Lp } from './catalog';
import type { LpEntry } from './parse/frontMatter';

export interface ResolvedLpEntry {
  /** The name as written (two flow entries joined when they form one name). */
  value: string;
  start: number;
  end: number;
  inFlowList: boolean;
  lp: Lp | undefined;
}

/**
 * Resolves the story's `lps` entries to LPs. "[Are Right, A Lot]" splits into two flow entries in
 * YAML; when neither half is an LP but the two together are, they count as one.
 */
export function resolveLpEntries(entries: readonly LpEntry[]): ResolvedLpEntry[] {
  let resolved = cache.get(entries);
  if (!resolved) cache.set(entries, (resolved = resolve(entries)));
  return resolved;
}

/** Several rules and the index ask for the same story's entries: resolve them once. */
const cache = new WeakMap<readonly LpEntry[], ResolvedLpEntry[]>();

function resolve(entries: readonly LpEntry[]): ResolvedLpEntry[] {
  const resolved: ResolvedLpEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const next = entries[i + 1];
    const lp = findLp(entry.value);
    if (!lp && next && entry.inFlowList) {
      const joined = `${entry.value}, ${next.value}`;
      const together = findLp(joined);
      if (together) {
        resolved.push({ value: joined, start: entry.start, end: next.end, inFlowList: true, lp: together });
        i++;
        continue;
      }
    }
    resolved.push({ ...entry, lp });
  }
  return resolved;
}
