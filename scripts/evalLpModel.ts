// Leave one split out: for each open split, trains the LP model on the catalog and every other open
// split, and scores that split with the model's reading in the matcher against the matcher as it
// is. Never reads a sealed split.
import { readFileSync } from 'fs';
import { join } from 'path';
import { compileLpModel, lpProbabilities, questionFeatures } from '../src/core/match/lpModel';
import { LP_MODEL_BLEND } from '../src/core/match/questionLps';
import { loadBank, readQuestionLps } from './evalMatch';
import { OPEN_SPLITS, type Split } from './matchSplits';
import { TRAINING, trainingExamples, trainLpModel, type TrainingOptions } from './trainLpModel';

const ROOT = join(__dirname, '..', '..');

interface Config { name: string; mode: 'off' | 'replace' | 'combine'; scale: number; confident: number; minP: number }

function main(): void {
  const { triples: all } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'labels.json'), 'utf8')) as { triples: Array<{ bank: string; question: string; best: string; split: Split }> };
  const triples = all.filter((t) => OPEN_SPLITS.includes(t.split));
  const labels = readQuestionLps();
  const banks = new Map<string, ReturnType<typeof loadBank>>();
  const configs: Config[] = JSON.parse(process.env.CONFIGS ?? '[]');
  const training: TrainingOptions = { ...TRAINING, ...JSON.parse(process.env.TRAINING ?? '{}') };
  configs.unshift({ name: 'today', mode: 'off', scale: 1, confident: 2, minP: 1 });
  const rows: Record<string, Record<string, { n: number; top1: number; top3: number; lpRead: number }>> = {};
  const modelRead: Record<string, number> = {};
  for (const split of OPEN_SPLITS) {
    const model = compileLpModel(trainLpModel(trainingExamples(training, new Set([split])), training));
    const mine = triples.filter((t) => t.split === split);
    modelRead[split] = 0;
    for (const t of mine) {
      const p = lpProbabilities(model, questionFeatures(t.question));
      const top = p.indexOf(Math.max(...p));
      if (labels.get(t.question)!.includes(model.lps[top])) modelRead[split]++;
    }
    for (const config of configs) {
      Object.assign(LP_MODEL_BLEND, config, { model });
      const tally = { n: 0, top1: 0, top3: 0, lpRead: 0 };
      for (const t of mine) {
        let bank = banks.get(t.bank);
        if (!bank) banks.set(t.bank, (bank = loadBank(t.bank)));
        const { question, results } = bank.matcher.rankRead(t.question, { plannedFor: bank.plannedFor, now: new Date('2026-06-01T00:00:00Z') });
        const at = results.findIndex((r) => r.file === t.best);
        tally.n++;
        if (at === 0) tally.top1++;
        if (at < 3) tally.top3++;
        if (question.lpIds.length > 0 && labels.get(t.question)!.includes(question.lpIds[0])) tally.lpRead++;
      }
      (rows[config.name] ??= {})[split] = tally;
    }
  }
  const later: Split[] = ['heldout10', 'heldout11', 'heldout12'];
  const sum = (name: string, splits: readonly Split[], key: 'top1' | 'top3' | 'lpRead') => splits.reduce((a, s) => a + rows[name][s][key], 0) / splits.reduce((a, s) => a + rows[name][s].n, 0);
  const mean = (name: string, splits: readonly Split[], key: 'top1' | 'top3' | 'lpRead') => splits.reduce((a, s) => a + rows[name][s][key] / rows[name][s].n, 0) / splits.length;
  process.stdout.write(`training ${JSON.stringify(training)}\nmodel alone, LP read: ${OPEN_SPLITS.map((s) => `${s} ${(modelRead[s] / rows.today[s].n).toFixed(3)}`).join(' ')}; open ${(OPEN_SPLITS.reduce((a, s) => a + modelRead[s], 0) / OPEN_SPLITS.reduce((a, s) => a + rows.today[s].n, 0)).toFixed(3)}\n`);
  for (const config of configs) {
    const r = rows[config.name];
    process.stdout.write(`${config.name.padEnd(22)} ${OPEN_SPLITS.map((s) => `${s.replace('heldout', 'h')} ${(r[s].top1 / r[s].n).toFixed(3)}/${(r[s].lpRead / r[s].n).toFixed(2)}`).join(' ')}\n`);
    process.stdout.write(`${''.padEnd(22)} later(mean) top1 ${mean(config.name, later, 'top1').toFixed(3)} top3 ${mean(config.name, later, 'top3').toFixed(3)} LP ${mean(config.name, later, 'lpRead').toFixed(3)} | earlier(pooled) top1 ${sum(config.name, OPEN_SPLITS.filter((s) => !later.includes(s)), 'top1').toFixed(3)} top3 ${sum(config.name, OPEN_SPLITS.filter((s) => !later.includes(s)), 'top3').toFixed(3)} LP ${sum(config.name, OPEN_SPLITS.filter((s) => !later.includes(s)), 'lpRead').toFixed(3)} | open(pooled) top1 ${sum(config.name, OPEN_SPLITS, 'top1').toFixed(3)} top3 ${sum(config.name, OPEN_SPLITS, 'top3').toFixed(3)} LP ${sum(config.name, OPEN_SPLITS, 'lpRead').toFixed(3)}\n`);
  }
}

main();
