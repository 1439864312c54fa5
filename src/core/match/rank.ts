import { allLps, allQuestions, findLp, lpById, type Lp, type Question } from '../catalog';
import type { TargetLevel } from '../catalog/schema';
import { LEVELS } from '../parse/frontMatter';
import { isFollowUpsTitle, type Story } from '../parse/story';
import { openProblems, type StoryProfile } from '../plan/profile';
import { Bm25Index } from './bm25';
import { contentStems, SUFFIX_STEMMER, words, type Stemmer } from './words';

/** A story to rank: its profile and the words it is told in. */
export interface MatchDocument {
  profile: StoryProfile;
  /** Title, tags and the told prose; see `storyWords`. */
  text: string;
}

/** Where the question's LPs came from: a question of the bank, or signal words in its text. */
export interface QuestionLps {
  lpIds: string[];
  /**
   * How much each LP counts, 0 to 1, in the order of `lpIds`: a bank question's LPs count fully
   * (the first most); LPs read from signal words count by their hits, since one shared word is a
   * guess and several are evidence.
   */
  weights: number[];
  source: 'bank' | 'signals' | 'none';
  /** The bank's question, when the text is one. */
  question?: Question;
}

export interface MatchContext {
  targetLevel?: TargetLevel;
  /** Story file to the LP ids the loop plan gave it. */
  plannedFor?: ReadonlyMap<string, readonly string[]>;
  /** Now, for "told recently". */
  now: Date;
  /** Days within which a telling counts as recent. */
  recentDays?: number;
}

export interface MatchResult {
  file: string;
  title: string;
  /** Higher is better; comparable within one question only. */
  score: number;
  /** A few words each, most important first. */
  reasons: string[];
}

/**
 * Weights of the parts of a score. LP fit dominates, the words next: an interviewer asks about an
 * LP, and the story's words say whether it is the situation the question describes.
 */
const WEIGHT = { lp: 3, text: 2.5, level: 0.3, problem: 0.15, problemCap: 0.6, unquantified: 0.3, plannedElsewhere: 0.5, plannedHere: 0.2, recent: 0.4 } as const;
const DEFAULT_RECENT_DAYS = 7;

/** The words a story is matched on: its title twice (a title names the situation), tags, and the prose of its sections but its follow-ups. */
export function storyWords(story: Story): string {
  const meta = story.frontMatter.meta;
  const tags = Array.isArray(meta.tags) ? meta.tags.join(' ') : '';
  const parts = [meta.title ?? '', meta.title ?? '', tags];
  for (const section of story.sections) {
    if (section.kind === 'other' && isFollowUpsTitle(section.title)) continue;
    parts.push(section.title, story.prose.slice(section.bodyStart, section.bodyEnd));
  }
  if (story.sections.length === 0) parts.push(story.prose);
  return parts.join('\n');
}

/**
 * Stories ranked for interview questions. Build once per bank (BM25 postings over every story's
 * words), then `rank` each question; a question costs the postings of its words and one pass over
 * the stories for the LP fit.
 */
export class StoryMatcher {
  private readonly index: Bm25Index;

  /** Per story, what does not depend on the question: quality points, level index (-1 none), time last told (NaN never). */
  private readonly quality: Float64Array;
  private readonly levelIndex: Int8Array;
  private readonly toldAt: Float64Array;

  constructor(private readonly documents: readonly MatchDocument[], private readonly stemmer: Stemmer = SUFFIX_STEMMER) {
    this.index = new Bm25Index(documents.map((document) => contentStems(document.text, stemmer)));
    this.quality = new Float64Array(documents.length);
    this.levelIndex = new Int8Array(documents.length);
    this.toldAt = new Float64Array(documents.length);
    documents.forEach(({ profile }, i) => {
      const problems = openProblems(profile);
      this.quality[i] = -Math.min(WEIGHT.problemCap, WEIGHT.problem * problems) - (profile.summary.check && !profile.summary.check.quantified ? WEIGHT.unquantified : 0);
      this.levelIndex[i] = profile.summary.level ? LEVELS.indexOf(profile.summary.level) : -1;
      this.toldAt[i] = profile.lastTold ? Date.parse(profile.lastTold) : Number.NaN;
    });
  }

  /**
   * The stories for a question, best first, at most `limit` (all by default). Each says why: the
   * LP fit, the question's words it shares, its level, open problems, where the plan uses it and
   * whether it was told recently. An empty question ranks by LP fit and quality alone.
   */
  rank(questionText: string, context: MatchContext, limit = this.documents.length): MatchResult[] {
    const question = questionLps(questionText, this.stemmer);
    const stems = contentStems(questionText, this.stemmer);
    const { scores: text } = this.index.score(stems);
    let best = 0;
    for (const score of text) best = Math.max(best, score);
    const judge = (i: number, reasons?: Array<[number, string]>) => this.judge(i, question, best > 0 ? text[i] / best : 0, context, reasons);
    // Scores first, as plain numbers from what was worked out per story ahead: words for the few results shown only.
    const totals = new Float64Array(this.documents.length);
    const target = context.targetLevel ? LEVELS.indexOf(context.targetLevel) : -1;
    const now = context.now.getTime();
    const recentMs = (context.recentDays ?? DEFAULT_RECENT_DAYS) * 86_400_000;
    for (let i = 0; i < totals.length; i++) {
      const summary = this.documents[i].profile.summary;
      let score = (best > 0 ? WEIGHT.text * (text[i] / best) : 0) + WEIGHT.lp * lpFitScore(question, summary.lpIds) + this.quality[i];
      const level = this.levelIndex[i];
      if (target !== -1 && level !== -1) score += level === target ? WEIGHT.level : -WEIGHT.level * Math.abs(level - target);
      const planned = context.plannedFor?.get(summary.id);
      if (planned && planned.length > 0) {
        if (planned.some((id) => question.lpIds.includes(id))) score += WEIGHT.plannedHere;
        else if (question.lpIds.length > 0) score -= WEIGHT.plannedElsewhere;
      }
      const ago = now - this.toldAt[i];
      if (ago >= 0 && ago < recentMs) score -= WEIGHT.recent;
      totals[i] = score;
    }
    const order = topIndices(totals, limit);
    const shown = new Map<string, string>();
    for (const word of words(questionText)) {
      const stem = this.stemmer.stem(word);
      if (stems.includes(stem) && !shown.has(stem)) shown.set(stem, word);
    }
    return order.map((i) => {
      const reasons: Array<[number, string]> = [];
      judge(i, reasons);
      const matched = this.index.termsIn(i, stems);
      if (matched.length > 0) reasons.push([WEIGHT.text * (text[i] / best), `shares ${matched.slice(0, 4).map((stem) => `"${shown.get(stem) ?? stem}"`).join(', ')}`]);
      reasons.sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]));
      const { summary } = this.documents[i].profile;
      return { file: summary.id, title: summary.title, score: Math.round(totals[i] * 1000) / 1000, reasons: reasons.map(([, words]) => words) };
    });
  }

  /**
   * The score of story `i` for a question: LP fit, its share of the best text match (0 to 1),
   * level, quality, plan and recency. With `reasons`, each part but the text also says why.
   */
  private judge(i: number, question: QuestionLps, textShare: number, context: MatchContext, reasons?: Array<[weight: number, text: string]>): number {
    const { profile } = this.documents[i];
    let score = WEIGHT.text * textShare;
    const fit = lpFit(question, profile.summary.lpIds, reasons !== undefined);
    score += WEIGHT.lp * fit.score;
    if (reasons && fit.reason) reasons.push([WEIGHT.lp * fit.score, fit.reason]);
    const level = profile.summary.level;
    if (context.targetLevel && level) {
      const steps = Math.abs(LEVELS.indexOf(level) - LEVELS.indexOf(context.targetLevel));
      const points = steps === 0 ? WEIGHT.level : -WEIGHT.level * steps;
      score += points;
      reasons?.push([points, steps === 0 ? `at ${level}, your target` : `at ${level}, not ${context.targetLevel}`]);
    }
    const problems = openProblems(profile);
    if (problems > 0) {
      const points = -Math.min(WEIGHT.problemCap, WEIGHT.problem * problems);
      score += points;
      reasons?.push([points, `${problems} open problem${problems === 1 ? '' : 's'}`]);
    }
    if (profile.summary.check && !profile.summary.check.quantified) {
      score -= WEIGHT.unquantified;
      reasons?.push([-WEIGHT.unquantified, 'no number in the Result']);
    }
    const planned = context.plannedFor?.get(profile.summary.id);
    if (planned && planned.length > 0) {
      const here = planned.find((id) => question.lpIds.includes(id));
      if (here) {
        score += WEIGHT.plannedHere;
        reasons?.push([WEIGHT.plannedHere, `planned for ${lpName(here)}`]);
      } else if (question.lpIds.length > 0) {
        // Only a question about another LP makes "planned elsewhere" a cost.
        score -= WEIGHT.plannedElsewhere;
        reasons?.push([-WEIGHT.plannedElsewhere, `planned for ${planned.map(lpName).join(', ')}`]);
      }
    }
    if (profile.lastTold) {
      const ago = context.now.getTime() - Date.parse(profile.lastTold);
      if (ago >= 0 && ago < (context.recentDays ?? DEFAULT_RECENT_DAYS) * 86_400_000) {
        score -= WEIGHT.recent;
        const days = Math.floor(ago / 86_400_000);
        reasons?.push([-WEIGHT.recent, `told ${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`}`]);
      }
    }
    return score;
  }
}

function lpName(id: string): string {
  return lpById(id)?.name ?? id;
}

/**
 * The indices of the `limit` highest values, highest first, ties in index order: a full sort when
 * most are wanted, otherwise one pass keeping a short sorted list.
 */
function topIndices(values: Float64Array, limit: number): number[] {
  const count = Math.max(0, Math.min(limit, values.length));
  if (count * 4 >= values.length) return Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b).slice(0, count);
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (top.length === count && values[i] <= values[top[count - 1]]) continue;
    let at = top.length;
    while (at > 0 && values[top[at - 1]] < values[i]) at--;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}

/** `lpFit`'s score alone, without allocating: it runs for every story of the bank. */
function lpFitScore(question: QuestionLps, storyLpIds: readonly string[]): number {
  let best = 0;
  for (let i = 0; i < question.lpIds.length; i++) {
    const position = storyLpIds.indexOf(question.lpIds[i]);
    if (position === -1) continue;
    best = Math.max(best, question.weights[i] * (position === 0 ? 1 : position === 1 ? 0.7 : 0.5));
  }
  return best;
}

/**
 * How well a story's LPs (primary first) answer the question's: 0 to 1, and the words for it. The
 * best-fitting question LP counts, by its weight; a story that leads with it fits best.
 */
function lpFit(question: QuestionLps, storyLpIds: readonly string[], explain: boolean): { score: number; reason?: string } {
  let best = 0;
  let reason: string | undefined;
  question.lpIds.forEach((id, i) => {
    const position = storyLpIds.indexOf(id);
    if (position === -1) return;
    const score = question.weights[i] * (position === 0 ? 1 : position === 1 ? 0.7 : 0.5);
    if (score <= best) return;
    best = score;
    if (explain) reason = position === 0 ? `primary LP ${lpName(id)}` : `shows ${lpName(id)}`;
  });
  return { score: best, ...(reason ? { reason } : {}) };
}

/** Signal hits at which an LP read from a question's words counts as fully as a bank question's. */
const SURE_HITS = 2;

/** Questions of the bank by their text, lower case and single-spaced. */
let bankByText: Map<string, Question> | undefined;

function normalizedQuestion(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Each LP's signal phrases as stem lists, and its name's. */
let signalStems: Array<{ lp: Lp; phrases: string[][] }> | undefined;

/**
 * The LPs a question asks about, primary first: the bank's, when the text is (or contains) a
 * bank question or names a bank question's id; otherwise the LPs it names, then those whose
 * catalog signal phrases occur in it (all of a phrase's words, stemmed), most hits first, three at
 * most. No LP when nothing matches.
 */
export function questionLps(text: string, stemmer: Stemmer = SUFFIX_STEMMER): QuestionLps {
  if (!bankByText) {
    bankByText = new Map();
    for (const question of allQuestions()) bankByText.set(normalizedQuestion(question.text), question);
  }
  const normalized = normalizedQuestion(text);
  const bank = bankByText.get(normalized) ?? allQuestions().find((q) => q.id === text.trim());
  if (bank) return { lpIds: [...bank.lps], weights: bank.lps.map((_, i) => (i === 0 ? 1 : 0.4)), source: 'bank', question: bank };
  signalStems ??= allLps().map((lp) => ({
    lp,
    phrases: [lp.name, ...lp.aliases, ...lp.signals].map((phrase) => contentStems(phrase, stemmer)).filter((stems) => stems.length > 0),
  }));
  const stems = new Set(contentStems(text, stemmer));
  const hits: Array<{ id: string; hits: number; order: number }> = [];
  signalStems.forEach(({ lp, phrases }, order) => {
    let count = 0;
    for (const phrase of phrases) if (phrase.every((stem) => stems.has(stem))) count += phrase.length;
    const named = findLp(text.trim());
    if (named?.id === lp.id) count += 10;
    if (count > 0) hits.push({ id: lp.id, hits: count, order });
  });
  hits.sort((a, b) => b.hits - a.hits || a.order - b.order);
  const top = hits.slice(0, 3);
  // A signal word is one hit, a two-word phrase two: two hits count as much as a bank question.
  const weights = top.map((hit) => Math.min(1, hit.hits / SURE_HITS));
  return { lpIds: top.map((hit) => hit.id), weights, source: top.length ? 'signals' : 'none' };
}
