import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createHash } from 'crypto';
import { tmpdir } from 'os';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { resolveConfig } from '../../src/core/config';
import { textDigest } from '../../src/core/digest';
import type { WorkerReply, WorkerRequest } from '../../src/node/storyWorkerProtocol';

const STORY = '---\ntitle: Cut the bill\nlps: [Frugality, Dive Deep]\nlevel: L6\n---\n## Situation\nCosts grew.\n## Task\nCut them.\n## Action\nI moved jobs to spot capacity.\n## Result\nWe kept it going.\n';

describe('story worker thread', () => {
  let dir: string;
  let worker: Worker;
  let replies: WorkerReply[];
  const next = (test: (reply: WorkerReply) => boolean) =>
    new Promise<WorkerReply>((resolve) => {
      const look = () => {
        const found = replies.find(test);
        if (found) resolve(found);
        else setTimeout(look, 5);
      };
      look();
    });
  const send = (message: WorkerRequest) => worker.postMessage(message);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'star-worker-'));
    replies = [];
    worker = new Worker(join(__dirname, '..', '..', 'src', 'node', 'storyWorker.js'));
    worker.on('message', (reply: WorkerReply) => replies.push(reply));
  });

  afterEach(async () => {
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts at once, checks once configured, answers every job, then says it is idle', async () => {
    writeFileSync(join(dir, 'story.star.md'), STORY);
    writeFileSync(join(dir, 'binary.star.md'), Buffer.from([0x2d, 0x00, 0x01]));
    writeFileSync(join(dir, 'huge.star.md'), `---\ntitle: Huge\nlps: [Ownership]\n---\n${'word '.repeat(1_000_000)}`);
    const jobs = ['story', 'binary', 'missing', 'huge'].map((name, at) => ({ id: name, read: at + 1, path: join(dir, `${name}.star.md`), folder: 'f' }));
    send({ request: 1, version: 1, jobs });
    const counted = (await next((r) => 'finished' in r && r.request === 1)) as Extract<WorkerReply, { counted: unknown }>;
    const all = replies.flatMap((r) => ('counted' in r ? r.counted : []));
    assert.deepStrictEqual(all.map((c) => [c.id, c.read, c.summary?.lpIds]), [['story', 1, ['frugality', 'dive-deep']], ['binary', 2, undefined], ['missing', 3, undefined], ['huge', 4, undefined]]);
    assert.ok(counted.finished);
    assert.ok(!replies.some((r) => 'checked' in r || 'idle' in r), 'checks wait for the configuration');

    // An older configuration does not unblock checks that need version 1; the right one does.
    send({ configure: { version: 0, byFolder: { f: resolveConfig({}) } } });
    send({ configure: { version: 1, byFolder: { f: resolveConfig({ rules: { 'unquantified-result': 'off' } }) } } });
    const idle = await next((r) => 'idle' in r);
    assert.deepStrictEqual(idle, { idle: 1 });
    const checked = replies.flatMap((r) => ('checked' in r ? r.checked : []));
    assert.deepStrictEqual(checked.map((c) => [c.id, c.read]), [['story', 1]], 'each check names the read it answers');
    assert.strictEqual(checked[0].check.quantified, false);
    assert.strictEqual(checked[0].digest, textDigest(STORY), 'the digest of the text checked');
    assert.ok(!checked[0].findings.some((f) => f.ruleId === 'unquantified-result'), 'checked with the configuration sent');
  });

  it('starts no check while more of the scan is to come, and checks everything once it has come', async () => {
    writeFileSync(join(dir, 'a.star.md'), STORY);
    writeFileSync(join(dir, 'b.star.md'), STORY);
    const job = (name: string, read: number) => ({ id: name, read, path: join(dir, `${name}.star.md`), folder: 'f' });
    send({ configure: { version: 1, byFolder: { f: resolveConfig({}) } } });
    send({ request: 1, version: 1, jobs: [job('a', 1)], more: true });
    await next((r) => 'finished' in r && r.request === 1);
    // A check of one story takes a few milliseconds; a worker that started one would have answered by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(!replies.some((r) => 'checked' in r || 'idle' in r), 'no check before the rest of the scan');
    send({ request: 2, version: 1, jobs: [job('b', 2)] });
    assert.deepStrictEqual(await next((r) => 'idle' in r), { idle: 2 });
    assert.deepStrictEqual(replies.flatMap((r) => ('checked' in r ? r.checked.map((c) => c.id) : [])).sort(), ['a', 'b']);
  });

  it('lints a document sent as text, with the configuration sent with it', async () => {
    const big = STORY + 'We kept going. '.repeat(5000);
    send({ lint: { id: 3, text: big, config: resolveConfig({ rules: { 'unquantified-result': 'off' } }) } });
    const { linted } = (await next((r) => 'linted' in r)) as Extract<WorkerReply, { linted: unknown }>;
    assert.strictEqual(linted.id, 3);
    assert.strictEqual(linted.check.quantified, false);
    assert.ok(linted.findings.length > 0 && !linted.findings.some((f) => f.ruleId === 'unquantified-result'));
    assert.ok(!replies.some((r) => 'idle' in r), 'a lint is not a read: the worker stays as it was');
  });

  it('finishes an empty request too', async () => {
    send({ request: 7, version: 0, jobs: [] });
    assert.deepStrictEqual(await next((r) => 'finished' in r), { counted: [], request: 7, finished: true });
  });

  it('keeps its checks in the cache file once idle, and a thread of a later window answers from it while the text and settings are the same', async function () {
    this.timeout(20_000);
    const path = join(dir, 'story.star.md');
    writeFileSync(path, STORY);
    const cacheFile = join(dir, 'storage', 'lint-cache.json');
    const settings = resolveConfig({});
    /** A thread of a new window: the story's check, once it is idle. */
    const checkInNewWindow = async (config = settings) => {
      const thread = new Worker(join(__dirname, '..', '..', 'src', 'node', 'storyWorker.js'), { workerData: { cacheFile, saveDelayMs: 0 } });
      const got: WorkerReply[] = [];
      thread.on('message', (reply: WorkerReply) => got.push(reply));
      thread.postMessage({ configure: { version: 1, byFolder: { f: config } } } satisfies WorkerRequest);
      thread.postMessage({ request: 1, version: 1, jobs: [{ id: 'story', read: 1, path, folder: 'f' }] } satisfies WorkerRequest);
      while (!got.some((r) => 'idle' in r)) await new Promise((resolve) => setTimeout(resolve, 5));
      // Its write, once idle after a delay of 0: wait until the file changes (or, when it wrote nothing new, a while).
      const before = existsSync(cacheFile) ? readFileSync(cacheFile, 'utf8') : '';
      for (let waited = 0; waited < 500 && (existsSync(cacheFile) ? readFileSync(cacheFile, 'utf8') : '') === before; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      await thread.terminate();
      return got.flatMap((r) => ('checked' in r ? r.checked : []))[0];
    };
    const first = await checkInNewWindow();
    assert.ok(existsSync(cacheFile), 'written once idle');
    // Mark the kept check, as only a check taken from the cache can show it (the checksum follows the edit).
    const [header, entries] = readFileSync(cacheFile, 'utf8').split('\n');
    const marked = entries.replace(/"message":"(?:[^"\\]|\\.)*"/, '"message":"kept from the last window"');
    const checksum = createHash('sha1').update(marked).digest('base64');
    writeFileSync(cacheFile, `${header.replace(/"checksum":"[^"]+"/, `"checksum":"${checksum}"`)}\n${marked}`);
    const messages = (checked: { findings: Array<{ message: string }> }) => checked.findings.map((f) => f.message);
    const again = await checkInNewWindow();
    assert.deepStrictEqual(again.check, first.check);
    assert.strictEqual(again.digest, textDigest(STORY), "a check kept from the last window gives the text's digest too");
    assert.deepStrictEqual(messages(again), ['kept from the last window', ...messages(first).slice(1)]);
    assert.deepStrictEqual(messages(await checkInNewWindow(resolveConfig({ wordsPerMinute: 100 }))), messages(first), 'other settings: checked afresh');
    writeFileSync(path, STORY.replace('We kept it going.', 'Costs fell 30%.'));
    assert.ok(!messages(await checkInNewWindow()).includes('kept from the last window'), 'another text: checked afresh');
  });

  it('goes on checking when the cache cannot be written, and writes nothing there', async () => {
    const path = join(dir, 'story.star.md');
    writeFileSync(path, STORY);
    writeFileSync(join(dir, 'storage'), 'a file where the storage folder should be');
    const thread = new Worker(join(__dirname, '..', '..', 'src', 'node', 'storyWorker.js'), { workerData: { cacheFile: join(dir, 'storage', 'lint-cache.json'), saveDelayMs: 0 } });
    const got: WorkerReply[] = [];
    let failed = false;
    thread.on('message', (reply: WorkerReply) => got.push(reply));
    thread.on('error', () => (failed = true));
    try {
      for (const request of [1, 2]) {
        thread.postMessage({ configure: { version: request, byFolder: { f: resolveConfig({}) } } } satisfies WorkerRequest);
        thread.postMessage({ request, version: request, jobs: [{ id: 'story', read: request, path, folder: 'f' }] } satisfies WorkerRequest);
        while (!got.some((r) => 'idle' in r && r.idle === request) && !failed) await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, 50)); // its attempt to write, after a delay of 0
      }
      assert.ok(!failed, 'the thread did not fail');
      assert.strictEqual(got.flatMap((r) => ('checked' in r ? r.checked : [])).length, 2, 'both reads checked');
      assert.strictEqual(readFileSync(join(dir, 'storage'), 'utf8'), 'a file where the storage folder should be');
    } finally {
      await thread.terminate();
    }
  });
  it('checks when its cache file is a named pipe: no cache, and the pipe never waited on', async function () {
    if (process.platform === 'win32') this.skip();
    const path = join(dir, 'story.star.md');
    writeFileSync(path, STORY);
    const cacheFile = join(dir, 'lint-cache.json');
    assert.strictEqual(spawnSync('mkfifo', [cacheFile]).status, 0);
    const thread = new Worker(join(__dirname, '..', '..', 'src', 'node', 'storyWorker.js'), { workerData: { cacheFile, saveDelayMs: 60_000 } });
    const got: WorkerReply[] = [];
    thread.on('message', (reply: WorkerReply) => got.push(reply));
    try {
      thread.postMessage({ configure: { version: 1, byFolder: { f: resolveConfig({}) } } } satisfies WorkerRequest);
      thread.postMessage({ request: 1, version: 1, jobs: [{ id: 'story', read: 1, path, folder: 'f' }] } satisfies WorkerRequest);
      const deadline = Date.now() + 5000;
      while (!got.some((r) => 'checked' in r) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(got.some((r) => 'checked' in r), 'the story was checked, not held up by the pipe');
    } finally {
      // A thread stuck on the pipe ends only once a writer opens it and goes.
      try {
        closeSync(openSync(cacheFile, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader on the pipe (ENXIO): the thread never opened it.
      }
      await thread.terminate();
    }
  });
});
