import * as assert from 'assert';
import fc from 'fast-check';
import { isCollection, isScalar, parseDocument, type Node } from 'yaml';
import { scanSimpleYaml } from '../../src/core/parse/yamlLines';

/** Front matter lines, plain and odd, so generated blocks hit both the scanner and its refusals. */
const LINES = [
  'title: Cut checkout latency', 'title: "Quoted, with comma"', "title: 'single ''quoted'''", 'title: 123', 'title:', 'title: ~',
  'lps: [Ownership, Dive Deep]', 'lps: [Are Right, A Lot]', 'lps: ["Are Right, A Lot", frugality]', 'lps: []', 'lps: [a, ]', 'lps: Ownership',
  'lps:\n  - Ownership\n  - "Earn Trust"', 'lps:\n- Dive Deep', 'lps:\n  - a: b', 'level: L6', 'level: 7', 'level: 6.5', 'outcome: failure',
  'year: 2023', 'year: "2023"', 'year: 0x1F', 'year: 1e3', 'year: .inf', 'year: 12345678901234567890', 'flag: true', 'flag: False',
  'tags: [a, b] # comment', '# a comment line', '', 'company: Acme Corp', 'role: |\n  block scalar', 'nested:\n  key: value',
  'anchor: &a value', 'alias: *a', 'tagged: !!str 5', 'dup: 1', 'dup: 2', '? complex key\n: value', 'bad: [unclosed', 'x: "unterminated',
  'multi: first\n  continued line', '- a list item', 'key: value: other', 'k: {a: 1}', 'k: [[nested]]', 'Title: Capital', '  indented: x',
  // Shapes the line scanner sees: comments, spacing, quotes and colons in odd places.
  'title: C# at scale', 'title: a:b', 'lps: [a:b]', 'title: x # note', 'title: "quoted # not a comment"', "title: 'it''s # fine' # note",
  'title:   spaced   out  ', 'title: "a" b', "title: 'a' 'b'", 'k:x', 'lps:\n  - a\n  # between\n  - b', 'lps:\n  - a\n   - b', 'lps:\n  -',
  'lps: [ "Dive Deep" , \'Earn Trust\' ]', 'lps: [a, , b]', 'lps: [a] b', 'lps: ["a\\"b"]', 'title: "esc \\n"', 'k: -5', 'k: +5', 'k: 007',
  'k: null', 'k: 1.50', 'title: %percent', 'title: @at', 'title: 50% faster', 'title: 5" screen', '   ', '  # indented comment', 'k: a\tb',
];

/** Blocks with LF or CRLF line ends (Windows), the same lines either way. */
const block = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, lineEnd]) => `${lines.join('\n')}\n`.replace(/\n/g, lineEnd));

/** Holds a reader to parseDocument on generated blocks; returns how many blocks it took. */
function agreesWithParseDocument(read: (source: string) => ReturnType<typeof scanSimpleYaml>): number {
  let taken = 0;
  fc.assert(
    fc.property(block, (source) => {
      const fields = read(source);
      if (!fields) return;
      taken++;
      const doc = parseDocument(source, { uniqueKeys: true });
      assert.deepStrictEqual(doc.errors, [], `fast path took a block parseDocument rejects:\n${source}`);
      assert.deepStrictEqual(Object.fromEntries(fields.map((f) => [f.key, f.value])), doc.toJS() ?? {}, source);
      for (const field of fields) {
        const node = doc.get(field.key, true) as Node | null | undefined;
        // An empty value has no text of its own; where each places it does not matter.
        if (field.value !== null && node && (isScalar(node) || isCollection(node)) && node.range) {
          assert.strictEqual(field.start, node.range[0], `${field.key} start in\n${source}`);
          if (isScalar(node)) assert.strictEqual(field.end, node.range[1], `${field.key} end in\n${source}`);
        }
        if (isCollection(node) && field.items) {
          assert.deepStrictEqual(
            field.items.map((i) => [i.start, i.end]),
            node.items.map((n) => (n as Node).range!.slice(0, 2)),
            `${field.key} items in\n${source}`,
          );
        }
      }
    }),
    { numRuns: 4000 },
  );
  return taken;
}

describe('front matter line scanner against parseDocument', () => {
  it('reads exactly what parseDocument reads, with the same ranges, or declines', () => {
    const taken = agreesWithParseDocument(scanSimpleYaml);
    assert.ok(taken > 300, `the scanner should take the plain blocks (took ${taken})`);
  });

  it('declines what it does not handle', () => {
    for (const source of ['a: 1\rb: 2\n', 'a: x\ry\n', 'a: &x 1\n', 'a: 1\na: 2\n', 'a:\n  b: c\n', 'a: |\n  text\n', 'a: [unclosed\n', 'a: 0x10\n', 'a: "x\\ty"\n', 'a: b\n  c\n', 'a: [a: b]\n']) {
      assert.strictEqual(scanSimpleYaml(source), undefined, source);
    }
  });
});
