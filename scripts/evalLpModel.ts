// Measures the LP model (src/core/match/lpModel.ts) leaving one split out: for each open split,
// trains the model as trainLpModel.ts does (TRAINING) on the catalog's questions and every other
// open split's, then ranks that split's questions with the model's reading in the matcher and with
// the catalog's signals alone (NO_LP_MODEL). Prints, per split and pooled: top-1, top-3 and LP read
// (the first LP read is one question-lps.json gives the question) both ways, and the model's own
// first LP alone. A sealed split is never read: its questions are neither trained on nor scored.
// Usage: npm run compile-tests && node out/scripts/evalLpModel.js
import { readFileSync } from 'fs';
import { join } from 'path';
import { compileLpModel, lpProbabilities, NO_LP_MODEL, questionFeatures, type LpModel } from '../src/core/match/lpModel';
import { loadBank, readQuestionLps } from './evalMatch';
import { OPEN_SPLITS, type Split } from './matchSplits';
import { TRAINING, trainingExamples, trainLpModel } from './trainLpModel';

const ROOT = join(__dirname, '..', '..');
/** The splits the matcher was least tuned on: the model is kept only if it raises their mean top-1. */
const LATER: readonly Split[] = ['heldout10', 'heldout11', 'heldout12', 'heldout13'];

interface Triple {
  bank: string;
  question: string;
  best: string;
  split: Split;
}

/** Counts over a split's questions: the labelled story first, in the first three, and the first LP read as labelled. */
interface Tally {
  n: number;
  top1: number;
  top3: number;
  lpRead: number;
}

/** Ranks `triples` with `lpModel` reading the LPs and counts the hits against the labels. */
function score(triples: readonly Triple[], lpModel: LpModel, labels: ReadonlyMap<string, string[]>): Tally {
  const banks = new Map<string, ReturnType<typeof loadBank>>();
  const tally = { n: 0, top1: 0, top3: 0, lpRead: 0 };
  for (const t of triples) {
    let bank = banks.get(t.bank);
    if (!bank) banks.set(t.bank, (bank = loadBank(t.bank, lpModel)));
    const { question, results } = bank.matcher.rankRead(t.question, { plannedFor: bank.plannedFor, now: new Date('2026-06-01T00:00:00Z') });
    const at = results.findIndex((r) => r.file === t.best);
    tally.n++;
    if (at === 0) tally.top1++;
    if (at >= 0 && at < 3) tally.top3++;
    if (question.lpIds.length > 0 && labels.get(t.question)!.includes(question.lpIds[0])) tally.lpRead++;
  }
  return tally;
}

function main(): void {
  const { triples: all } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'labels.json'), 'utf8')) as { triples: Triple[] };
  // The sealed split's questions are dropped before anything reads them.
  const triples = all.filter((t) => OPEN_SPLITS.includes(t.split));
  const labels = readQuestionLps();
  const rows: Array<{ split: Split; today: Tally; model: Tally; alone: number }> = [];
  for (const split of OPEN_SPLITS) {
    const model = compileLpModel(trainLpModel(trainingExamples(TRAINING, new Set([split])), TRAINING));
    const mine = triples.filter((t) => t.split === split);
    let alone = 0;
    for (const t of mine) {
      const p = lpProbabilities(model, questionFeatures(t.question));
      if (labels.get(t.question)!.includes(model.lps[p.indexOf(Math.max(...p))])) alone++;
    }
    rows.push({ split, today: score(mine, NO_LP_MODEL, labels), model: score(mine, model, labels), alone });
  }
  const rate = (x: number, n: number) => (n ? x / n : 0).toFixed(3);
  const cells = (t: Tally) => `${rate(t.top1, t.n)}  ${rate(t.top3, t.n)}  ${rate(t.lpRead, t.n)}`;
  const row = (name: string, n: number, today: Tally, model: Tally, alone = '') => `${name.padEnd(16)}${String(n).padStart(4)}   ${cells(today)}    ${cells(model)}    ${alone}\n`;
  process.stdout.write(`leave one split out; TRAINING ${JSON.stringify(TRAINING)}\n${''.padEnd(20)}   signals alone:       with the model:      model alone:\n${'split'.padEnd(20)}   top-1  top-3  LP     top-1  top-3  LP     LP read\n`);
  for (const { split, today, model, alone } of rows) process.stdout.write(row(split, today.n, today, model, rate(alone, today.n)));
  const pooled = (splits: readonly Split[], key: 'today' | 'model') => {
    const sum: Tally = { n: 0, top1: 0, top3: 0, lpRead: 0 };
    for (const row of rows.filter((r) => splits.includes(r.split))) for (const k of ['n', 'top1', 'top3', 'lpRead'] as const) sum[k] += row[key][k];
    return sum;
  };
  const mean = (splits: readonly Split[], key: 'today' | 'model', of: 'top1' | 'top3' | 'lpRead') => {
    const chosen = rows.filter((r) => splits.includes(r.split));
    return (chosen.reduce((a, r) => a + r[key][of] / r[key].n, 0) / chosen.length).toFixed(3);
  };
  const earlier = OPEN_SPLITS.filter((s) => !LATER.includes(s));
  for (const [name, splits] of [['earlier, pooled', earlier], ['later, pooled', LATER], ['open, pooled', OPEN_SPLITS]] as const) {
    process.stdout.write(row(name, pooled(splits, 'today').n, pooled(splits, 'today'), pooled(splits, 'model')));
  }
  process.stdout.write(`later, mean of ${LATER.join(', ')}: signals alone top-1 ${mean(LATER, 'today', 'top1')} top-3 ${mean(LATER, 'today', 'top3')} LP read ${mean(LATER, 'today', 'lpRead')}; with the model top-1 ${mean(LATER, 'model', 'top1')} top-3 ${mean(LATER, 'model', 'top3')} LP read ${mean(LATER, 'model', 'lpRead')}\n`);
}

main();
