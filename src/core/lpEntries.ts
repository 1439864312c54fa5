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

function resolve(written: readonly LpEntry[]): ResolvedLpEntry[] {
  // A plain loop and object literals: `flatMap` and a spread cost more than the lookups, and
  // every story pays this once.
  const entries: LpEntry[] = [];
  for (const entry of written) {
    const parts = commaSeparated(entry);
    for (const part of parts) entries.push(part);
  }
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
    resolved.push({ value: entry.value, start: entry.start, end: entry.end, inFlowList: entry.inFlowList, lp });
  }
  return resolved;
}

/**
 * `lps: Dive Deep, Deliver Results` (a list written without brackets, a common slip) is one YAML
 * string: read it as the names it lists, each at its own offsets, when it is not one name itself
 * and at least one part is an LP. Parts are then joined back as flow entries are ("Are Right, A Lot").
 */
function commaSeparated(entry: LpEntry): LpEntry[] {
  if (entry.inFlowList || !entry.value.includes(',') || findLp(entry.value)) return [entry];
  // Offsets of the parts are exact for a plain or simply quoted value; a block scalar is left whole.
  const rawLength = entry.end - entry.start;
  const quote = rawLength === entry.value.length + 2 ? 1 : rawLength === entry.value.length ? 0 : -1;
  if (quote === -1) return [entry];
  const parts: LpEntry[] = [];
  const source = entry.value;
  let at = quote;
  for (const piece of source.split(',')) {
    const name = piece.trim();
    const offset = at + piece.indexOf(name);
    at += piece.length + 1;
    if (name) parts.push({ value: name, start: entry.start + offset, end: entry.start + offset + name.length, inFlowList: true });
  }
  return parts.some((part) => findLp(part.value)) ? parts : [entry];
}
