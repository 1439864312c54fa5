// Benchmark: lints and indexes a deterministic bank of N synthetic stories, and prints in one run the
// throughput of STAR Coach's engine, of a floor (read each file and parse its front matter with `yaml`),
// and of markdownlint's library on the same files. Usage: node scripts/bench.mjs [N] [--runs R]
import { createRequire } from 'module';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { parse as parseYaml } from 'yaml';
import { lint as markdownlint } from 'markdownlint/sync';

const require = createRequire(import.meta.url);
const api = require('../dist/api.js');

const args = process.argv.slice(2);
const count = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs') ?? 10000);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) || 5 : 5;

// ---- A deterministic corpus ----------------------------------------------------------------------
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261125);
const pick = (list) => list[Math.floor(random() * list.length)];
const LPS = api.allLps().map((lp) => lp.name);
const SITUATIONS = [
  'Our checkout service slowed down every evening as traffic peaked, and conversion dipped with it.',
  'The data platform team inherited a nightly pipeline that failed about once a week.',
  'Three product teams kept separate copies of the same customer dashboard, and their numbers disagreed.',
  'A vendor contract for search was up for renewal, and the price had doubled.',
  'New engineers took six weeks to ship their first change because the build was fragile.',
];
const ACTIONS = [
  'I profiled the slowest requests and found a synchronous call to the fraud service on every page.',
  'I wrote a one-page proposal with the cost of each option and walked my director through it.',
  'We split the work across the team, and I took the migration scripts and the rollback plan.',
  'I set up a weekly review with the three teams and agreed on one definition for each metric.',
  '- Analyzed six months of incident tickets and tagged each by root cause',
  '- Rewrote the retry logic with exponential backoff and jitter',
  'The team worked hard on the rollout and improved performance across the board.',
  'I paired with the on-call engineer for two weeks and turned every manual step into a script.',
];
const RESULTS = [
  'P99 latency fell from 800 ms to 120 ms, and conversion rose 3% in the next quarter.',
  'Pipeline failures dropped from four a month to zero over the following half.',
  'We saved $1.2M a year and halved the time to onboard a new team.',
  'Customers were much happier and the system was faster.',
  'Onboarding time went from six weeks to ten days for the next 14 hires.',
];
function storyText(i) {
  const lps = [pick(LPS), pick(LPS)];
  const label = i % 4 === 3;
  const level = pick(['L5', 'L6', 'L6', 'L7']);
  const para = (list, n) => Array.from({ length: n }, () => pick(list)).join(' ');
  const bullets = (list, n) => Array.from({ length: n }, () => pick(list)).join('\n');
  const parts = [
    '---',
    `title: Story ${i} about ${pick(['latency', 'cost', 'hiring', 'migration', 'quality'])}`,
    `lps: [${lps.map((n) => JSON.stringify(n)).join(', ')}]`,
    `level: ${level}`,
    `outcome: ${pick(['success', 'success', 'mixed', 'failure'])}`,
    `tags: [${pick(['payments', 'search', 'infra'])}, bench]`,
    `year: ${2015 + (i % 10)}`,
    '---',
    '',
  ];
  const section = (name, body) => (label ? `**${name}:** ${body}\n` : `## ${name}\n\n${body}\n`);
  parts.push(section('Situation', para(SITUATIONS, 4)));
  parts.push(section('Task', 'I owned the fix and had to land it before the next planning cycle, without adding headcount.'));
  parts.push(section('Action', `${para(ACTIONS.slice(0, 4), 6)}\n${bullets(ACTIONS, 5)}\n${para(ACTIONS.slice(7), 3)}`));
  parts.push(section('Result', para(RESULTS, 3)));
  if (i % 3 === 0) parts.push(section('Learning', 'I learned to measure before I propose a change. Now I always start with a profile.'));
  return parts.join('\n');
}

const dir = join(process.cwd(), '.bench', `stories-v2-${count}`);
if (!existsSync(join(dir, 'done'))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `story-${String(i).padStart(5, '0')}.star.md`), storyText(i));
  writeFileSync(join(dir, 'done'), '');
}
if (args.includes('--corpus-only')) {
  console.log(`Corpus ready: ${dir}`);
  process.exit(0);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.star.md')).map((f) => join(dir, f));
const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);

// ---- The three contenders -----------------------------------------------------------------------
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?$/m;
function floor() {
  let fields = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const match = FRONT_MATTER.exec(text);
    if (match) fields += Object.keys(parseYaml(match[1]) ?? {}).length;
  }
  return fields;
}
function engine() {
  const bank = api.lintBank(
    (function* read() {
      for (const file of files) yield { fileName: file, text: readFileSync(file, 'utf8') };
    })(),
  );
  return bank.findings.length + bank.coverage.length;
}
function markdownlintLib() {
  const results = markdownlint({ files });
  let n = 0;
  for (const file of files) n += results[file].length;
  return n;
}

/** Runs the contenders in turns (a, b, a, b, ...), so drift in the machine's speed hits each alike. */
function measureInTurns(contenders, times) {
  for (const c of contenders) c.fn(); // warm-up
  const seconds = contenders.map(() => []);
  for (let r = 0; r < times; r++) {
    contenders.forEach((c, i) => {
      const start = performance.now();
      c.fn();
      seconds[i].push((performance.now() - start) / 1000);
    });
  }
  return contenders.map((c, i) => {
    const sorted = seconds[i].sort((a, b) => a - b);
    return { name: c.name, median: sorted[Math.floor(sorted.length / 2)] };
  });
}

const [floorResult, engineResult] = measureInTurns(
  [
    { name: 'floor: read + yaml front matter', fn: floor },
    { name: 'STAR Coach: read + lint + index', fn: engine },
  ],
  runs,
);
const [mdl] = measureInTurns([{ name: 'markdownlint (library, default rules)', fn: markdownlintLib }], 1);
const results = [floorResult, engineResult, mdl];
const mb = bytes / 1024 / 1024;
console.log(`Corpus: ${files.length} stories, ${mb.toFixed(1)} MB (${Math.round(bytes / files.length)} bytes a story; the examples average 2,717), median of ${runs} runs taken in turns after a warm-up (markdownlint: 1 run after a warm-up), node ${process.version}`);
console.log('');
console.log(`${'contender'.padEnd(40)} ${'seconds'.padStart(8)} ${'stories/s'.padStart(11)} ${'MB/s'.padStart(7)}`);
for (const r of results) {
  console.log(`${r.name.padEnd(40)} ${r.median.toFixed(3).padStart(8)} ${Math.round(files.length / r.median).toString().padStart(11)} ${(mb / r.median).toFixed(1).padStart(7)}`);
}
console.log('');
console.log(`STAR Coach throughput vs markdownlint: ${(mdl.median / engineResult.median).toFixed(1)}x (goal >= 20x)`);
console.log(`STAR Coach time vs the floor:         ${(engineResult.median / floorResult.median).toFixed(2)}x (goal <= 1.5x)`);

// One story, in memory: the per-keystroke cost in the editor.
const sample = storyText(7);
for (let i = 0; i < 500; i++) api.lintText(sample, 'x.star.md');
const start = performance.now();
for (let i = 0; i < 5000; i++) api.lintText(sample, 'x.star.md');
console.log(`Lint one ${sample.length}-byte story in memory: ${(((performance.now() - start) / 5000) * 1000).toFixed(0)} µs (mean of 5,000)`);
