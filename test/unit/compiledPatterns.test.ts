import * as assert from 'assert';
import { dirname } from 'path';
import { compiledNow, COMPILING_SUBJECT_CHARS, LONG_PATTERN_CHARS, matchesOf } from '../../src/core/text';
import { collectiveSentence, voiceMarks } from '../../src/core/language/personal';
import { storyTexts } from './helpers';

type Engine = typeof import('../../src/core/engine');

/**
 * Loads a fresh copy of the core (new module objects, so new regexes that have never run) and
 * lints every kept story with it, recording the length of the first subject each regex ran on.
 * The core already loaded for the other tests is put back afterwards.
 */
function firstSubjects(): Map<RegExp, number> {
  const core = dirname(require.resolve('../../src/core/engine'));
  const kept = Object.keys(require.cache).filter((id) => id.startsWith(core));
  const saved = kept.map((id) => [id, require.cache[id]] as const);
  kept.forEach((id) => delete require.cache[id]);
  const first = new Map<RegExp, number>();
  const exec = RegExp.prototype.exec;
  // With `exec` replaced, `test`, `matchAll`, `replace` and `split` all run through it.
  RegExp.prototype.exec = function (this: RegExp, subject: string) {
    if (!first.has(this)) first.set(this, String(subject).length);
    return exec.call(this, subject);
  };
  try {
    // A fresh copy, loaded after its cache entries are gone: an import would give the one already loaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const engine = require('../../src/core/engine') as Engine;
    const texts = storyTexts();
    for (const text of texts.slice(0, 40)) engine.lintText(text);
    engine.lintTexts(texts);
  } finally {
    RegExp.prototype.exec = exec;
    Object.keys(require.cache)
      .filter((id) => id.startsWith(core))
      .forEach((id) => delete require.cache[id]);
    for (const [id, module] of saved) require.cache[id] = module;
  }
  return first;
}

describe('patterns compiled before their first use', function () {
  this.timeout(60000);
  let first: Map<RegExp, number>;
  before(() => (first = firstSubjects()));

  it('every long pattern the engine runs first runs on a subject long enough to compile it at once', () => {
    const long = [...first].filter(([pattern]) => pattern.source.length > LONG_PATTERN_CHARS);
    assert.ok(long.length >= 5, `the engine runs ${long.length} long patterns; the walk missed them`);
    const late = long.filter(([, length]) => length < COMPILING_SUBJECT_CHARS).map(([pattern]) => `${pattern.source.slice(0, 60)}... first ran on ${first.get(pattern)} characters`);
    assert.deepStrictEqual(late, [], 'give these to compiledNow before their first use');
  });

  it('each long pattern runs as one object, never as a copy made per call (matchAll, split, new RegExp in a function)', () => {
    const copies = new Map<string, number>();
    for (const pattern of first.keys()) {
      if (pattern.source.length <= LONG_PATTERN_CHARS) continue;
      const key = `/${pattern.source}/${pattern.flags}`;
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
