import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { findTriggerWords, TRIGGER_WORDS } from '../../src/core/language/triggers';
import { sameLengthLowerCase } from '../../src/core/parse/story';

/**
 * Differential tests: each hand-written fast path against the plain definition it replaces, on
 * every story the project keeps and on generated text made of the words the fast path looks for.
 */

function storyTexts(): string[] {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk('examples');
  walk(join('test', 'fixtures'));
  return texts;
}

/** Generated text: the given words, pieces of them and the characters around word edges. */
function textOf(words: readonly string[]): fc.Arbitrary<string> {
  const pieces = [...words, ...words.map((w) => w.slice(0, 2)), ...words.map((w) => w.slice(1)), ' ', '-', '_', "'", '’', '.', '\n', 'x', '9', 'É', 'İ'];
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
}

describe('fast paths match their definitions', function () {
  this.timeout(60_000);

  describe('trigger words', () => {
    const escaped = TRIGGER_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const reference = (lower: string) => {
      const hits = new Map<string, number[]>();
      for (const match of lower.matchAll(new RegExp(`\\b(?:${escaped.join('|')})`, 'g'))) hits.set(match[0], [...(hits.get(match[0]) ?? []), match.index]);
      return hits;
    };

    it('finds what one regex of the words, longest first, after \\b finds, in every kept story', () => {
      const texts = storyTexts();
      assert.ok(texts.length > 300, `${texts.length} stories read`);
      for (const text of texts) {
        const lower = sameLengthLowerCase(text);
        assert.deepStrictEqual(findTriggerWords(lower), reference(lower));
      }
    });

    it('finds what the regex finds in generated text', () => {
      fc.assert(
        fc.property(textOf(TRIGGER_WORDS), (text) => {
          const lower = sameLengthLowerCase(text);
          assert.deepStrictEqual(findTriggerWords(lower), reference(lower));
        }),
        { numRuns: 3000 },
      );
    });
  });
});
