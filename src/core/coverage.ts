import { allLps, type Lp } from './catalog';
import { resolveLpEntries } from './lpEntries';
import type { Level, Outcome } from './parse/frontMatter';
import { sectionOf, sectionProse, isEmptySection, fullStoryWords, type Story } from './parse/story';
import { hasQuantity } from './language/quantities';
import { FAILURE_REPORTED, LEARNING_STATED } from './language/phrases';
import type { Finding } from './types';
import { byTitle } from './text';

/** What the coverage index keeps of one story: small, so ten thousand fit easily. */
export interface StorySummary {
  /** The file's path or URI: the key of the index. */
  id: string;
  title: string;
  /** Resolved LP ids, in the order the story lists them; the first is its primary LP. */
  lpIds: string[];
  level?: Level;
  outcome?: Outcome;
  quantified: boolean;
  isFailure: boolean;
  hasLearning: boolean;
  hasShortVersion: boolean;
  words: number;
  problems: { errors: number; warnings: number; others: number };
}

export function summarize(id: string, story: Story, findings: readonly Finding[]): StorySummary {
  const meta = story.frontMatter.meta;
  const lpIds: string[] = [];
  for (const { lp } of resolveLpEntries(story.frontMatter.lpEntries)) {
    if (lp && !lpIds.includes(lp.id)) lpIds.push(lp.id);
  }
  const result = sectionOf(story, 'result');
  const resultProse = result ? sectionProse(story, result) : '';
  const learning = sectionOf(story, 'learning');
  const short = sectionOf(story, 'short');
  const problems = { errors: 0, warnings: 0, others: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') problems.errors++;
    else if (finding.severity === 'warning') problems.warnings++;
    else problems.others++;
  }
  return {
    id,
    title: meta.title ?? fileTitle(id),
    lpIds,
    ...(meta.level ? { level: meta.level } : {}),
    ...(meta.outcome ? { outcome: meta.outcome } : {}),
    quantified: hasQuantity(resultProse),
    isFailure: meta.outcome === 'failure' || FAILURE_REPORTED.test(resultProse),
    hasLearning: (learning !== undefined && !isEmptySection(story, learning)) || LEARNING_STATED.test(resultProse),
    hasShortVersion: short !== undefined && !isEmptySection(story, short),
    words: fullStoryWords(story),
    problems,
  };
}

function fileTitle(id: string): string {
  return decodeURIComponent(id.split(/[\\/]/).pop() ?? id).replace(/\.star\.md$/i, '');
}

export type CoverageStatus = 'met' | 'partial' | 'none';

function statusOf(count: number, goal: number): CoverageStatus {
  return count >= goal ? 'met' : count > 0 ? 'partial' : 'none';
}

export interface LpCoverage {
  lp: Lp;
  count: number;
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

export interface Readiness {
  goal: number;
  stories: number;
  lpsAtGoal: number;
  lpsCovered: number;
  items: ChecklistItem[];
}

/**
 * Stories by LP, kept up to date one file at a time: upserting or removing a story touches only
 * the LPs it claims, never the other stories.
 */
export class CoverageIndex {
  private readonly stories = new Map<string, StorySummary>();
  private readonly byLp = new Map<string, Set<string>>();

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
    this.remove(summary.id);
    this.stories.set(summary.id, summary);
    for (const lpId of summary.lpIds) {
      let ids = this.byLp.get(lpId);
      if (!ids) this.byLp.set(lpId, (ids = new Set()));
      ids.add(summary.id);
    }
  }

  remove(id: string): boolean {
    const old = this.stories.get(id);
    if (!old) return false;
    for (const lpId of old.lpIds) this.byLp.get(lpId)?.delete(id);
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
  }

  /** The stories that claim an LP, primary first, then by title. */
  storiesOf(lpId: string): LpCoverage['stories'] {
    return [...(this.byLp.get(lpId) ?? [])]
      .map((id) => this.stories.get(id) as StorySummary)
      .map((story) => ({ story, primary: story.lpIds[0] === lpId }))
      .sort((a, b) => Number(b.primary) - Number(a.primary) || byTitle(a.story.title, b.story.title));
  }

  /** Each LP against the goal; its list of stories is built only when read (a tree shows counts first). */
  coverage(goal: number): LpCoverage[] {
    return allLps().map((lp) => {
      const count = this.byLp.get(lp.id)?.size ?? 0;
      let stories: LpCoverage['stories'] | undefined;
      const list = () => (stories ??= this.storiesOf(lp.id));
      return {
        lp,
        count,
        goal,
        status: statusOf(count, goal),
        get stories() {
          return list();
        },
      };
    });
  }

  /** Stories per LP id, without listing them: cheap enough to run on every change. */
  counts(): Map<string, number> {
    return new Map(allLps().map((lp) => [lp.id, this.byLp.get(lp.id)?.size ?? 0]));
  }

  readiness(goal: number): Readiness {
    const counts = [...this.counts().values()];
    const all = [...this.stories.values()];
    const failures = all.filter((s) => s.isFailure);
    const lpsAtGoal = counts.filter((count) => statusOf(count, goal) === 'met').length;
    const target = goal * counts.length;
    const item = (id: ChecklistItem['id'], label: string, done: number, total: number): ChecklistItem => ({ id, label, done, total, met: total > 0 ? done >= total : id === 'failure-learning' });
    return {
      goal,
      stories: all.length,
      lpsAtGoal,
      lpsCovered: counts.filter((count) => count > 0).length,
      items: [
        item('lps-at-goal', `${goal} stories for each of the ${counts.length} LPs`, lpsAtGoal, counts.length),
        item('story-count', `${target} stories in all`, Math.min(all.length, target), target),
        item('quantified', 'Every result quantified', all.filter((s) => s.quantified).length, all.length),
        item('failure-learning', 'Every failure story has a learning', failures.filter((s) => s.hasLearning).length, failures.length),
        item('short-version', 'A 2-minute Short version for every story', all.filter((s) => s.hasShortVersion).length, all.length),
        item('multi-lp', 'Every story mapped to 2 or more LPs', all.filter((s) => s.lpIds.length >= 2).length, all.length),
      ],
    };
  }
}
