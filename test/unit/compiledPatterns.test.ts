import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { compiledNow, COMPILING_SUBJECT_CHARS, LONG_PATTERN_CHARS, matchesOf } from '../../src/core/text';
import { collectiveSentence, voiceMarks } from '../../src/core/language/personal';

/** One regex object the engine ran: its source, its flags and the length of the first subject it ran on. */
interface FirstRun {
  source: string;
  flags: string;
  firstLength: number;
}

/**
 * Lints every kept story with the core in a node process of its own, recording, for each regex
 * object that runs, the length of the first subject it ran on. In a process of its own because
 * replacing `RegExp.prototype.exec`, even for a moment, sends every later regex of that process
 * down V8's slow path: the tests after this one would run several times slower.
 */
function firstRuns(): FirstRun[] {
  const script = `
    const first = new Map();
    const exec = RegExp.prototype.exec;
    // With exec replaced, test, matchAll, replace and split all run through it. Replaced before the
    // core loads, so that a pattern run while the modules load counts too.
    RegExp.prototype.exec = function (subject) {
      if (!first.has(this)) first.set(this, String(subject).length);
      return exec.call(this, subject);
    };
    const engine = require(${JSON.stringify(require.resolve('../../src/core/engine'))});
    const texts = require(${JSON.stringify(require.resolve('./helpers'))}).storyTexts();
    for (const text of texts.slice(0, 40)) engine.lintText(text);
    engine.lintTexts(texts);
    RegExp.prototype.exec = exec;
    process.stdout.write(JSON.stringify([...first].map(([p, firstLength]) => ({ source: p.source, flags: p.flags, firstLength }))));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as FirstRun[];
}

describe('patterns compiled before their first use', function () {
  this.timeout(60000);
  let runs: FirstRun[];
  before(() => (runs = firstRuns()));

  it('every long pattern the engine runs first runs on a subject long enough to compile it at once', () => {
    const long = runs.filter((run) => run.source.length > LONG_PATTERN_CHARS);
    assert.ok(long.length >= 5, `the engine runs ${long.length} long patterns; the walk missed them`);
    const late = long.filter((run) => run.firstLength < COMPILING_SUBJECT_CHARS).map((run) => `${run.source.slice(0, 60)}... first ran on ${run.firstLength} characters`);
    assert.deepStrictEqual(late, [], 'give these to compiledNow before their first use');
  });

  it('each long pattern runs as one object, never as a copy made per call (matchAll, split, new RegExp in a function)', () => {
    const copies = new Map<string, number>();
    for (const run of runs) {
      if (run.source.length <= LONG_PATTERN_CHARS) continue;
      const key = `/${run.source}/${run.flags}`;
      copies.set(key, (copies.get(key) ?? 0) + 1);
    }
    assert.deepStrictEqual([...copies].filter(([, n]) => n > 1).map(([key, n]) => `${key.slice(0, 60)}... ran as ${n} objects`), [], 'a copy keeps its compiled code only in a cache each full GC empties: run the pattern itself (matchesOf)');
  });

  it('compiledNow returns the pattern itself, with its lastIndex as it was and its matches unchanged', () => {
    const pattern = /\bhalved\b/g;
    pattern.lastIndex = 7;
    assert.strictEqual(compiledNow(pattern), pattern);
    assert.strictEqual(pattern.lastIndex, 7);
    pattern.lastIndex = 0;
    assert.deepStrictEqual([...'we halved it, then halved it again'.matchAll(compiledNow(pattern))].map((m) => m.index), [3, 19]);
  });
});

describe('matchesOf', () => {
  it('finds what matchAll finds, empty matches included, also past an astral character in unicode mode', () => {
    const text = 'a\u{1F600}b we, we\u2019d \u{1F600}';
    for (const pattern of [/(?:)/gu, /\b/gu, /(?=b)|/gu, /(?:)/g, /x*/g, /\bwe\b/g, /\p{L}+/gu]) {
      const expected = [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => [m.index, m[0]]);
      pattern.lastIndex = 3;
      assert.deepStrictEqual(
        matchesOf(text, pattern).map((m) => [m.index, m[0]]),
        expected,
        `/${pattern.source}/${pattern.flags}`,
      );
      assert.strictEqual(pattern.lastIndex, 0);
    }
  });

  it('finds from the start whatever an earlier search left in lastIndex: every group voice is highlighted after the personal-role rule asked for the first', () => {
    const text = 'We planned it. Then the team shipped it, and we measured it.';
    assert.ok(collectiveSentence(text));
    assert.deepStrictEqual(voiceMarks(text).collective.map(([start, end]) => text.slice(start, end).toLowerCase()), ['we', 'the team', 'we']);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    assert.throws(() => matchesOf('we did', /we/), TypeError);
  });
});
