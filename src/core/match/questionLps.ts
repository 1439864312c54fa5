import { allLps, allQuestions, findLp, lpById, normalizeLpName, type Lp, type Question } from '../catalog';
import { cueLps, cueWordStems, everydaySignalWords, questionCues, readCompounds } from './cues';
import { lpProbabilities, questionFeatures, readsQuestion, shippedLpModel, type LpModel } from './lpModel';
import { contentStems, inflectionRoots, PORTER_STEMMER, type Stemmer } from './words';

/** Where the question's LPs came from: a question of the bank, or the question's own words. */
export interface QuestionLps {
  lpIds: string[];
  /**
   * How much each LP counts, 0 to 1, in the order of `lpIds`: a bank question's LPs count fully
   * (the first most); LPs read from the words count by their evidence, since one shared word is a
   * guess and several are evidence.
   */
  weights: number[];
  /**
   * `bank` when the text is a question of the bank; `signals` when the LPs were read from its words
   * (LP names, catalog signal phrases, the bank questions it resembles, and the LP model); `given`
   * when the user said which LPs it is asked under (see `givenQuestionLps`); `none` when nothing fits.
   */
  source: 'bank' | 'signals' | 'given' | 'none';
  /** The bank's question, when the text is one. */
  question?: Question;
  /** The cues (themes, see `cues.json`) the question asks about, by id, in the table's order. */
  cues: string[];
  /** True when the question asks about a failure, a mistake or a goal missed: the `failure` cue. */
  asksForFailure: boolean;
}

/** How much a bank question's second and later LPs count against its first. */
const SECONDARY_LP = 0.4;
/** Signal hits at which an LP read from a question's words counts as fully as a bank question's. */
const SURE_HITS = 2;
/**
 * Bank questions at least this similar (cosine of TF-IDF vectors, 0 to 1) lend the question their
 * LPs. Low, since a question worded afresh shares few words with the bank's and its LPs come from
 * nowhere else; a loose likeness lends little, as each LP counts by the similarity.
 */
const MIN_SIMILARITY = 0.2;
/** How many of the most similar bank questions lend their LPs. */
const SIMILAR_QUESTIONS = 3;
/** Stands for the LP's compounds among the words its signals cover: not a root, as it holds a space. */
const COMPOUND = 'a compound';
/**
 * The evidence a theme the question asks about (see `cues.json`) lends each of its LPs: half as much
 * as one signal word (see SURE_HITS). A theme asked in words of its own ("managing someone out",
 * "the worst news") points to the LP the catalog's phrases would name, but a theme word may be
 * read in another sense, so alone it is a guess and beside a signal it adds to it.
 */
const CUE_EVIDENCE = 0.25;
/** At most this many LPs are read from a question's words. */
const MAX_LPS = 3;
/**
 * An LP the LP model (see `lpModel.ts`) gives at least this probability lends it that much evidence.
 * Below it, a probability is the model's spread over the LPs it cannot tell apart, not a reading.
 */
const MIN_MODEL_PROBABILITY = 0.05;

/**
 * The cue of questions that ask for a failure: interviewers ask for one under many LPs ("a time you
 * failed", "a mistake", "a decision you got wrong", "a goal you missed"), and the story to tell is
 * one that went wrong. Its one-word phrases say what kind of story, not which LP, so they are left
 * out of the likeness to bank questions.
 */
export const FAILURE_CUE = 'failure';

function normalizedQuestion(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** What the catalog lends to reading a question, built once per stemmer. */
interface Reader {
  /**
   * Each LP's name, aliases and signal phrases as lists of inflection roots (see
   * `inflectionRoots`): a signal matches the forms of its words, not words derived from them, so
   * "personally" (Dive Deep) does not match "people", nor "accountable" (Ownership) "account".
   */
  signals: Array<{ lp: Lp; phrases: string[][] }>;
  /**
   * Each LP's name and aliases of two words or more, as space-separated words between spaces (see
   * `namedLps`): the ways a question names the LP outright. A name of one word ("Ownership",
   * "Results", "Invent") is an everyday word as often as a name, so it stays a signal.
   */
  names: Array<{ id: string; names: string[] }>;
  /** The inflection roots of the everyday signal words (see `everydaySignalWords`). */
  everyday: Set<string>;
  /** The bank's questions as unit TF-IDF vectors over their stems. */
  bank: Array<{ question: Question; vector: Map<string, number> }>;
  /** Inverse document frequency of each stem over the bank's questions; `unseenIdf` for the rest. */
  idf: Map<string, number>;
  unseenIdf: number;
  /** The stems of the failure cue's words: left out of the likeness to bank questions. */
  failureStems: Set<string>;
}

let bankByText: Map<string, Question> | undefined;
const readers = new Map<Stemmer, Reader>();

function reader(stemmer: Stemmer): Reader {
  let built = readers.get(stemmer);
  if (built) return built;
  const questions = allQuestions();
  // Failure words say what kind of story to tell, not which LP: interviewers ask for failures under many LPs.
  const failureStems = cueWordStems(FAILURE_CUE, stemmer);
  const stemsOf = questions.map((question) => contentStems(question.text, stemmer).filter((stem) => !failureStems.has(stem)));
  const documentFrequency = new Map<string, number>();
  for (const stems of stemsOf) for (const stem of new Set(stems)) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  // Smoothed IDF (as scikit-learn's): a stem no bank question holds weighs most, so unknown words make a question less like the bank's.
  const idfOf = (frequency: number) => Math.log((questions.length + 1) / (frequency + 1)) + 1;
  const idf = new Map([...documentFrequency].map(([stem, frequency]) => [stem, idfOf(frequency)]));
  const unseenIdf = idfOf(0);
  built = {
    signals: allLps().map((lp) => ({
      lp,
      phrases: [lp.name, ...lp.aliases, ...lp.signals].map((phrase) => inflectionRoots(phrase)).filter((roots) => roots.length > 0),
    })),
    names: allLps().map((lp) => ({
      id: lp.id,
      names: [lp.name, ...lp.aliases].map(normalizeLpName).filter((name) => name.includes(' ')).map((name) => ` ${name} `),
    })),
    everyday: new Set(everydaySignalWords().flatMap((word) => inflectionRoots(word))),
    bank: questions.map((question, i) => ({ question, vector: unitVector(stemsOf[i], (stem) => idf.get(stem) ?? unseenIdf) })),
    idf,
    unseenIdf,
    failureStems,
  };
  readers.set(stemmer, built);
  return built;
}

/** Term frequency times IDF, scaled to length 1. */
function unitVector(stems: readonly string[], idf: (stem: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  for (const stem of stems) vector.set(stem, (vector.get(stem) ?? 0) + idf(stem));
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (const [stem, value] of vector) vector.set(stem, value / norm);
  return vector;
}

/**
 * The ids of the LPs a question names outright anywhere in it, by a name or alias of two words or
 * more (see `Reader.names`): "Have Backbone: give me your best example" names Have Backbone;
 * Disagree and Commit as surely as the LP's full name would. Linear in the question's length for
 * each name.
 */
function namedLps(text: string, read: Reader): string[] {
  const plain = ` ${normalizeLpName(text)} `;
  return read.names.filter(({ names }) => names.some((name) => plain.includes(name))).map(({ id }) => id);
}

/** Whether every inflection root of `phrase` is in `roots` (a phrase of one word: that word). */
function holds(roots: ReadonlySet<string>, phrase: readonly string[]): boolean {
  return phrase.every((root) => roots.has(root));
}

/**
 * The LPs a question asks about, primary first, and whether it asks for a failure. The bank's LPs
 * when the text is a bank question or names a bank question's id. Otherwise evidence from the words,
 * each 0 to 1, combined as independent evidence (1 - product of 1 - each): an LP named outright,
 * as the whole question or inside it (1, see `namedLps`); the LP's catalog signal phrases found in
 * the question outside its compounds (see `readCompounds`), matched on the forms of their words
 * (half a point for each of the question's words they cover, see SURE_HITS), the LP's compounds
 * as one such word, everyday signal words only beside other evidence of the LP (see
 * `everydaySignalWords`); the LPs of the themes it asks about (see `cueLps`, CUE_EVIDENCE each);
 * the LPs of the most similar bank questions (their similarity, the secondary LPs less;
 * failure words left out of the likeness, since they say what kind of story, not which LP); and
 * the LP model's probability of each LP (`model`, see `lpModel.ts`, trained on Porter stems; from
 * MIN_MODEL_PROBABILITY, only when the question holds a feature the model knows and names no LP
 * outright). Three LPs at most, strongest first; none when nothing fits. Throws when the shipped
 * model's weights do not validate.
 */
export function questionLps(text: string, stemmer: Stemmer = PORTER_STEMMER, model: LpModel = shippedLpModel()): QuestionLps {
  const read = reader(stemmer);
  const stemList = contentStems(text, stemmer);
  const compounds = readCompounds(text, stemmer);
  const roots = new Set(inflectionRoots(compounds.rest));
  const cues = questionCues(text, stemmer);
  const asksForFailure = cues.includes(FAILURE_CUE);
  if (!bankByText) {
    bankByText = new Map();
    for (const question of allQuestions()) bankByText.set(normalizedQuestion(question.text), question);
  }
  const bank = bankByText.get(normalizedQuestion(text)) ?? allQuestions().find((q) => q.id === text.trim());
  if (bank) return { lpIds: [...bank.lps], weights: bank.lps.map((_, i) => (i === 0 ? 1 : SECONDARY_LP)), source: 'bank', question: bank, cues, asksForFailure };

  const evidence = new Map<string, number[]>();
  const add = (id: string, weight: number) => {
    if (weight <= 0) return;
    const list = evidence.get(id);
    if (list) list.push(weight);
    else evidence.set(id, [weight]);
  };
  const named = findLp(text.trim());
  if (named) add(named.id, 1);
  const outright = namedLps(text, read);
  for (const id of outright) if (id !== named?.id) add(id, 1);
  for (const id of cues) for (const lp of cueLps(id)) add(lp, CUE_EVIDENCE);
  const topicStems = stemList.filter((stem) => !read.failureStems.has(stem));
  if (topicStems.length > 0) {
    const query = unitVector(topicStems, (stem) => read.idf.get(stem) ?? read.unseenIdf);
    const similar = read.bank
      .map(({ question, vector }) => {
        let dot = 0;
        for (const [stem, value] of query) dot += value * (vector.get(stem) ?? 0);
        return { question, similarity: dot };
      })
      .filter((s) => s.similarity >= MIN_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, SIMILAR_QUESTIONS);
    for (const { question, similarity } of similar) question.lps.forEach((id, i) => add(id, similarity * (i === 0 ? 1 : SECONDARY_LP)));
  }
  for (const { lp, phrases } of read.signals) {
    // Each question word counts once: the catalog lists forms of one word ("learned", "what I learned") that match alike.
    const hit = new Set<string>();
    let telling = false;
    for (const phrase of phrases) {
      if (!holds(roots, phrase)) continue;
      for (const root of phrase) hit.add(root);
      if (!phrase.every((root) => read.everyday.has(root))) telling = true;
    }
    if (compounds.lpIds.includes(lp.id)) {
      hit.add(COMPOUND);
      telling = true;
    }
    // Everyday words ("decision", "data") alone name no LP; beside other evidence of it they add to it.
    if (telling || evidence.has(lp.id)) add(lp.id, Math.min(1, hit.size / SURE_HITS));
  }

  // A question that names its LP outright has said which it is: the model's guesses would only add rivals.
  // The model reads a question only by the words it knows (see `readsQuestion`): from none, its probabilities are its biases and its opening's, no reading of this question.
  const features = named || outright.length > 0 ? [] : questionFeatures(text, stemmer, stemList);
  if (readsQuestion(model, features)) {
    const probabilities = lpProbabilities(model, features);
    model.lps.forEach((id, i) => {
      if (probabilities[i] >= MIN_MODEL_PROBABILITY) add(id, probabilities[i]);
    });
  }
  const order = new Map(allLps().map((lp, i) => [lp.id, i]));
  const ranked = [...evidence]
    .map(([id, weights]) => ({ id, weight: 1 - weights.reduce((left, w) => left * (1 - w), 1) }))
    .sort((a, b) => b.weight - a.weight || order.get(a.id)! - order.get(b.id)!)
    .slice(0, MAX_LPS);
  return { lpIds: ranked.map((r) => r.id), weights: ranked.map((r) => r.weight), source: ranked.length ? 'signals' : 'none', cues, asksForFailure };
}

/**
 * A question whose LPs the user names (`lpIds`, catalog ids, the surest first): they count first,
 * as a bank question's do (the first fully, the rest by SECONDARY_LP), since the LP read from the
 * words is what most often goes wrong for a question worded afresh. The LPs read from the words
 * follow, each counting at most as a second LP would (SECONDARY_LP), and the themes and a failure
 * asked for are read as ever. No LP named: the words' reading unchanged. Throws when an id is not
 * an LP of the catalog; an id given twice counts once.
 */
export function givenQuestionLps(text: string, lpIds: readonly string[], stemmer: Stemmer = PORTER_STEMMER, model: LpModel = shippedLpModel()): QuestionLps {
  const ids = [...new Set(lpIds)];
  for (const id of ids) if (!lpById(id)) throw new Error(`no LP "${id}" in the catalog`);
  const read = questionLps(text, stemmer, model);
  if (ids.length === 0) return read;
  const ordered = [...ids];
  const weights: number[] = ids.map((_, i) => (i === 0 ? 1 : SECONDARY_LP));
  read.lpIds.forEach((id, i) => {
    if (ordered.includes(id)) return;
    ordered.push(id);
    weights.push(Math.min(SECONDARY_LP, read.weights[i]));
  });
  return { ...read, lpIds: ordered, weights, source: 'given' };
}

/**
 * How much a question's word says about which story to tell, 0 to 1: the square root of its
 * inverse document frequency over the bank's questions (smoothed, see `reader`) against that of a
 * word no bank question uses. Words many questions use to frame themselves ("team", "work") weigh
 * less; words no question uses ("holiday") weigh fully. The root softens the discount: a word
 * common in questions ("customer", "deadline") still names what this one is about.
 */
export function questionWordWeight(stem: string, stemmer: Stemmer = PORTER_STEMMER): number {
  const read = reader(stemmer);
  return Math.sqrt((read.idf.get(stem) ?? read.unseenIdf) / read.unseenIdf);
}
