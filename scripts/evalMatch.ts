// Scores "which story for this question?" against labelled questions (test/fixtures/match/labels.json):
// for each question, ranks the stories of its bank as `star-coach match` does (with the bank's loop
// plan) and checks where the labelled story lands. Prints top-1 and top-3 accuracy for each split
// (every split of SPLITS, see matchSplits.ts), how often the first LP read in the question is one a person read
// in it (LP read, against question-lps.json, labelled from the question alone), top-1 and top-3
// when the user names that LP (`MatchContext.lpIds`, as `star-coach match --lp` does), the misses,
// and the time per question. Only the tune split's misses are shown unless --show-heldout is given, in text and JSON alike: the held-out splits
// stay unseen while tuning. A SEALED split (written blind by someone who never read the
// matcher) never shows its misses, whatever the flags. With --parts, each miss shown also says how
// the question's LPs were read against the labelled story's (the kind of miss, see `missKind`) and
// which part of the score (StoryMatcher.scoreParts) put the first story above the labelled one, and
// the kinds are counted per split.
// Usage: npm run eval:match [-- --format json] [--show-heldout] [--parts]
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { lpById } from '../src/core/catalog';
import { DEFAULT_CONFIG } from '../src/core/config';
import { lintText } from '../src/core/engine';
import { shippedLpModel, type LpModel } from '../src/core/match/lpModel';
import { SCORE_PARTS, storyWords, StoryMatcher, type MatchContext, type MatchDocument, type QuestionLps, type ScorePart } from '../src/core/match/rank';
import { PORTER_STEMMER } from '../src/core/match/words';
import { planLoop, plannedLps } from '../src/core/plan/plan';
import { profileStory } from '../src/core/plan/profile';
import { SEALED, SPLITS, type Split } from './matchSplits';

const ROOT = join(__dirname, '..', '..');

interface Triple {
  bank: string;
  question: string;
  best: string;
  split: Split;
}


/** How a miss's question was read against the labelled story's LPs (primary first). */
const MISS_KINDS = ['primary LP read', 'a secondary LP read', 'only other LPs read', 'no LP read'] as const;
type MissKind = (typeof MISS_KINDS)[number];

/** The kind of a miss (see MISS_KINDS) from the LPs read in its question and the labelled story's LPs, primary first. */
function missKind(question: QuestionLps, storyLpIds: readonly string[]): MissKind {
  if (question.lpIds.length === 0) return 'no LP read';
  if (storyLpIds.length > 0 && question.lpIds.includes(storyLpIds[0])) return 'primary LP read';
  return storyLpIds.some((id) => question.lpIds.includes(id)) ? 'a secondary LP read' : 'only other LPs read';
}

/**
 * Why the first story outranked the labelled one: the kind of miss, the LPs read, and the points
 * by which each part of the first story's score exceeds the labelled story's, the largest first.
 */
function missParts(matcher: StoryMatcher, question: string, context: MatchContext, first: string, labelled: string): { kind: MissKind; lps: string; ahead: Array<[ScorePart, number]> } {
  const { question: read, stories } = matcher.scoreParts(question, context);
  const of = (file: string) => stories.find((s) => s.file === file)!;
  const top = of(first);
  const mine = of(labelled);
  const ahead = SCORE_PARTS.map((part): [ScorePart, number] => [part, top.points[part] - mine.points[part]]).sort((a, b) => b[1] - a[1]);
  return { kind: missKind(read, mine.lpIds), lps: read.lpIds.map((id, i) => `${id} ${read.weights[i].toFixed(2)}`).join(', ') || 'none', ahead };
}

/** The matcher (reading LPs with `lpModel`, the shipped model by default) and the loop plan's story-to-LP map for a folder of stories. */
export function loadBank(folder: string, lpModel: LpModel = shippedLpModel()): { matcher: StoryMatcher; plannedFor: Map<string, string[]> } {
  const documents: MatchDocument[] = [];
  for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.star.md')).sort()) {
    const { story, findings } = lintText(readFileSync(join(ROOT, folder, name), 'utf8'), DEFAULT_CONFIG);
    documents.push({ profile: profileStory(name.replace(/\.star\.md$/, ''), story, findings), text: storyWords(story) });
  }
  const plan = planLoop(documents.map((d) => d.profile), { currentYear: 2026 });
  return { matcher: new StoryMatcher(documents, PORTER_STEMMER, lpModel), plannedFor: plannedLps(plan) };
}

function main(): void {
  const json = process.argv.includes('--format') && process.argv[process.argv.indexOf('--format') + 1] === 'json';
  const { triples } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'labels.json'), 'utf8')) as { triples: Triple[] };
  const banks = new Map<string, ReturnType<typeof loadBank>>();
  const tally = Object.fromEntries(SPLITS.map((split) => [split, { n: 0, top1: 0, top3: 0, lpRead: 0, givenTop1: 0, givenTop3: 0 }])) as Record<Split, Tally>;
  const questionLpLabels = readQuestionLps();
  const showHeldout = process.argv.includes('--show-heldout');
  const withParts = process.argv.includes('--parts');
  const misses: Array<{ split: string; question: string; best: string; got: string[]; kind?: MissKind; lps?: string; ahead?: string }> = [];
  const kinds = new Map<string, Record<MissKind, number>>();
  let elapsed = 0;
  for (const triple of triples) {
    let bank = banks.get(triple.bank);
    if (!bank) banks.set(triple.bank, (bank = loadBank(triple.bank)));
    const started = process.hrtime.bigint();
    const context = { plannedFor: bank.plannedFor, now: new Date('2026-06-01T00:00:00Z') };
    const { question: read, results: ranked } = bank.matcher.rankRead(triple.question, context);
    elapsed += Number(process.hrtime.bigint() - started) / 1e6;
    const at = ranked.findIndex((r) => r.file === triple.best);
    // A sealed split's labels are never printed, not even in an error.
    if (at === -1) throw new Error(SEALED.has(triple.split) ? `a story labelled in the sealed ${triple.split} is not in ${triple.bank}` : `${triple.bank} has no story "${triple.best}"`);
    const t = tally[triple.split];
    if (!t) throw new Error(`unknown split "${triple.split}" for "${triple.question}"`);
    t.n++;
    if (at === 0) t.top1++;
    if (at < 3) t.top3++;
    // The LP reading on its own, and the ranking when the user names the question's LP.
    const labelled = questionLpLabels.get(triple.question);
    if (!labelled) throw new Error(`question-lps.json has no LP for ${SEALED.has(triple.split) ? `a question of the sealed ${triple.split}` : `"${triple.question}"`}`);
    if (read.lpIds.length > 0 && labelled.includes(read.lpIds[0])) t.lpRead++;
    const given = bank.matcher.rank(triple.question, { ...context, lpIds: [labelled[0]] }).findIndex((r) => r.file === triple.best);
    if (given === 0) t.givenTop1++;
    if (given < 3) t.givenTop3++;
    if (at !== 0 && !SEALED.has(triple.split) && (showHeldout || triple.split === 'tune')) {
      const miss = { split: triple.split, question: triple.question, best: `${triple.best} (#${at + 1})`, got: ranked.slice(0, 3).map((r) => `${r.file} ${r.score.toFixed(2)} [${r.reasons.join('; ')}]`) };
      if (!withParts) misses.push(miss);
      else {
        const { kind, lps, ahead } = missParts(bank.matcher, triple.question, context, ranked[0].file, triple.best);
        const counts = kinds.get(triple.split) ?? (Object.fromEntries(MISS_KINDS.map((k) => [k, 0])) as Record<MissKind, number>);
        counts[kind]++;
        kinds.set(triple.split, counts);
        misses.push({ ...miss, kind, lps, ahead: ahead.filter(([, points]) => Math.abs(points) >= 0.005).map(([part, points]) => `${part} ${points > 0 ? '+' : ''}${points.toFixed(2)}`).join(', ') });
      }
    }
  }
  const summary = Object.fromEntries(Object.entries(tally).map(([split, t]) => [split, figures(t)]));
  const all: Tally = { n: 0, top1: 0, top3: 0, lpRead: 0, givenTop1: 0, givenTop3: 0 };
  for (const split of SPLITS) {
    for (const key of ['n', 'top1', 'top3', 'lpRead', 'givenTop1', 'givenTop3'] as const) all[key] += tally[split][key];
  }
  const result = { ...summary, all: figures(all), msPerQuestion: Number((elapsed / all.n).toFixed(3)), misses, ...(withParts ? { missKinds: Object.fromEntries(kinds) } : {}) };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  for (const split of [...SPLITS, 'all'] as const) {
    const s = (result as unknown as Record<string, ReturnType<typeof figures>>)[split];
    process.stdout.write(`${split.padEnd(9)} ${String(s.questions).padStart(3)} questions  top-1 ${s.top1.toFixed(3)}  top-3 ${s.top3.toFixed(3)}  LP read ${s.lpRead.toFixed(3)}  with the LP named: top-1 ${s.lpNamed.top1.toFixed(3)}  top-3 ${s.lpNamed.top3.toFixed(3)}\n`);
  }
  process.stdout.write(`${result.msPerQuestion} ms a question\n`);
  for (const split of SPLITS) {
    const agreement = secondReading(split, triples);
    if (agreement) process.stdout.write(agreement);
  }
  for (const miss of misses) {
    process.stdout.write(`\nmiss (${miss.split}): ${miss.question}\n  labelled: ${miss.best}\n  ${miss.got.join('\n  ')}\n`);
    if (miss.kind) process.stdout.write(`  ${miss.kind} (read: ${miss.lps}); the first story ahead by ${miss.ahead}\n`);
  }
  for (const [split, counts] of kinds) process.stdout.write(`\nmisses of ${split}: ${MISS_KINDS.map((k) => `${k} ${counts[k]}`).join(', ')}\n`);
}

/** Counts for a split: questions, the labelled story first and in the first three, the LP read as labelled, and the same two counts with the labelled LP named. */
interface Tally {
  n: number;
  top1: number;
  top3: number;
  lpRead: number;
  givenTop1: number;
  givenTop3: number;
}

/** A split's rates, to three places. */
function figures(t: Tally): { questions: number; top1: number; top3: number; lpRead: number; lpNamed: { top1: number; top3: number } } {
  const rate = (x: number) => Number((t.n ? x / t.n : 0).toFixed(3));
  return { questions: t.n, top1: rate(t.top1), top3: rate(t.top3), lpRead: rate(t.lpRead), lpNamed: { top1: rate(t.givenTop1), top3: rate(t.givenTop3) } };
}

/**
 * question-lps.json: for each question of labels.json, the LPs a person read in it from the
 * question alone (the primary first), keyed by the question's text.
 */
export function readQuestionLps(): Map<string, string[]> {
  const { items } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'question-lps.json'), 'utf8')) as { items: Array<{ question: string; lps: string[] }> };
  // An entry is named by its place only: it may be a question of a sealed split.
  items.forEach(({ lps }, at) => {
    if (!Array.isArray(lps) || lps.length < 1 || lps.length > 2 || !lps.every((id) => lpById(id))) throw new Error(`question-lps.json: entry ${at + 1} needs one or two LP ids of the catalog`);
  });
  return new Map(items.map((item) => [item.question, item.lps]));
}

/** A second reader's picks for a split, made blind to the first labels (second-<split>.json). */
interface SecondPick {
  question: string;
  bank: string;
  best: string;
  alsoGood: string[];
}

/**
 * Where a split has a second reading, how often the two readers chose the same best story: the
 * ceiling for top-1. Undefined without one. Names no question, so a sealed split prints it too.
 * Throws when the second reading holds a question the labels do not.
 */
function secondReading(split: Split, triples: Triple[]): string | undefined {
  const file = join(ROOT, 'test', 'fixtures', 'match', `second-${split}.json`);
  if (!existsSync(file)) return undefined;
  const { picks } = JSON.parse(readFileSync(file, 'utf8')) as { picks: SecondPick[] };
  let same = 0;
  let accepted = 0;
  for (const pick of picks) {
    const first = triples.find((t) => t.split === split && t.question === pick.question && t.bank === pick.bank);
    if (!first) throw new Error(`${file}: ${SEALED.has(split) ? 'a pick' : `"${pick.question}"`} is not a ${split} question`);
    if (first.best === pick.best) same++;
    if (first.best === pick.best || pick.alsoGood.includes(first.best)) accepted++;
  }
  const n = picks.length;
  return `${split}: a second reader, blind to the first labels, chose the same best story for ${same} of ${n} questions (${(same / n).toFixed(3)}), and would accept the labelled one for ${accepted} (${(accepted / n).toFixed(3)})\n`;
}

if (require.main === module) main();
