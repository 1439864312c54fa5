// Times the loop plan and the question ranking on a bank of synthetic stories (made by
// `node scripts/bench.mjs N --corpus-only`, under .bench/). Reading and linting the stories is not
// timed; the plan (with backups), reading the stories' words for the matcher, building its word
// index, each question's ranking and replacing one story's words in the index are, as the median
// of several runs. With --expose-gc, it also prints the heap the word index holds.
// Usage: npm run compile-tests && node [--expose-gc] out/scripts/benchPlan.js [folder]
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { allQuestions } from '../src/core/catalog';
import { DEFAULT_CONFIG } from '../src/core/config';
import { lintText } from '../src/core/engine';
import { BankTerms, storyTerms, storyWords, StoryMatcher, type MatchDocument } from '../src/core/match/rank';
import { planLoop } from '../src/core/plan/plan';
import { profileStory } from '../src/core/plan/profile';

const ROOT = join(__dirname, '..', '..');
const folder = process.argv[2] ?? join(ROOT, '.bench', 'stories-v2-10000');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const documents: MatchDocument[] = [];
for (const name of readdirSync(folder).filter((n) => n.endsWith('.star.md')).sort()) {
  const { story, findings } = lintText(readFileSync(join(folder, name), 'utf8'), DEFAULT_CONFIG);
  documents.push({ profile: profileStory(name, story, findings), text: storyWords(story) });
}
const profiles = documents.map((d) => d.profile);

const planTimes: number[] = [];
let filled = 0;
for (let run = 0; run < 7; run++) {
  const started = performance.now();
  const plan = planLoop(profiles, { currentYear: 2026, targetLevel: 'L7' });
  planTimes.push(performance.now() - started);
  filled = plan.slots.length - plan.uncovered.length;
}

let started = performance.now();
const terms = documents.map((d) => storyTerms(d.text));
const termsMs = performance.now() - started;
const gc = (globalThis as { gc?: () => void }).gc;
const heapNow = () => (gc?.(), process.memoryUsage().heapUsed);
const heapBefore = heapNow();
started = performance.now();
const bankTerms = new BankTerms(terms);
const indexMs = performance.now() - started;
const heldMb = (heapNow() - heapBefore) / 1e6;
const matcher = new StoryMatcher({ profiles, terms: bankTerms });
const questions = allQuestions();
const rankTimes: number[] = [];
for (const question of questions) {
  started = performance.now();
  matcher.rank(question.text, { now: new Date(), targetLevel: 'L7' }, 10);
  rankTimes.push(performance.now() - started);
}
const free = 'How did you handle a vendor that kept missing its deadlines on the database migration?';
for (let run = 0; run < 20; run++) {
  started = performance.now();
  matcher.rank(free, { now: new Date() }, 10);
  rankTimes.push(performance.now() - started);
}

// A story's words changed: replaced in the index (then put back, so each run replaces alike).
const replaceTimes: number[] = [];
for (let run = 0; run < 20; run++) {
  const i = (run * 997) % terms.length;
  started = performance.now();
  bankTerms.replace(i, terms[(i + 1) % terms.length]);
  replaceTimes.push(performance.now() - started);
  bankTerms.replace(i, terms[i]);
}

process.stdout.write(
  `${profiles.length} stories\n` +
    `plan (32 slots, with backups): median ${median(planTimes).toFixed(1)} ms of 7 runs, ${filled} slots filled\n` +
    `the stories' words read for the matcher: ${termsMs.toFixed(0)} ms; its word index built: ${indexMs.toFixed(0)} ms (once per bank)${gc ? `, holding ${heldMb.toFixed(1)} MB of heap` : ''}\n` +
    `one story's words replaced in the index: median ${median(replaceTimes).toFixed(2)} ms of 20\n` +
    `rank a question (top 10 with reasons): median ${median(rankTimes).toFixed(2)} ms, slowest ${Math.max(...rankTimes).toFixed(2)} ms over ${rankTimes.length} questions\n`,
);
