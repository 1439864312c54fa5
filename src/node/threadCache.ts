import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { threadId } from 'worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { StorySummary } from '../core/coverage';
import { LintCache, lintCacheFingerprint } from '../core/lintCache';
import type { Checked } from '../core/scan';
import { readRegularFileSync } from './fileAccess';
import { sha1 } from './hash';

/** A cache file larger than this is not read (ten thousand stories take about 10 MB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * The story threads' lint cache on disk: one file per workspace (in the editor's storage for it),
 * shared by the threads of each window that opens the workspace, so that a story checked in one
 * window is not checked again in the next while its text is the same. Each thread reads the file
 * at its first check and, once it is idle, writes back what it checked, merged with what the
 * other threads wrote meanwhile. Every failure to read or write only costs checks done again:
 * it is never said, and never thrown.
 */
export class StoryThreadCache {
  private cache: LintCache | undefined;
  private configs: Readonly<Record<string, ResolvedConfig>> | undefined;
  private fingerprint: { configs: Readonly<Record<string, ResolvedConfig>>; year: number; text: string } | undefined;
  private stored = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `file`: the cache file's path; `buildId`: a string that changes with the rules' code (a hash of
   * the bundles that hold them); `saveDelayMs`: the quiet time after a scan before writing (each
   * thread its own, so that they seldom write at once).
   */
  constructor(
    private readonly file: string,
    private readonly buildId: string,
    private readonly saveDelayMs: number,
  ) {}

  /** The settings of every workspace folder, by id: a cache made under others holds nothing. */
  configure(configs: Readonly<Record<string, ResolvedConfig>>): void {
    this.configs = configs;
  }

  /** The check kept for the story at `path` when its text still hashes to `textHash` (its digest is the caller's to add: it has the text). */
  lookup(path: string, textHash: string): Omit<Checked, 'digest'> | undefined {
    const kept = this.current()?.lookup(path, textHash);
    return kept?.summary.check ? { check: kept.summary.check, findings: kept.findings } : undefined;
  }

  /** Keeps a story's check for the next window: its counts (`summary`) and what checking it gave. */
  store(path: string, textHash: string, summary: StorySummary, { check, findings }: Checked): void {
    const cache = this.current();
    if (!cache) return;
    cache.store(path, textHash, { ...summary, check }, findings);
    this.stored = true;
  }

  /**
   * The cache under the latest settings and this year (a window open across New Year: stale-story
   * counts ages from it), read from the file at the first check that needs it, after the scan's
   * counts: reading ten thousand entries takes a while.
   */
  private current(): LintCache | undefined {
    if (!this.configs) return undefined;
    const year = new Date().getFullYear();
    // Worked out once per settings and year, not once per story.
    if (this.fingerprint?.configs !== this.configs || this.fingerprint.year !== year) this.fingerprint = { configs: this.configs, year, text: lintCacheFingerprint(this.buildId, this.configs, year) };
    if (this.cache?.fingerprint !== this.fingerprint.text) this.cache = this.read(this.fingerprint.text);
    return this.cache;
  }

  /** The thread is idle: writes the file after `saveDelayMs`, if anything was checked since the last write. */
  saveSoon(): void {
    if (!this.stored || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, this.saveDelayMs);
  }

  /**
   * Writes the file through a temporary file and a rename: this thread's checks over the file's
   * latest entries, less stories since deleted. Two threads writing at once may each miss what
   * the other wrote: that costs checks in the next window, never a wrong one (entries are used
   * only while their text's hash matches).
   */
  private save(): void {
    if (!this.cache) return;
    this.stored = false;
    // One name per thread of a window: a write cut short by a closing window leaves one file, never a pile.
    const temporary = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${threadId}`);
    try {
      const latest = this.read(this.cache.fingerprint);
      latest.adopt(this.cache);
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, latest.toText(existsSync, sha1));
      renameSync(temporary, this.file);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself cannot be used: there is nothing to clean up.
      }
    }
  }

  /** The cache file's entries under `fingerprint`; empty when it is missing, too large, damaged or made under another. */
  private read(fingerprint: string): LintCache {
    // Read as a story is: anything but a regular file under the size limit (a pipe would block the thread) is no cache.
    const read = readRegularFileSync(this.file, MAX_CACHE_BYTES);
    return read.ok ? LintCache.fromText(read.text, fingerprint, sha1).cache : LintCache.empty(fingerprint);
  }
}
