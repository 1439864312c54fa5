import * as assert from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { PracticeEntry } from '../../src/core/practice/log';
import { appendPracticeEntry, checkPracticeLogWritable, readPracticeLog } from '../../src/node/practiceLog';

const MODULE = join(__dirname, '..', '..', 'src', 'node', 'practiceLog.js');

const TEMPLATE: PracticeEntry = {
  date: '2026-01-01T00:00:00.000Z',
  questionId: 'ownership-01',
  lps: ['ownership'],
  story: 'stories/a.star.md',
  seconds: 0,
  limit: 120,
  checks: { quantified: true, saidI: false },
  source: 'cli',
};

const tempDir = () => mkdtempSync(join(tmpdir(), 'star-coach-log-'));

/**
 * A node script that appends entries numbered 0, 1, 2... to `file` and prints "saved N" after
 * each append that returned, or "failed N message" after each that threw; it stops after
 * `failures` failures.
 */
function appenderScript(file: string, failures: number): string {
  return `const { appendPracticeEntry } = require(${JSON.stringify(MODULE)});
    process.on('SIGXFSZ', () => {}); // a write past the size limit fails with EFBIG instead of killing us
    (async () => {
      let failed = 0;
      for (let i = 0; failed < ${failures} && i < 100000; i++) {
        try {
          await appendPracticeEntry(${JSON.stringify(file)}, { ...${JSON.stringify(TEMPLATE)}, seconds: i });
          console.log('saved ' + i);
        } catch (error) {
          failed++;
          console.log('failed ' + i + ' ' + error.message);
        }
      }
    })();`;
}

/** Runs the appender under `ulimit -f blocks` (1024-byte blocks in bash). */
function appendUnderLimit(file: string, blocks: number, failures: number) {
  const result = spawnSync('bash', ['-c', `ulimit -f ${blocks}; exec "$0" -e "$1"`, process.execPath, appenderScript(file, failures)], { encoding: 'utf8', timeout: 60000 });
  const lines = result.stdout.split('\n').filter(Boolean);
  return {
    result,
    saved: lines.filter((l) => l.startsWith('saved ')).map((l) => Number(l.split(' ')[1])),
    failed: lines.filter((l) => l.startsWith('failed ')),
  };
}

describe('practice log on a full disk and under killed writers', () => {
  it('never reports an entry saved that it could not write in full (file-size limit, ulimit -f 8)', async function () {
    if (process.platform === 'win32') this.skip(); // ulimit needs a POSIX shell
    const file = join(tempDir(), '.star-coach', 'practice.jsonl');
    const { result, saved, failed } = appendUnderLimit(file, 8, 3);
    assert.strictEqual(result.signal, null, `the writer was killed by ${result.signal}: ${result.stderr}`);
    assert.strictEqual(result.status, 0, result.stderr);
    const log = await readPracticeLog(file);
    const read = log.entries.map((e) => e.seconds);
    console.log(`      ulimit -f 8: ${saved.length} appends reported saved, ${read.length} read back, ${failed.length} reported failed, ${log.damaged.length} damaged lines, ${statSync(file).size} bytes`);
    assert.ok(saved.length > 10, `${saved.length} saved before the limit`);
    assert.deepStrictEqual(read, saved, 'every entry reported saved is read back, in order, and nothing else');
    assert.strictEqual(failed.length, 3, 'each write past the limit is reported as a failure');
    for (const line of failed) assert.match(line, /only \d+ of \d+ bytes could be written .*the partial line was removed|size limit \(EFBIG\)/);
    assert.deepStrictEqual(log.damaged, [], 'the partial line of the failed write was removed');
    assert.ok(statSync(file).size <= 8 * 1024);
  });

  it('reports the failure when the file is already at its size limit (EFBIG), and leaves the log as it was', async function () {
    if (process.platform === 'win32') this.skip(); // ulimit needs a POSIX shell
    const dir = tempDir();
    const file = join(dir, 'practice.jsonl');
    const first = `\n${JSON.stringify({ ...TEMPLATE, seconds: 99 })}\n`;
    const full = first.padEnd(4 * 1024, '\n');
    writeFileSync(file, full);
    const { result, saved, failed } = appendUnderLimit(file, 4, 2);
    assert.strictEqual(result.signal, null, `the writer was killed by ${result.signal}`);
    assert.deepStrictEqual(saved, []);
    assert.strictEqual(failed.length, 2);
    for (const line of failed) assert.match(line, /the file has reached the size limit \(EFBIG\)/);
    assert.strictEqual(readFileSync(file, 'utf8'), full);
    assert.deepStrictEqual((await readPracticeLog(file)).entries.map((e) => e.seconds), [99]);
  });

  it('reads back every entry reported saved when writers are killed at random moments (20 rounds)', async function () {
    this.timeout(180000);
    const file = join(tempDir(), 'practice.jsonl');
    const rounds = 20;
    const writersPerRound = 3;
    // Writers: append numbered entries in a loop and print each number once its append returned.
    const writer = `const { appendPracticeEntry } = require(${JSON.stringify(MODULE)});
      const id = process.argv[1];
      (async () => {
        for (let i = 0; ; i++) {
          await appendPracticeEntry(${JSON.stringify(file)}, { ...${JSON.stringify(TEMPLATE)}, questionId: id, seconds: i });
          process.stdout.write(i + '\\n');
        }
      })();`;
    // The tearer plays writers killed halfway through a write (or an older STAR Coach, or a hand
    // edit): it appends short first parts of an entry, with no newline before or after, as fast as
    // it can, so that some land between another writer's look at the end of the file and its write.
    const tearer = `const fs = require('fs');
      const line = ${JSON.stringify(JSON.stringify({ ...TEMPLATE, questionId: 'torn' }))};
      (async () => {
        for (let i = 0; ; i++) {
          fs.appendFileSync(${JSON.stringify(file)}, line.slice(0, 1 + Math.floor(Math.random() * 24)));
          if (i % 8 === 0) {
            process.stdout.write(i + '\\n');
            await new Promise((r) => setImmediate(r));
          }
        }
      })();`;
    const reported = new Map<string, number[]>();
    let tornWrites = 0;
    let killed = 0;
    const run = (script: string, id: string, onNumber: (n: number) => void): Promise<void> =>
      new Promise((resolve) => {
        const child: ChildProcess = spawn(process.execPath, ['-e', script, id], { stdio: ['ignore', 'pipe', 'inherit'] });
        let pending = '';
        const kill = () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGKILL');
          killed++;
        };
        // Killed at a random moment once it is working (its first number), or after 10 s regardless.
        const fallback = setTimeout(kill, 10000);
        child.stdout!.once('data', () => setTimeout(kill, Math.random() * 250));
        child.stdout!.on('data', (chunk: Buffer) => {
          pending += chunk.toString();
          const lines = pending.split('\n');
          pending = lines.pop()!; // a number cut short by the kill was never fully reported
          for (const n of lines) onNumber(Number(n));
        });
        child.on('close', () => {
          clearTimeout(fallback);
          resolve();
        });
      });
    for (let round = 0; round < rounds; round++) {
      const tornBefore = tornWrites;
      const children = Array.from({ length: writersPerRound }, (_, k) => {
        const id = `w${round}-${k}`;
        reported.set(id, []);
        return run(writer, id, (n) => reported.get(id)!.push(n));
      });
      children.push(run(tearer, 'torn', (n) => (tornWrites = Math.max(tornWrites, tornBefore + n + 1))));
      await Promise.all(children);
    }

    const log = await readPracticeLog(file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const readBack = new Map<string, number[]>();
    for (const e of log.entries) readBack.set(e.questionId ?? '', [...(readBack.get(e.questionId ?? '') ?? []), e.seconds]);
    let saved = 0;
    let inFlight = 0;
    for (const [id, numbers] of reported) {
      const got = readBack.get(id) ?? [];
      saved += numbers.length;
      // What the writer reported, in order; at most one more, the append it made just before it was killed.
      assert.deepStrictEqual(got.slice(0, numbers.length), numbers, `${id}: every entry reported saved is read back`);
      assert.ok(got.length <= numbers.length + 1, `${id}: ${got.length} read back, ${numbers.length} reported`);
      if (got.length > numbers.length) assert.strictEqual(got[numbers.length], numbers.length);
      inFlight += got.length - numbers.length;
    }
    const damaged = log.damaged.map((n) => lines[n - 1]);
    for (const line of damaged) {
      // A damaged line is torn fragments (several in a row join) or the last, partial line of a
      // killed writer: it never holds a whole entry, which is what an entry fused with another looks like.
      assert.ok(!line.includes('"source":"cli"}'), `a whole entry was fused into a damaged line: ${line}`);
    }
    const fromWriters = damaged.filter((l) => /"questionId":"w/.test(l)).length;
    assert.ok(fromWriters <= killed, `${fromWriters} damaged lines from writers, ${killed} kills`);
    console.log(
      `      ${rounds} rounds, ${killed} processes killed: ${saved} appends reported saved, ${saved} of them read back, ${inFlight} more read back (appended just before a kill, not yet reported), ` +
        `${damaged.length} damaged lines (over ${tornWrites} torn fragments written on purpose, ${fromWriters} partial lines from killed writers)`,
    );
    assert.ok(saved > 50, `only ${saved} appends were reported: the test did not exercise the log`);
    assert.ok(tornWrites > 50, `only ${tornWrites} torn fragments`);
  });
});

describe('practice log: refusing up front, failing clearly', () => {
  it('says why it cannot write: the log is a folder, a part of its path is a file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'log-is-folder', 'practice.jsonl'), { recursive: true });
    await assert.rejects(checkPracticeLogWritable(join(dir, 'log-is-folder', 'practice.jsonl')), /it is a folder/);
    await assert.rejects(appendPracticeEntry(join(dir, 'log-is-folder', 'practice.jsonl'), TEMPLATE), /it is a folder/);
    writeFileSync(join(dir, 'file'), 'x');
    await assert.rejects(checkPracticeLogWritable(join(dir, 'file', 'sub', 'practice.jsonl')), /not a folder/);
    await assert.rejects(appendPracticeEntry(join(dir, 'file', 'practice.jsonl'), TEMPLATE), /cannot be made|not a folder/);
    // A missing log in a writable folder is fine, and checking it creates nothing.
    await checkPracticeLogWritable(join(dir, 'new', '.star-coach', 'practice.jsonl'));
    assert.ok(!existsSync(join(dir, 'new')));
  });

  it('refuses a named pipe in place of the log at once, reading or writing, instead of waiting on it', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir();
    const fifo = join(dir, 'practice.jsonl');
    assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
    const settle = <T>(promise: Promise<T>) =>
      Promise.race([
        promise.then(
          () => 'resolved',
          (error: Error) => error.message,
        ),
        new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
      ]);
    const outcomes = [await settle(checkPracticeLogWritable(fifo)), await settle(appendPracticeEntry(fifo, TEMPLATE)), await settle(readPracticeLog(fifo))];
    // Whatever happened, release a reader stuck on the pipe so that the test run can end.
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting: nothing to release
    }
    for (const outcome of outcomes) assert.match(outcome, /named pipe|not a regular file/);
  });
});
