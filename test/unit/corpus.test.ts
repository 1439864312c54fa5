import * as assert from 'assert';
import { findPersonalAction } from '../../src/core/language/personal';
import { findAllQuantities, hasQuantity } from '../../src/core/language/quantities';
import { readFixture } from './helpers';

interface ResultCase { text: string; quantified: boolean; note: string }
interface ActionCase { text: string; personal: boolean; note: string }

/**
 * Labelled Results and Actions written apart from the code: "corpus" guided the rules, "heldout" was
 * written later by someone who never saw them, and is the honest measure of precision.
 */
for (const set of ['corpus', 'heldout']) {
  describe(`labelled ${set}`, () => {
    const results = JSON.parse(readFixture(set, 'results.json')) as ResultCase[];
    const actions = JSON.parse(readFixture(set, 'actions.json')) as ActionCase[];

    it('has both labels in good number', () => {
      assert.ok(results.filter((c) => c.quantified).length >= 25 && results.filter((c) => !c.quantified).length >= 25);
      assert.ok(actions.filter((c) => c.personal).length >= 25 && actions.filter((c) => !c.personal).length >= 25);
    });

    for (const c of results) {
      it(`result ${c.quantified ? 'quantified' : 'unquantified'}: ${c.text.slice(0, 70)}`, () => {
        assert.strictEqual(hasQuantity(c.text), c.quantified, c.note);
      });
    }
    for (const c of actions) {
      it(`action ${c.personal ? 'personal' : 'collective'}: ${c.text.slice(0, 70).replace(/\n/g, ' ')}`, () => {
        assert.strictEqual(findPersonalAction(c.text) !== undefined, c.personal, c.note);
      });
    }
  });
}

describe('findAllQuantities (highlighting)', () => {
  it('finds every measure, words and numbers, judged in the whole sentence', () => {
    const text = 'We halved the pages, cut P99 from 900 ms to 180 ms in Q3 2024, and saved $2M; 24/7 on-call stayed.';
    const found = findAllQuantities(text).map((q) => text.slice(q.start, q.end));
    assert.deepStrictEqual(found, ['halved', '900', '180', '2']);
  });
});
