import data from './lps.json';
import questionData from './questions.json';
import roundData from './rounds.json';
import { catalogSchema, questionBankSchema, roundsSchema, type Lp, type Question, type Round } from './schema';

export type { Lp, Question, Round, TargetLevel } from './schema';

/** The 16 Leadership Principles, validated once when first used. */
let cached: readonly Lp[] | undefined;
export function allLps(): readonly Lp[] {
  cached ??= Object.freeze(catalogSchema.parse(data).lps);
  return cached;
}

/** "Are Right, A Lot", "are-right-a-lot" and "ARE RIGHT A LOT" all normalise to "are right a lot". */
export function normalizeLpName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let byKey: Map<string, Lp> | undefined;
function lookupTable(): Map<string, Lp> {
  if (!byKey) {
    byKey = new Map();
    for (const lp of allLps()) {
      for (const key of [lp.id, lp.name, ...lp.aliases]) byKey.set(normalizeLpName(key), lp);
    }
  }
  return byKey;
}

/** Stories repeat the same few spellings: remember each one's answer (bounded, to stay small). */
const found = new Map<string, Lp | null>();

export function findLp(name: string): Lp | undefined {
  let lp = found.get(name);
  if (lp === undefined) {
    lp = lookupTable().get(normalizeLpName(name)) ?? null;
    if (found.size < 10_000) found.set(name, lp);
  }
  return lp ?? undefined;
}

let byId: Map<string, Lp> | undefined;
export function lpById(id: string): Lp | undefined {
  byId ??= new Map(allLps().map((lp) => [lp.id, lp]));
  return byId.get(id);
}

export interface LpSuggestion {
  lp: Lp;
  /** True when the entry is close enough to be a misspelling, so replacing it is safe to offer first. */
  confident: boolean;
}

const suggested = new Map<string, LpSuggestion>();

/**
 * The LP a mistyped name most likely meant, by edit distance and shared words. Remembered per
 * name (up to 10,000 names): a bank repeats its slips, and each costs 16 edit distances.
 */
export function closestLp(name: string): LpSuggestion {
  let suggestion = suggested.get(name);
  if (!suggestion) {
    suggestion = closestLpOf(name);
    if (suggested.size < 10_000) suggested.set(name, suggestion);
  }
  return suggestion;
}

function closestLpOf(name: string): LpSuggestion {
  const wanted = normalizeLpName(name);
  const wantedWords = new Set(wanted.split(' ').filter((w) => w.length > 2));
  let best: { lp: Lp; score: number; ratio: number } | undefined;
  for (const [key, lp] of lookupTable()) {
    const distance = editDistance(wanted, key);
    const ratio = distance / Math.max(wanted.length, key.length, 1);
    const keyWords = key.split(' ').filter((w) => w.length > 2);
    const shared = keyWords.filter((w) => wantedWords.has(w)).length / Math.max(keyWords.length, 1);
    const score = ratio - shared * 0.5;
    if (!best || score < best.score) best = { lp, score, ratio };
  }
  const chosen = best as { lp: Lp; score: number; ratio: number };
  return { lp: chosen.lp, confident: chosen.ratio <= 0.34 || chosen.score <= 0 };
}

/** Levenshtein distance with two rolling rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

let rounds: readonly Round[] | undefined;
/** The interview rounds and how much of each rests on the LPs (validated once when first used). */
export function allRounds(): readonly Round[] {
  rounds ??= Object.freeze(roundsSchema.parse(roundData).rounds);
  return rounds;
}

export interface RoundWeight {
  round: Round;
  /** The round leans on this LP in particular (or on all 16 alike). */
  focus: boolean;
}

/** Where an LP weighs: every round, marked when the round evaluates this LP most. */
export function roundWeights(lpId: string): RoundWeight[] {
  return allRounds().map((round) => ({ round, focus: round.focus.length === 0 || round.focus.includes(lpId) }));
}

let questions: readonly Question[] | undefined;
/** The mock-interview question bank (validated once when first used). */
export function allQuestions(): readonly Question[] {
  questions ??= Object.freeze(questionBankSchema.parse(questionData).questions);
  return questions;
}
