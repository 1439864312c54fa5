import { promises as fs } from 'fs';
import * as path from 'path';
import type { ResolvedConfig } from '../core/config';
import type { StorySummary } from '../core/coverage';
import { printable } from '../core/format/terminal';
import { isLintCacheText, LintCache, lintCacheFingerprint, type LintCacheEntry } from '../core/lintCache';
import type { Finding } from '../core/types';
import { fsProblem, readRegularFile, replaceFile } from '../node/fileAccess';
import { buildHash, sha1 } from '../node/hash';
import type { Io } from './mock';

/** Where `--cache` keeps its file unless `--cache-location` says otherwise, from the current folder: beside the practice log. */
export const DEFAULT_CACHE_LOCATION = path.join('.star-coach', 'lint-cache.json');

/** A cache file larger than this is not read (ten thousand stories take about 10 MB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;


/** The lint cache of one `star-coach` run, tied to its file: each story's text hashed once, looked up, then kept. */
export class CacheFile {
  private readonly hashes = new Map<string, string>();

  private constructor(
    private readonly cache: LintCache,
    /** The cache file's absolute path. */
    readonly location: string,
  ) {}

  /**
   * The cache at `location` (absolute) for linting under `config`. A missing file is an empty
   * cache, and so is a damaged cache (said on `io.err`: it is rebuilt). Undefined, said on
   * `io.err`, when the file is there but is no lint cache (a story, the practice log, a folder) or
   * cannot be read: it is never overwritten. Never throws.
   */
  static async open(location: string, config: ResolvedConfig, io: Io): Promise<CacheFile | undefined> {
    const fingerprint = lintCacheFingerprint(buildHash([__filename]), { '': config }, new Date().getFullYear());
    const read = await readRegularFile(location, MAX_CACHE_BYTES);
    if (!read.ok) {
      if (read.code === 'ENOENT') return new CacheFile(LintCache.empty(fingerprint), location);
      io.err(`star-coach: the cache ${shownPath(location, io)} cannot be read (${read.problem}); name another file with --cache-location\n`);
      return undefined;
    }
    if (!isLintCacheText(read.text)) {
      io.err(`star-coach: ${shownPath(location, io)} is not a lint cache, so --cache will not overwrite it; name a new file with --cache-location\n`);
      return undefined;
    }
    const { cache, problem } = LintCache.fromText(read.text, fingerprint, sha1);
    if (problem) io.err(`star-coach: the cache ${shownPath(location, io)}: ${problem}\n`);
    return new CacheFile(cache, location);
  }

  /** The last run's summary (without its id) and findings for this file and text, if the cache kept them. */
  lookup(file: string, text: string): Pick<LintCacheEntry, 'summary' | 'findings'> | undefined {
    const textHash = sha1(text);
    this.hashes.set(file, textHash);
    return this.cache.lookup(file, textHash);
  }

  /** Keeps this run's result for a file whose text `lookup` saw. */
  store(file: string, summary: StorySummary, findings: readonly Finding[]): void {
    const textHash = this.hashes.get(file);
    if (textHash !== undefined) this.cache.store(file, textHash, summary, findings);
  }

  /**
   * Writes the cache for the next run, unless it would hold what it holds: this run's results,
   * and the earlier ones of files outside `roots` (the absolute paths this run walked). A failure
   * is said on `io.err`; it does not change the run's exit code. Never throws.
   */
  async save(roots: readonly string[], io: Io): Promise<void> {
    const outside = (file: string) => !roots.some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`));
    // A bank with no change since the last run: the file already says all of it.
    if (this.cache.unchanged(outside)) return;
    const folder = path.dirname(this.location);
    const made = await fs.mkdir(folder, { recursive: true }).then(() => true as const, fsProblem);
    const written = made === true ? await replaceFile(this.location, this.cache.toText(outside, sha1)) : made;
    if (written !== true) io.err(`star-coach: the cache ${shownPath(this.location, io)} could not be written (${written}); the findings above are complete\n`);
  }
}

function shownPath(file: string, io: Io): string {
  return printable(path.relative(io.cwd, file) || file);
}
