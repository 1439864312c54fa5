import * as assert from 'assert';
import { closeSync, constants, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { spawnSync } from 'child_process';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { lintBank } from '../../src/api';
import { main } from '../../src/cli/main';
import { resolveConfig } from '../../src/core/config';
import { lintText, MAX_FINDINGS_PER_RULE } from '../../src/core/engine';
import * as storyModule from '../../src/core/parse/story';
import type { WorkerReply } from '../../src/node/storyWorkerProtocol';
import { HOSTILE_STORIES } from '../hostileStories';
import { ROOT } from './helpers';

function goodStories(): Record<string, string> {
  const dir = join(ROOT, 'examples');
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.star.md')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('one hostile story never stops a bank', () => {
  const good = goodStories();

  it('lintBank: each hostile story leaves every good story its findings and counts', () => {
    const files = (extra: Record<string, string>) => Object.entries({ ...good, ...extra }).map(([fileName, text]) => ({ fileName, text }));
    const alone = lintBank(files({}));
    for (const [name, text] of Object.entries(HOSTILE_STORIES)) {
      const mixed = lintBank(files({ [name]: text }));
      assert.deepStrictEqual(
        mixed.findings.filter((f) => f.file !== name),
        alone.findings,
        name,
      );
      for (const lp of alone.coverage) {
        const counted = mixed.coverage.find((c) => c.lp.id === lp.lp.id)!;
        assert.ok(counted.stories.length >= lp.stories.length, `${name}: ${lp.lp.name}`);
      }
    }
  });

  it('the CLI reports every good story beside the hostile ones, and exits as the findings say', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-hostile-'));
    try {
      for (const [name, text] of Object.entries({ ...good, ...HOSTILE_STORIES })) writeFileSync(join(dir, name), text);
      let out = '';
      let err = '';
      const code = await main(['lint', '.', '--format', 'json'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, isTty: false });
      assert.doesNotMatch(err, /unexpected/i);
      assert.strictEqual(code, 1, err);
      const files = new Set((JSON.parse(out) as Array<{ file: string }>).map((f) => f.file.replace(/^.*[\\/]/, '')));
      for (const name of Object.keys(HOSTILE_STORIES)) assert.ok(files.has(name), `${name} is reported`);
      let coverage = '';
      assert.strictEqual(await main(['coverage', '.', '--format', 'json'], { out: (t) => (coverage += t), err: () => undefined, cwd: dir, isTty: false }), 0);
      assert.ok(coverage.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the worker thread counts and checks every story of a bank with hostile ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-hostile-worker-'));
    const worker = new Worker(join(__dirname, '..', '..', 'src', 'node', 'storyWorker.js'));
    try {
      const all = { ...good, ...HOSTILE_STORIES };
      for (const [name, text] of Object.entries(all)) writeFileSync(join(dir, name), text);
      const replies: WorkerReply[] = [];
      const idle = new Promise<void>((resolve) => worker.on('message', (reply: WorkerReply) => (replies.push(reply), 'idle' in reply && resolve())));
      worker.postMessage({ configure: { version: 1, byFolder: { f: resolveConfig({}) } } });
      worker.postMessage({ request: 1, version: 1, jobs: Object.keys(all).map((name) => ({ id: name, path: join(dir, name), folder: 'f' })) });
      await idle;
      const counted = replies.flatMap((r) => ('counted' in r ? r.counted : []));
      const checked = replies.flatMap((r) => ('checked' in r ? r.checked : []));
      assert.deepStrictEqual(counted.filter((c) => c.summary).map((c) => c.id).sort(), Object.keys(all).sort());
      assert.deepStrictEqual(checked.map((c) => c.id).sort(), Object.keys(all).sort());
      for (const name of Object.keys(good)) {
        const expected = lintText(good[name], resolveConfig({})).findings;
        assert.deepStrictEqual(checked.find((c) => c.id === name)!.findings, expected, name);
      }
    } finally {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the worker thread answers for a named pipe given as a story (the walk never lists one, but it can replace a file after the walk) and goes on', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'star-fifo-worker-'));
    const worker = new Worker(join(__dirname, '..', '..', 'src', 'node', 'storyWorker.js'));
    try {
      assert.strictEqual(spawnSync('mkfifo', [join(dir, 'pipe.star.md')]).status, 0);
      const [name, text] = Object.entries(good)[0];
      writeFileSync(join(dir, name), text);
      const finished = new Promise<WorkerReply[]>((resolve) => {
        const replies: WorkerReply[] = [];
        worker.on('message', (reply: WorkerReply) => {
          replies.push(reply);
          if ('finished' in reply && reply.finished) resolve(replies);
        });
      });
      worker.postMessage({ request: 1, version: 1, jobs: ['pipe.star.md', name].map((id) => ({ id, read: 1, path: join(dir, id), folder: 'f' })) });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the thread gave no answer: it is stuck reading the pipe')), 5000));
      const counted = (await Promise.race([finished, timeout])).flatMap((r) => ('counted' in r ? r.counted : []));
      assert.deepStrictEqual(counted.map((c) => [c.id, c.summary !== undefined]), [['pipe.star.md', false], [name, true]]);
    } finally {
      // A thread stuck on the pipe ends only once a writer opens it and goes.
      try {
        closeSync(openSync(join(dir, 'pipe.star.md'), constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader on the pipe (ENXIO): the thread never opened it.
      }
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a rule reports a repeated problem 20 times, then once for the rest', () => {
    const text = `---\ntitle: T\nlps: [Ownership]\n---\n## Action\n${'We worked hard. '.repeat(500)}\n<!-- star-coach-disable-next-line vague-claim -->\nWe worked hard.\n`;
    const vague = lintText(text).findings.filter((f) => f.ruleId === 'vague-claim');
    assert.strictEqual(vague.length, MAX_FINDINGS_PER_RULE + 1);
    assert.match(vague[MAX_FINDINGS_PER_RULE].message, /^480 more like this from here on/);
  });

  it('the engine turns a failure anywhere into one finding on the first line', () => {
    const parse = storyModule.parseStory;
    (storyModule as { parseStory: unknown }).parseStory = () => {
      throw new TypeError('schema.safeParse is not a function');
    };
    try {
      const { findings, story } = lintText('---\r\ntitle: x\r\n---\r\n');
      assert.strictEqual(story.sections.length, 0);
      assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.range]), [['invalid-front-matter', { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }]]);
      assert.match(findings[0].message, /could not read this story \(schema\.safeParse is not a function\)/);
      assert.deepStrictEqual(lintText('x', resolveConfig({ rules: { 'invalid-front-matter': 'off' } })).findings, []);
    } finally {
      (storyModule as { parseStory: unknown }).parseStory = parse;
    }
  });
});
