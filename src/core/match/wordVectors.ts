/**
 * Word vectors for reading what a question means, beside the words it shares with a story: a
 * question and the story that answers it often say one thing in different words ("pushed back on
 * my director", "told the VP the plan would not hold"). Each content stem (see `contentStems`) of
 * common English and of the catalog has a short vector, distilled offline by
 * `scripts/distilWordVectors.ts` from published English word vectors and shipped as data
 * (`wordVectors.json`, decoded and validated here on first use); stems near in meaning have
 * vectors near in direction.
 */
import * as z from 'zod/mini';
import '../validation';
import data from './wordVectors.json';

export const wordVectorsSchema = z.strictObject({
  about: z.string().check(z.minLength(1)),
  /** Numbers per stem. */
  dimensions: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  /** The stems, sorted, separated by one space; the order of `vectors`' rows. */
  stems: z.string().check(z.minLength(1)),
  /** Each stem's vector, `dimensions` signed bytes, row after row, base64. */
  vectors: z.string(),
});

/** The table file's shape, as `scripts/distilWordVectors.ts` writes it. */
export type WordVectorsData = z.infer<typeof wordVectorsSchema>;

/** Word vectors ready to read: each stem's row in `unit`. */
export interface WordVectors {
  dimensions: number;
  /** Stem to its row. */
  rows: ReadonlyMap<string, number>;
  /** Every row's vector scaled to length 1 (a zero vector stays 0), row after row. */
  unit: Float32Array;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bytes a base64 text (with its `=` padding, no line breaks) stands for. Throws on any other character. */
export function base64Bytes(text: string): Uint8Array {
  const body = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let i = 0; i < body.length; i++) {
    const value = BASE64.indexOf(body[i]);
    if (value === -1) throw new Error(`wordVectors: "${body[i]}" is not base64`);
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/**
 * The vectors of a table file (see `wordVectorsSchema`). Throws when the file does not fit the
 * schema, when its stems are not sorted and distinct, or when `vectors` does not hold
 * `dimensions` bytes for each stem.
 */
export function compileWordVectors(raw: unknown): WordVectors {
  const parsed = wordVectorsSchema.parse(raw);
  const stems = parsed.stems.split(' ');
  for (let i = 1; i < stems.length; i++) if (!(stems[i - 1] < stems[i])) throw new Error(`wordVectors: stems not sorted and distinct at "${stems[i]}"`);
  const bytes = base64Bytes(parsed.vectors);
  const { dimensions } = parsed;
  if (bytes.length !== stems.length * dimensions) throw new Error(`wordVectors: ${bytes.length} bytes for ${stems.length} stems of ${dimensions}`);
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unit = new Float32Array(signed.length);
  for (let row = 0; row < stems.length; row++) {
    let norm = 0;
    for (let k = 0; k < dimensions; k++) norm += signed[row * dimensions + k] ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < dimensions; k++) unit[row * dimensions + k] = signed[row * dimensions + k] * scale;
  }
  return { dimensions, rows: new Map(stems.map((stem, i) => [stem, i])), unit };
}

/** Vectors that know no stem: nothing is read for meaning. */
export const NO_WORD_VECTORS: WordVectors = { dimensions: 1, rows: new Map(), unit: new Float32Array(0) };

let shipped: WordVectors | undefined;

/** The vectors shipped with the product (`wordVectors.json`), decoded and validated once, when first used; throws as `compileWordVectors` does. */
export function shippedWordVectors(): WordVectors {
  shipped ??= compileWordVectors(data);
  return shipped;
}
