import { allLps, type Lp } from './catalog';
import { resolveLpEntries } from './lpEntries';
import type { FrontMatter, Level, Outcome } from './parse/frontMatter';
import { sectionOf, sectionProse, isDraft, isEmptySection, fullStoryWords, type Story } from './parse/story';
import { storyHasQuantity } from './language/quantities';
import { FAILURE_REPORTED, LEARNING_STATED } from './language/phrases';
import type { Finding } from './types';
import { byTitle } from './text';
import { plural } from './format/words';

/**
 * What the coverage index keeps of one story: small, so ten thousand fit easily. It comes in two
 * steps: the front matter alone gives the counts, at once; the check of the whole story follows.
 */
export interface StorySummary {
  /** The file's path or URI: the key of the index. */
  id: string;
  title: string;
  /** Resolved LP ids, in the order the story lists them; the first is its primary LP. */
  lpIds: string[];
  level?: Level;
  outcome?: Outcome;
  /** The `year` front-matter field: when the story happened, when given. */
  year?: number;
  /** What checking the whole story found; undefined until it has been checked. */
  check?: StoryCheck;
}

export interface StoryCheck {
  /**
   * Nothing written yet: only headings and template prompts (see `isDraft`). A draft counts toward
   * no LP and no readiness item; the views list it as a draft.
   */
  draft: boolean;
  quantified: boolean;
  isFailure: boolean;
  hasLearning: boolean;
  hasShortVersion: boolean;
  words: number;
  /** Findings by severity. */
  problems: ProblemCounts;
}

/** Findings by severity. Hints are suggestions the Problems panel does not list; the rest it does. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

/** A story counted and checked. */
export function summarize(id: string, story: Story, findings: readonly Finding[]): StorySummary {
  return { ...countStory(id, story.frontMatter), check: storyCheckOf(story, findings) };
}

/** A story counted from its front matter alone: its title, LPs, level, outcome and year. */
export function countStory(id: string, frontMatter: FrontMatter): StorySummary {
  const meta = frontMatter.meta;
  const lpIds: string[] = [];
  for (const { lp } of resolveLpEntries(frontMatter.lpEntries)) {
    if (lp && !lpIds.includes(lp.id)) lpIds.push(lp.id);
  }
  return {
    id,
    title: meta.title ?? fileTitle(id),
    lpIds,
    ...(meta.level ? { level: meta.level } : {}),
    ...(meta.outcome ? { outcome: meta.outcome } : {}),
    ...(typeof meta.year === 'number' ? { year: meta.year } : {}),
  };
}

/** What the whole story shows: its Result, learning, short version, length and problems. */
export function storyCheckOf(story: Story, findings: readonly Finding[]): StoryCheck {
  const result = sectionOf(story, 'result');
  const resultProse = result ? sectionProse(story, result) : '';
  const learning = sectionOf(story, 'learning');
  const short = sectionOf(story, 'short');
  const problems: ProblemCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') problems.errors++;
    else if (finding.severity === 'warning') problems.warnings++;
    else if (finding.severity === 'information') problems.information++;
    else problems.hints++;
  }
  return {
    draft: isDraft(story),
    quantified: storyHasQuantity(story, resultProse),
    isFailure: story.frontMatter.meta.outcome === 'failure' || FAILURE_REPORTED.test(resultProse),
    hasLearning: (learning !== undefined && !isEmptySection(story, learning)) || LEARNING_STATED.test(resultProse),
    hasShortVersion: short !== undefined && !isEmptySection(story, short),
    words: fullStoryWords(story),
    problems,
  };
}

/**
 * What the Problems panel lists for the story (errors, warnings and infos; not hints), or
 * undefined while the story waits for its check: the sidebar, its tooltips and the pages count the
 * same findings the user sees there.
 */
export function problemCount(story: StorySummary): number | undefined {
  const problems = story.check?.problems;
  return problems && problems.errors + problems.warnings + problems.information;
}

/** "checking…", "no problems", "1 problem", "4 problems". */
export function problemsText(story: StorySummary): string {
  const count = problemCount(story);
  return count === undefined ? 'checking…' : count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`;
}

/** Whether the story was checked and found a draft: nothing written in it yet. */
export function isDraftStory(story: StorySummary): boolean {
  return story.check?.draft === true;
}

/** What "Draft" means, for the sidebar's group tooltip. */
export const DRAFT_MEANING = 'only headings and template prompts so far: not counted toward any LP until something is written';

/** What "Needs work" means, for the sidebar's group and filter tooltips. */
export const NEEDS_WORK_MEANING = 'a problem in the Problems panel (an error, warning or info), no number in the Result, or a failure with no learning';
/** What "Ready" means: the opposite of needing work. */
export const READY_MEANING = 'nothing in the Problems panel, a number in the Result, and a learning for a failure';

/** Problems (as the Problems panel lists them), no number in the Result, or a failure with no learning; false while unchecked. */
export function needsWork(story: StorySummary): boolean {
  const check = story.check;
  return check !== undefined && (problemCount(story)! > 0 || !check.quantified || (check.isFailure && !check.hasLearning));
}

function sameLps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = new Set()));
  ids.add(id);
}

/** A story's title when its front matter gives none: its file's name, URI-decoded, without `.star.md` (`ids` are paths or URIs). */
export function fileTitle(id: string): string {
  const name = id.split(/[\\/]/).pop() ?? id;
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // a file name with a bare "%" is not URI-encoded: show it as it is
  }
  return decoded.replace(/\.star\.md$/i, '');
}

export type CoverageStatus = 'met' | 'partial' | 'none';

function statusOf(count: number, goal: number): CoverageStatus {
  return count >= goal ? 'met' : count > 0 ? 'partial' : 'none';
}

export interface LpCoverage {
  lp: Lp;
  /** Stories that claim the LP and have content: drafts not included. */
  count: number;
  /** Drafts that claim the LP: listed, not counted. */
  drafts: number;
  goal: number;
  status: CoverageStatus;
  /** Stories that claim the LP, those that list it first (primary) before the rest. */
  stories: Array<{ story: StorySummary; primary: boolean }>;
}

export interface ChecklistItem {
  id: 'lps-at-goal' | 'story-count' | 'quantified' | 'failure-learning' | 'short-version' | 'multi-lp';
  label: string;
  done: number;
  total: number;
  met: boolean;
}

/** The bank's size, and how many LPs have `goal` stories or more. */
export interface BankTotals {
  goal: number;
  /** Stories with content; drafts are not counted. */
  stories: number;
  /** Drafts: stories with nothing written yet. */
  drafts: number;
  lpsAtGoal: number;
}

export interface Readiness extends BankTotals {
  lpsCovered: number;
  items: ChecklistItem[];
}

/**
 * The bank's size in words, drafts named apart since they count toward nothing: "3 stories",
 * "3 stories and 1 draft", "0 stories and 2 drafts".
 */
export function storiesText({ stories, drafts }: Pick<BankTotals, 'stories' | 'drafts'>): string {
  return `${plural(stories, 'story', 'stories')}${drafts > 0 ? ` and ${plural(drafts, 'draft')}` : ''}`;
}

/**
 * Stories by LP, kept up to date one file at a time: upserting or removing a story touches only
 * the LPs it claims, never the other stories. A draft is listed under its LPs but not counted; a
 * story counted from its front matter alone counts until its check finds it a draft.
 */
export class CoverageIndex {
  private readonly stories = new Map<string, StorySummary>();
  /** Every story that claims the LP, drafts included. */
  private readonly byLp = new Map<string, Set<string>>();
  /** The drafts among them. */
  private readonly draftsByLp = new Map<string, Set<string>>();
  /** Drafts in the whole bank, kept as stories come and go, so the status bar never walks the bank. */
  private draftCount = 0;

  get size(): number {
    return this.stories.size;
  }

  get(id: string): StorySummary | undefined {
    return this.stories.get(id);
  }

  all(): IterableIterator<StorySummary> {
    return this.stories.values();
  }

  upsert(summary: StorySummary): void {
    const old = this.stories.get(summary.id);
    // A story's check landing after its count keeps its LPs: only the draft lists may change.
    if (old && sameLps(old.lpIds, summary.lpIds)) {
      this.stories.set(summary.id, summary);
      const [was, is] = [isDraftStory(old), isDraftStory(summary)];
      if (was === is) return;
      this.draftCount += is ? 1 : -1;
      for (const lpId of summary.lpIds) {
        if (is) addTo(this.draftsByLp, lpId, summary.id);
        else this.draftsByLp.get(lpId)?.delete(summary.id);
      }
      return;
    }
    this.remove(summary.id);
    this.stories.set(summary.id, summary);
    const draft = isDraftStory(summary);
    if (draft) this.draftCount++;
    for (const lpId of summary.lpIds) {
      addTo(this.byLp, lpId, summary.id);
      if (draft) addTo(this.draftsByLp, lpId, summary.id);
    }
  }

  remove(id: string): boolean {
    const old = this.stories.get(id);
    if (!old) return false;
    if (isDraftStory(old)) this.draftCount--;
    for (const lpId of old.lpIds) {
      this.byLp.get(lpId)?.delete(id);
      this.draftsByLp.get(lpId)?.delete(id);
    }
    this.stories.delete(id);
    return true;
  }

  /** Removes every story whose id starts with the prefix (a deleted folder). */
  removeUnder(prefix: string): number {
    let removed = 0;
    for (const id of [...this.stories.keys()]) if (id.startsWith(prefix) && this.remove(id)) removed++;
    return removed;
  }

  clear(): void {
    this.stories.clear();
    this.byLp.clear();
    this.draftsByLp.clear();
    this.draftCount = 0;
  }

  /** Stories that claim the LP and are no drafts. */
  private countOf(lpId: string): number {
    return (this.byLp.get(lpId)?.size ?? 0) - (this.draftsByLp.get(lpId)?.size ?? 0);
  }

  /** The stories that claim an LP (drafts too), primary first, then by title. */
  storiesOf(lpId: string): LpCoverage['stories'] {
    return [...(this.byLp.get(lpId) ?? [])]
      .map((id) => this.stories.get(id) as StorySummary)
      .map((story) => ({ story, primary: story.lpIds[0] === lpId }))
      .sort((a, b) => Number(b.primary) - Number(a.primary) || byTitle(a.story.title, b.story.title));
  }

  /** Each LP against the goal; its list of stories is built only when read (a tree shows counts first). */
  coverage(goal: number): LpCoverage[] {
    return allLps().map((lp) => {
      const count = this.countOf(lp.id);
      let stories: LpCoverage['stories'] | undefined;
      const list = () => (stories ??= this.storiesOf(lp.id));
      return {
        lp,
        count,
        drafts: this.draftsByLp.get(lp.id)?.size ?? 0,
        goal,
        status: statusOf(count, goal),
        get stories() {
          return list();
        },
      };
    });
  }

  /** Stories per LP id (drafts not counted), without listing them: cheap enough to run on every change. */
  counts(): Map<string, number> {
    return new Map(allLps().map((lp) => [lp.id, this.countOf(lp.id)]));
  }

  /**
   * The bank's size and the LPs at the goal, without walking the bank: what the status bar and the
   * views' badge show on every change (16 LPs of work, whatever the bank's size).
   */
  totals(goal: number): BankTotals {
    let lpsAtGoal = 0;
    for (const lp of allLps()) if (statusOf(this.countOf(lp.id), goal) === 'met') lpsAtGoal++;
    return { goal, stories: this.stories.size - this.draftCount, drafts: this.draftCount, lpsAtGoal };
  }

  readiness(goal: number): Readiness {
    const counts = [...this.counts().values()];
    const everyStory = [...this.stories.values()];
    const all = everyStory.filter((story) => !isDraftStory(story));
    // Stories not yet checked count as not done; the list fills in as checks land.
    const checks = all.map((s) => s.check);
    const failures = checks.filter((c) => c?.isFailure);
    const lpsAtGoal = counts.filter((count) => statusOf(count, goal) === 'met').length;
    const target = goal * counts.length;
    const item = (id: ChecklistItem['id'], label: string, done: number, total: number): ChecklistItem => ({ id, label, done, total, met: total > 0 ? done >= total : id === 'failure-learning' });
    return {
      goal,
      stories: all.length,
      drafts: everyStory.length - all.length,
      lpsAtGoal,
      lpsCovered: counts.filter((count) => count > 0).length,
      items: [
        item('lps-at-goal', `${plural(goal, 'story', 'stories')} for each of the ${counts.length} LPs`, lpsAtGoal, counts.length),
        item('story-count', `${plural(target, 'story', 'stories')} in all`, Math.min(all.length, target), target),
        item('quantified', 'Every result quantified', checks.filter((c) => c?.quantified).length, all.length),
        item('failure-learning', 'Every failure story has a learning', failures.filter((c) => c?.hasLearning).length, failures.length),
        item('short-version', 'A 2-minute Short version for every story', checks.filter((c) => c?.hasShortVersion).length, all.length),
        item('multi-lp', 'Every story mapped to 2 or more LPs', all.filter((s) => s.lpIds.length >= 2).length, all.length),
      ],
    };
  }
}
