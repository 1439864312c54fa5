// Measures reading a question's meaning with word vectors (src/core/match/wordVectors.ts, the
// `meaning` part of a story's score) leaving one split out: for each open split, the LP model is
// trained without it (as evalLpModel.ts does), then the split is ranked with each setting given
// (a table distilled as distilWordVectors.ts does, with its options, and the meaning's weight and
// form). Prints each setting's top-1 and top-3 per split, the earlier splits pooled and the mean of
// the later ones (LATER, as in evalLpModel.ts). A sealed split is never read.
// Usage: npm run compile-tests && node out/scripts/evalMeaning.js ['<JSON array of settings>']
//   a setting: {"words":6000,"dimensions":16,"levels":31,"weight":1,"termCount":"once","scale":"mean"};
//   fields left out take DISTIL's and MEANING's values; weight 0 is the matcher without meaning.
import { readFileSync } from 'fs';
import { join } from 'path';
import { compileLpModel, type LpModel } from '../src/core/match/lpModel';
import { MEANING, type MeaningOptions } from '../src/core/match/rank';
import { compileWordVectors, type WordVectors } from '../src/core/match/wordVectors';
import { DISTIL, distilWordVectors, type DistilOptions } from './distilWordVectors';
import { loadBank } from './evalMatch';
import { OPEN_SPLITS, type Split } from './matchSplits';
import { TRAINING, trainingExamples, trainLpModel } from './trainLpModel';

const ROOT = join(__dirname, '..', '..');
const LATER: readonly Split[] = ['heldout10', 'heldout11', 'heldout12', 'heldout13'];

interface Triple {
  bank: string;
  question: string;
  best: string;
  split: Split;
}

type Setting = DistilOptions & MeaningOptions;

/** Top-1 and top-3 counts of `triples` ranked with these models. */
function score(triples: readonly Triple[], lpModel: LpModel, vectors: WordVectors, meaning: MeaningOptions): { n: number; top1: number; top3: number } {
  const banks = new Map<string, ReturnType<typeof loadBank>>();
  const tally = { n: 0, top1: 0, top3: 0 };
  for (const t of triples) {
    let bank = banks.get(t.bank);
    if (!bank) banks.set(t.bank, (bank = loadBank(t.bank, lpModel, vectors, meaning)));
    const at = bank.matcher.rank(t.question, { plannedFor: bank.plannedFor, now: new Date('2026-06-01T00:00:00Z') }).findIndex((r) => r.file === t.best);
    tally.n++;
    if (at === 0) tally.top1++;
    if (at >= 0 && at < 3) tally.top3++;
  }
  return tally;
}

/** A setting in a few words. */
function label(s: Setting): string {
  const how = s.form === 'sentences' ? `best sentence ${s.scale}` : s.form === 'words' ? `words near ${s.near}${s.same ? ' +same' : ''}${s.unseenOnly ? ' unseen' : ''}${s.absolute ? ' abs' : ''}` : `vector ${s.termCount} ${s.scale}`;
  return `w ${s.weight} ${how}; ${s.words} words, ${s.dimensions}d${s.skip ? ` after ${s.skip}` : ''}, ${s.levels} levels`;
}

function main(): void {
  const { triples: all } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'labels.json'), 'utf8')) as { triples: Triple[] };
  // The sealed split's questions are dropped before anything reads them.
  const triples = all.filter((t) => OPEN_SPLITS.includes(t.split));
  const given = process.argv[2] ? (JSON.parse(process.argv[2]) as Array<Partial<Setting>>) : [{ weight: 0 }, {}];
  const settings: Setting[] = given.map((s) => ({ ...DISTIL, ...MEANING, ...s }));
  const models = new Map(OPEN_SPLITS.map((split) => [split, compileLpModel(trainLpModel(trainingExamples(TRAINING, new Set([split])), TRAINING))]));
  const tables = new Map<string, WordVectors>();
  const earlier = OPEN_SPLITS.filter((s) => !LATER.includes(s));
  process.stdout.write(`leave one split out; top-1 / top-3 per split\n${'setting'.padEnd(58)} ${OPEN_SPLITS.map((s) => s.padEnd(11)).join(' ')} earlier,pooled later,mean\n`);
  for (const setting of settings) {
    const key = JSON.stringify([setting.words, setting.dimensions, setting.levels, setting.skip]);
    let vectors = tables.get(key);
    if (!vectors) tables.set(key, (vectors = compileWordVectors(distilWordVectors(setting))));
    const rows = OPEN_SPLITS.map((split) => ({ split, ...score(triples.filter((t) => t.split === split), models.get(split)!, vectors, setting) }));
    const pooled = rows.filter((r) => earlier.includes(r.split)).reduce((a, r) => ({ n: a.n + r.n, top1: a.top1 + r.top1, top3: a.top3 + r.top3 }), { n: 0, top1: 0, top3: 0 });
    const later = rows.filter((r) => LATER.includes(r.split));
    const mean = (of: 'top1' | 'top3') => later.reduce((a, r) => a + r[of] / r.n, 0) / later.length;
    const cells = rows.map((r) => `${(r.top1 / r.n).toFixed(3)}/${(r.top3 / r.n).toFixed(3)}`.padEnd(11)).join(' ');
    process.stdout.write(`${label(setting).padEnd(58)} ${cells} ${(pooled.top1 / pooled.n).toFixed(3)}/${(pooled.top3 / pooled.n).toFixed(3)}   ${mean('top1').toFixed(3)}/${mean('top3').toFixed(3)}\n`);
  }
}

main();
