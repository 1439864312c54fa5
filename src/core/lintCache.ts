import type { ResolvedConfig } from './config';
import type { StorySummary } from './coverage';
import { SEVERITIES, type Finding, type Position } from './types';

/*
 * The lint cache: what linting each story file gave, kept from one run to the next and used again
 * while the file's text is the same, as ESLint's --cache does (`star-coach lint --cache`, and the
 * editor's story threads from one window to the next). A cache made by another build of STAR
 * Coach, or under other settings, holds nothing.
 */

/** The cache file's shape; a file of another shape is started afresh. */
export const LINT_CACHE_FORMAT = 1;

/** What the cache keeps of one story file. */
export interface LintCacheEntry {
  /** A hash of the file's whole text (the caller's hash function: SHA-1 in the CLI and the editor). */
  textHash: string;
  /** The story's counts and check, as the coverage index keeps them, without its id (the file's name as shown). */
  summary: Omit<StorySummary, 'id'>;
  /**
   * Its findings, without their fixes: `--fix` reads every story afresh, and the editor offers
   * fixes from the open document's own lint.
   */
  findings: Finding[];
}

/**
 * What the cached results depend on besides each file's text: the cache's format, the build of
 * STAR Coach that linted (`buildId`: any string that changes with its code, such as a hash of its
 * bundle), every setting of each config in `configs` (by workspace folder, or `{ '': config }`
 * for one) and the current year (`stale-story` counts a story's age from it). Entries are used
 * only under the same fingerprint.
 */
export function lintCacheFingerprint(buildId: string, configs: Readonly<Record<string, ResolvedConfig>>, currentYear: number): string {
  const byName = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const settings = Object.entries(configs)
    .sort(byName)
    .map(([folder, config]) => [folder, { ...config, rules: [...config.rules].sort(byName) }]);
  return `${LINT_CACHE_FORMAT} ${buildId} ${currentYear} ${JSON.stringify(settings)}`;
}

/**
 * Whether a file's text is a lint cache, whole or damaged (its first line is a cache's header):
 * only such a file may be replaced by a cache. Never throws.
 */
export function isLintCacheText(text: string): boolean {
  const newline = text.indexOf('\n');
  try {
    const header: unknown = JSON.parse(newline < 0 ? text : text.slice(0, newline));
    return typeof header === 'object' && header !== null && typeof (header as { format?: unknown }).format === 'number' && typeof (header as { fingerprint?: unknown }).fingerprint === 'string';
  } catch {
    return false;
  }
}

/**
 * The lint results of one run, and those of the last run (read from the cache file's text) that it
 * may use again. Files are named by absolute path. Pure: the caller reads, hashes and writes.
 */
export class LintCache {
  /** Entries stored or used again in this run, by file. */
  private readonly fresh = new Map<string, LintCacheEntry>();
  /** Whether this run stored an entry (or took one from another cache). */
  private stored = false;

  private constructor(
    readonly fingerprint: string,
    /** The last run's entries, by file. */
    private readonly earlier: ReadonlyMap<string, LintCacheEntry>,
  ) {}

  /** A cache with nothing in it yet. */
  static empty(fingerprint: string): LintCache {
    return new LintCache(fingerprint, new Map());
  }

  /**
   * The cache kept in a cache file's `text` (see `toText`): empty when it was made under another
   * fingerprint; empty, with `problem` saying why, when the text is not a whole lint cache of this
   * format (damaged, cut short, or edited by hand: its entries no longer hash to its checksum).
   * `hash` is the one `toText` was given. Never throws.
   */
  static fromText(text: string, fingerprint: string, hash: (text: string) => string): { cache: LintCache; problem?: string } {
    const damaged = { cache: LintCache.empty(fingerprint), problem: 'it is damaged or was edited, so every story is linted afresh' };
    const newline = text.indexOf('\n');
    if (newline < 0) return damaged;
    let header: unknown;
    try {
      header = JSON.parse(text.slice(0, newline));
    } catch {
      return damaged;
    }
    const { format, fingerprint: madeUnder, checksum } = (header ?? {}) as Record<string, unknown>;
    // Another format, build or settings: nothing in it applies, and that is no problem.
    if (format !== LINT_CACHE_FORMAT || madeUnder !== fingerprint) return { cache: LintCache.empty(fingerprint) };
    const entriesText = text.slice(newline + 1);
    // Written by this very build (the fingerprint says so) and whole (the checksum says so): its entries need no other check.
    if (hash(entriesText) !== checksum) return damaged;
    try {
      return { cache: new LintCache(fingerprint, new Map(Object.entries(JSON.parse(entriesText) as Record<string, LintCacheEntry>))) };
    } catch {
      return damaged;
    }
  }

  /** The last run's results for `file` when its text still has `textHash` (and keeps them for the next run). */
  lookup(file: string, textHash: string): Pick<LintCacheEntry, 'summary' | 'findings'> | undefined {
    const entry = this.earlier.get(file);
    if (!entry || entry.textHash !== textHash || !isEntryShaped(entry)) return undefined;
    this.fresh.set(file, entry);
    return { summary: entry.summary, findings: entry.findings };
  }

  /**
   * Whether `toText(keepEarlier)` would write what the file already holds: nothing was stored in
   * this run, and every earlier entry is either used again or kept.
   */
  unchanged(keepEarlier: (file: string) => boolean): boolean {
    if (this.stored) return false;
    for (const file of this.earlier.keys()) if (!this.fresh.has(file) && !keepEarlier(file)) return false;
    return true;
  }

  /** Keeps this run's results for `file`, whose text has `textHash`. */
  store(file: string, textHash: string, summary: StorySummary, findings: readonly Finding[]): void {
    this.stored = true;
    this.fresh.set(file, { textHash, summary: withoutId(summary), findings: findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range, fixes: [] })) });
  }

  /** Takes as this run's the entries `other` stored or used: another thread's, to write both at once. */
  adopt(other: LintCache): void {
    for (const [file, entry] of other.fresh) this.fresh.set(file, entry);
    this.stored ||= other.fresh.size > 0;
  }

  /**
   * The cache file's text for the next run: this run's entries, and those of the last run that
   * `keepEarlier(file)` keeps (the CLI keeps files outside the paths it walked; the editor, files
   * that still exist). Two lines: a header (format, fingerprint and the checksum of the second
   * line by `hash`), then the entries as one JSON object, by file.
   */
  toText(keepEarlier: (file: string) => boolean, hash: (text: string) => string): string {
    const entries: Record<string, LintCacheEntry> = {};
    for (const [file, entry] of this.earlier) if (!this.fresh.has(file) && keepEarlier(file)) entries[file] = entry;
    for (const [file, entry] of this.fresh) entries[file] = entry;
    const entriesText = JSON.stringify(entries);
    return `${JSON.stringify({ format: LINT_CACHE_FORMAT, fingerprint: this.fingerprint, checksum: hash(entriesText) })}\n${entriesText}`;
  }
}

/** A summary without its id, which names the file as one run showed it. */
function withoutId(summary: StorySummary): Omit<StorySummary, 'id'> {
  const kept: Partial<StorySummary> = { ...summary };
  delete kept.id;
  return kept as Omit<StorySummary, 'id'>;
}

/**
 * Whether an entry has the fields its users read, of the right types. The checksum proves a file
 * whole, not written by STAR Coach: an entry made by hand is linted afresh rather than trusted.
 */
function isEntryShaped(entry: LintCacheEntry): boolean {
  const { summary, findings } = entry as Partial<LintCacheEntry>;
  const isCount = (n: unknown) => typeof n === 'number' && n >= 0;
  const isPosition = (p: unknown) => typeof p === 'object' && p !== null && isCount((p as Position).line) && isCount((p as Position).character);
  return (
    typeof summary === 'object' &&
    summary !== null &&
    typeof summary.title === 'string' &&
    Array.isArray(summary.lpIds) &&
    summary.lpIds.every((id) => typeof id === 'string') &&
    (summary.check === undefined || (typeof summary.check === 'object' && summary.check !== null && typeof summary.check.problems === 'object' && summary.check.problems !== null)) &&
    Array.isArray(findings) &&
    findings.every((f) => typeof f === 'object' && f !== null && typeof f.ruleId === 'string' && typeof f.message === 'string' && SEVERITIES.includes(f.severity) && typeof f.range === 'object' && f.range !== null && isPosition(f.range.start) && isPosition(f.range.end) && Array.isArray(f.fixes))
  );
}
