import * as assert from 'assert';
import fc from 'fast-check';
import { CoverageIndex, summarize } from '../../src/core/coverage';
import { lintText } from '../../src/core/engine';

function summary(id: string, frontMatter: string, body = '## Result\nCut cost by 10%.\n') {
  const { story, findings } = lintText(`---\ntitle: ${id}\n${frontMatter}\n---\n${body}`);
  return summarize(id, story, findings);
}

describe('coverage index', () => {
  it('lists each story under every LP it claims, primary first', () => {
    const index = new CoverageIndex();
    index.upsert(summary('b', 'lps: [Dive Deep, Ownership]'));
    index.upsert(summary('a', 'lps: [Ownership, dive-deep, Customer Obsesion]'));
    const coverage = index.coverage(3);
    const ownership = coverage.find((c) => c.lp.id === 'ownership')!;
    assert.deepStrictEqual(ownership.stories.map((s) => [s.story.id, s.primary]), [['a', true], ['b', false]]);
    assert.strictEqual(coverage.find((c) => c.lp.id === 'dive-deep')!.count, 2);
    assert.strictEqual(coverage.find((c) => c.lp.id === 'customer-obsession')!.count, 0, 'an unknown name claims nothing');
    assert.deepStrictEqual(coverage.map((c) => c.lp.id).slice(0, 2), ['customer-obsession', 'ownership'], 'catalog order');
  });

  it('reads "[Are Right, A Lot]" as the one LP it names', () => {
    const index = new CoverageIndex();
    index.upsert(summary('flow', 'lps: [Are Right, A Lot, Frugality]'));
    assert.deepStrictEqual(index.get('flow')!.lpIds, ['are-right-a-lot', 'frugality']);
  });

  it('marks LPs met, partial or none against the goal', () => {
    const index = new CoverageIndex();
    for (const id of ['1', '2', '3']) index.upsert(summary(id, 'lps: [Frugality]'));
    index.upsert(summary('4', 'lps: [Earn Trust]'));
    const status = Object.fromEntries(index.coverage(3).map((c) => [c.lp.id, c.status]));
    assert.strictEqual(status.frugality, 'met');
    assert.strictEqual(status['earn-trust'], 'partial');
    assert.strictEqual(status['think-big'], 'none');
    assert.strictEqual(index.coverage(4).find((c) => c.lp.id === 'frugality')!.status, 'partial');
  });

  it('updates one story without touching the others, and forgets removed ones', () => {
    const index = new CoverageIndex();
    const kept = summary('kept', 'lps: [Think Big]');
    index.upsert(kept);
    index.upsert(summary('moving', 'lps: [Think Big]'));
    index.upsert(summary('moving', 'lps: [Bias for Action]'));
    const count = (id: string) => index.coverage(3).find((c) => c.lp.id === id)!.count;
    assert.strictEqual(count('think-big'), 1);
    assert.strictEqual(count('bias-for-action'), 1);
    assert.strictEqual(index.get('kept'), kept, 'the other story is the same object');
    assert.ok(index.remove('moving'));
    assert.strictEqual(count('bias-for-action'), 0);
    assert.strictEqual(index.removeUnder('ke'), 1);
    assert.strictEqual(index.size, 0);
  });

  it('computes the readiness checklist', () => {
    const index = new CoverageIndex();
    index.upsert(summary('good', 'lps: [Ownership, Dive Deep]\noutcome: failure', '## Result\nLost 2 days.\n## Learning\nI learned to test.\n## Short version\nShort.\n'));
    index.upsert(summary('weak', 'lps: [Ownership]\noutcome: failure', '## Result\nIt went badly.\n'));
    const readiness = index.readiness(3);
    const items = Object.fromEntries(readiness.items.map((i) => [i.id, `${i.done}/${i.total}`]));
    assert.deepStrictEqual(items, {
      'lps-at-goal': '0/16',
      'story-count': '2/48',
      quantified: '1/2',
      'failure-learning': '1/2',
      'short-version': '1/2',
      'multi-lp': '1/2',
    });
    assert.strictEqual(readiness.lpsCovered, 2);
  });
});

describe('coverage index totals', () => {
  it('gives the same stories, drafts and LPs at the goal as the readiness, and lists each LP\'s stories right, after any upserts and removals (fast-check)', () => {
    const lps = ['Ownership', 'Dive Deep', 'Frugality', 'Earn Trust'];
    const base = summary('base', 'lps: [Ownership]');
    // A story is counted (no check yet, or a check), then its check lands (`BankLedger.checked`: the same LPs, a new check).
    const draft = fc.option(fc.boolean(), { nil: undefined });
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), id: fc.integer({ min: 0, max: 3 }), lps: fc.subarray(lps), draft }),
      fc.record({ kind: fc.constant('check' as const), id: fc.integer({ min: 0, max: 3 }), draft: fc.boolean() }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('removeUnder' as const), id: fc.integer({ min: 0, max: 1 }) }),
      fc.constant({ kind: 'clear' as const }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (operations, goal) => {
        const index = new CoverageIndex();
        for (const op of operations) {
          if (op.kind === 'upsert') {
            const lpIds = op.lps.map((name) => name.toLowerCase().replace(/ /g, '-'));
            index.upsert({ ...base, id: `folder${op.id % 2}/story${op.id}`, lpIds, check: op.draft === undefined ? undefined : { ...base.check!, draft: op.draft } });
          } else if (op.kind === 'check') {
            const known = index.get(`folder${op.id % 2}/story${op.id}`);
            if (known) index.upsert({ ...known, check: { ...base.check!, draft: op.draft } });
          } else if (op.kind === 'remove') index.remove(`folder${op.id % 2}/story${op.id}`);
          else if (op.kind === 'removeUnder') index.removeUnder(`folder${op.id}/`);
          else index.clear();
          const { stories, drafts, lpsAtGoal } = index.readiness(goal);
          assert.deepStrictEqual(index.totals(goal), { goal, stories, drafts, lpsAtGoal });
          // The per-LP lists agree with the stories themselves, however they were reached.
          const every = [...index.all()];
          for (const [lpId, count] of index.counts()) assert.strictEqual(count, every.filter((s) => s.lpIds.includes(lpId) && !s.check?.draft).length, lpId);
          for (const lpId of lps.map((name) => name.toLowerCase().replace(/ /g, '-'))) assert.deepStrictEqual(index.storiesOf(lpId).map((s) => s.story.id).sort(), every.filter((s) => s.lpIds.includes(lpId)).map((s) => s.id).sort());
        }
      }),
    );
  });

  it('counts a story as a draft once its check finds it one, and no longer once it is written', () => {
    const index = new CoverageIndex();
    const counted = { ...summary('s', 'lps: [Ownership]'), id: 'folder/s', check: undefined };
    index.upsert(counted);
    assert.deepStrictEqual([index.totals(1).stories, index.totals(1).drafts], [1, 0]);
    const check = summary('s', 'lps: [Ownership]').check!;
    index.upsert({ ...counted, check: { ...check, draft: true } });
    assert.deepStrictEqual([index.totals(1).stories, index.totals(1).drafts, index.counts().get('ownership')], [0, 1, 0]);
    index.upsert({ ...counted, check: { ...check, draft: false } });
    assert.deepStrictEqual([index.totals(1).stories, index.totals(1).drafts, index.counts().get('ownership')], [1, 0, 1]);
  });
});
