import * as assert from 'assert';
import { createHash } from 'crypto';
import { resolveConfig } from '../../src/core/config';
import { summarize } from '../../src/core/coverage';
import { lintText } from '../../src/core/engine';
import { isLintCacheText, LintCache, lintCacheFingerprint } from '../../src/core/lintCache';

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64');
const STORY = '---\ntitle: Cut costs\nlps: [Frugalty]\n---\n## Situation\nCosts grew.\n## Action\nWe moved jobs to spot capacity.\n## Result\nIt shipped.\n';
const FINGERPRINT = lintCacheFingerprint('build-1', { '': resolveConfig() }, 2026);

/** A cache holding the lint of STORY under /bank/cut.star.md, as a run would store it. */
function storedCache(): LintCache {
  const cache = LintCache.empty(FINGERPRINT);
  const { story, findings } = lintText(STORY);
  cache.store('/bank/cut.star.md', sha1(STORY), summarize('cut.star.md', story, findings), findings);
  return cache;
}

describe('lint cache', () => {
  it('gives back, for the same text, the summary and findings stored, without the id and without fixes', () => {
    const { story, findings } = lintText(STORY);
    assert.ok(findings.some((f) => f.fixes.length > 0), 'the story has a fixable finding');
    const { cache, problem } = LintCache.fromText(storedCache().toText(() => true, sha1), FINGERPRINT, sha1);
    assert.strictEqual(problem, undefined);
    const hit = cache.lookup('/bank/cut.star.md', sha1(STORY));
    const summary: Partial<ReturnType<typeof summarize>> = summarize('cut.star.md', story, findings);
    delete summary.id;
    assert.deepStrictEqual(hit, { summary, findings: findings.map((f) => ({ ...f, fixes: [] })) });
    assert.strictEqual(cache.lookup('/bank/cut.star.md', sha1(`${STORY} `)), undefined, 'another text');
    assert.strictEqual(cache.lookup('/bank/other.star.md', sha1(STORY)), undefined, 'another file');
  });

  it('holds nothing, and says nothing, for another build or other settings', () => {
    const text = storedCache().toText(() => true, sha1);
    const offSettings = resolveConfig({ rules: { 'unknown-lp': 'off' } });
    for (const fingerprint of [lintCacheFingerprint('build-2', { '': resolveConfig() }, 2026), lintCacheFingerprint('build-1', { '': offSettings }, 2026), lintCacheFingerprint('build-1', { '': resolveConfig({ wordsPerMinute: 120 }) }, 2026)]) {
      const { cache, problem } = LintCache.fromText(text, fingerprint, sha1);
      assert.strictEqual(problem, undefined);
      assert.strictEqual(cache.lookup('/bank/cut.star.md', sha1(STORY)), undefined);
    }
  });

  it('holds nothing in another year, as stale-story counts the age of a story from it', () => {
    const text = storedCache().toText(() => true, sha1);
    assert.ok(LintCache.fromText(text, FINGERPRINT, sha1).cache.lookup('/bank/cut.star.md', sha1(STORY)));
    assert.strictEqual(LintCache.fromText(text, lintCacheFingerprint('build-1', { '': resolveConfig() }, 2027), sha1).cache.lookup('/bank/cut.star.md', sha1(STORY)), undefined);
  });

  it('tells a lint cache, whole or damaged, from any other file', () => {
    const text = storedCache().toText(() => true, sha1);
    assert.deepStrictEqual([text, text.slice(0, text.indexOf('\n') + 20), text.replace('Frugalty', 'x')].map(isLintCacheText), [true, true, true]);
    assert.deepStrictEqual([STORY, '', '{"entries":1}\n', '[1]', '{"format":1}', '# notes'].map(isLintCacheText), [false, false, false, false, false, false]);
  });

  it('treats an entry of the wrong shape, whole by its checksum, as not kept', () => {
    const text = storedCache().toText(() => true, sha1);
    const [header, entries] = text.split('\n');
    for (const broken of [entries.replace('"findings":[', '"findings":[null,'), entries.replace(/"title":"[^"]*"/, '"title":7'), entries.replace(/"range":\{"start":\{[^}]*\},"end":\{[^}]*\}\}/, '"range":{}')]) {
      const forged = `${header.replace(/"checksum":"[^"]+"/, `"checksum":"${sha1(broken)}"`)}\n${broken}`;
      const { cache, problem } = LintCache.fromText(forged, FINGERPRINT, sha1);
      assert.strictEqual(problem, undefined);
      assert.strictEqual(cache.lookup('/bank/cut.star.md', sha1(STORY)), undefined, broken.slice(0, 120));
    }
  });

  it('has one fingerprint for the same settings however they were written', () => {
    const a = resolveConfig({ rules: { 'unknown-lp': 'error', 'too-long': { maxMinutes: 3 } } });
    const b = resolveConfig({ rules: { 'too-long': { maxMinutes: 3 }, 'unknown-lp': 'error' } });
    const other = resolveConfig({ rules: { 'too-long': { maxMinutes: 4 } } });
    assert.strictEqual(lintCacheFingerprint('x', { f: a, g: other }, 2026), lintCacheFingerprint('x', { g: other, f: b }, 2026));
    assert.notStrictEqual(lintCacheFingerprint('x', { f: a }, 2026), lintCacheFingerprint('x', { f: other }, 2026));
    assert.notStrictEqual(lintCacheFingerprint('x', { f: a, g: other }, 2026), lintCacheFingerprint('x', { f: other, g: a }, 2026), 'each folder its own settings');
  });

  it('says a damaged, cut short or hand-edited cache is not used, and holds nothing', () => {
    const text = storedCache().toText(() => true, sha1);
    const damaged = [
      '',
      'not json',
      text.slice(0, text.length - 10),
      text.slice(0, text.indexOf('\n')),
      text.replace('Frugalty', 'Frugality'),
      text.replace(/"checksum":"[^"]+"/, '"checksum":"x"'),
      `${text.slice(0, text.indexOf('\n') + 1)}[]`,
      `${text.slice(0, text.indexOf('\n') + 1)}{`,
    ];
    for (const bad of damaged) {
      const { cache, problem } = LintCache.fromText(bad, FINGERPRINT, sha1);
      assert.match(problem ?? '', /damaged or was edited/, JSON.stringify(bad.slice(0, 80)));
      assert.strictEqual(cache.lookup('/bank/cut.star.md', sha1(STORY)), undefined);
    }
  });

  it('keeps for the next run what this run stored or used, and the earlier entries of files it did not look at', () => {
    const earlier = LintCache.empty(FINGERPRINT);
    const { story, findings } = lintText(STORY);
    for (const file of ['/bank/a/unseen.star.md', '/bank/a/gone.star.md', '/bank/a/used.star.md', '/other/far.star.md']) earlier.store(file, sha1(STORY), summarize(file, story, findings), findings);
    const { cache } = LintCache.fromText(earlier.toText(() => true, sha1), FINGERPRINT, sha1);
    assert.ok(cache.lookup('/bank/a/used.star.md', sha1(STORY)));
    cache.store('/bank/a/new.star.md', sha1('new'), summarize('new', story, findings), findings);
    const next = LintCache.fromText(cache.toText((file) => !file.startsWith('/bank/a/'), sha1), FINGERPRINT, sha1).cache;
    const has = (file: string, text = STORY) => next.lookup(file, sha1(text)) !== undefined;
    assert.deepStrictEqual(
      [has('/bank/a/used.star.md'), has('/bank/a/new.star.md', 'new'), has('/other/far.star.md'), has('/bank/a/unseen.star.md'), has('/bank/a/gone.star.md')],
      [true, true, true, false, false],
    );
  });

  it('writes what another thread stored beside what the file already held', () => {
    const { story, findings } = lintText(STORY);
    const one = LintCache.empty(FINGERPRINT);
    const two = LintCache.empty(FINGERPRINT);
    one.store('/bank/one.star.md', sha1(STORY), summarize('one', story, findings), findings);
    two.store('/bank/two.star.md', sha1(STORY), summarize('two', story, findings), findings);
    const latest = LintCache.fromText(one.toText(() => true, sha1), FINGERPRINT, sha1).cache;
    latest.adopt(two);
    const merged = LintCache.fromText(latest.toText(() => true, sha1), FINGERPRINT, sha1).cache;
    assert.ok(merged.lookup('/bank/one.star.md', sha1(STORY)) && merged.lookup('/bank/two.star.md', sha1(STORY)));
  });
});
