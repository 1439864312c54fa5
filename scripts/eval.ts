// Scores the rules against labelled stories they were never tuned on: the public set in
// test/fixtures/public (whole stories, split into a "tune" and a "report" half, and a second held-out
// set "holdout2"), a third held-out set "holdout3" kept in its own folder test/fixtures/public/holdout3,
// and the snippet sets in test/fixtures/corpus and test/fixtures/heldout. Prints true and false
// positives and negatives, precision and recall, and the files behind every false positive and miss.
// "all" means the three splits of the first public set; holdout3 is scored only when named. holdout3
// is halved by file number: its odd-numbered stories (holdout3-tune) may be read and tuned on, its
// even-numbered ones (holdout3-report) stay unread, so the script never names an even-numbered file:
// for them it prints counts, precision and recall only, in text and in JSON alike.
// Usage: npm run eval [-- --split tune|report|holdout2|holdout3|holdout3-tune|holdout3-report|all] [--format json]
import { readFileSync } from 'fs';
import { join } from 'path';
import { lintText } from '../src/core/engine';
import { findPersonalAction } from '../src/core/language/personal';
import { hasQuantity } from '../src/core/language/quantities';
import { SECTION_TITLES, STAR_KINDS, type StarKind } from '../src/core/parse/story';
import type { Finding } from '../src/core/types';

const ROOT = join(__dirname, '..', '..');
const PUBLIC = join(ROOT, 'test', 'fixtures', 'public');

type Split = 'tune' | 'report' | 'holdout2' | 'holdout3';
/** The halves of holdout3 by file number: odd-numbered files to tune on, even-numbered to report. */
const HALVES = ['holdout3-tune', 'holdout3-report'] as const;
type Half = (typeof HALVES)[number];
/** The splits of the first public set, labelled in test/fixtures/public/labels.json: what `all` scores. */
const SPLITS: readonly Split[] = ['tune', 'report', 'holdout2'];
/**
 * Held-out sets kept in a folder of their own under test/fixtures/public, each with its stories and
 * its labels.json; the folder is named after the split. Scored only when named with --split.
 */
const SEPARATE_SPLITS: readonly Split[] = ['holdout3'];
type SplitChoice = Split | Half | 'all';

export interface PublicLabel {
  file: string;
  split: Split;
  format: string;
  voice: 'i' | 'we' | 'mixed';
  digitsMeasureNothing: boolean;
  'unquantified-result': boolean;
  'missing-personal-role': boolean;
  'vague-claim': boolean | null;
  'situation-heavy': boolean | null;
  'missing-section': StarKind[];
  note: string;
}

/** One disagreement between the engine and a label, for a tuner to read. */
interface Disagreement {
  file: string;
  split: Split;
  /** The engine's message (false positive), or what the label expected (miss). */
  detail: string;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  falsePositives: Disagreement[];
  falseNegatives: Disagreement[];
  /** Stories left out because their label is null. */
  unlabelled: number;
}

const STORY_RULES = ['unquantified-result', 'missing-personal-role', 'vague-claim', 'situation-heavy'] as const;
type StoryRule = (typeof STORY_RULES)[number];
const RULES = [...STORY_RULES, 'missing-section'] as const;
type ScoredRule = (typeof RULES)[number];

function emptyScore(): Score {
  return { tp: 0, fp: 0, fn: 0, tn: 0, precision: null, recall: null, falsePositives: [], falseNegatives: [], unlabelled: 0 };
}

function finish(score: Score): Score {
  score.precision = score.tp + score.fp === 0 ? null : score.tp / (score.tp + score.fp);
  score.recall = score.tp + score.fn === 0 ? null : score.tp / (score.tp + score.fn);
  return score;
}

/** The STAR section a missing-section finding is about, read from its message. */
function missingKind(finding: Finding): StarKind | undefined {
  return STAR_KINDS.find((kind) => {
    const title = SECTION_TITLES[kind];
    return finding.message.startsWith(`The story has no ${title}.`) || finding.message.startsWith(`The ${title} is empty.`);
  });
}

/**
 * The folder under test/fixtures/public that holds a split's stories and labels.json: the public
 * folder itself for the first set's splits, a folder named after the split for a separate set.
 */
function splitFolder(split: Split): string {
  return SEPARATE_SPLITS.includes(split) ? join(PUBLIC, split) : PUBLIC;
}

/** The number a story's file name starts with ("07-…" is 7), or NaN when it starts with none. */
function fileNumber(file: string): number {
  return Number.parseInt(file, 10);
}

/**
 * Whether a story is in the sealed half of holdout3 (an even-numbered file): scored, but its name and
 * the engine's findings on it are never printed, so whoever tunes the rules does not read it.
 */
function isSealed(label: PublicLabel): boolean {
  return label.split === 'holdout3' && fileNumber(label.file) % 2 === 0;
}

/** Whether a labelled story belongs to the chosen split; `all` is the first public set's three splits. */
function inSplit(label: PublicLabel, split: SplitChoice): boolean {
  if (split === 'all') return SPLITS.includes(label.split);
  if (split === 'holdout3-tune') return label.split === 'holdout3' && !isSealed(label);
  if (split === 'holdout3-report') return isSealed(label);
  return label.split === split;
}

/**
 * The labels the chosen split is scored on: for a separate held-out set (`holdout3`), its own
 * labels.json; for `all` and the first set's splits, test/fixtures/public/labels.json (all of its
 * stories, filtered later). Throws when a file is missing or is not JSON.
 */
export function readLabels(split: SplitChoice = 'all'): PublicLabel[] {
  const folder = split === 'all' ? PUBLIC : HALVES.includes(split as Half) ? splitFolder('holdout3') : splitFolder(split as Split);
  return JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as PublicLabel[];
}

interface Linted {
  label: PublicLabel;
  findings: Finding[];
}

function lintAll(labels: PublicLabel[]): Linted[] {
  return labels.map((label) => ({ label, findings: lintText(readFileSync(join(splitFolder(label.split), label.file), 'utf8')).findings }));
}

function scorePublic(linted: Linted[], split: SplitChoice): Record<ScoredRule, Score> {
  const scores = Object.fromEntries(RULES.map((rule) => [rule, emptyScore()])) as Record<ScoredRule, Score>;
  for (const { label, findings } of linted) {
    if (!inSplit(label, split)) continue;
    const listed = !isSealed(label);
    for (const rule of STORY_RULES) {
      const score = scores[rule];
      const expected = label[rule as StoryRule];
      const found = findings.filter((f) => f.ruleId === rule);
      if (expected === null) {
        score.unlabelled++;
        continue;
      }
      if (expected && found.length > 0) score.tp++;
      else if (expected) {
        score.fn++;
        if (listed) score.falseNegatives.push({ file: label.file, split: label.split, detail: label.note });
      } else if (found.length > 0) {
        score.fp++;
        if (listed) score.falsePositives.push({ file: label.file, split: label.split, detail: found.map((f) => `line ${f.range.start.line + 1}: ${f.message}`).join(' | ') });
      } else score.tn++;
    }
    const sections = scores['missing-section'];
    const reported = new Map<StarKind, Finding>();
    for (const f of findings) {
      if (f.ruleId !== 'missing-section') continue;
      const kind = missingKind(f);
      if (kind) reported.set(kind, f);
    }
    for (const kind of STAR_KINDS) {
      const expected = label['missing-section'].includes(kind);
      const finding = reported.get(kind);
      if (expected && finding) sections.tp++;
      else if (expected) {
        sections.fn++;
        if (listed) sections.falseNegatives.push({ file: label.file, split: label.split, detail: `${kind} is missing but was not reported` });
      } else if (finding) {
        sections.fp++;
        if (listed) sections.falsePositives.push({ file: label.file, split: label.split, detail: finding.message });
      } else sections.tn++;
    }
  }
  for (const rule of RULES) finish(scores[rule]);
  return scores;
}

interface SnippetCase {
  text: string;
  note: string;
  quantified?: boolean;
  personal?: boolean;
}

/**
 * The snippet sets: Results labelled `quantified`, Actions labelled `personal`. Scored as the card
 * rules would fire: "positive" is an unquantified Result or an impersonal Action.
 */
function scoreSnippets(set: string): { 'unquantified-result': Score; 'missing-personal-role': Score } {
  const dir = join(ROOT, 'test', 'fixtures', set);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as SnippetCase[];
  const actions = JSON.parse(readFileSync(join(dir, 'actions.json'), 'utf8')) as SnippetCase[];
  const tally = (cases: SnippetCase[], expectedPositive: (c: SnippetCase) => boolean, firesOn: (c: SnippetCase) => boolean): Score => {
    const score = emptyScore();
    cases.forEach((c, i) => {
      const expected = expectedPositive(c);
      const fired = firesOn(c);
      const where = `${set} #${i + 1}: ${JSON.stringify(c.text.length > 90 ? `${c.text.slice(0, 90)}…` : c.text)}`;
      if (expected && fired) score.tp++;
      else if (expected) {
        score.fn++;
        score.falseNegatives.push({ file: where, split: 'report', detail: c.note });
      } else if (fired) {
        score.fp++;
        score.falsePositives.push({ file: where, split: 'report', detail: c.note });
      } else score.tn++;
    });
    return finish(score);
  };
  return {
    'unquantified-result': tally(results, (c) => c.quantified === false, (c) => !hasQuantity(c.text)),
    'missing-personal-role': tally(actions, (c) => c.personal === false, (c) => findPersonalAction(c.text) === undefined),
  };
}

const percent = (value: number | null) => (value === null ? '   -' : `${Math.round(value * 100)}%`.padStart(4));

function tableRow(name: string, split: string, s: Score): string {
  const cells = [name.padEnd(22), split.padEnd(15), String(s.tp).padStart(3), String(s.fp).padStart(3), String(s.fn).padStart(3), String(s.tn).padStart(4), percent(s.precision).padStart(9), percent(s.recall).padStart(7)];
  return `${cells.join(' ')}${s.unlabelled ? `   (${s.unlabelled} unlabelled left out)` : ''}`;
}

const HEADER = `${'rule'.padEnd(22)} ${'split'.padEnd(15)}  TP  FP  FN   TN precision  recall`;

function main(): void {
  const args = process.argv.slice(2);
  const splitAt = args.indexOf('--split');
  const split = (splitAt >= 0 ? args[splitAt + 1] : 'all') as SplitChoice;
  if (split !== 'all' && !SPLITS.includes(split as Split) && !SEPARATE_SPLITS.includes(split as Split) && !HALVES.includes(split as Half)) {
    throw new Error(`--split takes tune, report, holdout2, holdout3, holdout3-tune, holdout3-report or all, not ${String(split)}`);
  }
  const formatAt = args.indexOf('--format');
  const json = formatAt >= 0 && args[formatAt + 1] === 'json';

  const labels = readLabels(split);
  const linted = lintAll(labels);
  const splits: SplitChoice[] = split === 'all' ? [...SPLITS, 'all'] : [split];
  const publicScores = Object.fromEntries(splits.map((s) => [s, scorePublic(linted, s)])) as Partial<Record<SplitChoice, Record<ScoredRule, Score>>>;
  const snippets = { corpus: scoreSnippets('corpus'), heldout: scoreSnippets('heldout') };

  if (json) {
    console.log(JSON.stringify({ stories: labels.length, public: publicScores, snippets }, null, 2));
    return;
  }

  const counted = labels.filter((l) => inSplit(l, split));
  const shown: SplitChoice[] = split === 'all' ? [...SPLITS] : [split];
  const sizes = shown.map((s) => `${labels.filter((l) => inSplit(l, s)).length} ${s}`).join(', ');
  console.log(`Public set: ${counted.length} stories (${sizes}), default configuration.`);
  console.log('Positive = the rule should fire. missing-section counts one case per story and section.\n');
  console.log(HEADER);
  for (const rule of RULES) {
    for (const s of splits) console.log(tableRow(rule, s, publicScores[s]![rule]));
  }

  console.log('\nSnippet sets (Action and Result snippets, scored as the card rules fire):\n');
  console.log(HEADER.replace('split', 'set  '));
  for (const set of ['corpus', 'heldout'] as const) {
    for (const rule of ['unquantified-result', 'missing-personal-role'] as const) console.log(tableRow(rule, set, snippets[set][rule]));
  }

  // Misses are listed for the tune half unless another split is asked for by name: the held-out
  // stories stay unread by whoever tunes the rules.
  const detailSplit: SplitChoice = split === 'all' ? 'tune' : split;
  const detail = publicScores[detailSplit] ?? scorePublic(linted, detailSplit);
  console.log(`\nDisagreements in the ${detailSplit} split${split === 'all' ? ' (a held-out split: --split report, holdout2 or holdout3)' : ''}:`);
  const sealed = counted.filter(isSealed).length;
  if (sealed > 0) console.log(`  (${sealed} stories of holdout3-report are scored above but never listed)`);
  for (const rule of RULES) {
    const s = detail[rule];
    if (s.falsePositives.length === 0 && s.falseNegatives.length === 0) continue;
    console.log(`\n== ${rule} (${detailSplit})`);
    for (const d of s.falsePositives) console.log(`  FP [${d.split}] ${d.file}\n       ${d.detail}`);
    for (const d of s.falseNegatives) console.log(`  FN [${d.split}] ${d.file}\n       label: ${d.detail}`);
  }
  for (const set of ['corpus', 'heldout'] as const) {
    for (const rule of ['unquantified-result', 'missing-personal-role'] as const) {
      const s = snippets[set][rule];
      if (s.falsePositives.length === 0 && s.falseNegatives.length === 0) continue;
      console.log(`\n== ${rule} (${set} snippets)`);
      for (const d of s.falsePositives) console.log(`  FP ${d.file}\n       ${d.detail}`);
      for (const d of s.falseNegatives) console.log(`  FN ${d.file}\n       ${d.detail}`);
    }
  }
}

if (require.main === module) main();
