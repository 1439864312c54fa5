// Scaling check: lints each hostile shape at 1x, 4x and 16x its base size and prints the time of
// each, beside markdownlint's on the same text. Linear work grows about 16x from 1x to 16x;
// quadratic work about 256x. Usage: npm run bench (after the throughput figures), or
// node out/scripts/scaling.js
import { performance } from 'perf_hooks';
import { readConfigText } from '../src/core/config';
import { lintText } from '../src/core/engine';

const STORY_HEAD = '---\ntitle: Scaling\nlps: [Dive Deep]\n---\n\n## Situation\n';
const repeat = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.round(chars / unit.length)));

/** Each shape builds a document of about `chars` characters. */
const SHAPES: Array<{ name: string; build: (chars: number) => string; config?: boolean }> = [
  { name: 'heading of spaces ending in CR', build: (n) => `${STORY_HEAD}#${' '.repeat(n)}\r` },
  { name: 'heading of spaces ending in U+2028', build: (n) => `${STORY_HEAD}#${' '.repeat(n)}\u2028x` },
  { name: 'opening curly quotes, never closed', build: (n) => STORY_HEAD + repeat('\u201c', n) },
  { name: 'guillemets, never closed', build: (n) => `${STORY_HEAD}## Action\n${repeat('« I ', n)}` },
  { name: 'one long sentence of vague phrases', build: (n) => `${STORY_HEAD}## Action\n${repeat('we worked hard and improved performance, ', n)}` },
  { name: 'trigger words packed without spaces', build: (n) => `${STORY_HEAD}## Action\n${repeat('blamedtheirfaultworkedhard', n)}` },
  { name: 'a disable directive per finding', build: (n) => STORY_HEAD + repeat('<!-- star-coach-disable-next-line vague-claim -->\nWe worked hard.\n', n) },
  { name: 'front matter: many keys, one anchor', build: (n) => `---\na: &a x\n${Array.from({ length: Math.round(n / 10) }, (_, i) => `key${i}: ${i}`).join('\n')}\n---\n## Situation\n` },
  { name: '.starcoach.yaml: many keys', build: (n) => Array.from({ length: Math.round(n / 10) }, (_, i) => `key${i}: ${i}`).join('\n'), config: true },
];

const BASE_CHARS = 16 * 1024;
const FACTORS = [1, 4, 16];

function timeMs(fn: () => unknown): number {
  fn(); // warm-up
  fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[2];
}

async function main() {
// markdownlint is an ES module: loaded at run time from this CommonJS script.
const { lint: markdownlint } = await import('markdownlint/sync');
console.log(`Scaling on hostile shapes: milliseconds to lint a document of ${BASE_CHARS / 1024} KB at 1x, 4x and 16x (median of 5 after a warm-up), and the 16x/1x ratio (linear ~16, quadratic ~256)`);
console.log('');
const header = `${'shape'.padEnd(38)} ${FACTORS.map((f) => `${f}x`.padStart(8)).join(' ')} ${'16x/1x'.padStart(7)}   ${'markdownlint 1x / 16x'.padStart(22)}`;
console.log(header);
for (const shape of SHAPES) {
  const texts = FACTORS.map((f) => shape.build(BASE_CHARS * f));
  const ours = texts.map((text) => timeMs(() => (shape.config ? readConfigText(text, '.starcoach.yaml') : lintText(text))));
  const theirs = shape.config ? ['', ''] : [texts[0], texts[2]].map((text) => `${timeMs(() => markdownlint({ strings: { story: text } })).toFixed(1)}`);
  const ratio = ours[2] / Math.max(ours[0], 0.01);
  console.log(`${shape.name.padEnd(38)} ${ours.map((ms) => ms.toFixed(1).padStart(8)).join(' ')} ${ratio.toFixed(0).padStart(7)}   ${(shape.config ? 'n/a' : `${theirs[0]} / ${theirs[1]}`).padStart(22)}`);
}
}

void main();
