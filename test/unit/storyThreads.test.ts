import * as assert from 'assert';
import type { ReadJob, ReadTicket } from '../../src/core/bankLedger';
import type { Clock, ReadAnswers } from '../../src/core/bankIndex';
import { resolveConfig } from '../../src/core/config';
import type { StorySummary } from '../../src/core/coverage';
import type { Checked } from '../../src/core/scan';
import { StoryThreads, type ThreadHost } from '../../src/node/storyThreads';
import type { WorkerReply, WorkerRequest } from '../../src/node/storyWorkerProtocol';

/** A thread the test drives by hand: what it was sent, and its events to fire. */
interface FakeThread {
  sent: WorkerRequest[];
  terminated: boolean;
  events: { message(reply: WorkerReply): void; failed(): void; exited(): void };
}

const SUMMARY = { id: 'x' } as unknown as StorySummary;
const CHECK = { findings: [], check: {} } as unknown as Checked;

/** A pool of `size` fake threads over folder `f`, with answers recorded and a clock whose long timers fire by hand. */
function pool(size: number, options: { spawnFails?: boolean } = {}) {
  const threads: FakeThread[] = [];
  const counted: string[] = [];
  const checked: string[] = [];
  const lost: ReadTicket[] = [];
  const timers: Array<{ ms: number; run: () => void; cancelled: boolean }> = [];
  const clock: Clock = {
    now: () => 0,
    after(ms, run) {
      if (ms === 0) {
        setImmediate(run);
        return () => undefined;
      }
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  };
  const answers: ReadAnswers = {
    isCurrent: () => true,
    counted: (ticket) => (counted.push(ticket.id), true),
    checked: (ticket) => void checked.push(ticket.id),
    lost: (tickets) => void lost.push(...tickets),
  };
  const host: ThreadHost<string> = {
    size,
    onDisk: (jobs) => jobs.filter((job) => job.ref.startsWith('/disk/')),
    path: (ref) => ref,
    folders: () => ['file:///f'],
    configs: async () => ({ 'file:///f': resolveConfig({}) }),
    spawn(events) {
      if (options.spawnFails) throw new Error('no threads here');
      const thread: FakeThread = { sent: [], terminated: false, events };
      threads.push(thread);
      return { post: (message) => thread.sent.push(message), terminate: () => void (thread.terminated = true) };
    },
    clock,
  };
  const reader = new StoryThreads(answers, host);
  return { reader, threads, counted, checked, lost, timers };
}

const jobs = (n: number): Array<ReadJob<string>> => Array.from({ length: n }, (_, i) => ({ id: `file:///f/s${i}.star.md`, ref: `/disk/s${i}.star.md`, read: i + 1 }));
type Request = Extract<WorkerRequest, { request: number }>;
const requests = (thread: FakeThread) => thread.sent.filter((m): m is Request => 'request' in m);

/** The thread counts and checks all it was sent, then says it is idle. */
function finish(thread: FakeThread): void {
  for (const request of requests(thread)) {
    thread.events.message({ counted: request.jobs.map(({ id, read }) => ({ id, read, summary: SUMMARY })), request: request.request, finished: true });
    thread.events.message({ checked: request.jobs.map(({ id, read }) => ({ id, read, ...CHECK })) });
  }
  thread.events.message({ idle: Math.max(0, ...requests(thread).map((r) => r.request)) });
}

describe('story threads (the pool of worker threads, with fakes)', () => {
  it('shares a scan among its threads in turn, and is done when every thread is idle', async () => {
    const { reader, threads, counted, checked } = pool(2);
    const counting = reader.count(jobs(250), 1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(threads.length, 2);
    assert.deepStrictEqual(threads.map((t) => requests(t).map((r) => r.jobs.length)), [[125], [125]], 'half the stories each, in one message');
    assert.ok(reader.checking);
    const checking = reader.check();
    finish(threads[0]);
    assert.ok(reader.checking, 'one thread still owes its checks');
    finish(threads[1]);
    await counting;
    await checking;
    assert.strictEqual(counted.length, 250);
    assert.strictEqual(checked.length, 250);
    assert.ok(!reader.checking);
  });

  it('tells each thread when more of the scan follows, so that its checks wait; the last message to each says none does', async () => {
    const { reader, threads } = pool(2);
    const settle = async () => {
      for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    void reader.count(jobs(4500), 1);
    await settle();
    // 1,000 a message, in turn: thread 0 gets messages 1, 3 and 5 (500 stories), thread 1 messages 2 and 4.
    assert.deepStrictEqual(
      threads.map((t) => requests(t).map((r) => `${r.jobs.length}${r.more ? ' more' : ''}`)),
      [['1000 more', '1000 more', '500'], ['1000 more', '1000']],
    );
    // The next scan starts where this one left off, and its single message has nothing after it.
    void reader.count(jobs(100), 1);
    await settle();
    assert.deepStrictEqual(requests(threads[1]).slice(2).map((r) => [r.jobs.length, r.more]), [[100, undefined]]);
  });

  it('tells a thread more follows while any scan under way has messages for it, even when two scans overlap', async () => {
    const { reader, threads } = pool(2);
    void reader.count(jobs(4500), 1);
    void reader.count(jobs(300), 1); // a watcher's rescan while the first scan's messages are still being sent
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    for (const thread of threads) {
      const flags = requests(thread).map((r) => r.more === true);
      assert.deepStrictEqual(flags.slice(-1), [false], 'the last message to each thread lets it check');
      assert.ok(flags.slice(0, -1).every(Boolean), `no message but the last lets a thread check early: ${JSON.stringify(flags)}`);
    }
  });

  it('sends the settings to every thread, also to threads started after they were loaded', async () => {
    const { reader, threads } = pool(2);
    reader.configure(3);
    await new Promise((resolve) => setImmediate(resolve));
    const counting = reader.count(jobs(200), 3);
    await new Promise((resolve) => setImmediate(resolve));
    const configured = threads.map((t) => t.sent.filter((m) => 'configure' in m).length);
    assert.deepStrictEqual(configured, [1, 1]);
    threads.forEach(finish);
    await counting;
  });

  it('when a thread fails mid-scan, hands back what every thread owes, answers all waiting, and takes no more', async () => {
    const { reader, threads, lost, counted } = pool(2);
    const counting = reader.count(jobs(300), 1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // The first thread counts its stories but has checked none; the second counts nothing.
    const [first] = requests(threads[0]);
    threads[0].events.message({ counted: first.jobs.map(({ id, read }) => ({ id, read, summary: SUMMARY })), request: first.request, finished: true });
    const checking = reader.check();
    const linting = reader.lint('text', resolveConfig({}));
    threads[1].events.failed();
    await counting;
    await checking;
    assert.strictEqual(await linting, undefined, 'a lint in flight is answered: the caller lints on the host');
    assert.strictEqual(lost.length, 300, 'every read not yet checked, on either thread, goes back to the index');
    assert.strictEqual(counted.length, 150);
    assert.ok(threads.every((t) => t.terminated), 'the other thread is stopped too');
    assert.deepStrictEqual(reader.takes(jobs(3)), [], 'a failed pool takes no more reads');
    assert.ok(!reader.running);
  });

  it('a thread that ends while the pool is idle only stops the pool: the next scan starts a new one', async () => {
    const { reader, threads, lost } = pool(2);
    await Promise.all([reader.count(jobs(2), 1), new Promise((resolve) => setImmediate(() => (finish(threads[0]), finish(threads[1]), resolve(undefined))))]);
    threads[0].events.exited();
    assert.ok(reader.running);
    assert.strictEqual(lost.length, 0);
    const again = reader.count(jobs(2), 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(threads.length, 4, 'two new threads');
    finish(threads[2]);
    finish(threads[3]);
    await again;
  });

  it('stops its threads when idle for a while, and starts them again for the next read', async () => {
    const { reader, threads, timers } = pool(1);
    reader.warm();
    assert.strictEqual(threads.length, 1);
    const stop = timers.filter((t) => !t.cancelled).pop()!;
    stop.run();
    assert.ok(threads[0].terminated);
    reader.warm();
    assert.strictEqual(threads.length, 2);
  });

  it('where no thread can start, hands every read back and takes no more', async () => {
    const { reader, lost } = pool(2, { spawnFails: true });
    await reader.count(jobs(5), 1);
    assert.strictEqual(lost.length, 5);
    assert.deepStrictEqual(reader.takes(jobs(2)), []);
    assert.strictEqual(await reader.lint('text', resolveConfig({})), undefined);
  });

  it('takes only the reads its host says are on disk', () => {
    const { reader } = pool(1);
    const mixed = [...jobs(2), { id: 'untitled:1', ref: 'untitled:1', read: 9 }];
    assert.deepStrictEqual(reader.takes(mixed).map((j) => j.read), [1, 2]);
  });
});
