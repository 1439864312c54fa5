import * as assert from 'assert';
import { agreementOn } from '../../scripts/agreement';

interface Label {
  file: string;
  yes: boolean | null;
}

const labels = (marks: Array<boolean | null>): Label[] => marks.map((yes, i) => ({ file: `${i}`, yes }));
const agree = (a: Array<boolean | null>, b: Array<boolean | null>) => agreementOn(labels(a), labels(b), (l) => l.file, (l) => l.yes);

describe('agreement between two labellings', () => {
  it('counts each cell and gives Cohen’s kappa (a textbook case: 20/5/10/15 gives 0.70 agreement and kappa 0.40)', () => {
    const first = [...Array(20).fill(true), ...Array(5).fill(true), ...Array(10).fill(false), ...Array(15).fill(false)];
    const second = [...Array(20).fill(true), ...Array(5).fill(false), ...Array(10).fill(true), ...Array(15).fill(false)];
    const a = agree(first, second);
    assert.deepStrictEqual([a.both, a.onlyFirst, a.onlySecond, a.neither, a.unlabelled], [20, 5, 10, 15, 0]);
    assert.strictEqual(a.agreement, 0.7);
    assert.ok(Math.abs((a.kappa as number) - 0.4) < 1e-9);
  });

  it('leaves out a story either labeller was unsure of', () => {
    const a = agree([true, null, false], [true, true, null]);
    assert.deepStrictEqual([a.both, a.unlabelled, a.agreement], [1, 2, 1]);
  });

  it('gives no kappa where one answer is given everywhere, and no figures with no story', () => {
    assert.strictEqual(agree([false, false], [false, false]).kappa, null);
    assert.strictEqual(agree([false, false], [false, false]).agreement, 1);
    assert.strictEqual(agree([null], [true]).agreement, null);
  });

  it('matches stories by key, whatever their order', () => {
    const first = labels([true, false]);
    const second = [...labels([true, false])].reverse();
    assert.strictEqual(agreementOn(first, second, (l) => l.file, (l) => l.yes).agreement, 1);
  });

  it('refuses two labellings of different stories', () => {
    assert.throws(() => agreementOn(labels([true]), labels([true, false]), (l) => l.file, (l) => l.yes), /different items/);
  });
});
