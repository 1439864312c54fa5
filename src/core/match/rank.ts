import { lpById } from '../catalog';
import type { TargetLevel } from '../catalog/schema';
import { LEVELS } from '../parse/frontMatter';
import { isFollowUpsTitle, type Story } from '../parse/story';
import { openProblems, type StoryProfile } from '../plan/profile';
import { Bm25Index } from './bm25';
import { allCues, storyCueStrengths } from './cues';
import { shippedLpModel, type LpModel } from './lpModel';
import { FAILURE_CUE, givenQuestionLps, questionLps, questionWordWeight, type QuestionLps } from './questionLps';
import { contentStems, stemWord, PORTER_STEMMER, textStems, words, type Stemmer } from './words';

export { questionLps, type QuestionLps } from './questionLps';

/** A story to rank: its profile and the words it is told in. */
export interface MatchDocument {
  profile: StoryProfile;
  /** Title, tags and the told prose; see `storyWords`. */
  text: string;
}

/**
 * A bank to rank, read ahead: each story's profile, and the terms of every story's words in the
 * same order (`BankTerms`, which an editor keeps across questions while the stories' words stay
 * the same). The profiles carry what changes more often: checks, the practice log's tellings.
 */
export interface TermedBank {
  profiles: readonly StoryProfile[];
  terms: BankTerms;
}

/** What the matcher reads from one story's words (`storyWords`), once per text. */
export interface StoryTerms {
  /** The stems of its content words, in order, repeats kept (BM25's term counts). */
  content: readonly string[];
  /** How strongly it shows each cue, 0 to 1, in the cue table's order (see `storyCueStrengths`). */
  cues: Float32Array;
}

/** The terms of a story's words (`storyWords(story)`): one pass over its stems for BM25 and the cues. */
export function storyTerms(words: string, stemmer: Stemmer = PORTER_STEMMER): StoryTerms {
  const stems = textStems(words, stemmer);
  return { content: stems.content, cues: storyCueStrengths(stems.all, stemmer) };
}

/**
 * The word side of a bank's ranking, built from every story's terms in the bank's order: BM25
 * postings over their content stems, and each cue's strengths made relative to the bank (see
 * `relativeToBank`) with its rarity. It depends on the stories' words alone, so it holds while
 * they stay the same, whatever their checks or tellings do; a story whose words change is
 * replaced in place (`replace`).
 */
export class BankTerms {
  readonly index: Bm25Index;
  readonly cueCount = allCues().length;
  /** Per story, how strongly it shows each cue relative to the bank (0 to 1): row `i * cueCount`. */
  readonly cueStrengths: Float32Array;
  /** Per cue, how rare it is over the bank's stories: a theme few stories show tells more. */
  readonly cueRarity = new Float64Array(this.cueCount);
  /** Each story's terms as given, which `replace` takes out of the postings. */
  private readonly terms: StoryTerms[];
  /** Per story, its own cue strengths (`StoryTerms.cues`), from which the relative ones are made. */
  private readonly storyCues: Float32Array;

  /** `terms[i]`: story i's terms, made by `storyTerms` with `stemmer`, the stemmer questions are read with too. */
  constructor(
    terms: readonly StoryTerms[],
    readonly stemmer: Stemmer = PORTER_STEMMER,
  ) {
    this.terms = [...terms];
    this.index = new Bm25Index(
      terms.map((t) => t.content),
      STORY_BM25.k1,
      STORY_BM25.b,
    );
    this.storyCues = new Float32Array(terms.length * this.cueCount);
    terms.forEach((t, i) => this.storyCues.set(t.cues, i * this.cueCount));
    this.cueStrengths = new Float32Array(this.storyCues.length);
    this.relativeToBank();
  }

  /** How many stories it holds. */
  get size(): number {
    return this.index.size;
  }

  /**
   * Story `i`'s words changed: it now has `terms`. Afterwards every score is what BankTerms built
   * afresh with the new terms gives; it costs the postings of the story's terms and one pass over
   * the cue strengths, not a pass over every story's words. Throws a RangeError for a story
   * outside the bank.
   */
  replace(i: number, terms: StoryTerms): void {
    const before = this.terms[i];
    if (!before) throw new RangeError(`no story ${i} in a bank of ${this.size}`);
    this.index.replace(i, before.content, terms.content);
    this.terms[i] = terms;
    this.storyCues.set(terms.cues, i * this.cueCount);
    this.relativeToBank();
  }

  /**
   * Each cue's strengths made relative to the bank, as IDF makes a word's weight: the bank's mean
   * strength times BANK_MEAN_SHARE is taken off and the strongest story scaled to 1, so a cue that
   * every story shows alike ("customers", in most banks) tells none of them apart. Each cue's
   * rarity (how few stories show it at all) is kept for `cueWeights`.
   */
  private relativeToBank(): void {
    const n = this.terms.length;
    for (let cue = 0; cue < this.cueCount; cue++) {
      let sum = 0;
      let max = 0;
      let showing = 0;
      for (let i = 0; i < n; i++) {
        const strength = this.storyCues[i * this.cueCount + cue];
        sum += strength;
        max = Math.max(max, strength);
        if (strength > 0) showing++;
      }
      // The square root of the cue's BM25-style IDF over the stories: a broad theme ("customers") shares the cue weight, never takes it all.
      this.cueRarity[cue] = Math.sqrt(Math.log(1 + (n - showing + 0.5) / (showing + 0.5)));
      const floor = n > 0 ? (BANK_MEAN_SHARE * sum) / n : 0;
      for (let i = 0; i < n; i++) {
        const at = i * this.cueCount + cue;
        this.cueStrengths[at] = max > floor ? Math.max(0, this.storyCues[at] - floor) / (max - floor) : 0;
      }
    }
  }
}

export interface MatchContext {
  targetLevel?: TargetLevel;
  /** Story file to the LP ids the loop plan gave it. */
  plannedFor?: ReadonlyMap<string, readonly string[]>;
  /** Now, for "told recently". */
  now: Date;
  /** Days within which a telling counts as recent. */
  recentDays?: number;
  /**
   * The LPs the question is asked under, as catalog ids, the surest first, when the user names them
   * (an interviewer may say the LP; question lists file each question under one): they count
   * first, and the LPs read from the question's words count after them, at most as a second LP
   * would (see `givenQuestionLps`). None or empty: the LPs are read from the words alone.
   */
  lpIds?: readonly string[];
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
 * The parts of a story's score for a question, in the order `StoryMatcher.scoreParts` reports them:
 * LP fit, shared words, the themes asked (cues), a failure asked for, quality (open problems, a
 * Result with no number), level, the loop plan, and a recent telling.
 */
export const SCORE_PARTS = ['lp', 'words', 'themes', 'failure', 'quality', 'level', 'plan', 'recent'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
/** Each part's index in SCORE_PARTS: where `partsOf` writes its points. */
const PART = Object.fromEntries(SCORE_PARTS.map((part, i) => [part, i])) as Record<ScorePart, number>;

/** One story's score for a question, part by part (see SCORE_PARTS); `total` is what `rank` orders by. */
export interface ScoreParts {
  file: string;
  /** The story's LP ids, primary first. */
  lpIds: readonly string[];
  total: number;
  points: Record<ScorePart, number>;
}

/** What `StoryMatcher` reads from a question once before scoring every story (see `read`). */
interface QuestionReading {
  question: QuestionLps;
  stems: string[];
  /** BM25 score of each story for the question's words, and the highest. */
  text: Float64Array;
  best: number;
  /** Indices in the cue table of the cues asked, and the points each brings a story that shows it fully. */
  asked: number[];
  cueWeights: number[];
  /** Index in LEVELS of the target level, -1 for none. */
  target: number;
  /** A story told after this time (ms since the epoch) and not after now was told recently. */
  recentSinceMs: number;
  nowMs: number;
}

/**
 * Weights of the parts of a score. LP fit dominates, the words next: an interviewer asks about an
 * LP, and the story's words say whether it is the situation the question describes. A question
 * that asks for a failure (see `QuestionLps.asksForFailure`) favours a story that went wrong. The
 * question's cues (see `cues.json`) share `cue` by their rarity in the bank (see `cueWeights`),
 * each counted by how strongly the story shows it.
 */
const WEIGHT = { lp: 3, text: 2.5, cue: 3, level: 0.3, problem: 0.15, problemCap: 0.6, unquantified: 0.3, wentWrong: 0.8, plannedElsewhere: 0.5, plannedHere: 0.2, recent: 0.4 } as const;
const DEFAULT_RECENT_DAYS = 7;
/**
 * BM25's term saturation and length normalisation for stories (see `Bm25Index`). A story's length
 * is mostly how fully it is told, not how many situations it mixes, so a long story's shared words
 * are discounted less than BM25's usual b = 0.75 would.
 */
const STORY_BM25 = { k1: 1.2, b: 0.5 } as const;
/** How much of a cue's mean strength over the bank is taken off each story's (see `relativeToBank`). */
const BANK_MEAN_SHARE = 1;

/**
 * The words a story is matched on: its title twice (a title names the situation), tags, and the
 * prose of its sections but its follow-ups. The headings of the STAR parts ("Situation", "Result",
 * "Learning", "Short version") are left out: every story has them, and a question's "results" or
 * "learned" would match them all.
 */
export function storyWords(story: Story): string {
  const meta = story.frontMatter.meta;
  const tags = Array.isArray(meta.tags) ? meta.tags.join(' ') : '';
  const parts = [meta.title ?? '', meta.title ?? '', tags];
  for (const section of story.sections) {
    if (section.kind === 'other' && isFollowUpsTitle(section.title)) continue;
    if (section.kind === 'other') parts.push(section.title);
    parts.push(story.prose.slice(section.bodyStart, section.bodyEnd));
  }
  if (story.sections.length === 0) parts.push(story.prose);
  return parts.join('\n');
}

/** Whether a story went wrong: its outcome is a failure or mixed, or its Result reports a failure. */
function wentWrong(profile: StoryProfile): boolean {
  const { outcome, check } = profile.summary;
  return outcome === 'failure' || outcome === 'mixed' || check?.isFailure === true;
}

/** The question LP the loop plan gave a story, the surest if several, with its weight; none when the plan gave it only other LPs. */
function plannedHere(planned: readonly string[], question: QuestionLps): { id: string; weight: number } | undefined {
  let here: { id: string; weight: number } | undefined;
  for (let i = 0; i < question.lpIds.length; i++) {
    if (planned.includes(question.lpIds[i]) && question.weights[i] > (here?.weight ?? 0)) here = { id: question.lpIds[i], weight: question.weights[i] };
  }
  return here;
}

/**
 * What the loop plan's use of a story does to its score for a question: a bonus when the plan gave it
 * one of the question's LPs (by that LP's weight), a cost when it gave it only others (by the weight
 * of the question's surest LP, its first: a guess from one word costs little), nothing unplanned.
 */
function planPoints(planned: readonly string[] | undefined, question: QuestionLps): number {
  if (!planned || planned.length === 0 || question.lpIds.length === 0) return 0;
  const here = plannedHere(planned, question);
  return here ? WEIGHT.plannedHere * here.weight : -WEIGHT.plannedElsewhere * question.weights[0];
}

/**
 * Stories ranked for interview questions. Build once per bank (BM25 postings over every story's
 * words), then `rank` each question; a question costs the postings of its words and one pass over
 * the stories for the LP fit. Built from a `TermedBank`, it skips reading the words: the cost is
 * one pass over the profiles.
 */
export class StoryMatcher {
  private readonly terms: BankTerms;
  private readonly profiles: readonly StoryProfile[];
  private readonly stemmer: Stemmer;

  /** Per story, what does not depend on the question: quality points, level index (-1 none), time last told (NaN never), whether it went wrong. */
  private readonly quality: Float64Array;
  private readonly levelIndex: Int8Array;
  private readonly toldAt: Float64Array;
  private readonly failed: Uint8Array;
  /** Per story, whether its front matter says it succeeded (`outcome: success`). */
  private readonly succeeded: Uint8Array;
  /** The failure cue's index in the cue table (read here, not when the module loads). */
  private readonly failureCue = allCues().findIndex((cue) => cue.id === FAILURE_CUE);

  /**
   * `bank`: the stories with their words, or read ahead (a `TermedBank`, whose stemmer is then the
   * one used; `stemmer` is not). `lpModel` reads which LP a question is asked under beside the
   * catalog's signals (see `questionLps`); `NO_LP_MODEL` reads from the signals alone. Throws a
   * RangeError when a TermedBank's profiles and terms differ in number.
   */
  constructor(
    bank: readonly MatchDocument[] | TermedBank,
    stemmer: Stemmer = PORTER_STEMMER,
    private readonly lpModel: LpModel = shippedLpModel(),
  ) {
    if ('terms' in bank) {
      if (bank.profiles.length !== bank.terms.size) throw new RangeError(`a bank of ${bank.profiles.length} profiles and ${bank.terms.size} stories' terms`);
      ({ profiles: this.profiles, terms: this.terms } = bank);
    } else {
      this.profiles = bank.map((document) => document.profile);
      this.terms = new BankTerms(
        bank.map((document) => storyTerms(document.text, stemmer)),
        stemmer,
      );
    }
    this.stemmer = this.terms.stemmer;
    const n = this.profiles.length;
    this.quality = new Float64Array(n);
    this.levelIndex = new Int8Array(n);
    this.toldAt = new Float64Array(n);
    this.failed = new Uint8Array(n);
    this.succeeded = new Uint8Array(n);
    this.profiles.forEach((profile, i) => {
      const problems = openProblems(profile);
      this.quality[i] = -Math.min(WEIGHT.problemCap, WEIGHT.problem * problems) - (profile.summary.check && !profile.summary.check.quantified ? WEIGHT.unquantified : 0);
      this.levelIndex[i] = profile.summary.level ? LEVELS.indexOf(profile.summary.level) : -1;
      this.toldAt[i] = profile.lastTold ? Date.parse(profile.lastTold) : Number.NaN;
      this.failed[i] = wentWrong(profile) ? 1 : 0;
      this.succeeded[i] = profile.summary.outcome === 'success' ? 1 : 0;
    });
  }

  /**
   * How fully story `i` shows cue `cue` (0 to 1, see BankTerms.cueStrengths). A story its writer
   * says succeeded (`outcome: success`) tells of no failure, whatever words of failure it holds
   * ("the missing labels failed the build", "without missing a day").
   */
  private cueStrength(i: number, cue: number): number {
    return cue === this.failureCue && this.succeeded[i] ? 0 : this.terms.cueStrengths[i * this.terms.cueCount + cue];
  }

  /**
   * The stories for a question, best first, at most `limit` (all by default). Each says why: the
   * LP fit, the question's words it shares, a failure asked for, its level, open problems, where the
   * plan uses it and whether it was told recently. An empty question ranks by LP fit and quality
   * alone. Throws when `context.lpIds` holds an id the catalog lacks.
   */
  rank(questionText: string, context: MatchContext, limit = this.profiles.length): MatchResult[] {
    return this.rankRead(questionText, context, limit).results;
  }

  /**
   * `rank`'s stories with how the question was read (its LPs, the surest first, and its themes),
   * for saying which LPs the ranking took the question as asked under without reading it twice.
   */
  rankRead(questionText: string, context: MatchContext, limit = this.profiles.length): { question: QuestionLps; results: MatchResult[] } {
    const read = this.read(questionText, context);
    const { question, stems, text, best } = read;
    // Scores first, as plain numbers from what was worked out per story ahead: words for the few results shown only.
    const totals = new Float64Array(this.profiles.length);
    const parts = new Float64Array(SCORE_PARTS.length);
    for (let i = 0; i < totals.length; i++) {
      this.partsOf(i, read, context, parts);
      let score = 0;
      for (const points of parts) score += points;
      totals[i] = score;
    }
    const order = topIndices(totals, limit);
    const shown = new Map<string, string>();
    for (const word of words(questionText)) {
      const stem = stemWord(word, this.stemmer);
      if (stems.includes(stem) && !shown.has(stem)) shown.set(stem, word);
    }
    const results = order.map((i) => {
      const reasons = this.explain(i, question, context, read.asked);
      const matched = this.terms.index.termsIn(i, stems);
      if (matched.length > 0) reasons.push([WEIGHT.text * (text[i] / best), `shares ${matched.slice(0, 4).map((stem) => `"${shown.get(stem) ?? stem}"`).join(', ')}`]);
      reasons.sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]));
      const { summary } = this.profiles[i];
      return { file: summary.id, title: summary.title, score: Math.round(totals[i] * 1000) / 1000, reasons: reasons.map(([, words]) => words) };
    });
    return { question, results };
  }

  /**
   * The points of each part of every story's score for a question (see `ScoreParts`), in the
   * bank's order, and how the question was read: what `rank` adds up, for finding out which part
   * put one story above another. Costs what `rank` does for a whole bank.
   */
  scoreParts(questionText: string, context: MatchContext): { question: QuestionLps; stories: ScoreParts[] } {
    const read = this.read(questionText, context);
    const parts = new Float64Array(SCORE_PARTS.length);
    const stories = this.profiles.map((profile, i) => {
      this.partsOf(i, read, context, parts);
      const points = Object.fromEntries(SCORE_PARTS.map((part, k) => [part, parts[k]])) as Record<ScorePart, number>;
      return { file: profile.summary.id, lpIds: profile.summary.lpIds, total: parts.reduce((sum, p) => sum + p, 0), points };
    });
    return { question: read.question, stories };
  }

  /** What a question brings to every story's score, read once: its LPs and themes, and its words' BM25 scores with the best of them. */
  private read(questionText: string, context: MatchContext): QuestionReading {
    const question = context.lpIds?.length ? givenQuestionLps(questionText, context.lpIds, this.stemmer, this.lpModel) : questionLps(questionText, this.stemmer, this.lpModel);
    const stems = contentStems(questionText, this.stemmer);
    const { scores: text } = this.terms.index.score(stems, (stem) => questionWordWeight(stem, this.stemmer));
    let best = 0;
    for (const score of text) best = Math.max(best, score);
    const asked = this.askedCues(question);
    const nowMs = context.now.getTime();
    const recentSinceMs = nowMs - (context.recentDays ?? DEFAULT_RECENT_DAYS) * 86_400_000;
    return { question, stems, text, best, asked, cueWeights: this.cueWeights(asked), target: context.targetLevel ? LEVELS.indexOf(context.targetLevel) : -1, recentSinceMs, nowMs };
  }

  /** Writes the points of each part of story `i`'s score (in SCORE_PARTS order) into `out`: no allocation, as it runs for every story of the bank. */
  private partsOf(i: number, read: QuestionReading, context: MatchContext, out: Float64Array): void {
    const { question, text, best, asked, cueWeights, target, recentSinceMs, nowMs } = read;
    const summary = this.profiles[i].summary;
    out[PART.lp] = WEIGHT.lp * lpFitScore(question, summary.lpIds);
    out[PART.words] = best > 0 ? WEIGHT.text * (text[i] / best) : 0;
    let themes = 0;
    for (let k = 0; k < asked.length; k++) themes += cueWeights[k] * this.cueStrength(i, asked[k]);
    out[PART.themes] = themes;
    out[PART.failure] = question.asksForFailure && this.failed[i] ? WEIGHT.wentWrong : 0;
    out[PART.quality] = this.quality[i];
    const level = this.levelIndex[i];
    out[PART.level] = target !== -1 && level !== -1 ? (level === target ? WEIGHT.level : -WEIGHT.level * Math.abs(level - target)) : 0;
    out[PART.plan] = planPoints(context.plannedFor?.get(summary.id), question);
    out[PART.recent] = this.toldAt[i] <= nowMs && this.toldAt[i] > recentSinceMs ? -WEIGHT.recent : 0;
  }

  /**
   * The points each asked cue (by index in the cue table) brings a story that shows it fully:
   * WEIGHT.cue shared among them by their rarity over the bank, so a question that asks about a
   * broad theme and a narrow one ("a decision in minutes while customers were affected") is read
   * by the narrow one first. The rarity stays above zero (the "+ 1" inside its log), so a theme
   * every story shows keeps a small share. Empty when the question asks about no cue.
   */
  private cueWeights(asked: readonly number[]): number[] {
    let raritySum = 0;
    for (const cue of asked) raritySum += this.terms.cueRarity[cue];
    return asked.map((cue) => (raritySum > 0 ? (WEIGHT.cue * this.terms.cueRarity[cue]) / raritySum : 0));
  }

  /** The indices in the cue table of the cues the question asks about. */
  private askedCues(question: QuestionLps): number[] {
    const cues = allCues();
    return question.cues.map((id) => cues.findIndex((cue) => cue.id === id));
  }

  /**
   * Why story `i` scores as it does for a question, each reason with the points it brought: LP fit,
   * the asked cues it shows, a failure asked for, level, quality, plan and recency (the shared words are added by `rank`).
   */
  private explain(i: number, question: QuestionLps, context: MatchContext, asked: readonly number[]): Array<[points: number, text: string]> {
    const profile = this.profiles[i];
    const reasons: Array<[number, string]> = [];
    const fit = lpFit(question, profile.summary.lpIds);
    if (fit.reason) reasons.push([WEIGHT.lp * fit.score, fit.reason]);
    const shown = asked.filter((cue) => this.cueStrength(i, cue) > 0);
    if (shown.length > 0) {
      const weights = this.cueWeights(asked);
      const points = asked.reduce((sum, cue, k) => sum + weights[k] * this.cueStrength(i, cue), 0);
      reasons.push([points, `tells of ${shown.map((cue) => allCues()[cue].label).join(', ')}`]);
    }
    if (question.asksForFailure && this.failed[i]) reasons.push([WEIGHT.wentWrong, 'a story that went wrong, as asked']);
    const level = profile.summary.level;
    if (context.targetLevel && level) {
      const steps = Math.abs(LEVELS.indexOf(level) - LEVELS.indexOf(context.targetLevel));
      reasons.push([steps === 0 ? WEIGHT.level : -WEIGHT.level * steps, steps === 0 ? `at ${level}, your target` : `at ${level}, not ${context.targetLevel}`]);
    }
    const problems = openProblems(profile);
    if (problems > 0) reasons.push([-Math.min(WEIGHT.problemCap, WEIGHT.problem * problems), `${problems} open problem${problems === 1 ? '' : 's'}`]);
    if (profile.summary.check && !profile.summary.check.quantified) reasons.push([-WEIGHT.unquantified, 'no number in the Result']);
    const planned = context.plannedFor?.get(profile.summary.id);
    const plan = planPoints(planned, question);
    const here = planned && plannedHere(planned, question);
    if (here) reasons.push([plan, `planned for ${lpName(here.id)}`]);
    else if (plan < 0) reasons.push([plan, `planned for ${planned!.map(lpName).join(', ')}`]);
    if (profile.lastTold) {
      const ago = context.now.getTime() - Date.parse(profile.lastTold);
      if (ago >= 0 && ago < (context.recentDays ?? DEFAULT_RECENT_DAYS) * 86_400_000) {
        const days = Math.floor(ago / 86_400_000);
        reasons.push([-WEIGHT.recent, `told ${days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`}`]);
      }
    }
    return reasons;
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
function lpFit(question: QuestionLps, storyLpIds: readonly string[]): { score: number; reason?: string } {
  let best = 0;
  let reason: string | undefined;
  question.lpIds.forEach((id, i) => {
    const position = storyLpIds.indexOf(id);
    if (position === -1) return;
    const score = question.weights[i] * (position === 0 ? 1 : position === 1 ? 0.7 : 0.5);
    if (score <= best) return;
    best = score;
    reason = position === 0 ? `primary LP ${lpName(id)}` : `shows ${lpName(id)}`;
  });
  return { score: best, ...(reason ? { reason } : {}) };
}
