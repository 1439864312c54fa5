// Times the story index's first scan of the 10,000-story bench bank N times, each in a VS Code
// started afresh (code-server, as run-tests.mjs starts it), and prints the median and range of
// when the first counts appeared, when every story was counted and when every story was checked.
// Usage: node scripts/vscode/measure-first-scans.mjs [N=10]   (after npm run build, npm run
// compile-tests and node scripts/bench.mjs 10000 --corpus-only)
import { spawnSync } from 'child_process';
import { join, resolve } from 'path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const runs = Number(process.argv[2] ?? 10);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`measure-first-scans: N must be a whole number of runs, 1 or more (got ${process.argv[2]})`);
  process.exit(2);
}
const LINE = /first counts after (-?\d+) ms, every story counted after (\d+) ms, every story checked after (\d+) ms/;
const seen = { 'first counts': [], 'all counted': [], 'all checked': [] };
for (let run = 1; run <= runs; run++) {
  const result = spawnSync(process.execPath, [join('scripts', 'vscode', 'run-tests.mjs'), '--workspace', join('.bench', 'stories-v3-10000')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, STAR_COACH_MEASURE_SCAN: '1', STAR_COACH_FIRST_SCAN_ONLY: '1', STAR_COACH_TEST_GREP: 'scans and indexes the whole bank' },
  });
  const match = LINE.exec(result.stdout ?? '');
  if (!match) {
    console.error(`run ${run}: no first-scan line (exit ${result.status})\n${(result.stdout ?? '').slice(-2000)}${result.stderr ?? ''}`);
    process.exit(1);
  }
  Object.values(seen).forEach((list, i) => list.push(Number(match[i + 1])));
  console.log(`run ${run}: ${match[0]}`);
}
const spread = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)]} ms (${sorted[0]}-${sorted[sorted.length - 1]})`;
};
console.log(`${runs} first scans of 10,000 stories, median (range), from the measurement's start in a window just opened:`);
for (const [name, ms] of Object.entries(seen)) console.log(`  ${name.padEnd(13)} ${spread(ms)}`);
