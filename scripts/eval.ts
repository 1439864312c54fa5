// Scores the rules against labelled stories: the public set in test/fixtures/public (whole stories,
// split into a "tune" and a "report" half and a second held-out set "holdout2"), further held-out
// sets each kept in a folder of its own under test/fixtures/public (holdout3, holdout4, ...), and the
// snippet sets in test/fixtures/corpus and test/fixtures/heldout. Prints true and false positives and
// negatives, precision and recall, and the files behind every false positive and miss.
//
// "all" means the three splits of the first public set; a separate set is scored only when named
// (`--split holdout3`). Whether a separate set's disagreements may be read is decided in one place,
// SEPARATE_SETS below:
//   - open: tuned on; every false positive and miss is printed with its file name (holdout3, and its
//     halves by file number, holdout3-tune for odd-numbered files and holdout3-report for even ones);
//   - sealed: kept for an honest figure; only counts, precision and recall are printed, in text and in
//     JSON alike, never a file name, a finding's message or a label's note.
// A folder not listed there is refused, so that a new held-out set cannot be read by accident: list it
// as sealed before its first run.
// Usage: npm run eval [-- --split tune|report|holdout2|all|open|<set>|holdout3-tune|holdout3-report] [--format json]
// (`open`: every open set at once, counts summed)
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { lintText } from '../src/core/engine';
import { findPersonalAction } from '../src/core/language/personal';
import { hasQuantity } from '../src/core/language/quantities';
import { SECTION_TITLES, STAR_KINDS, type StarKind } from '../src/core/parse/story';
import { NO_PARTS_FOUND } from '../src/core/rules/missingSection';
import type { Finding } from '../src/core/types';
import { AGREEMENT_HEADER, agreementOn, agreementRow } from './agreement';

const ROOT = join(__dirname, '..', '..');
const PUBLIC = join(ROOT, 'test', 'fixtures', 'public');

/** The splits of the first public set, labelled in test/fixtures/public/labels.json: what `all` scores. */
const SPLITS = ['tune', 'report', 'holdout2'] as const;

/** Which separate held-out sets exist, by folder name, and whether each may be read: `open` or `sealed`. */
export type SeparateSets = Readonly<Record<string, 'open' | 'sealed'>>;

/**
 * Held-out sets kept in a folder of their own under test/fixtures/public, named after the set, each
 * with its stories and its labels.json; scored only when named with --split. `open`: its
 * disagreements are printed with file names, for tuning. `sealed`: figures only, nothing that names
 * or quotes one of its stories. The one place that says which set may be read.
 */
const SEPARATE_SETS: SeparateSets = {
  holdout3: 'open',
  holdout4: 'open',
  holdout5: 'open',
  holdout6: 'open',
  holdout7: 'open',
  holdout8: 'open',
  holdout9: 'open',
  holdout10: 'open',
  holdout11: 'open',
  holdout12: 'open',
  holdout13: 'open',
  holdout14: 'open',
  holdout15: 'open',
  holdout16: 'open',
  holdout17: 'open',
  holdout18: 'open',
  holdout19: 'sealed',
};

/** The halves of holdout3 by file number: odd-numbered files (holdout3-tune), even-numbered (holdout3-report). */
const HALVES = { 'holdout3-tune': 1, 'holdout3-report': 0 } as const;
type Half = keyof typeof HALVES;
const HALVED_SET = 'holdout3';
const isHalf = (split: string): split is Half => Object.hasOwn(HALVES, split);

/** What --split names: a split of the first set, `all`, a separate set's folder or a half of holdout3. */
type SplitChoice = string;

export interface PublicLabel {
  file: string;
  split: string;
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
  split: string;
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

/** The separate set a --split names: the set itself, or holdout3 for one of its halves. */
function separateSetOf(split: SplitChoice, sets: SeparateSets = SEPARATE_SETS): string | undefined {
  if (isHalf(split)) return HALVED_SET;
  return Object.hasOwn(sets, split) ? split : undefined;
}

/** Whether a --split names something this script scores; throws with the choices when it does not. */
function checkSplit(split: SplitChoice): void {
  if (split === 'all' || (SPLITS as readonly string[]).includes(split) || separateSetOf(split) !== undefined) return;
  const choices = [...SPLITS, 'all', ...Object.keys(SEPARATE_SETS), ...Object.keys(HALVES)].join(', ');
  throw new Error(`--split takes ${choices}, not ${String(split)}. A new held-out folder is listed in SEPARATE_SETS in scripts/eval.ts first.`);
}

/** Whether a split's disagreements are kept from whoever tunes the rules: a sealed separate set. */
function isSealed(split: SplitChoice, sets: SeparateSets): boolean {
  const set = separateSetOf(split, sets);
  return set !== undefined && sets[set] === 'sealed';
}

/** The number a story's file name starts with ("07-…" is 7), or NaN when it starts with none. */
function fileNumber(file: string): number {
  return Number.parseInt(file, 10);
}

/** Whether a labelled story belongs to the chosen split; `all` is the first public set's three splits. */
function inSplit(label: PublicLabel, split: SplitChoice, sets: SeparateSets = SEPARATE_SETS): boolean {
  if (split === 'all') return (SPLITS as readonly string[]).includes(label.split);
  if (isHalf(split)) return fileNumber(label.file) % 2 === HALVES[split];
  if (separateSetOf(split, sets) !== undefined) return true;
  return label.split === split;
}

/** The folder that holds a split's stories and labels.json. */
function folderOf(split: SplitChoice): string {
  const set = separateSetOf(split);
  return set === undefined ? PUBLIC : join(PUBLIC, set);
}

/**
 * The labels the chosen split is scored on: for a separate held-out set (or a half of one), its own
 * labels.json; for `all` and the first set's splits, test/fixtures/public/labels.json (all of its
 * stories, filtered later). Throws when the split is unknown, or a file is missing or not JSON.
 */
export function readLabels(split: SplitChoice = 'all'): PublicLabel[] {
  checkSplit(split);
  const file = join(folderOf(split), 'labels.json');
  if (!existsSync(file)) throw new Error(`${split}: there is no ${file}`);
  return JSON.parse(readFileSync(file, 'utf8')) as PublicLabel[];
}

/** A story of the public set with the engine's findings on it. */
export interface Linted {
  label: PublicLabel;
  findings: Finding[];
}

/** Lints every labelled story of the folder the chosen split reads, with the default configuration. */
function lintAll(labels: PublicLabel[], split: SplitChoice): Linted[] {
  const folder = folderOf(split);
  return labels.map((label) => ({ label, findings: lintText(readFileSync(join(folder, label.file), 'utf8')).findings }));
}

/** Scores one story rule (a yes-or-no label) on one story. */
function scoreStoryRule(score: Score, label: PublicLabel, expected: boolean | null, found: Finding[], listed: boolean): void {
  if (expected === null) {
    score.unlabelled++;
    return;
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

/**
 * Scores missing-section on one story: one case per STAR section, positive when the label lists it.
 * The finding that no part could be found at all names no section: it is one false positive when the
 * label lists none missing, and counts as reporting the listed ones when it lists some.
 */
function scoreSections(score: Score, label: PublicLabel, findings: Finding[], listed: boolean): void {
  const own = findings.filter((f) => f.ruleId === 'missing-section');
  const noParts = own.find((f) => f.message === NO_PARTS_FOUND);
  const reported = new Map<StarKind, Finding>();
  for (const f of own) {
    const kind = missingKind(f);
    if (kind) reported.set(kind, f);
  }
  if (noParts && label['missing-section'].length === 0) {
    score.fp++;
    if (listed) score.falsePositives.push({ file: label.file, split: label.split, detail: noParts.message });
  }
  for (const kind of STAR_KINDS) {
    const expected = label['missing-section'].includes(kind);
    const finding = reported.get(kind) ?? (expected ? noParts : undefined);
    if (expected && finding) score.tp++;
    else if (expected) {
      score.fn++;
      if (listed) score.falseNegatives.push({ file: label.file, split: label.split, detail: `${kind} is missing but was not reported` });
    } else if (finding) {
      score.fp++;
      if (listed) score.falsePositives.push({ file: label.file, split: label.split, detail: finding.message });
    } else score.tn++;
  }
}

/** Scores every rule over the stories of one split; a sealed split's disagreements are counted, never listed. */
function scorePublic(linted: Linted[], split: SplitChoice, sets: SeparateSets): Record<ScoredRule, Score> {
  const scores = Object.fromEntries(RULES.map((rule) => [rule, emptyScore()])) as Record<ScoredRule, Score>;
  const listed = !isSealed(split, sets);
  for (const { label, findings } of linted) {
    if (!inSplit(label, split, sets)) continue;
    for (const rule of STORY_RULES) {
      scoreStoryRule(scores[rule], label, label[rule as StoryRule], findings.filter((f) => f.ruleId === rule), listed);
    }
    scoreSections(scores['missing-section'], label, findings, listed);
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

/**
 * The report on the chosen split, as printed: a table of figures per rule (JSON when `json`), then,
 * unless the split is sealed, every false positive and miss with its file, the finding's message or
 * the label's note. A sealed split's report names none of its stories, in text or JSON. `sets` says
 * which separate sets are sealed: SEPARATE_SETS, unless a test gives its own.
 */
export function report(split: SplitChoice, labels: PublicLabel[], linted: Linted[], json: boolean, sets: SeparateSets = SEPARATE_SETS): string {
  const out: string[] = [];
  const splits: SplitChoice[] = split === 'all' ? [...SPLITS, 'all'] : [split];
  const publicScores = Object.fromEntries(splits.map((s) => [s, scorePublic(linted, s, sets)])) as Record<SplitChoice, Record<ScoredRule, Score>>;
  const snippets = { corpus: scoreSnippets('corpus'), heldout: scoreSnippets('heldout') };

  if (json) return JSON.stringify({ stories: labels.length, public: publicScores, snippets }, null, 2);

  const counted = labels.filter((l) => inSplit(l, split, sets));
  const shown: SplitChoice[] = split === 'all' ? [...SPLITS] : [split];
  const sizes = shown.map((s) => `${labels.filter((l) => inSplit(l, s, sets)).length} ${s}`).join(', ');
  out.push(`Public set: ${counted.length} stories (${sizes}), default configuration.`);
  out.push('Positive = the rule should fire. missing-section counts one case per story and section.\n');
  out.push(HEADER);
  for (const rule of RULES) {
    for (const s of splits) out.push(tableRow(rule, s, publicScores[s][rule]));
  }

  out.push('\nSnippet sets (Action and Result snippets, scored as the card rules fire):\n');
  out.push(HEADER.replace('split', 'set  '));
  for (const set of ['corpus', 'heldout'] as const) {
    for (const rule of ['unquantified-result', 'missing-personal-role'] as const) out.push(tableRow(rule, set, snippets[set][rule]));
  }

  // With `all`, misses are listed for the tune half only; a split named on its own lists its own,
  // unless it is sealed.
  const detailSplit: SplitChoice = split === 'all' ? 'tune' : split;
  const detail = publicScores[detailSplit];
  if (isSealed(detailSplit, sets)) {
    out.push(`\n${detailSplit} is a sealed held-out set: its stories are scored above, and none of them is named.`);
  } else {
    out.push(`\nDisagreements in the ${detailSplit} split${split === 'all' ? ' (the others: --split report or holdout2)' : ''}:`);
    for (const rule of RULES) {
      const s = detail[rule];
      if (s.falsePositives.length === 0 && s.falseNegatives.length === 0) continue;
      out.push(`\n== ${rule} (${detailSplit})`);
      for (const d of s.falsePositives) out.push(`  FP [${d.split}] ${d.file}\n       ${d.detail}`);
      for (const d of s.falseNegatives) out.push(`  FN [${d.split}] ${d.file}\n       label: ${d.detail}`);
    }
  }
  for (const set of ['corpus', 'heldout'] as const) {
    for (const rule of ['unquantified-result', 'missing-personal-role'] as const) {
      const s = snippets[set][rule];
      if (s.falsePositives.length === 0 && s.falseNegatives.length === 0) continue;
      out.push(`\n== ${rule} (${set} snippets)`);
      for (const d of s.falsePositives) out.push(`  FP ${d.file}\n       ${d.detail}`);
      for (const d of s.falseNegatives) out.push(`  FN ${d.file}\n       ${d.detail}`);
    }
  }
  return out.join('\n');
}

/** The sets tuned on: the first set (its three splits) and every separate set listed open. */
export function openSets(sets: SeparateSets = SEPARATE_SETS): SplitChoice[] {
  return ['all', ...Object.keys(sets).filter((set) => sets[set] === 'open')];
}

/**
 * Every open set at once (`--split open`): per rule, the sum of the sets' counts, with precision and
 * recall of the sum, as a table (JSON when `json`). Sealed sets are not read.
 */
function openReport(json: boolean): string {
  const sets = openSets();
  const total = Object.fromEntries(RULES.map((rule) => [rule, emptyScore()])) as Record<ScoredRule, Score>;
  let stories = 0;
  for (const set of sets) {
    const labels = readLabels(set);
    stories += labels.filter((label) => inSplit(label, set)).length;
    const scores = scorePublic(lintAll(labels, set), set, SEPARATE_SETS);
    for (const rule of RULES) {
      for (const count of ['tp', 'fp', 'fn', 'tn', 'unlabelled'] as const) total[rule][count] += scores[rule][count];
    }
  }
  for (const rule of RULES) finish(total[rule]);
  if (json) return JSON.stringify({ stories, sets, public: { open: total } }, null, 2);
  return [`Open sets: ${stories} stories (${sets.join(', ')}), default configuration; counts summed over the sets.\n`, HEADER, ...RULES.map((rule) => tableRow(rule, 'open', total[rule]))].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const splitAt = args.indexOf('--split');
  const split: SplitChoice = splitAt >= 0 ? String(args[splitAt + 1]) : 'all';
  const formatAt = args.indexOf('--format');
  const json = formatAt >= 0 && args[formatAt + 1] === 'json';
  if (split === 'open') {
    console.log(openReport(json));
    return;
  }
  const labels = readLabels(split);
  console.log(report(split, labels, lintAll(labels, split), json));
  if (!json) console.log(labellerAgreement(split, labels));
}

/**
 * Where the chosen set has a second labelling (labels-second.json, by someone blind to the first),
 * how far the two agree, field by field; empty otherwise. Names no story, so a sealed set prints it too.
 */
function labellerAgreement(split: SplitChoice, first: PublicLabel[]): string {
  const file = join(folderOf(split), 'labels-second.json');
  if (!existsSync(file) || split === 'all') return '';
  const second = JSON.parse(readFileSync(file, 'utf8')) as PublicLabel[];
  const chosen = first.filter((label) => inSplit(label, split));
  const inChosen = new Set(chosen.map((label) => label.file));
  const seconds = second.filter((label) => inChosen.has(label.file));
  const byFile = (label: PublicLabel) => label.file;
  const rows = [...STORY_RULES, 'digitsMeasureNothing' as const].map((field) => agreementRow(field, agreementOn(chosen, seconds, byFile, (label) => label[field])));
  // missing-section: one item per story and STAR part, as it is scored.
  const parts = (labels: PublicLabel[]) => labels.flatMap((label) => STAR_KINDS.map((kind) => ({ key: `${label.file} ${kind}`, missing: label['missing-section'].includes(kind) })));
  rows.push(agreementRow('missing-section', agreementOn(parts(chosen), parts(seconds), (item) => item.key, (item) => item.missing)));
  return [`\nTwo labellings of ${split}, each blind to the other (${chosen.length} stories): how often they agree, the ceiling for the rules above.\n`, AGREEMENT_HEADER, ...rows].join('\n');
}

if (require.main === module) main();
