import * as assert from 'assert';
import { textDigest } from '../../src/core/digest';
import fc from 'fast-check';
import { BankIndex, type BankEvent, type BankFiles, type Clock, type ReadAnswers, type StoryReader } from '../../src/core/bankIndex';
import type { ReadJob } from '../../src/core/bankLedger';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from '../../src/core/config';
import { lintText, type LintResult } from '../../src/core/engine';
import { checkText, countText } from '../../src/core/scan';
import { SliceReader, type StorySource } from '../../src/core/sliceReader';
import type { Finding } from '../../src/core/types';

/**
 * The story index driven through fakes, with no VS Code: a file system in a Map, a watcher the
 * test fires, a clock the test turns, the host's reader (the real SliceReader over a fake source)
 * and a fake worker the test steps by hand or lets run. Stories are ids like 'ws/a.star.md'.
 */

const TEXTS = [
  '---\ntitle: Cut the bill\nlps: [Frugality]\n---\n## Situation\nCosts grew.\n## Task\nCut them.\n## Action\nI moved jobs to spot.\n## Result\nWe kept going.\n',
  '---\ntitle: Fixed the pager\nlps: [Ownership, Dive Deep]\n---\n## Situation\nPages at night.\n## Task\nStop them.\n## Action\nI traced the alarms.\n## Result\nPages fell by 80%.\n',
  '---\ntitle: Won the team back\nlps: [Earn Trust]\n---\n## Result\nThey stayed.\n',
];
/** A second configuration whose checks differ from the first on TEXTS[0] and TEXTS[2]. */
const QUIET = resolveConfig({ rules: { 'unquantified-result': 'off' } });

/** Timers run only when the test says; `run` turns the clock until nothing is left to do. */
class FakeClock implements Clock {
  private time = 0;
  private timers: Array<{ at: number; run: () => void; live: boolean }> = [];

  now(): number {
    return this.time;
  }

  after(ms: number, run: () => void): () => void {
    const timer = { at: this.time + ms, run, live: true };
    this.timers.push(timer);
    return () => (timer.live = false);
  }

  /** Lets every promise settle, then fires the timers due within `ms` (all of them when absent), one by one. */
  async run(ms = Infinity): Promise<void> {
    const until = this.time + ms;
    for (let turns = 0; turns < 100_000; turns++) {
      await new Promise((resolve) => setImmediate(resolve));
      this.timers = this.timers.filter((t) => t.live);
      const next = this.timers.reduce<(typeof this.timers)[number] | undefined>((soonest, t) => (!soonest || t.at < soonest.at ? t : soonest), undefined);
      if (!next || next.at > until) {
        if (until !== Infinity) this.time = until;
        return;
      }
      next.live = false;
      this.time = Math.max(this.time, next.at);
      next.run();
    }
    throw new Error('the index never went quiet');
  }
}

/** A workspace folder 'ws' in memory; `exclude` keeps ids under these folders out of the bank. */
class FakeDisk {
  readonly files = new Map<string, string>();
  config: ResolvedConfig = DEFAULT_CONFIG;
  walks = 0;
  /** Fake milliseconds a walk takes to list each story, on `clock` (the bank's, set by `bank`). */
  listMs = 0;
  clock: Clock | undefined;

  constructor(stories: Record<string, string> = {}) {
    for (const [id, text] of Object.entries(stories)) this.files.set(id, text);
  }

  bankFiles(): BankFiles<string> {
    const isStory = (id: string) => id.endsWith('.star.md');
    const under = async (folder: string, found: (id: string) => void, cancelled?: () => boolean) => {
      // Listed a story at a time, so that events and answers can come in between.
      for (const id of [...this.files.keys()].sort()) {
        await (this.listMs > 0 ? new Promise((resolve) => this.clock!.after(this.listMs, () => resolve(undefined))) : Promise.resolve());
        if (cancelled?.()) return;
        if (id.startsWith(`${folder}/`) && this.files.has(id)) found(id);
      }
    };
    return {
      id: (ref) => ref,
      isStory,
      includes: (ref) => isStory(ref) && ref.startsWith('ws/'),
      walk: (found, cancelled) => {
        this.walks++;
        return under('ws', found, cancelled);
      },
      walkUnder: (folder, found) => under(folder, found),
      reset: () => {},
    };
  }
}

/** The host's reader's source: reads the disk when a read begins, and answers when the test lets it (`gated`). */
class FakeSource implements StorySource<string> {
  gated = false;
  readonly reads: string[] = [];
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly disk: FakeDisk) {}

  async text(ref: string): Promise<string | undefined> {
    this.reads.push(ref);
    const text = this.disk.files.get(ref);
    if (this.gated) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return text;
  }

  async config(): Promise<ResolvedConfig> {
    return this.disk.config;
  }

  async checkLarge(text: string, config: ResolvedConfig) {
    return checkText(text, config);
  }

  /** Lint results an editor holds for its unsaved text, by story id. */
  readonly editors = new Map<string, LintResult>();

  linted(ref: string): LintResult | undefined {
    return this.editors.get(ref);
  }

  get waitingReads(): number {
    return this.waiting.length;
  }

  /** Lets one waiting read answer (the `at`-th, modulo how many wait). */
  release(at = 0): void {
    if (this.waiting.length > 0) this.waiting.splice(at % this.waiting.length, 1)[0]();
  }

  releaseAll(): void {
    this.gated = false;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}

/**
 * The worker thread, faked: it takes the reads `accepts` allows while alive, counts and checks
 * when stepped (or on its own once `auto`), reading the disk at that moment, with the settings
 * current then. Its checks are kept in order, never replaced, so that a stale one does come back.
 */
class FakeWorker implements StoryReader<string> {
  auto = false;
  alive = true;
  readonly taken: string[] = [];
  private batches: Array<{ jobs: Array<ReadJob<string>>; counted: () => void }> = [];
  private toCheck: Array<{ job: ReadJob<string>; text: string }> = [];
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly disk: FakeDisk,
    private readonly clock: Clock,
    private readonly answers: ReadAnswers,
    private readonly accepts: (id: string) => boolean = () => true,
  ) {}

  takes(jobs: Array<ReadJob<string>>): Array<ReadJob<string>> {
    return this.alive ? jobs.filter((job) => this.accepts(job.id)) : [];
  }

  count(jobs: Array<ReadJob<string>>): Promise<void> {
    this.taken.push(...jobs.map((job) => job.id));
    return new Promise((counted) => {
      this.batches.push({ jobs: [...jobs], counted });
      this.kick();
    });
  }

  get checking(): boolean {
    return this.batches.length > 0 || this.toCheck.length > 0;
  }

  check(): Promise<void> {
    return this.checking ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  configure(): void {}

  /** Counts up to `n` stories in the order sent. */
  countNext(n = Infinity): void {
    while (n-- > 0 && this.batches.length > 0) {
      const batch = this.batches[0];
      const job = batch.jobs.shift();
      if (job) {
        const text = this.disk.files.get(job.id);
        if (this.answers.counted(job, text === undefined ? undefined : countText(job.id, text))) this.toCheck.push({ job, text: text! });
      }
      if (batch.jobs.length === 0) {
        this.batches.shift();
        batch.counted();
      }
    }
    this.idleIfDone();
  }

  /** Checks up to `n` stories counted, oldest first, with the settings of now. */
  checkNext(n = Infinity): void {
    for (const { job, text } of this.toCheck.splice(0, n)) this.answers.checked(job, checkText(text, this.disk.config));
    this.idleIfDone();
  }

  /** Stops mid-work: every read not answered in full goes back to the index. */
  die(): void {
    this.alive = false;
    const lost = [...this.batches.flatMap((batch) => batch.jobs), ...this.toCheck.map(({ job }) => job)];
    const batches = this.batches.splice(0);
    this.toCheck = [];
    this.answers.lost(lost);
    batches.forEach((batch) => batch.counted());
    this.idleIfDone();
  }

  private kick(): void {
    if (this.auto)
      this.clock.after(1, () => {
        this.countNext();
        this.checkNext();
      });
  }

  letRun(): void {
    this.auto = true;
    this.kick();
  }

  private idleIfDone(): void {
    if (!this.checking) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}

/** What the views and the diagnostics heard. */
interface Heard {
  changes: number;
  removed: string[];
  checked: Array<{ id: string; findings: Finding[]; digest: number }>;
}

function bank(disk: FakeDisk, options: { worker?: boolean; workerTakes?: (id: string) => boolean } = {}) {
  const clock = new FakeClock();
  disk.clock = clock;
  const source = new FakeSource(disk);
  let listener: ((event: BankEvent<string>) => void) | undefined;
  const heard: Heard = { changes: 0, removed: [], checked: [] };
  let worker: FakeWorker | undefined;
  const index = new BankIndex<string>({
    files: disk.bankFiles(),
    watcher: {
      watch: (report) => {
        listener = report;
        return { dispose: () => (listener = undefined) };
      },
    },
    clock,
    listener: {
      changed: () => heard.changes++,
      removed: (id) => heard.removed.push(id),
      checked: (id, findings, digest) => heard.checked.push({ id, findings, digest }),
    },
    readers: (answers) => {
      const host = new SliceReader(source, clock, answers);
      if (options.worker === false) return [host];
      worker = new FakeWorker(disk, clock, answers, options.workerTakes);
      return [worker, host];
    },
  });
  const fire = (event: BankEvent<string>) => {
    assert.ok(listener, 'the index watches once its first scan has begun');
    listener(event);
  };
  /** Turns the clock until everything is read and checked; fails (rather than hangs) if the index cannot get there. */
  const settle = async () => {
    source.releaseAll();
    worker?.letRun();
    let done = false;
    const settled = index.settled().then(() => (done = true));
    await clock.run();
    assert.ok(done, 'the index settled');
    await settled;
  };
  return { index, clock, source, heard, fire, settle, worker: () => worker! };
}

/** The index's stories, by id, with everything it keeps of each. */
function contents(index: BankIndex<string>): Record<string, unknown> {
  return Object.fromEntries([...index.coverage.all()].sort((a, b) => a.id.localeCompare(b.id)).map((story) => [story.id, story]));
}

/** What a fresh scan of the disk as it is now gives. */
async function freshScan(disk: FakeDisk): Promise<Record<string, unknown>> {
  const fresh = bank(disk, { worker: false });
  void fresh.index.ready();
  await fresh.settle();
  return contents(fresh.index);
}

const STORIES = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`ws/s${i}.star.md`, TEXTS[i % TEXTS.length]]));

describe('the story index with fakes (BankIndex)', () => {
  it('counts every story first, then checks them, and says so once each', async () => {
    const disk = new FakeDisk(STORIES);
    disk.listMs = 5;
    const b = bank(disk);
    let counted = false;
    void b.index.ready().then(() => (counted = true));
    await b.clock.run();
    assert.strictEqual(counted, false, 'not counted until the worker counts');
    assert.deepStrictEqual({ ...b.index.firstScan }, { startedMs: 0, foundMs: 50 }, 'the first scan is timed from its start; the walk listed ten stories, 5 ms each');
    // Reading began with the first story found: the worker has it alone, and the other nine next.
    for (const batch of [1, 9]) {
      assert.strictEqual(b.worker().taken.length, batch === 1 ? 1 : 10);
      b.worker().countNext();
      await b.clock.run();
    }
    assert.ok(counted, 'ready once every story is counted');
    assert.deepStrictEqual(Object.keys(b.index.firstScan).sort(), ['countedMs', 'firstCountedMs', 'foundMs', 'startedMs'], 'counted, not yet checked');
    assert.strictEqual(b.index.coverage.size, 10);
    assert.ok([...b.index.coverage.all()].every((story) => story.check === undefined), 'counts come before checks');
    assert.ok(b.heard.changes > 0, 'the views heard of the counts');
    await b.settle();
    assert.deepStrictEqual(contents(b.index), await freshScan(disk));
    assert.deepStrictEqual(b.heard.checked.map((c) => c.id).sort(), Object.keys(STORIES).sort(), 'each story checked once');
    assert.ok(b.heard.checked.every((c) => c.digest === textDigest(STORIES[c.id])), 'each check gives the digest of the text checked');
    const { startedMs, foundMs, firstCountedMs, countedMs, checkedMs } = b.index.firstScan;
    assert.ok(startedMs! <= foundMs! && foundMs! <= countedMs! && startedMs! <= firstCountedMs! && firstCountedMs! <= countedMs! && countedMs! <= checkedMs!, JSON.stringify(b.index.firstScan));
  });

  it('a story deleted while it is being read stays deleted', async () => {
    const disk = new FakeDisk(STORIES);
    const b = bank(disk, { worker: false });
    b.source.gated = true;
    void b.index.ready();
    await b.clock.run();
    b.source.release(0); // the first story found, read alone; then the other nine together
    await b.clock.run();
    assert.strictEqual(b.source.waitingReads, 9, 'every read has its text and waits to answer');
    disk.files.delete('ws/s3.star.md');
    b.fire({ kind: 'deleted', ref: 'ws/s3.star.md' });
    disk.files.delete('ws/s4.star.md'); // its event comes later, after the read answered
    await b.settle();
    b.fire({ kind: 'deleted', ref: 'ws/s4.star.md' });
    await b.settle();
    assert.deepStrictEqual(contents(b.index), await freshScan(disk));
    assert.strictEqual(b.index.coverage.get('ws/s3.star.md'), undefined);
    assert.ok(b.heard.removed.includes('ws/s4.star.md'));
  });

  it('a folder deleted while the worker reads it takes all its stories, and nothing beside it', async () => {
    const disk = new FakeDisk({ ...STORIES, 'ws/team/a.star.md': TEXTS[0], 'ws/team/b.star.md': TEXTS[1], 'ws/teamwork.star.md': TEXTS[2] });
    const b = bank(disk);
    void b.index.ready();
    await b.clock.run();
    b.worker().countNext(5);
    for (const id of [...disk.files.keys()]) if (id.startsWith('ws/team/')) disk.files.delete(id);
    b.fire({ kind: 'deleted', ref: 'ws/team' });
    await b.settle();
    assert.deepStrictEqual(contents(b.index), await freshScan(disk));
    assert.ok(b.index.coverage.get('ws/teamwork.star.md')?.check);
  });

  it('a rename storm ends with exactly the last names', async () => {
    const disk = new FakeDisk({ 'ws/a.star.md': TEXTS[0], 'ws/b.star.md': TEXTS[1], 'ws/d/c.star.md': TEXTS[2] });
    const b = bank(disk);
    void b.index.ready();
    await b.settle();
    b.source.gated = true;
    const move = (from: string, to: string) => {
      for (const [id, text] of [...disk.files]) {
        if (id !== from && !id.startsWith(`${from}/`)) continue;
        disk.files.delete(id);
        disk.files.set(to + id.slice(from.length), text);
      }
      b.fire({ kind: 'renamed', from, to });
      // The file watcher reports the same moves again, as created and deleted.
      b.fire({ kind: 'deleted', ref: from });
      b.fire({ kind: 'created', ref: to });
    };
    for (let i = 0; i < 50; i++) {
      move(`ws/a${i === 0 ? '' : i - 1}.star.md`, `ws/a${i}.star.md`);
      move(i === 0 ? 'ws/d' : `ws/d${i - 1}`, `ws/d${i}`);
      if (i % 7 === 0) b.worker().countNext(1);
      if (i % 5 === 0) b.source.release(i);
      await b.clock.run(1);
    }
    await b.settle();
    assert.deepStrictEqual(Object.keys(contents(b.index)), ['ws/a49.star.md', 'ws/b.star.md', 'ws/d49/c.star.md']);
    assert.deepStrictEqual(contents(b.index), await freshScan(disk));
  });

  it('a change of settings mid-scan: no check made with the old settings is left at the end', async () => {
    const disk = new FakeDisk(STORIES);
    const b = bank(disk, { workerTakes: (id) => id < 'ws/s5' });
    b.source.gated = true;
    void b.index.ready();
    await b.clock.run();
    b.worker().countNext(3);
    b.worker().checkNext(1);
    b.source.release(0);
    await b.clock.run(1);
    disk.config = QUIET;
    b.fire({ kind: 'configured' });
    // Answers to reads begun under the old settings keep coming in, checks included: none lands.
    const shown = JSON.stringify(contents(b.index));
    const heard = b.heard.checked.length;
    b.worker().countNext();
    b.worker().checkNext();
    b.source.release(0);
    await b.clock.run(1);
    assert.strictEqual(JSON.stringify(contents(b.index)), shown, 'the views show nothing read under the old settings');
    assert.strictEqual(b.heard.checked.length, heard, 'no diagnostics from the old settings');
    await b.settle();
    for (const story of b.index.coverage.all()) assert.deepStrictEqual(story.check, checkText(disk.files.get(story.id)!, QUIET).check, story.id);
    assert.deepStrictEqual(contents(b.index), await freshScan(disk));
    assert.ok(disk.walks >= 2, 'the bank was walked again under the new settings');
  });

  it('a worker that dies mid-batch: the host reads what it left, and no story is lost or checked twice', async () => {
    const disk = new FakeDisk(STORIES);
    const b = bank(disk);
    void b.index.ready();
    await b.clock.run();
    b.worker().countNext(1); // the first story found, sent alone; then the other nine
    await b.clock.run();
    b.worker().countNext(4);
    b.worker().checkNext(1);
    b.worker().die();
    await b.settle();
    assert.deepStrictEqual(contents(b.index), await freshScan(disk));
    assert.strictEqual(b.worker().taken.length, 10, 'nothing was sent to the dead worker');
    assert.strictEqual(b.source.reads.length, 9, 'the host read the 5 stories never counted and the 4 counted but not checked');
    assert.deepStrictEqual(b.heard.checked.map((c) => c.id).sort(), Object.keys(STORIES).sort(), 'each story checked exactly once');
    // Later changes go to the host.
    disk.files.set('ws/new.star.md', TEXTS[1]);
    b.fire({ kind: 'created', ref: 'ws/new.star.md' });
    await b.settle();
    assert.ok(b.index.coverage.get('ws/new.star.md')?.check);
    assert.strictEqual(b.worker().taken.length, 10);
  });

  it('events reported twice or more read the story once', async () => {
    const disk = new FakeDisk(STORIES);
    const b = bank(disk, { worker: false });
    void b.index.ready();
    await b.settle();
    const before = b.source.reads.length;
    disk.files.set('ws/s1.star.md', TEXTS[2]);
    for (let i = 0; i < 5; i++) {
      b.fire({ kind: 'changed', ref: 'ws/s1.star.md' });
      b.fire({ kind: 'created', ref: 'ws/s1.star.md' });
    }
    await b.settle();
    assert.strictEqual(b.source.reads.length - before, 1);
    assert.strictEqual(b.index.coverage.get('ws/s1.star.md')?.title, 'Won the team back');
    // Unsaved edits wait for the typing to pause: ten keystrokes, one read.
    for (let i = 0; i < 10; i++) {
      b.fire({ kind: 'edited', ref: 'ws/s2.star.md' });
      await b.clock.run(100);
    }
    assert.strictEqual(b.source.reads.length - before, 1, 'not read while typing');
    await b.settle();
    assert.strictEqual(b.source.reads.length - before, 2);
  });

  it('a story changed while its check is in flight: the newer version wins', async () => {
    const disk = new FakeDisk({ 'ws/a.star.md': TEXTS[0] });
    const b = bank(disk);
    void b.index.ready();
    await b.clock.run();
    b.worker().countNext(); // counted as TEXTS[0]; its check not yet back
    disk.files.set('ws/a.star.md', TEXTS[1]);
    b.fire({ kind: 'changed', ref: 'ws/a.star.md' });
    await b.clock.run(1);
    b.worker().checkNext(1); // the check of the old text comes back now
    assert.strictEqual(b.index.coverage.get('ws/a.star.md')?.check, undefined, 'the older check does not land');
    assert.deepStrictEqual(b.heard.checked, []);
    await b.settle();
    assert.deepStrictEqual(b.index.coverage.get('ws/a.star.md'), { ...countText('ws/a.star.md', TEXTS[1])!, check: checkText(TEXTS[1], DEFAULT_CONFIG).check });
    assert.strictEqual(b.heard.checked.length, 1);
  });

  it('an edit that changes nothing a view shows redraws nothing; one that changes a check redraws once', async () => {
    const disk = new FakeDisk({ 'ws/a.star.md': TEXTS[1], 'ws/b.star.md': TEXTS[0] });
    const b = bank(disk, { worker: false });
    void b.index.ready();
    await b.settle();
    const before = b.heard.changes;
    // Typing a letter into a word of the Action: the same LPs, the same check.
    for (const letter of ['x', 'y', 'z']) {
      disk.files.set('ws/a.star.md', TEXTS[1].replace('I traced', `I ${letter}traced`));
      b.fire({ kind: 'edited', ref: 'ws/a.star.md' });
      await b.settle();
    }
    assert.strictEqual(b.heard.changes, before, 'no redraw for edits that leave the counts and the check as they were');
    assert.strictEqual(b.heard.checked.filter((c) => c.id === 'ws/a.star.md').length, 4, 'the diagnostics still hear each check');
    disk.files.set('ws/a.star.md', TEXTS[1].replace('Pages fell by 80%.', 'Pages fell.'));
    b.fire({ kind: 'edited', ref: 'ws/a.star.md' });
    await b.settle();
    assert.strictEqual(b.heard.changes, before + 1, 'a Result that lost its number redraws once');
  });

  it("a story typed in an editor is counted and checked from the editor's lint of it, not linted again", async () => {
    const disk = new FakeDisk({ 'ws/a.star.md': TEXTS[0] });
    const b = bank(disk, { worker: false });
    void b.index.ready();
    await b.settle();
    // The editor's unsaved text claims another LP; its lint is the one the index must take.
    const unsaved = lintText(TEXTS[1], DEFAULT_CONFIG);
    b.source.editors.set('ws/a.star.md', unsaved);
    b.fire({ kind: 'edited', ref: 'ws/a.star.md' });
    await b.settle();
    const heard = b.heard.checked.filter((c) => c.id === 'ws/a.star.md');
    assert.strictEqual(heard[heard.length - 1].findings, unsaved.findings, "the editor's findings, the same object");
    assert.strictEqual(heard[heard.length - 1].digest, textDigest(TEXTS[1]), "the digest of the editor's text");
    assert.deepStrictEqual(b.index.coverage.get('ws/a.star.md')?.lpIds, countText('ws/a.star.md', TEXTS[1])!.lpIds, "counted from the editor's story");
  });

  it('property: any interleaving of changes, events, answers and a worker death ends as a fresh scan of the final disk', async () => {
    const names = ['ws/a.star.md', 'ws/b.star.md', 'ws/d/c.star.md', 'ws/d/e.star.md', 'ws/x/f.star.md'];
    const folders = ['ws/d', 'ws/x', 'ws/y'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), name: fc.constantFrom(...names), text: fc.nat(TEXTS.length - 1) }),
      fc.record({ kind: fc.constant('edit' as const), name: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...names, ...folders) }),
      fc.record({ kind: fc.constant('rename' as const), from: fc.constantFrom(...names, ...folders), to: fc.constantFrom(...names, ...folders) }),
      fc.record({ kind: fc.constant('deliver' as const), twice: fc.boolean() }),
      fc.record({ kind: fc.constant('read' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('worker' as const), counts: fc.nat(3), checks: fc.nat(3) }),
      fc.record({ kind: fc.constant('die' as const) }),
      fc.record({ kind: fc.constant('configure' as const) }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.constantFrom(1, 100, 400) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.subarray(names), fc.array(step, { maxLength: 30 }), async (initial, steps) => {
        const disk = new FakeDisk(Object.fromEntries(initial.map((name, i) => [name, TEXTS[i % TEXTS.length]])));
        // The worker takes stories on "disk"; those under ws/x stand for another file system.
        const b = bank(disk, { workerTakes: (id) => !id.startsWith('ws/x/') });
        b.source.gated = true;
        void b.index.ready();
        await b.clock.run();
        // Events wait to be delivered, in the order they happened.
        const events: Array<BankEvent<string>> = [];
        const isStory = (name: string) => name.endsWith('.star.md');
        for (const s of steps) {
          if (s.kind === 'write') {
            events.push({ kind: disk.files.has(s.name) ? 'changed' : 'created', ref: s.name });
            disk.files.set(s.name, TEXTS[s.text]);
          } else if (s.kind === 'edit') events.push({ kind: 'edited', ref: s.name });
          else if (s.kind === 'delete') {
            for (const id of [...disk.files.keys()]) if (id === s.name || id.startsWith(`${s.name}/`)) disk.files.delete(id);
            events.push({ kind: 'deleted', ref: s.name });
          } else if (s.kind === 'rename') {
            const moving = [...disk.files].filter(([id]) => id === s.from || id.startsWith(`${s.from}/`));
            // Only a story to a story's name, or a folder to a folder's, and never onto itself or into itself.
            if (isStory(s.from) !== isStory(s.to) || s.to === s.from || s.to.startsWith(`${s.from}/`) || moving.length === 0) continue;
            for (const [id] of moving) disk.files.delete(id);
            for (const id of [...disk.files.keys()]) if (id === s.to || id.startsWith(`${s.to}/`)) disk.files.delete(id); // moved over
            for (const [id, text] of moving) disk.files.set(s.to + id.slice(s.from.length), text);
            events.push({ kind: 'deleted', ref: s.to }, { kind: 'renamed', from: s.from, to: s.to });
          } else if (s.kind === 'deliver' && events.length > 0) {
            const event = events.shift()!;
            b.fire(event);
            if (s.twice) b.fire(event);
          } else if (s.kind === 'read') b.source.release(s.at);
          else if (s.kind === 'worker') {
            b.worker().countNext(s.counts);
            b.worker().checkNext(s.checks);
          } else if (s.kind === 'die' && b.worker().alive) b.worker().die();
          else if (s.kind === 'configure') {
            disk.config = disk.config === QUIET ? DEFAULT_CONFIG : QUIET;
            events.push({ kind: 'configured' });
          } else if (s.kind === 'tick') await b.clock.run(s.ms);
          await b.clock.run(0);
        }
        for (const event of events) b.fire(event);
        await b.settle();
        assert.deepStrictEqual(contents(b.index), await freshScan(disk));
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
