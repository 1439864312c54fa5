// Scores "which story for this question?" against labelled questions (test/fixtures/match/labels.json):
// for each question, ranks the stories of its bank as `star-coach match` does (with the bank's loop
// plan) and checks where the labelled story lands. Prints top-1 and top-3 accuracy for the tune and
// held-out splits, the misses, and the time per question.
// Usage: npm run eval:match [-- --format json] [--show-heldout]
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_CONFIG } from '../src/core/config';
import { lintText } from '../src/core/engine';
import { storyWords, StoryMatcher, type MatchDocument } from '../src/core/match/rank';
import { planLoop } from '../src/core/plan/plan';
import { profileStory } from '../src/core/plan/profile';

const ROOT = join(__dirname, '..', '..');

interface Triple {
  bank: string;
  question: string;
  best: string;
  split: 'tune' | 'heldout';
}

/** The matcher and the loop plan's story-to-LP map for a folder of stories. */
function loadBank(folder: string): { matcher: StoryMatcher; plannedFor: Map<string, string[]> } {
  const documents: MatchDocument[] = [];
  for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.star.md')).sort()) {
    const { story, findings } = lintText(readFileSync(join(ROOT, folder, name), 'utf8'), DEFAULT_CONFIG);
    documents.push({ profile: profileStory(name.replace(/\.star\.md$/, ''), story, findings), text: storyWords(story) });
  }
  const plan = planLoop(documents.map((d) => d.profile), { currentYear: 2026 });
  const plannedFor = new Map<string, string[]>();
  for (const slot of plan.slots) if (slot.story) plannedFor.set(slot.story.summary.id, [...(plannedFor.get(slot.story.summary.id) ?? []), slot.lp.id]);
  return { matcher: new StoryMatcher(documents), plannedFor };
}

function main(): void {
  const json = process.argv.includes('--format') && process.argv[process.argv.indexOf('--format') + 1] === 'json';
  const { triples } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'labels.json'), 'utf8')) as { triples: Triple[] };
  const banks = new Map<string, ReturnType<typeof loadBank>>();
  const tally = { tune: { n: 0, top1: 0, top3: 0 }, heldout: { n: 0, top1: 0, top3: 0 } };
  const misses: Array<{ split: string; question: string; best: string; got: string[] }> = [];
  let elapsed = 0;
  for (const triple of triples) {
    let bank = banks.get(triple.bank);
    if (!bank) banks.set(triple.bank, (bank = loadBank(triple.bank)));
    const started = process.hrtime.bigint();
    const ranked = bank.matcher.rank(triple.question, { plannedFor: bank.plannedFor, now: new Date('2026-06-01T00:00:00Z') });
    elapsed += Number(process.hrtime.bigint() - started) / 1e6;
    const at = ranked.findIndex((r) => r.file === triple.best);
    if (at === -1) throw new Error(`${triple.bank} has no story "${triple.best}"`);
    const t = tally[triple.split];
    t.n++;
    if (at === 0) t.top1++;
    if (at < 3) t.top3++;
    if (at !== 0) misses.push({ split: triple.split, question: triple.question, best: `${triple.best} (#${at + 1})`, got: ranked.slice(0, 3).map((r) => `${r.file} ${r.score.toFixed(2)} [${r.reasons.join('; ')}]`) });
  }
  const rate = (x: number, n: number) => (n ? x / n : 0);
  const summary = Object.fromEntries(
    Object.entries(tally).map(([split, t]) => [split, { questions: t.n, top1: Number(rate(t.top1, t.n).toFixed(3)), top3: Number(rate(t.top3, t.n).toFixed(3)) }]),
  );
  const all = { n: tally.tune.n + tally.heldout.n, top1: tally.tune.top1 + tally.heldout.top1, top3: tally.tune.top3 + tally.heldout.top3 };
  const result = { ...summary, all: { questions: all.n, top1: Number(rate(all.top1, all.n).toFixed(3)), top3: Number(rate(all.top3, all.n).toFixed(3)) }, msPerQuestion: Number((elapsed / all.n).toFixed(3)), misses };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  for (const split of ['tune', 'heldout', 'all'] as const) {
    const s = (result as unknown as Record<string, { questions: number; top1: number; top3: number }>)[split];
    process.stdout.write(`${split.padEnd(8)} ${String(s.questions).padStart(3)} questions  top-1 ${s.top1.toFixed(3)}  top-3 ${s.top3.toFixed(3)}\n`);
  }
  process.stdout.write(`${result.msPerQuestion} ms a question\n`);
  // Held-out misses stay hidden while tuning: shown only when asked for.
  const shown = process.argv.includes('--show-heldout') ? misses : misses.filter((m) => m.split === 'tune');
  for (const miss of shown) process.stdout.write(`\nmiss (${miss.split}): ${miss.question}\n  labelled: ${miss.best}\n  ${miss.got.join('\n  ')}\n`);
}

main();
