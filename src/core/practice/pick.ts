import type { Question, TargetLevel } from '../catalog';

export interface PickFilter {
  /** Questions whose primary LP this is. */
  lpId?: string;
  /** L6 or L7: questions for that level and for both. */
  level?: TargetLevel;
  category?: Question['category'];
}

export interface PickContext {
  /** Stories per LP id in the bank. */
  stories: ReadonlyMap<string, number>;
  /** Practice sessions per LP id and per question id. */
  practicedLps: ReadonlyMap<string, number>;
  practicedQuestions: ReadonlyMap<string, number>;
  /** Of `practicedLps`, the sessions that told a named story and answered its follow-ups aloud (`PracticeCounts.rehearsedByLp`). */
  rehearsedLps?: ReadonlyMap<string, number>;
  /** A number in [0, 1): Math.random, or a seeded generator in tests. */
  random: () => number;
  /** A question not to repeat ("another question"). */
  exclude?: string;
}

/**
 * A filter narrowed to the user's target level, unless it names a level itself: at L6 a question
 * for L6 or for both levels, at L7 one for L7 or for both, never one written for the other level.
 */
export function forTargetLevel(filter: PickFilter, target: TargetLevel): PickFilter {
  return filter.level ? filter : { ...filter, level: target };
}

/** Whether a question passes the filter: its primary LP, its level (or both) and its category. */
export function matchesFilter(question: Question, filter: PickFilter): boolean {
  if (filter.lpId && question.lps[0] !== filter.lpId) return false;
  if (filter.level && question.level !== 'both' && question.level !== filter.level) return false;
  if (filter.category && question.category !== filter.category) return false;
  return true;
}

/**
 * How much a question is wanted: high for a primary LP with few stories and little practice, and
 * for questions not yet practised. An LP with no story and no practice weighs 9 times one with 2
 * stories. A session counts half a story toward its LP's readiness, and a full one when it was
 * rehearsed (a named story told and its follow-ups answered aloud): an LP drilled that way comes
 * up less than one only answered.
 */
export function questionWeight(question: Question, context: Omit<PickContext, 'random' | 'exclude'>): number {
  const lp = question.lps[0];
  const readiness = (context.stories.get(lp) ?? 0) + ((context.practicedLps.get(lp) ?? 0) + (context.rehearsedLps?.get(lp) ?? 0)) / 2;
  const fresh = (context.practicedQuestions.get(question.id) ?? 0) === 0 ? 1 : 0.5;
  return fresh / (1 + readiness) ** 2;
}

/** A weighted random question among those the filter allows, or undefined when none does. */
export function pickQuestion(bank: readonly Question[], filter: PickFilter, context: PickContext): Question | undefined {
  let candidates = bank.filter((q) => matchesFilter(q, filter));
  if (candidates.length > 1 && context.exclude) candidates = candidates.filter((q) => q.id !== context.exclude);
  if (candidates.length === 0) return undefined;
  const weights = candidates.map((q) => questionWeight(q, context));
  let roll = context.random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < candidates.length; i++) {
    roll -= weights[i];
    if (roll < 0) return candidates[i];
  }
  return candidates[candidates.length - 1];
}

/** A small seeded generator (mulberry32), so picks can be reproduced in tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
