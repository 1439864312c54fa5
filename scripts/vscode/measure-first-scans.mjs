// Times the story index's first scan of the 10,000-story bench bank N times, each in a VS Code
// started afresh (code-server, as run-tests.mjs starts it), and prints the median and range of
// when the first counts appeared, when every story was counted and when every story was checked.
// Each window has a profile of its own, so its threads' lint cache starts empty. With --reopened,
// every window shares one profile, as reopening the same workspace does: a window first fills the
// lint cache, unmeasured, and the N measured windows find it.
// Usage: node scripts/vscode/measure-first-scans.mjs [N=10] [--reopened]   (after npm run build,
// npm run compile-tests and node scripts/bench.mjs 10000 --corpus-only)
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { freePort } from './run-tests.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const reopened = args.includes('--reopened');
const given = args.filter((a) => a !== '--reopened');
const runs = Number(given[0] ?? 10);
if (!Number.isInteger(runs) || runs < 1 || given.length > 1) {
  console.error(`measure-first-scans: N must be a whole number of runs, 1 or more (got ${given.join(' ')})`);
  process.exit(2);
}
// One profile, port and folder: code-server names a workspace's storage after its URI, port included.
const kept = reopened ? mkdtempSync(join(tmpdir(), 'star-coach-reopened-')) : undefined;
const profile = kept ? { STAR_COACH_USER_DATA: join(kept, 'user-data'), STAR_COACH_WORKSPACE: join(kept, 'bank'), STAR_COACH_PORT: String(await freePort()) } : {};
const LINE = /first counts after (-?\d+) ms, every story counted after (\d+) ms, every story checked after (\d+) ms/;
const seen = { 'first counts': [], 'all counted': [], 'all checked': [] };
for (let run = reopened ? 0 : 1; run <= runs; run++) {
  const result = spawnSync(process.execPath, [join('scripts', 'vscode', 'run-tests.mjs'), '--workspace', join('.bench', 'stories-v3-10000')], {
    cwd: ROOT,
    encoding: 'utf8',
    // The filling window measures everything else too, which gives its threads time to write the cache.
    env: { ...process.env, ...profile, STAR_COACH_MEASURE_SCAN: '1', ...(run === 0 ? {} : { STAR_COACH_FIRST_SCAN_ONLY: '1' }), STAR_COACH_TEST_GREP: 'scans and indexes the whole bank' },
  });
  const match = LINE.exec(result.stdout ?? '');
  if (!match) {
    console.error(`run ${run}: no first-scan line (exit ${result.status})\n${(result.stdout ?? '').slice(-2000)}${result.stderr ?? ''}`);
    process.exit(1);
  }
  if (run === 0) {
    console.log(`window that fills the lint cache (not counted): ${match[0]}`);
    continue;
  }
  Object.values(seen).forEach((list, i) => list.push(Number(match[i + 1])));
  console.log(`run ${run}: ${match[0]}`);
}
const spread = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)]} ms (${sorted[0]}-${sorted[sorted.length - 1]})`;
};
console.log(`${runs} first scans of 10,000 stories, median (range), from the measurement's start in a window just opened${reopened ? ' on a workspace opened before (its lint cache filled)' : ' for the first time'}:`);
for (const [name, ms] of Object.entries(seen)) console.log(`  ${name.padEnd(13)} ${spread(ms)}`);
if (kept) rmSync(kept, { recursive: true, force: true });
