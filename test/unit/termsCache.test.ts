import * as assert from 'assert';
import { lintText } from '../../src/core/engine';
import { StoryMatcher, storyWords, type BankTerms } from '../../src/core/match/rank';
import { StoryTermsCache, type ReadStory } from '../../src/core/match/termsCache';
import { textDigest } from '../../src/core/digest';
import { profileStory } from '../../src/core/plan/profile';

const story = (title: string, lp: string, action: string) =>
  `---\ntitle: ${title}\nlps: [${lp}]\n---\n## Situation\nThe team had a problem.\n## Task\nI owned it.\n## Action\n${action}\n## Result\nCosts fell by 30%.\n`;

/** A bank on "disk": texts by id, a log of reads, and reads that can be held until released. */
function fakeBank(texts: Record<string, string>) {
  const files = new Map(Object.entries(texts));
  const reads: string[] = [];
  let hold: { id: string; release: () => void } | undefined;
  let holding: string | undefined;
  const read = async (id: string): Promise<ReadStory | undefined> => {
    reads.push(id);
    // The text as it was when the read began: a change after it is a newer text than the one read.
    const text = files.get(id);
    if (holding === id) {
      holding = undefined;
      await new Promise<void>((release) => (hold = { id, release }));
    }
    return text === undefined ? undefined : { text };
  };
  return {
    files,
    reads,
    read,
    /** The next read of `id` waits until `release` is called. */
    holdNextRead(id: string) {
      holding = id;
    },
    release() {
      hold?.release();
    },
    async whenHeld() {
      for (let turn = 0; !hold; turn++) {
        if (turn === 10_000) throw new Error('the read to hold never began');
        await new Promise((resolve) => setImmediate(resolve));
      }
      return hold.id;
    },
  };
}

/** The matcher's ranking of `question` over the cache's bank, as (id, score) pairs. */
function ranking(ids: readonly string[], terms: BankTerms, texts: ReadonlyMap<string, string>, question: string) {
  const profiles = ids.map((id) => {
    const { story: parsed, findings } = lintText(texts.get(id)!);
    return profileStory(id, parsed, findings);
  });
  return new StoryMatcher({ profiles, terms }).rank(question, { now: new Date(0) }).map((r) => [r.file, r.score]);
}

/** The same ranking with every story's words read afresh: what the cache must give. */
function freshRanking(ids: readonly string[], texts: ReadonlyMap<string, string>, question: string) {
  const documents = ids.map((id) => {
    const { story: parsed, findings } = lintText(texts.get(id)!);
    return { profile: profileStory(id, parsed, findings), text: storyWords(parsed) };
  });
  return new StoryMatcher(documents).rank(question, { now: new Date(0) }).map((r) => [r.file, r.score]);
}

describe("the bank's words kept across questions (StoryTermsCache)", () => {
  const texts = {
    a: story('Cut the vendor bill', 'Frugality', 'I renegotiated the vendor contract.'),
    b: story('Found the latency', 'Dive Deep', 'I traced the latency to the database.'),
    c: story('Hired a team', 'Hire and Develop the Best', 'I ran the hiring loop.'),
  };

  it('reads each story once across questions, and ranks as the words read afresh do', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    const first = await cache.bank(['a', 'b', 'c']);
    const second = await cache.bank(['a', 'b', 'c']);
    assert.deepStrictEqual(disk.reads, ['a', 'b', 'c']);
    assert.strictEqual(second.terms, first.terms, 'the same bank of words, not built again');
    assert.deepStrictEqual(ranking(second.ids, second.terms, disk.files, 'vendor latency'), freshRanking(['a', 'b', 'c'], disk.files, 'vendor latency'));
  });

  it('keeps the words when the index checked the same text again, and reads a story whose text changed', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    await cache.bank(['a', 'b', 'c']);
    // A change of settings: every story checked again, its text the same.
    for (const [id, text] of disk.files) cache.changed(id, textDigest(text));
    disk.files.set('b', story('Found the latency', 'Dive Deep', 'I traced the zeppelin latency to the database.'));
    cache.changed('b', textDigest(disk.files.get('b')!));
    const { ids, terms } = await cache.bank(['a', 'b', 'c']);
    assert.deepStrictEqual(disk.reads, ['a', 'b', 'c', 'b']);
    assert.deepStrictEqual(ranking(ids, terms, disk.files, 'zeppelin'), freshRanking(['a', 'b', 'c'], disk.files, 'zeppelin'));
    assert.strictEqual(ranking(ids, terms, disk.files, 'zeppelin')[0][0], 'b');
  });

  it('ranks a story changed while it is read by the words it had, and reads it again before answering', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    await cache.bank(['a', 'b', 'c']);
    cache.changed('b'); // edited
    disk.holdNextRead('b');
    const asked = cache.bank(['a', 'b', 'c']);
    assert.strictEqual(await disk.whenHeld(), 'b');
    // Saved again while the read is in flight: that read is of an older text.
    disk.files.set('b', story('Found the latency', 'Dive Deep', 'I traced the blimp latency to the database.'));
    cache.changed('b');
    disk.release();
    const { ids, terms } = await asked;
    assert.deepStrictEqual(ids, ['a', 'b', 'c'], 'no story left out');
    assert.deepStrictEqual(disk.reads, ['a', 'b', 'c', 'b', 'b'], 'read again in the next pass');
    assert.deepStrictEqual(ranking(ids, terms, disk.files, 'blimp'), freshRanking(['a', 'b', 'c'], disk.files, 'blimp'));
  });

  it('a first read that races a change is read again, not left out', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    disk.holdNextRead('a');
    const asked = cache.bank(['a', 'b', 'c']);
    await disk.whenHeld();
    cache.changed('a', 12345);
    disk.release();
    assert.deepStrictEqual((await asked).ids, ['a', 'b', 'c']);
  });

  it('leaves out a story removed or gone from disk, and one that never could be read; keeps one that fails after a good read', async () => {
    const disk = fakeBank(texts);
    let failing = false;
    const cache = new StoryTermsCache(async (id) => {
      if (failing && id === 'c') throw new Error('EACCES');
      return disk.read(id);
    });
    await cache.bank(['a', 'b', 'c']);
    cache.removed('a');
    disk.files.delete('b');
    cache.changed('b');
    failing = true;
    cache.changed('c');
    const { ids } = await cache.bank(['b', 'c']);
    assert.deepStrictEqual(ids, ['c'], 'b is gone; c keeps the words it was read with');
    const never = new StoryTermsCache(async () => Promise.reject(new Error('EACCES')));
    assert.deepStrictEqual((await never.bank(['a'])).ids, []);
  });

  it('two questions at once read the bank once', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    const [one, two] = await Promise.all([cache.bank(['a', 'b', 'c']), cache.bank(['a', 'b', 'c'])]);
    assert.deepStrictEqual(disk.reads, ['a', 'b', 'c']);
    assert.strictEqual(one.terms, two.terms);
  });

  it('replaces a changed story in place, and builds anew when the stories are others, ranking as afresh each time', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    const first = await cache.bank(['a', 'b', 'c']);
    disk.files.set('c', story('Hired a team', 'Hire and Develop the Best', 'I ran the vendor hiring loop.'));
    cache.changed('c');
    const second = await cache.bank(['a', 'b', 'c']);
    assert.strictEqual(second.terms, first.terms, 'replaced in place');
    assert.deepStrictEqual(ranking(second.ids, second.terms, disk.files, 'vendor hiring'), freshRanking(['a', 'b', 'c'], disk.files, 'vendor hiring'));
    const third = await cache.bank(['c', 'a']);
    assert.notStrictEqual(third.terms, first.terms);
    assert.deepStrictEqual(ranking(third.ids, third.terms, disk.files, 'vendor hiring'), freshRanking(['c', 'a'], disk.files, 'vendor hiring'));
  });

  it('a change back to the words held, while a newer text is read, keeps no stale words', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    await cache.bank(['a', 'b', 'c']);
    const original = disk.files.get('b')!;
    disk.files.set('b', story('Found the latency', 'Dive Deep', 'I traced the zeppelin latency to the database.'));
    cache.changed('b', textDigest(disk.files.get('b')!));
    disk.holdNextRead('b');
    const asked = cache.bank(['a', 'b', 'c']);
    await disk.whenHeld();
    // Put back as it was (a checkout and back) while the newer text is read: the index checks it again.
    disk.files.set('b', original);
    cache.changed('b', textDigest(original));
    disk.release();
    const { ids, terms } = await asked;
    // Scores are relative to the best: a question two stories share words with tells stale words apart.
    assert.deepStrictEqual(ranking(ids, terms, disk.files, 'zeppelin vendor'), freshRanking(['a', 'b', 'c'], disk.files, 'zeppelin vendor'));
  });

  it('reads a story marked changed once, and not again while its text is the same', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    await cache.bank(['a', 'b', 'c']);
    cache.changed('a'); // its editor closed, nothing changed
    await cache.bank(['a', 'b', 'c']);
    await cache.bank(['a', 'b', 'c']);
    assert.deepStrictEqual(disk.reads, ['a', 'b', 'c', 'a']);
    cache.removed('b');
    await cache.bank(['a', 'b', 'c']);
    assert.deepStrictEqual(disk.reads, ['a', 'b', 'c', 'a', 'b'], 'a story removed and back is read anew');
  });

  it('ranks the same stories in another order as afresh (the words follow their stories)', async () => {
    const disk = fakeBank(texts);
    const cache = new StoryTermsCache(disk.read);
    await cache.bank(['a', 'b', 'c']);
    const { ids, terms } = await cache.bank(['c', 'a', 'b']);
    assert.deepStrictEqual(ids, ['c', 'a', 'b']);
    assert.deepStrictEqual(ranking(ids, terms, disk.files, 'vendor latency hiring'), freshRanking(['c', 'a', 'b'], disk.files, 'vendor latency hiring'));
  });

  it('wraps each pass of reads, with how many it reads', async () => {
    const cache = new StoryTermsCache(fakeBank(texts).read);
    const counts: number[] = [];
    await cache.bank(['a', 'b', 'c'], async (count, read) => {
      counts.push(count);
      await read();
    });
    await cache.bank(['a', 'b', 'c'], async (count, read) => {
      counts.push(count);
      await read();
    });
    assert.deepStrictEqual(counts, [3]);
  });
});

describe('the digest of a story text (textDigest)', () => {
  it('is the same for the same text, with or without a byte order mark, and differs for a change of one character', () => {
    const text = story('Cut the vendor bill', 'Frugality', 'I renegotiated the vendor contract.');
    assert.strictEqual(textDigest(text), textDigest(`\ufeff${text}`));
    assert.strictEqual(textDigest(text), textDigest(text.slice()));
    assert.notStrictEqual(textDigest(text), textDigest(text.replace('vendor contract', 'vendor Contract')));
    assert.notStrictEqual(textDigest(text), textDigest(text.replace(/\n/g, '\r\n')));
    assert.ok(Number.isSafeInteger(textDigest(text)) && textDigest(text) >= 0);
    // No two of a few thousand near-identical texts share a digest.
    const digests = new Set(Array.from({ length: 5000 }, (_, i) => textDigest(`${text}${i}`)));
    assert.strictEqual(digests.size, 5000);
  });
});
