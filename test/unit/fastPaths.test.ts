import * as assert from 'assert';
import fc from 'fast-check';
import { isRegExpSpace, sentenceAround } from '../../src/core/text';

/**
 * The engine's hot paths are written as character loops and table lookups for speed. Each is checked
 * here against the plain definition it replaces (a regex, a whole-text search), on generated text.
 */

/** Text rich in what the fast paths look at: stops, blanks of every kind, list marks, words. */
const PIECES = ['.', '!', '?', '\n', '\r\n', ' ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '- ', '* ', '+ ', '> ', '# ', 'e.g.', '3.5', 'I', 'we', 'word', 'é', '😀'];
const prose = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 50 }).map((parts) => parts.join(''));

describe('fast paths equal their plain definitions', () => {
  it('isRegExpSpace is /\\s/, for every UTF-16 code unit', () => {
    for (let code = 0; code < 0x10000; code++) assert.strictEqual(isRegExpSpace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  });

  it('sentenceAround finds the sentence its regex definition finds', () => {
    /** The definition: regex tests, one character at a time. */
    function reference(text: string, at: number): { start: number; end: number } {
      const stopAt = (i: number) => text[i] === '\n' || (/[.!?]/.test(text[i]) && (i + 1 >= text.length || /\s/.test(text[i + 1])));
      let start = at;
      while (start > 0 && !stopAt(start - 1)) start--;
      let end = at;
      while (end < text.length && !stopAt(end)) end++;
      if (end < text.length && text[end] !== '\n') end++;
      while (start < end && /[\s\-*+>#]/.test(text[start])) start++;
      return { start, end };
    }
    fc.assert(
      fc.property(prose, fc.nat(), (text, n) => {
        const at = text.length === 0 ? 0 : n % text.length;
        assert.deepStrictEqual(sentenceAround(text, at), reference(text, at));
      }),
      { numRuns: 3000 },
    );
  });
});

