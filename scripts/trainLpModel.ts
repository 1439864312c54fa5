// Trains the LP model (src/core/match/lpModel.ts): multinomial logistic regression from a question's
// features (`questionFeatures`) to the LP it is asked under, on the catalog's bank questions and the
// labelled questions (test/fixtures/match/question-lps.json) of the open splits only: a question of
// a sealed split (see matchSplits.ts) is never read. Deterministic: full-batch proximal gradient
// (FISTA) from zero weights for a fixed number of steps, no randomness. Writes the weights to
// src/core/match/lpModel.json, rounded to two places, weights below MIN_WEIGHT dropped.
// Usage: npm run compile-tests && node out/scripts/trainLpModel.js [--check]
//   --check: write nothing; exit 1 when the shipped weights differ from what training gives.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { allQuestions } from '../src/core/catalog';
import { catalogLpIds, featureValue, questionFeatures, type LpModelData } from '../src/core/match/lpModel';
import { OPEN_SPLITS, SEALED, type Split } from './matchSplits';

const ROOT = join(__dirname, '..', '..');
const MODEL_FILE = join(ROOT, 'src', 'core', 'match', 'lpModel.json');

/** A training question: its features and how much each LP is its answer (summing to 1). */
export interface Example {
  features: string[];
  /** LP id to its share of the target; the primary LP the most. */
  target: Map<string, number>;
}

/** How the model is trained; `TRAINING` is what the shipped weights use. */
export interface TrainingOptions {
  /** A secondary LP's share of the target against the primary's 1, before the shares are scaled to sum to 1. */
  secondaryShare: number;
  /** L2 penalty on the weights (not the biases), per training question. */
  l2: number;
  /** L1 penalty on the weights, per training question: drives weak weights to exactly 0. */
  l1: number;
  /** Full-batch steps. */
  steps: number;
  /** A feature is kept only when at least this many training questions hold it. */
  minCount: number;
  /** Weights smaller than this (in absolute value, after rounding to two places) are not written. */
  minWeight: number;
}

export const TRAINING: TrainingOptions = { secondaryShare: 0.5, l2: 0.0001, l1: 0.0004, steps: 2000, minCount: 2, minWeight: 0.2 };

/** A question's target: the primary LP 1, each later one `secondaryShare`, scaled to sum to 1. */
function target(lps: readonly string[], secondaryShare: number): Map<string, number> {
  const shares = lps.map((_, i) => (i === 0 ? 1 : secondaryShare));
  const total = shares.reduce((sum, share) => sum + share, 0);
  return new Map(lps.map((id, i) => [id, shares[i] / total]));
}

/**
 * The training questions: every bank question of the catalog, and every question of
 * question-lps.json asked in an open split other than `leftOut` (a question asked in several
 * splits is left out when any of them is `leftOut` or sealed). Throws when a labelled question's
 * split is unknown.
 */
export function trainingExamples(options: TrainingOptions, leftOut: ReadonlySet<Split> = new Set()): Example[] {
  const { triples } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'labels.json'), 'utf8')) as { triples: Array<{ question: string; split: Split }> };
  const splitsOf = new Map<string, Set<Split>>();
  for (const { question, split } of triples) {
    if (!OPEN_SPLITS.includes(split) && !SEALED.has(split)) throw new Error(`labels.json: unknown split "${split}"`);
    const splits = splitsOf.get(question) ?? new Set();
    splits.add(split);
    splitsOf.set(question, splits);
  }
  const usable = (question: string) => {
    const splits = splitsOf.get(question);
    return splits !== undefined && [...splits].every((split) => !SEALED.has(split) && !leftOut.has(split));
  };
  const { items } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'question-lps.json'), 'utf8')) as { items: Array<{ question: string; lps: string[] }> };
  return [
    ...allQuestions().map((question) => ({ features: questionFeatures(question.text), target: target(question.lps, options.secondaryShare) })),
    ...items.filter((item) => usable(item.question)).map((item) => ({ features: questionFeatures(item.question), target: target(item.lps, options.secondaryShare) })),
  ];
}

/**
 * Multinomial logistic regression over `examples` (see `Example`), with the catalog's LPs as
 * classes: minimises the mean cross-entropy against each question's target plus l2 / 2 times the
 * squared weights and l1 times their absolute values (biases unpenalised), by FISTA with step 1 /
 * (1 + l2) (each question's features form a vector of length at most 1, see `featureValue`, so
 * the loss's curvature is at most 1 with the bias). Features held by fewer than `minCount`
 * questions are left out. Returns the weights file's content, rounded to two places, weights below
 * `minWeight` dropped, features in sorted order: the same examples and options always give the
 * same file.
 */
export function trainLpModel(examples: readonly Example[], options: TrainingOptions): LpModelData {
  const lps = catalogLpIds();
  const k = lps.length;
  const count = new Map<string, number>();
  for (const { features } of examples) for (const feature of features) count.set(feature, (count.get(feature) ?? 0) + 1);
  const vocabulary = [...count].filter(([, n]) => n >= options.minCount).map(([feature]) => feature).sort();
  const column = new Map(vocabulary.map((feature, i) => [feature, i]));
  const rows = examples.map(({ features, target: shares }) => {
    const value = featureValue(features.length);
    const y = new Float64Array(k);
    for (const [id, share] of shares) {
      const at = lps.indexOf(id);
      if (at === -1) throw new Error(`no LP "${id}" in the catalog`);
      y[at] = share;
    }
    return { columns: features.filter((f) => column.has(f)).map((f) => column.get(f)!), value, y };
  });
  const n = rows.length;
  const d = vocabulary.length;
  // Weights row by feature (d * k), then the biases (k); y the FISTA point, x the iterate.
  const size = d * k + k;
  let x = new Float64Array(size);
  const y = new Float64Array(size);
  let t = 1;
  const step = 1 / (1 + options.l2);
  const gradient = new Float64Array(size);
  const scores = new Float64Array(k);
  for (let s = 0; s < options.steps; s++) {
    gradient.fill(0);
    for (const row of rows) {
      for (let c = 0; c < k; c++) scores[c] = y[d * k + c];
      for (const col of row.columns) for (let c = 0; c < k; c++) scores[c] += y[col * k + c] * row.value;
      let top = -Infinity;
      for (let c = 0; c < k; c++) top = Math.max(top, scores[c]);
      let total = 0;
      for (let c = 0; c < k; c++) total += scores[c] = Math.exp(scores[c] - top);
      for (let c = 0; c < k; c++) {
        const error = (scores[c] / total - row.y[c]) / n;
        gradient[d * k + c] += error;
        for (const col of row.columns) gradient[col * k + c] += error * row.value;
      }
    }
    const next = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const isBias = i >= d * k;
      const moved = y[i] - step * (gradient[i] + (isBias ? 0 : options.l2 * y[i]));
      // The L1 penalty's proximal step: soft thresholding.
      next[i] = isBias ? moved : Math.sign(moved) * Math.max(0, Math.abs(moved) - step * options.l1);
    }
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    for (let i = 0; i < size; i++) y[i] = next[i] + ((t - 1) / tNext) * (next[i] - x[i]);
    x = next;
    t = tNext;
  }
  const round = (value: number) => Math.round(value * 100) / 100 || 0;
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((feature, i) => {
    const pairs: number[] = [];
    for (let c = 0; c < k; c++) {
      const weight = round(x[i * k + c]);
      if (Math.abs(weight) >= options.minWeight) pairs.push(c, weight);
    }
    if (pairs.length > 0) weights[feature] = pairs;
  });
  return {
    about:
      'Multinomial logistic regression from a question\'s features (src/core/match/lpModel.ts, questionFeatures) to the Leadership Principle it is asked under, trained by scripts/trainLpModel.ts on the catalog\'s bank questions and the labelled questions of the open splits (test/fixtures/match/question-lps.json); never on a sealed split. Generated: do not edit by hand.',
    lps,
    bias: Array.from(x.subarray(d * k), round),
    weights,
  };
}

/** The weights file's text: one feature a line, so a retraining's diff reads feature by feature. */
export function modelText(model: LpModelData): string {
  const features = Object.entries(model.weights).map(([feature, pairs]) => `  ${JSON.stringify(feature)}:${JSON.stringify(pairs)}`);
  return `{"about":${JSON.stringify(model.about)},\n"lps":${JSON.stringify(model.lps)},\n"bias":${JSON.stringify(model.bias)},\n"weights":{\n${features.join(',\n')}\n}}\n`;
}

function main(): void {
  const text = modelText(trainLpModel(trainingExamples(TRAINING), TRAINING));
  if (process.argv.includes('--check')) {
    const same = readFileSync(MODEL_FILE, 'utf8') === text;
    process.stdout.write(same ? 'lpModel.json is what training gives\n' : 'lpModel.json differs from what training gives: run node out/scripts/trainLpModel.js\n');
    process.exitCode = same ? 0 : 1;
    return;
  }
  writeFileSync(MODEL_FILE, text);
  process.stdout.write(`wrote ${MODEL_FILE}: ${Object.keys(JSON.parse(text).weights).length} features, ${Buffer.byteLength(JSON.stringify(JSON.parse(text)))} bytes minified\n`);
}

if (require.main === module) main();
