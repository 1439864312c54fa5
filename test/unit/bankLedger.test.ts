import * as assert from 'assert';
import fc from 'fast-check';
import { BankLedger, type ReadJob } from '../../src/core/bankLedger';
import type { StoryCheck, StorySummary } from '../../src/core/coverage';
import { countText } from '../../src/core/scan';

const STORY = '---\ntitle: T\nlps: [Ownership]\n---\n## Situation\nS.\n';
const summary = (id: string): StorySummary => countText(id, STORY)!;
const CHECK = { problems: { errors: 0, warnings: 1, infos: 0 } } as unknown as StoryCheck;
const ids = (ledger: BankLedger<string>) => [...ledger.coverage.all()].map((s) => s.id).sort();

/** Queues the stories and takes their reads, as the index does before handing them to a reader. */
function take(ledger: BankLedger<string>, ...names: string[]): Array<ReadJob<string>> {
  for (const name of names) ledger.wantRead(name, name);
  return ledger.takeReads();
}

describe('the story index bookkeeping, without VS Code (BankLedger)', () => {
  it('a story deleted while it is being read stays deleted; a read taken after it counts', () => {
    const ledger = new BankLedger<string>();
    const [read] = take(ledger, 'f/a.star.md');
    ledger.deleted('f/a.star.md', false);
    assert.strictEqual(ledger.counted(read, summary(read.id)), 'stale');
    assert.deepStrictEqual(ids(ledger), []);
    const [again] = take(ledger, 'f/a.star.md'); // the file came back
    assert.strictEqual(ledger.counted(again, summary(again.id)), 'counted');
  });

  it('a folder deleted during reads takes every story under it, read, queued or being read, and nothing beside it', () => {
    const ledger = new BankLedger<string>();
    const [done] = take(ledger, 'f/x/a.star.md');
    ledger.counted(done, summary(done.id));
    const [late] = take(ledger, 'f/x/b.star.md');
    ledger.wantRead('f/x/c.star.md', 'f/x/c.star.md');
    ledger.wantRead('f/xy.star.md', 'f/xy.star.md');
    assert.deepStrictEqual(ledger.deleted('f/x', true), ['f/x/a.star.md']);
    assert.strictEqual(ledger.counted(late, summary(late.id)), 'stale');
    assert.deepStrictEqual(ledger.takeReads().map(({ id }) => id), ['f/xy.star.md'], 'a sibling whose name starts alike stays queued');
  });

  it('a newer read replaces the older: neither the older count nor its check lands', () => {
    const ledger = new BankLedger<string>();
    const [first] = take(ledger, 'a');
    assert.strictEqual(ledger.counted(first, summary('a')), 'counted');
    const [second] = take(ledger, 'a'); // edited and read again before the first check came back
    assert.notStrictEqual(second.read, first.read);
    assert.strictEqual(ledger.isCurrent(first), false);
    assert.strictEqual(ledger.checked(first, CHECK), undefined);
    assert.strictEqual(ledger.counted(first, summary('a')), 'stale');
    assert.strictEqual(ledger.counted(second, summary('a')), 'same');
    assert.deepStrictEqual(ledger.checked(second, CHECK), { ref: 'a', changed: true });
    assert.strictEqual(ledger.checked(second, CHECK), undefined, 'a read is answered once');
  });

  it('a reader that stops hands back only the reads still outstanding; a story not there is removed', () => {
    const ledger = new BankLedger<string>();
    const [a, b, c] = take(ledger, 'a', 'b', 'c');
    ledger.counted(a, summary('a'));
    ledger.checked(a, CHECK);
    ledger.counted(c, summary('c'));
    ledger.lost([a, b, c, { id: 'never', read: 99 }]);
    assert.deepStrictEqual(ledger.takeReads().map(({ id }) => id), ['b', 'c'], 'a was answered in full; b and c are read again');
    const [gone] = take(ledger, 'c');
    assert.strictEqual(ledger.counted(gone, undefined), 'removed');
    assert.deepStrictEqual(ids(ledger), ['a']);
  });

  it('a change of settings cancels every read outstanding', () => {
    const ledger = new BankLedger<string>();
    const [a] = take(ledger, 'a');
    ledger.cancelReads();
    assert.strictEqual(ledger.counted(a, summary('a')), 'stale');
    assert.deepStrictEqual(ids(ledger), []);
  });

  it('a story read again with the same counts keeps its check, and an equal check changes nothing the views show', () => {
    const ledger = new BankLedger<string>();
    const [first] = take(ledger, 'a');
    assert.strictEqual(ledger.counted(first, summary('a')), 'counted');
    assert.deepStrictEqual(ledger.checked(first, CHECK), { ref: 'a', changed: true });
    const [second] = take(ledger, 'a');
    assert.strictEqual(ledger.counted(second, summary('a')), 'same', 'typing that leaves title and LPs alone');
    assert.deepStrictEqual(ledger.coverage.get('a')?.check, CHECK, 'the row keeps its problems until the new check lands');
    assert.deepStrictEqual(ledger.checked(second, { ...CHECK }), { ref: 'a', changed: false });
  });

  it('a full walk drops what it no longer finds', () => {
    const ledger = new BankLedger<string>();
    for (const job of take(ledger, 'a', 'b', 'c')) ledger.counted(job, summary(job.id));
    assert.deepStrictEqual(ledger.absent(new Set(['a', 'c'])), ['b']);
  });

  it('property: after any interleaving of reads, deletions and creations, the index holds exactly the stories that exist', () => {
    const names = ['f/a.star.md', 'f/b.star.md', 'f/g/c.star.md', 'f/g/d.star.md'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('begin' as const), name: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('end' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...names, 'f/g') }),
      fc.record({ kind: fc.constant('create' as const), name: fc.constantFrom(...names) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const ledger = new BankLedger<string>();
        const exists = new Set<string>(names);
        /** Stories some read was queued for: the only ones the index can know. */
        const asked = new Set<string>();
        // A read looks at the file when it ends: it finds the story or nothing.
        const inFlight: Array<ReadJob<string>> = [];
        const finish = (job: ReadJob<string>) => ledger.counted(job, exists.has(job.id) ? summary(job.id) : undefined);
        for (const s of steps) {
          if (s.kind === 'begin') {
            asked.add(s.name);
            inFlight.push(...take(ledger, s.name));
          }
          else if (s.kind === 'end' && inFlight.length > 0) finish(inFlight.splice(s.at % inFlight.length, 1)[0]);
          else if (s.kind === 'delete') {
            for (const name of names) if (name === s.name || name.startsWith(`${s.name}/`)) exists.delete(name);
            ledger.deleted(s.name, !s.name.endsWith('.star.md'));
          } else if (s.kind === 'create' && !exists.has(s.name)) {
            exists.add(s.name);
            asked.add(s.name);
            ledger.wantRead(s.name, s.name); // the watcher queues a fresh read
          }
        }
        // The reads still queued are taken, then every read in flight lands, in any order.
        inFlight.push(...ledger.takeReads());
        for (const job of inFlight.reverse()) finish(job);
        assert.deepStrictEqual(ids(ledger), [...exists].filter((name) => asked.has(name)).sort());
      }),
      { numRuns: 500, seed: 20261129 },
    );
  });
});
