import * as assert from 'assert';
import { allLps, closestLp, findLp, normalizeLpName } from '../../src/core/catalog';
import { catalogSchema } from '../../src/core/catalog/schema';
import data from '../../src/core/catalog/lps.json';

const OFFICIAL = [
  'Customer Obsession', 'Ownership', 'Invent and Simplify', 'Are Right, A Lot', 'Learn and Be Curious',
  'Hire and Develop the Best', 'Insist on the Highest Standards', 'Think Big', 'Bias for Action', 'Frugality',
  'Earn Trust', 'Dive Deep', 'Have Backbone; Disagree and Commit', 'Deliver Results',
  "Strive to be Earth's Best Employer", 'Success and Scale Bring Broad Responsibility',
];

describe('LP catalog', () => {
  it('validates against its schema', () => {
    assert.doesNotThrow(() => catalogSchema.parse(data));
  });

  it('has exactly the 16 LPs, in order, with unique ids', () => {
    assert.deepStrictEqual(allLps().map((lp) => lp.name), OFFICIAL);
    assert.strictEqual(new Set(allLps().map((lp) => lp.id)).size, 16);
  });

  it('derives each id from its name', () => {
    for (const lp of allLps()) assert.strictEqual(lp.id, normalizeLpName(lp.name).replace(/ /g, '-'));
  });

  it('has no alias that names two LPs', () => {
    const keys = allLps().flatMap((lp) => [lp.id, lp.name, ...lp.aliases].map((k) => `${normalizeLpName(k)}>${lp.id}`));
    const byKey = new Map<string, Set<string>>();
    for (const key of keys) {
      const [name, id] = key.split('>');
      byKey.set(name, (byKey.get(name) ?? new Set()).add(id));
    }
    assert.deepStrictEqual([...byKey].filter(([, ids]) => ids.size > 1), []);
  });

  it('matches exact names, kebab ids and aliases, case-insensitively', () => {
    for (const name of ['Customer Obsession', 'customer-obsession', 'CUSTOMER OBSESSION', 'are right, a lot', 'Are Right A Lot', 'disagree and commit', "earths best employer"]) {
      assert.ok(findLp(name), name);
    }
    assert.strictEqual(findLp('Teamwork'), undefined);
  });

  it('suggests the closest LP for a misspelling, confidently only when close', () => {
    assert.deepStrictEqual([closestLp('Customer Obsesion').lp.id, closestLp('Customer Obsesion').confident], ['customer-obsession', true]);
    assert.strictEqual(closestLp('Dive Deeper').lp.id, 'dive-deep');
    assert.strictEqual(closestLp('Deliver Result').lp.id, 'deliver-results');
    assert.strictEqual(closestLp('Highest Standard').lp.id, 'insist-on-the-highest-standards');
    assert.strictEqual(closestLp('Teamwork').confident, false);
  });
});
