/**
 * A linear reading of the Leadership Principle a question is asked under: multinomial logistic
 * regression (softmax) from the question's words to the catalog's LPs. Its weights are data
 * (`lpModel.json`, validated here on first use), trained offline by `scripts/trainLpModel.ts` on
 * the catalog's bank questions and the labelled questions of the open splits (see
 * test/fixtures/match/README.md); the core only reads them.
 */
import * as z from 'zod/mini';
import '../validation';
import { allLps, lpById } from '../catalog';
import data from './lpModel.json';
import { contentStems, PORTER_STEMMER, words, type Stemmer } from './words';

/** A feature's weights: pairs of (index in `lps`, weight), flat; LPs left out weigh 0. */
const sparseWeights = z.array(z.number()).check(z.refine((pairs) => pairs.length % 2 === 0, 'pairs of an LP index and a weight'));

export const lpModelSchema = z.strictObject({
  about: z.string().check(z.minLength(1)),
  /** The LPs the model reads, as catalog ids, in the order of `bias` and of the indices in `weights`. */
  lps: z.array(z.string()).check(z.minLength(2)),
  /** Each LP's intercept, in the order of `lps`. */
  bias: z.array(z.number()),
  /** Each feature (see `questionFeatures`) to its nonzero weights. */
  weights: z.record(z.string(), sparseWeights),
});

/** The weights file's shape, as `scripts/trainLpModel.ts` writes it. */
export type LpModelData = z.infer<typeof lpModelSchema>;

/** A model ready to read questions: each feature's weights by LP index. */
export interface LpModel {
  /** The LPs read, as catalog ids, in the order `lpProbabilities` reports them. */
  lps: readonly string[];
  bias: Float64Array;
  weights: ReadonlyMap<string, ReadonlyArray<readonly [index: number, weight: number]>>;
}

/** Marks the first words of a question, so that an opening ("tell me", "how do") is a feature apart from the same words inside it. */
const OPENING = '^';
/** How many of a question's first words make its opening feature. */
const OPENING_WORDS = 2;

/**
 * The features of a question, each once, in first-seen order: its content stems (see
 * `contentStems`), each pair of neighbouring content stems joined by a space ("disagre manag" in
 * "disagreed with your manager"), and its opening (`^` and its first two words: "^tell me",
 * "^have you"). A model's vocabulary is those seen in its training questions; others weigh 0.
 * `stems` are the question's content stems, when the caller has them already.
 */
export function questionFeatures(text: string, stemmer: Stemmer = PORTER_STEMMER, stems: readonly string[] = contentStems(text, stemmer)): string[] {
  const features = new Set(stems);
  for (let i = 1; i < stems.length; i++) features.add(`${stems[i - 1]} ${stems[i]}`);
  const opening = words(text).filter((word) => word.length > 0).slice(0, OPENING_WORDS);
  if (opening.length > 0) features.add(`${OPENING}${opening.join(' ')}`);
  return [...features];
}

/**
 * The model of a weights file (see `lpModelSchema`). Throws when the file does not fit the schema,
 * names an LP the catalog lacks or names one twice, when `bias` is not one number per LP, or when
 * a weight's LP index is out of range or given twice for one feature.
 */
export function compileLpModel(raw: unknown): LpModel {
  const parsed = lpModelSchema.parse(raw);
  for (const id of parsed.lps) if (!lpById(id)) throw new Error(`lpModel: no LP "${id}" in the catalog`);
  if (new Set(parsed.lps).size !== parsed.lps.length) throw new Error('lpModel: an LP is listed twice');
  if (parsed.bias.length !== parsed.lps.length) throw new Error(`lpModel: ${parsed.bias.length} bias values for ${parsed.lps.length} LPs`);
  const weights = new Map<string, Array<readonly [number, number]>>();
  for (const [feature, flat] of Object.entries(parsed.weights)) {
    const pairs: Array<readonly [number, number]> = [];
    for (let i = 0; i < flat.length; i += 2) {
      const index = flat[i];
      if (!Number.isInteger(index) || index < 0 || index >= parsed.lps.length) throw new Error(`lpModel: feature "${feature}" weighs LP index ${index}, not one of the ${parsed.lps.length}`);
      if (pairs.some(([seen]) => seen === index)) throw new Error(`lpModel: feature "${feature}" weighs LP index ${index} twice`);
      pairs.push([index, flat[i + 1]]);
    }
    weights.set(feature, pairs);
  }
  return { lps: parsed.lps, bias: Float64Array.from(parsed.bias), weights };
}

/** A model that knows no feature: it reads no question, so the LPs come from the catalog's signals alone. */
export const NO_LP_MODEL: LpModel = { lps: [], bias: new Float64Array(0), weights: new Map() };

let shipped: LpModel | undefined;

/** The model shipped with the product (`lpModel.json`), validated once when first used; throws as `compileLpModel` does. */
export function shippedLpModel(): LpModel {
  shipped ??= compileLpModel(data);
  return shipped;
}

/**
 * The probability (0 to 1, summing to 1) of each of the model's LPs (in the order of `model.lps`)
 * for a question's features (see `questionFeatures`): the softmax of each LP's bias plus the
 * weights of the features present, each feature counting 1 / sqrt(the number of the question's
 * features), known to the model or not, so a long question weighs no more than a short one (see
 * `featureValue`). A question with no known feature gets the biases' softmax.
 */
export function lpProbabilities(model: LpModel, features: readonly string[]): number[] {
  const scores = Array.from(model.bias);
  const value = featureValue(features.length);
  for (const feature of features) for (const [index, weight] of model.weights.get(feature) ?? []) scores[index] += weight * value;
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}

/**
 * Whether the model can read the question from these features (`questionFeatures`): it knows one of
 * its words or word pairs. Its opening alone ("^tell me", "^have you") says how a question is asked,
 * not what about: "Tell me about a time." is read as no LP.
 */
export function readsQuestion(model: LpModel, features: readonly string[]): boolean {
  return features.some((feature) => !feature.startsWith(OPENING) && model.weights.has(feature));
}

/**
 * The value each of a question's `count` features takes: 1 / sqrt(count), the question's features
 * as a vector of length 1. Counted over all its features, not only those a model knows, so that
 * dropping a weak feature from the shipped weights leaves the others' values as they were trained.
 */
export function featureValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

/** Every LP of the catalog, in its order: what a model is trained to read. */
export function catalogLpIds(): string[] {
  return allLps().map((lp) => lp.id);
}
