// Benchmark: lints and indexes a deterministic bank of N varied stories, and prints in one run the
// throughput of STAR Coach's engine, of a floor (read each file and parse its front matter with `yaml`),
// and of markdownlint's library on the same files (median and range of R runs each), then the whole
// `star-coach lint` process (without and with its cache) against markdownlint-cli2's on the same folder.
// Usage: node scripts/bench.mjs [N] [--runs R] [--corpus-only]
//
// The corpus is as varied as real banks: a third synthetic stories, two thirds the project's example
// stories and the published stories of test/fixtures/public (heading, label, list and paragraph
// formats, "we" voice, long and short), each copy varied: misspelt or comma-joined LPs, a code block,
// a comment or a directive, a long Action, CRLF line ends.
import { execFileSync } from 'child_process';
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

// ---- Real formats, varied ------------------------------------------------------------------------
const realStories = ['examples', join('test', 'fixtures', 'public')]
  .flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.star.md')).map((f) => readFileSync(join(folder, f), 'utf8')))
  .sort();
const VARIATIONS = [
  // A misspelt LP, or LPs joined by a comma without brackets.
  (text) => text.replace(/^lps:.*$/m, 'lps: Dive Deap, Deliver Results'),
  // A code block in the Action.
  (text) => text.replace(/(\n##? ?\**Action\**:?[^\n]*\n)/i, '$1\n```sql\nSELECT region, p99_ms FROM latency WHERE day > now() - 7;\n```\n\n'),
  // A note to self in a comment, and a directive.
  (text) => `${text}\n<!-- star-coach-disable-next-line vague-claim -->\n<!-- TODO: add the cost figure from the finance review -->\n`,
  // A long Action: the story told at length.
  (text) => text.replace(/(\n##? ?\**Action\**:?[^\n]*\n)([\s\S]*?)(\n##? ?\**Result)/i, (_, head, body, tail) => `${head}${body}\n${body}\n${body}${tail}`),
  // Written on Windows.
  (text) => text.replace(/\r?\n/g, '\r\n'),
  (text) => text,
];
function variedText(i) {
  if (i % 3 === 0 || realStories.length === 0) return storyText(i);
  const base = realStories[i % realStories.length].replace(/^title: ([^'"].*)$/m, (_, title) => `title: ${title} (${i})`);
  return VARIATIONS[Math.floor(random() * VARIATIONS.length)](base);
}

const dir = join(process.cwd(), '.bench', `stories-v3-${count}`);
if (!existsSync(join(dir, 'done'))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `story-${String(i).padStart(5, '0')}.star.md`), variedText(i));
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
    try {
      if (match) fields += Object.keys(parseYaml(match[1]) ?? {}).length;
    } catch {
      // Broken front matter: a real bank has some, and the engine reports them.
    }
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

/** Median and range of a list of seconds. */
function spread(seconds) {
  const sorted = [...seconds].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Runs the contenders in turns (a, b, c, a, b, c, ...) after a warm-up, so drift in the machine's speed hits each alike. */
function measureInTurns(contenders, times) {
  for (const c of contenders) c.fn();
  const seconds = contenders.map(() => []);
  for (let r = 0; r < times; r++) {
    contenders.forEach((c, i) => {
      const start = performance.now();
      c.fn();
      seconds[i].push((performance.now() - start) / 1000);
    });
  }
  return contenders.map((c, i) => ({ name: c.name, seconds: seconds[i], ...spread(seconds[i]) }));
}

const range = (r) => `${r.min.toFixed(3)}-${r.max.toFixed(3)}`;
/**
 * a's time over b's: the ratio of their medians, then the median and range of the ratio within each
 * turn (a and b run back to back in a turn, so a slow spell of the machine slows both alike).
 */
const ratio = (a, b) => {
  const turns = spread(a.seconds.map((s, i) => s / b.seconds[i]));
  return `${(a.median / b.median).toFixed(2)}x; per turn, median ${turns.median.toFixed(2)}x (${turns.min.toFixed(2)}x to ${turns.max.toFixed(2)}x)`;
};
function table(results, unit) {
  console.log(`${'contender'.padEnd(44)} ${'median s'.padStart(9)} ${'range s'.padStart(13)} ${unit.padStart(11)}`);
  for (const r of results) console.log(`${r.name.padEnd(44)} ${r.median.toFixed(3).padStart(9)} ${range(r).padStart(13)} ${Math.round(files.length / r.median).toString().padStart(11)}`);
}

const [floorResult, engineResult, mdl] = measureInTurns(
  [
    { name: 'floor: read + yaml front matter', fn: floor },
    { name: 'STAR Coach: read + lint + index', fn: engine },
    { name: 'markdownlint (library, default rules)', fn: markdownlintLib },
  ],
  runs,
);
const mb = bytes / 1024 / 1024;
console.log(`Corpus: ${files.length} varied stories, ${mb.toFixed(1)} MB (${Math.round(bytes / files.length)} bytes a story), ${runs} runs of each in turns after a warm-up, node ${process.version}`);
console.log('');
table([floorResult, engineResult, mdl], 'stories/s');
console.log('');
console.log(`STAR Coach throughput vs markdownlint: ${ratio(mdl, engineResult)} (goal >= 20x)`);
console.log(`STAR Coach time vs the floor:         ${ratio(engineResult, floorResult)} (goal <= 1.5x)`);

// The whole process, as a user or CI runs it: start, find the files, read, lint, print.
const cli = join(process.cwd(), 'dist', 'cli.js');
const cli2 = join(process.cwd(), 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const quiet = (file, argv) => () => {
  try {
    execFileSync(process.execPath, [file, ...argv], { stdio: 'ignore', cwd: dir });
  } catch {
    // Both exit 1 when they report findings.
  }
};
// With --cache, the warm-up run fills the cache and every measured run finds the bank unchanged.
const cacheLocation = join(process.cwd(), '.bench', `lint-cache-${count}.json`);
const [cliResult, cachedResult, cli2Result] = measureInTurns(
  [
    { name: 'star-coach lint . --format json', fn: quiet(cli, ['lint', '.', '--format', 'json']) },
    { name: 'star-coach lint ... --cache, bank unchanged', fn: quiet(cli, ['lint', '.', '--format', 'json', '--cache', '--cache-location', cacheLocation]) },
    { name: 'markdownlint-cli2 "**/*.star.md"', fn: quiet(cli2, ['**/*.star.md']) },
  ],
  runs,
);
console.log('');
table([cliResult, cachedResult, cli2Result], 'stories/s');
console.log(`star-coach lint vs markdownlint-cli2, whole process: ${ratio(cli2Result, cliResult)} (goal >= 15x)`);
console.log(`star-coach lint --cache vs markdownlint-cli2, bank unchanged: ${ratio(cli2Result, cachedResult)}`);

// One story, in memory: the per-keystroke cost in the editor.
const sample = storyText(7);
for (let i = 0; i < 500; i++) api.lintText(sample, 'x.star.md');
const start = performance.now();
for (let i = 0; i < 5000; i++) api.lintText(sample, 'x.star.md');
console.log(`Lint one ${sample.length}-byte story in memory: ${(((performance.now() - start) / 5000) * 1000).toFixed(0)} µs (mean of 5,000)`);
