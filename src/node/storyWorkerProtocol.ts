import type { ResolvedConfig } from '../core/config';
import type { StorySummary } from '../core/coverage';
import type { Checked } from '../core/scan';

/** What a story thread is started with (its `workerData`). */
export interface WorkerOptions {
  /** Where the workspace's lint cache lives (see threadCache.ts); none, no cache. */
  cacheFile?: string;
  /** How long the thread waits, idle after a scan, before it writes the cache. */
  saveDelayMs?: number;
}

/**
 * What the extension host tells its story worker: each workspace folder's configuration (which
 * only checks need, so counting never waits for it), and stories to read, count, then check.
 */
export type WorkerRequest =
  | { configure: { version: number; byFolder: Record<string, ResolvedConfig> } }
  /** An open document too large to lint on the extension host's thread: answered before any read. */
  | { lint: { id: number; text: string; config: ResolvedConfig } }
  | {
      request: number;
      /** Checks wait for a configuration of at least this version. */
      version: number;
      /** `read`: the index's number for this read of the story, given back with every answer. */
      jobs: Array<{ id: string; read: number; path: string; folder: string }>;
      /** More stories of the same scan follow in a later request: checks wait for them, so that every count comes first. */
      more?: boolean;
    };

/**
 * What the worker answers: counts (a story with no summary could not be read, or is not a
 * story), with `finished` on the last of a request; then checks, in chunks; then that it is idle.
 */
export type WorkerReply =
  | { counted: Array<{ id: string; read: number; summary?: StorySummary }>; request?: number; finished?: boolean }
  | { checked: Array<{ id: string; read: number } & Checked> }
  | { linted: { id: number } & Checked }
  /** Nothing left to do, after every request up to this one. */
  | { idle: number };
