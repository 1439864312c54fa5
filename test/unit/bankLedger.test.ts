import * as assert from 'assert';
import fc from 'fast-check';
import { BankLedger } from '../../src/core/bankLedger';
import { DEFAULT_CONFIG } from '../../src/core/config';
import type { StoryCheck, StorySummary } from '../../src/core/coverage';
import { countText } from '../../src/core/scan';

const STORY = '---\ntitle: T\nlps: [Ownership]\n---\n## Situation\nS.\n';
const summary = (id: string): StorySummary => countText(id, STORY)!;
const CHECK = { problems: { errors: 0, warnings: 1, infos: 0 } } as unknown as StoryCheck;
const ids = (ledger: BankLedger<string>) => [...ledger.coverage.all()].map((s) => s.id).sort();

/** A read done here: stamp taken when it begins, counted when it ends. */
function readHere(ledger: BankLedger<string>, id: string) {
  const stamp = ledger.stamp;
  return () => ledger.countedHere(id, id, stamp, summary(id), STORY, DEFAULT_CONFIG);
}

describe('the story index bookkeeping, without VS Code (BankLedger)', () => {
  it('a story deleted while it is being read stays deleted', () => {
    const ledger = new BankLedger<string>();
    const finish = readHere(ledger, 'f/a.star.md');
    ledger.deleted('f/a.star.md', false);
    assert.strictEqual(finish(), 'stale');
    assert.deepStrictEqual(ids(ledger), []);
    // A read that begins after the deletion (the file came back) counts.
    assert.strictEqual(readHere(ledger, 'f/a.star.md')(), 'counted');
  });

  it('a folder deleted during reads takes every story under it, read or being read, and nothing beside it', () => {
    const ledger = new BankLedger<string>();
    readHere(ledger, 'f/x/a.star.md')();
    const late = readHere(ledger, 'f/x/b.star.md');
    ledger.wantRead('f/x/c.star.md', 'f/x/c.star.md');
    ledger.wantRead('f/xy.star.md', 'f/xy.star.md');
    assert.deepStrictEqual(ledger.deleted('f/x', true), ['f/x/a.star.md']);
    assert.strictEqual(late(), 'stale');
    assert.deepStrictEqual(ledger.takeReads().map(([id]) => id), ['f/xy.star.md'], 'a sibling whose name starts alike stays queued');
  });

  it('a check waits for the newest read: an older text never overwrites a newer one', () => {
    const ledger = new BankLedger<string>();
    readHere(ledger, 'a')();
    const [first] = ledger.takeChecks();
    readHere(ledger, 'a')(); // edited and read again before the first check ran
    assert.strictEqual(ledger.awaitsCheck('a', first.stamp), false);
    const [second] = ledger.takeChecks();
    assert.strictEqual(ledger.awaitsCheck('a', second.stamp), true);
  });

  it('answers from elsewhere (the worker) count only for stories still sent, and a worker that dies hands them back', () => {
    const ledger = new BankLedger<string>();
    ledger.sentElsewhere('a', 'a');
    ledger.sentElsewhere('b', 'b');
    ledger.sentElsewhere('c', 'c');
    assert.strictEqual(ledger.countedElsewhere('a', summary('a')), 'counted');
    assert.deepStrictEqual(ledger.checkedElsewhere('a', CHECK), { ref: 'a', changed: true });
    ledger.deleted('b', false);
    assert.strictEqual(ledger.countedElsewhere('b', summary('b')), 'stale');
    ledger.readHere('c'); // read here again: the worker's answer is older
    assert.strictEqual(ledger.countedElsewhere('c', summary('c')), 'stale');
    assert.strictEqual(ledger.countedElsewhere('never-sent', summary('x')), 'stale');
    ledger.sentElsewhere('d', 'd');
    ledger.lostElsewhere(['d', 'not-sent']);
    assert.deepStrictEqual(ledger.takeReads(), [['d', 'd']]);
    assert.deepStrictEqual(ids(ledger), ['a']);
  });

  it('a story read again with the same counts keeps its check, and an equal check changes nothing the views show', () => {
    const ledger = new BankLedger<string>();
    assert.strictEqual(readHere(ledger, 'a')(), 'counted');
    ledger.takeChecks();
    assert.strictEqual(ledger.applyCheck('a', CHECK), true);
    assert.strictEqual(readHere(ledger, 'a')(), 'same', 'typing that leaves title and LPs alone');
    assert.deepStrictEqual(ledger.coverage.get('a')?.check, CHECK, 'the row keeps its problems until the new check lands');
    assert.strictEqual(ledger.takeChecks().length, 1, 'the new text is still checked');
    assert.strictEqual(ledger.applyCheck('a', { ...CHECK }), false);
  });

  it('a full walk drops what it no longer finds', () => {
    const ledger = new BankLedger<string>();
    for (const id of ['a', 'b', 'c']) readHere(ledger, id)();
    assert.deepStrictEqual(ledger.absent(new Set(['a', 'c'])), ['b']);
  });

  it('property: after any interleaving of reads, deletions and renames, the index holds exactly the stories that exist', () => {
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
        const inFlight: Array<{ name: string; finish: () => unknown }> = [];
        for (const s of steps) {
          if (s.kind === 'begin' && exists.has(s.name)) inFlight.push({ name: s.name, finish: readHere(ledger, s.name) });
          else if (s.kind === 'end' && inFlight.length > 0) inFlight.splice(s.at % inFlight.length, 1)[0].finish();
          else if (s.kind === 'delete') {
            for (const name of names) if (name === s.name || name.startsWith(`${s.name}/`)) exists.delete(name);
            ledger.deleted(s.name, !s.name.endsWith('.star.md'));
          } else if (s.kind === 'create' && !exists.has(s.name)) exists.add(s.name); // the watcher queues a fresh read
        }
        // The watcher's reads for every story that exists, then the reads still in flight, land.
        for (const name of exists) inFlight.push({ name, finish: readHere(ledger, name) });
        for (const read of inFlight) read.finish();
        // A story read before its deletion and not since may not come back; every existing one is counted.
        assert.deepStrictEqual(ids(ledger), [...exists].sort());
      }),
      { numRuns: 500, seed: 20261129 },
    );
  });
});
