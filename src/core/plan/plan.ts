import { allLps, lpById, type Lp } from '../catalog';
import type { TargetLevel } from '../catalog/schema';
import type { PlanSettings } from '../config';
import { LEVELS } from '../parse/frontMatter';
import { fileTitle } from '../coverage';
import { FORBIDDEN, minCostAssignment } from './assignment';
import { openProblems, type StoryProfile } from './profile';

/** What a loop plan asks for: which LPs, how many distinct stories each, for which level. */
export interface PlanOptions {
  /** LP ids, in the order the plan lists them; all 16 by default. */
  lpIds?: readonly string[];
  /** Slots for each LP (distinct stories); 2 by default. */
  examplesPerLp?: number;
  /** The level the user interviews for; a story written at it costs least. */
  targetLevel?: TargetLevel;
  /** The year "now" for recency, so that a plan is the same on every run of a test. */
  currentYear: number;
}

export interface PlanSlot {
  lp: Lp;
  /** 1-based slot number within the LP. */
  slot: number;
  /** The story planned for the slot; undefined when the bank cannot fill it without telling a story twice. */
  story?: StoryProfile;
  /** A story not planned anywhere that could stand in, when the bank has one. */
  backup?: StoryProfile;
  /**
   * Why a slot has no story: no story of the bank claims its LP (`unclaimed`), or every story that
   * does fills another slot (`taken`). Undefined for a slot with a story.
   */
  gap?: 'unclaimed' | 'taken';
}

/** How a note names a story's file: its id as it is, or as the editor shows it (a relative path). */
type FileName = (id: string) => string;

/** What the plan says of one story told in several files (a group of `LoopPlan.sameStory`), the files named by `nameOf`. */
export function sameStoryNote(group: readonly StoryProfile[], nameOf: FileName = (id) => id): string {
  const files = group.map((story) => nameOf(story.summary.id));
  return `"${group[0].summary.title}" is told in ${files.length} files (${files.join(', ')}): the plan tells it once, from the first. Rename one if they are different stories.`;
}

/** What the plan says of the stories it could not plan as they name no LP (`LoopPlan.noLp`), the files named by `nameOf`. */
export function noLpNote(stories: readonly StoryProfile[], nameOf: FileName = (id) => id): string {
  return `Not planned, as ${stories.length === 1 ? 'it names' : 'they name'} no Leadership Principle STAR Coach reads (see their problems): ${stories.map((story) => nameOf(story.summary.id)).join(', ')}.`;
}

/** Why a slot is a gap, in a few words: "no story claims Frugality yet", "its stories are all planned for other slots". */
export function gapReason(slot: PlanSlot): string {
  return slot.gap === 'unclaimed' ? `no story claims ${slot.lp.name} yet` : 'its stories are all planned for other slots';
}

/** The one new story that would close a gap, described by the LPs it should show. */
export interface PlanSuggestion {
  lps: Lp[];
  /** Gaps it closes: one, since every story fills one slot (a matching gains at most one edge per new story). */
  closes: number;
  /** "A story showing Frugality and Earn Trust would complete the plan." */
  text: string;
}

export interface LoopPlan {
  slots: PlanSlot[];
  /**
   * Stories told in more than one file (the same title, a copy kept as "-v2"): each group, the one
   * planned from first. The plan tells each such story once, from the first file of its group.
   */
  sameStory: StoryProfile[][];
  /** Stories that name no LP the catalog knows (front matter missing or broken): none can fill a slot. Drafts left out. */
  noLp: StoryProfile[];
  /** The slots with no story, in plan order. */
  uncovered: PlanSlot[];
  suggestion?: PlanSuggestion;
  /** Total cost of the planned stories (lower is better), for tests and comparisons. */
  cost: number;
}

/**
 * The plan options of a config's `plan` settings (`.starcoach.yaml`) in `currentYear`, so that the
 * CLI and the editor plan alike. `fallbackLevel` (the editor's `starCoach.targetLevel`) applies
 * when the config names no `plan.level`.
 */
export function planOptionsFrom(settings: PlanSettings, currentYear: number, fallbackLevel?: TargetLevel): PlanOptions {
  const targetLevel = settings.targetLevel ?? fallbackLevel;
  return { examplesPerLp: settings.examplesPerLp, ...(settings.lpIds ? { lpIds: settings.lpIds } : {}), ...(targetLevel ? { targetLevel } : {}), currentYear };
}

/** The default number of stories planned for each LP. */
export const DEFAULT_EXAMPLES_PER_LP = 2;

/**
 * What telling `story` for a slot of `lpId` costs, in whole points (lower is better), or
 * `FORBIDDEN` when the story does not claim the LP. Points: the LP is not the story's first (4, or
 * 6 from the third on); each open problem (an error 3, a warning 2, an info 1, at most 6); no number
 * in the Result (3); a level off the target (1 when unknown, 2 a step); older stories (1 each two
 * years, at most 4; 2 when the year is unknown); practice (2 never told, 1 told once).
 */
export function slotCost(story: StoryProfile, lpId: string, options: Pick<PlanOptions, 'targetLevel' | 'currentYear'>): number {
  const position = story.summary.lpIds.indexOf(lpId);
  if (position === -1) return FORBIDDEN;
  // The same points as slotCostParts, without its words: this runs for every story and LP.
  let points = position === 0 ? 0 : position === 1 ? 4 : 6;
  const check = story.summary.check;
  if (check) {
    points += Math.min(6, check.problems.errors * 3 + check.problems.warnings * 2 + check.problems.information);
    if (!check.quantified) points += 3;
  }
  if (options.targetLevel) {
    const level = story.summary.level;
    points += !level ? 1 : 2 * Math.abs(LEVELS.indexOf(level) - LEVELS.indexOf(options.targetLevel));
  }
  const year = story.summary.year;
  points += year === undefined ? 2 : Math.min(4, Math.floor(Math.max(0, options.currentYear - year) / 2));
  if (story.practiced < 2) points += 2 - story.practiced;
  return points;
}

/** The points of `slotCost`, each with the words that explain it (parts that cost nothing are left out). */
export function slotCostParts(story: StoryProfile, position: number, options: Pick<PlanOptions, 'targetLevel' | 'currentYear'>): Array<{ points: number; why: string }> {
  const parts: Array<{ points: number; why: string }> = [];
  if (position > 0) parts.push({ points: position === 1 ? 4 : 6, why: 'not its primary LP' });
  const problems = story.summary.check?.problems;
  if (problems) {
    const points = Math.min(6, problems.errors * 3 + problems.warnings * 2 + problems.information);
    if (points > 0) parts.push({ points, why: `${openProblems(story)} open problem${openProblems(story) === 1 ? '' : 's'}` });
    if (story.summary.check && !story.summary.check.quantified) parts.push({ points: 3, why: 'no number in the Result' });
  }
  if (options.targetLevel) {
    const level = story.summary.level;
    if (!level) parts.push({ points: 1, why: 'no level given' });
    else if (level !== options.targetLevel) parts.push({ points: 2 * Math.abs(LEVELS.indexOf(level) - LEVELS.indexOf(options.targetLevel)), why: `written at ${level}` });
  }
  const year = story.summary.year;
  if (year === undefined) parts.push({ points: 2, why: 'no year given' });
  else {
    const age = Math.max(0, options.currentYear - year);
    const points = Math.min(4, Math.floor(age / 2));
    if (points > 0) parts.push({ points, why: `from ${year}` });
  }
  if (story.practiced < 2) parts.push({ points: 2 - story.practiced, why: story.practiced === 0 ? 'never practised' : 'practised once' });
  return parts;
}

/**
 * The loop plan: a distinct story for every slot (each LP `examplesPerLp` times) such that as many
 * slots as the bank allows are filled and, among those plans, the total `slotCost` is least (an
 * optimal assignment, not a greedy one: a story is kept for the LP only it can fill). Then a backup
 * for each slot from the stories left, again distinct, and the new story that would close a gap.
 * A story kept in several files (see `sameStoryGroups`) is one story: only its first file may be
 * planned. Each LP's stories fill its first slots, the cheapest first; each gap says why.
 * Throws a RangeError for an unknown LP id or a slot count below 1.
 */
export function planLoop(stories: readonly StoryProfile[], options: PlanOptions): LoopPlan {
  const lps = (options.lpIds ?? allLps().map((lp) => lp.id)).map((id) => {
    const lp = lpById(id);
    if (!lp) throw new RangeError(`no Leadership Principle has the id "${id}"`);
    return lp;
  });
  const perLp = options.examplesPerLp ?? DEFAULT_EXAMPLES_PER_LP;
  if (!Number.isInteger(perLp) || perLp < 1) throw new RangeError(`examplesPerLp must be a whole number of at least 1, not ${perLp}`);
  const slots: PlanSlot[] = [];
  for (const lp of lps) for (let slot = 1; slot <= perLp; slot++) slots.push({ lp, slot });

  const sameStory = sameStoryGroups(stories, lps, options);
  const copies = new Set(sameStory.flatMap((group) => group.slice(1)));
  const distinct = copies.size > 0 ? stories.filter((story) => !copies.has(story)) : stories;
  const candidates = cheapestClaimers(distinct, lps, slots.length, options);
  const main = assign(slots, candidates, options);
  const planned = new Set<StoryProfile>();
  main.columnOfRow.forEach((column, row) => {
    if (column !== -1) planned.add((slots[row].story = candidates[column]));
  });
  bestFirst(slots, options);
  const rest = cheapestClaimers(distinct.filter((story) => !planned.has(story)), lps, slots.length, options);
  const backups = assign(slots, rest, options);
  backups.columnOfRow.forEach((column, row) => {
    if (column !== -1) slots[row].backup = rest[column];
  });
  const uncovered = slots.filter((slot) => !slot.story);
  if (uncovered.length > 0) {
    const claimed = new Set<string>();
    for (const story of stories) if (!story.summary.check?.draft) for (const id of story.summary.lpIds) claimed.add(id);
    for (const slot of uncovered) slot.gap = claimed.has(slot.lp.id) ? 'taken' : 'unclaimed';
  }
  const suggestion = suggestStory(uncovered);
  const noLp = stories.filter((story) => story.summary.lpIds.length === 0 && !story.summary.check?.draft);
  return { slots, sameStory, noLp, uncovered, ...(suggestion ? { suggestion } : {}), cost: main.cost };
}

/**
 * Stories that are one story told in several files: the same title in their front matter, letter
 * case, spacing and punctuation aside. Only stories the plan could tell are grouped (not a draft,
 * claiming an LP of the plan, titled in their front matter rather than after their file), so a
 * copy that could fill no slot never stands in for one that could. In each group the cheapest for
 * its own first planned LP comes first (bank order breaks ties), as the one the plan may tell.
 * Groups of one are left out.
 */
function sameStoryGroups(stories: readonly StoryProfile[], lps: readonly Lp[], options: PlanOptions): StoryProfile[][] {
  const planned = new Set(lps.map((lp) => lp.id));
  const firstPlanned = (story: StoryProfile) => story.summary.lpIds.find((id) => planned.has(id));
  const byTitle = new Map<string, StoryProfile[]>();
  for (const story of stories) {
    if (story.summary.check?.draft || !firstPlanned(story)) continue;
    const key = titleKey(story.summary.title);
    if (!key) continue;
    const group = byTitle.get(key);
    if (group) group.push(story);
    else byTitle.set(key, [story]);
  }
  const own = (story: StoryProfile) => slotCost(story, firstPlanned(story)!, options);
  const groups: StoryProfile[][] = [];
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    // Asked only of a title two stories share: most titles are not.
    const titled = group.filter((story) => story.summary.title !== fileTitle(story.summary.id));
    // A stable sort: equal costs keep bank order.
    if (titled.length > 1) groups.push(titled.sort((a, b) => own(a) - own(b)));
  }
  return groups;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** A title as `sameStoryGroups` compares it: lower case, words and numbers only, one space between. */
function titleKey(title: string): string {
  // Most titles are plain ASCII, where a narrower pattern gives the same key for less.
  const lower = title.toLowerCase();
  return (PRINTABLE_ASCII.test(title) ? lower.replace(/[^a-z0-9]+/g, ' ') : lower.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}

/**
 * Within each LP, its planned stories in the first slots, the cheapest first, so that "Ownership 1"
 * is the story to tell first and a gap is never listed before a filled slot. The assignment's cost
 * does not change: the stories only move among the same LP's slots.
 */
function bestFirst(slots: PlanSlot[], options: PlanOptions): void {
  for (let start = 0; start < slots.length; ) {
    let end = start;
    while (end < slots.length && slots[end].lp === slots[start].lp) end++;
    const lpId = slots[start].lp.id;
    const stories = slots.slice(start, end).flatMap((slot) => (slot.story ? [slot.story] : []));
    // A stable sort: equal costs keep the assignment's order.
    stories.sort((a, b) => slotCost(a, lpId, options) - slotCost(b, lpId, options));
    for (let i = start; i < end; i++) {
      const story = stories[i - start];
      if (story) slots[i].story = story;
      else delete slots[i].story;
    }
    start = end;
  }
}

/**
 * The LP ids each planned story fills a slot of, keyed by the story's id (backups not included):
 * what the matcher reads as "already planned for another LP".
 */
export function plannedLps(plan: LoopPlan): Map<string, string[]> {
  const planned = new Map<string, string[]>();
  for (const slot of plan.slots) if (slot.story) planned.set(slot.story.summary.id, [...(planned.get(slot.story.summary.id) ?? []), slot.lp.id]);
  return planned;
}

/**
 * The stories worth offering the solver: for each LP, its `slotCount` cheapest claimers. That
 * loses no optimum: a slot given a story outside its LP's cheapest `slotCount` has one of those
 * free (the other slots hold at most `slotCount - 1` stories), as cheap or cheaper. A bank of ten
 * thousand shrinks to a few hundred columns.
 */
function cheapestClaimers(stories: readonly StoryProfile[], lps: readonly Lp[], slotCount: number, options: PlanOptions): StoryProfile[] {
  // One pass over the bank, each story into the buckets of the planned LPs it claims.
  const buckets = new Map<string, Array<{ story: StoryProfile; cost: number; order: number }>>(lps.map((lp) => [lp.id, []]));
  stories.forEach((story, order) => {
    // A draft (a template not yet filled in) is no story to tell.
    if (story.summary.check?.draft) return;
    for (const id of story.summary.lpIds) buckets.get(id)?.push({ story, cost: slotCost(story, id, options), order });
  });
  const kept = new Set<StoryProfile>();
  for (const claimers of buckets.values()) {
    claimers.sort((a, b) => a.cost - b.cost || a.order - b.order);
    for (const { story } of claimers.slice(0, slotCount)) kept.add(story);
  }
  // In bank order, so that ties fall the same way whatever the LPs' order.
  return stories.filter((story) => kept.has(story));
}

function assign(slots: readonly PlanSlot[], stories: readonly StoryProfile[], options: PlanOptions) {
  return minCostAssignment(slots.length, stories.length, (row, column) => slotCost(stories[column], slots[row].lp.id, options));
}

/**
 * The new story that would close a gap: it shows the LPs with the most empty slots (two at most, as
 * a story shows two or three LPs well). A story fills one slot, so it closes one gap, and completes
 * the plan when one is left.
 */
function suggestStory(uncovered: readonly PlanSlot[]): PlanSuggestion | undefined {
  if (uncovered.length === 0) return undefined;
  const missing = new Map<string, { lp: Lp; count: number; first: number }>();
  uncovered.forEach((slot, i) => {
    const entry = missing.get(slot.lp.id) ?? { lp: slot.lp, count: 0, first: i };
    entry.count++;
    missing.set(slot.lp.id, entry);
  });
  const lps = [...missing.values()].sort((a, b) => b.count - a.count || a.first - b.first).slice(0, 2).map((entry) => entry.lp);
  // "Ownership and Invent and Simplify" would read as three LPs.
  const names = lps.map((lp) => lp.name).join(lps.some((lp) => / and /i.test(lp.name)) ? ' as well as ' : ' and ');
  const gaps = uncovered.length;
  const effect = gaps === 1 ? 'would complete the plan' : `would close one of the ${gaps} gaps (each story fills one slot, so ${gaps} new stories complete the plan)`;
  return { lps, closes: 1, text: `A story showing ${names} ${effect}.` };
}
