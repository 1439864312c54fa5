import { join } from 'path';
import { parentPort, workerData } from 'worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { StorySummary } from '../core/coverage';
import { MAX_STORY_FILE_BYTES } from '../core/engine';
import { textDigest } from '../core/digest';
import { checkText, checkTexts, countText } from '../core/scan';
import type { WorkerOptions, WorkerReply, WorkerRequest } from './storyWorkerProtocol';
import { readRegularFileSync } from './fileAccess';
import { buildHash, sha1 } from './hash';
import { StoryThreadCache } from './threadCache';

/**
 * The story index's worker thread: it reads stories from disk, counts each one at once and
 * checks them all afterwards, so that the extension host's thread stays free for typing.
 * Blocking reads are fine here: nothing else runs on this thread.
 */

/** Counts go back in chunks; the first is small, so that the tree shows counts at once. */
const FIRST_COUNT_CHUNK = 50;
const COUNT_CHUNK = 500;
const CHECK_CHUNK = 100;

interface Job {
  request: number;
  version: number;
  id: string;
  read: number;
  path: string;
  folder: string;
  /** The last job of its request. */
  last: boolean;
}

const port = parentPort!;
const toCount: Job[] = [];
/** Counted stories waiting for their check; a newer read of the same story replaces the text. */
const toCheck = new Map<string, { read: number; text: string; folder: string; version: number; path: string; summary: StorySummary }>();
const options = (workerData ?? {}) as WorkerOptions;
const cache = options.cacheFile === undefined ? undefined : new StoryThreadCache(options.cacheFile, buildId(), options.saveDelayMs ?? 1000);
let configs: Record<string, ResolvedConfig> = {};
let configVersion = -1;
let lastRequest = 0;
let countChunk = FIRST_COUNT_CHUNK;
let scheduled = false;
/** The last request said more of its scan follows: no check starts before it comes. */
let countsToCome = false;

port.on('message', (message: WorkerRequest) => {
  if ('lint' in message) {
    // Someone is typing in this document: answer at once, between chunks of the scan.
    const { id, text, config } = message.lint;
    post({ linted: { id, ...checkText(text, config) } });
    return;
  }
  if ('configure' in message) {
    if (message.configure.version > configVersion) {
      ({ byFolder: configs, version: configVersion } = message.configure);
      cache?.configure(configs);
    }
  } else {
    lastRequest = message.request;
    countsToCome = message.more === true;
    message.jobs.forEach((job, i) => toCount.push({ ...job, request: message.request, version: message.version, last: i === message.jobs.length - 1 }));
    if (message.jobs.length === 0) post({ counted: [], request: message.request, finished: true });
  }
  schedule();
});

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // setImmediate lets waiting messages in first: new reads always go before pending checks.
  setImmediate(work);
}

function post(reply: WorkerReply): void {
  port.postMessage(reply);
}

/**
 * The file's text, or undefined when it is gone, unreadable, not a regular file (a named pipe would
 * block the thread for good), or far too large to be a story: the command line's read.
 */
function readText(path: string): string | undefined {
  const read = readRegularFileSync(path, MAX_STORY_FILE_BYTES);
  return read.ok ? read.text : undefined;
}

function work(): void {
  scheduled = false;
  if (toCount.length > 0) {
    countSome();
    return schedule();
  }
  // A check chunk started now would hold up the counts of the scan's next request.
  if (countsToCome) return;
  // A chunk of stories, by folder: each folder's are linted together, rule by rule (see lintTexts).
  const byFolder = new Map<string, Array<{ id: string; read: number; text: string; path: string; summary: StorySummary; textHash?: string }>>();
  const checked: Extract<WorkerReply, { checked: unknown }>['checked'] = [];
  let taken = 0;
  for (const [id, { read, text, folder, version, path, summary }] of toCheck) {
    if (version > configVersion || !configs[folder]) continue;
    toCheck.delete(id);
    // A story whose text the cache knows, under these settings, was checked in an earlier window.
    const textHash = cache && sha1(text);
    const known = textHash === undefined ? undefined : cache?.lookup(path, textHash);
    if (known) checked.push({ id, read, ...known, digest: textDigest(text) });
    else {
      const stories = byFolder.get(folder);
      const story = { id, read, text, path, summary, textHash };
      if (stories) stories.push(story);
      else byFolder.set(folder, [story]);
    }
    if (++taken === CHECK_CHUNK) break;
  }
  for (const [folder, stories] of byFolder) {
    checkTexts(stories.map((story) => story.text), configs[folder]).forEach((result, i) => {
      const { id, read, path, summary, textHash } = stories[i];
      if (textHash !== undefined) cache?.store(path, textHash, summary, result);
      checked.push({ id, read, ...result });
    });
  }
  if (checked.length > 0) {
    post({ checked });
    return schedule();
  }
  // Checks still waiting for their configuration resume when it arrives.
  if (toCheck.size === 0) {
    post({ idle: lastRequest });
    cache?.saveSoon();
  }
}

function countSome(): void {
  const counted: Extract<WorkerReply, { counted: unknown }>['counted'] = [];
  for (const job of toCount.splice(0, countChunk)) {
    const text = readText(job.path);
    const summary = text === undefined ? undefined : countText(job.id, text);
    counted.push(summary ? { id: job.id, read: job.read, summary } : { id: job.id, read: job.read });
    if (summary) toCheck.set(job.id, { read: job.read, text: text!, folder: job.folder, version: job.version, path: job.path, summary });
    else toCheck.delete(job.id);
    // One reply per request's end, so the host knows when everything it asked for is counted.
    if (job.last) post({ counted: counted.splice(0), request: job.request, finished: true });
  }
  countChunk = COUNT_CHUNK;
  if (counted.length > 0) post({ counted });
}

/** A hash of the code that checks: this thread's file and the core bundle beside it (none in unit tests, which run the core unbundled). */
function buildId(): string {
  return buildHash([__filename, join(__dirname, 'core.js')]);
}
