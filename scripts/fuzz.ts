// Fuzzing: lints N hostile documents (default 100,000) and prints how many threw, how many gave a
// position an editor cannot show, and how many took longer than the 50 ms an editor can wait.
// Usage: npm run fuzz [-- N] [--seed S]
import fc from 'fast-check';
import { performance } from 'perf_hooks';
import { LARGE_STORY_CHARS, lintText } from '../src/core/engine';
import { badRange, editorLines, hostileStory } from '../test/hostile';

const args = process.argv.slice(2);
const count = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--seed') ?? 100_000);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 20261129;
const BUDGET_MS = 50;

let throws = 0;
let badPositions = 0;
let slow = 0;
let slowest = { ms: 0, length: 0 };
// Texts over LARGE_STORY_CHARS are linted on a worker thread in VS Code, never on the editor's.
let offThread = 0;
let slowestOffThread = { ms: 0, length: 0 };
const examples: string[] = [];
const keep = (what: string, text: string) => {
  if (examples.length < 8) examples.push(`${what}: ${JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text)}`);
};
let totalMs = 0;
let totalChars = 0;
const samples = fc.sample(hostileStory, { numRuns: count, seed });
for (const text of samples) {
  totalChars += text.length;
  const start = performance.now();
  let findings;
  try {
    findings = lintText(text).findings;
  } catch (error) {
    throws++;
    keep(`throw ${String(error).slice(0, 80)}`, text);
    continue;
  }
  const ms = performance.now() - start;
  totalMs += ms;
  if (text.length > LARGE_STORY_CHARS) {
    offThread++;
    if (ms > slowestOffThread.ms) slowestOffThread = { ms, length: text.length };
  } else if (ms > slowest.ms) slowest = { ms, length: text.length };
  if (ms > BUDGET_MS && text.length <= LARGE_STORY_CHARS) {
    slow++;
    keep(`${ms.toFixed(0)} ms`, text);
  }
  const lines = editorLines(text);
  for (const finding of findings) {
    const ranges = [finding.range, ...finding.fixes.flatMap((fix) => fix.edits.map((edit) => edit.range))];
    const bad = ranges.map((range) => badRange(lines, range)).find(Boolean);
    if (bad) {
      badPositions++;
      keep(`${finding.ruleId} ${bad}`, text);
      break;
    }
  }
}
console.log(`Fuzzed ${count.toLocaleString('en')} hostile documents (seed ${seed}, ${(totalChars / 1024 / 1024).toFixed(1)} MB):`);
console.log(`  throws:                          ${throws}`);
console.log(`  documents with a bad position:   ${badPositions}`);
console.log(`  documents over ${BUDGET_MS} ms:           ${slow} (of those up to ${LARGE_STORY_CHARS / 1024} KB, which the editor lints on its own thread)`);
console.log(`  slowest: ${slowest.ms.toFixed(1)} ms (${slowest.length.toLocaleString('en')} characters); mean ${(totalMs / count).toFixed(3)} ms`);
console.log(`  over ${LARGE_STORY_CHARS / 1024} KB (linted on a worker thread in the editor): ${offThread}, slowest ${slowestOffThread.ms.toFixed(1)} ms (${slowestOffThread.length.toLocaleString('en')} characters)`);
for (const example of examples) console.log(`  e.g. ${example}`);
process.exitCode = throws + badPositions + slow > 0 ? 1 : 0;
