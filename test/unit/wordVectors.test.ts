import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { base64Bytes, compileWordVectors, shippedWordVectors } from '../../src/core/match/wordVectors';
import { DISTIL, distilWordVectors, tableText } from '../../scripts/distilWordVectors';
import { ROOT } from './helpers';

const TABLE_FILE = join(ROOT, 'src', 'core', 'match', 'wordVectors.json');

/** The cosine of two stems' shipped vectors. */
function cosine(a: string, b: string): number {
  const { dimensions, rows, unit } = shippedWordVectors();
  const [i, j] = [rows.get(a)!, rows.get(b)!];
  let dot = 0;
  for (let k = 0; k < dimensions; k++) dot += unit[i * dimensions + k] * unit[j * dimensions + k];
  return dot;
}

describe('word vectors', () => {
  it('ships the table its distilling script gives', function () {
    this.timeout(120_000);
    assert.strictEqual(readFileSync(TABLE_FILE, 'utf8'), tableText(distilWordVectors(DISTIL)), 'run: npm run compile-tests && node --max-old-space-size=6000 out/scripts/distilWordVectors.js');
  });

  it('validates the table: sorted stems, a row of bytes for each', () => {
    assert.deepStrictEqual([...base64Bytes('AQL/')], [1, 2, 255]);
    assert.throws(() => base64Bytes('A*=='), /not base64/);
    assert.throws(() => compileWordVectors({ about: 'x', dimensions: 2, stems: 'b a', vectors: 'AQI=' }), /not sorted/);
    assert.throws(() => compileWordVectors({ about: 'x', dimensions: 2, stems: 'a b', vectors: 'AQI=' }), /2 bytes for 2 stems of 2/);
    const tiny = compileWordVectors({ about: 'x', dimensions: 2, stems: 'a b', vectors: 'AwQAAA==' });
    assert.deepStrictEqual([...tiny.unit], [0.6000000238418579, 0.800000011920929, 0, 0]);
  });

  it('puts words near in meaning nearer than unrelated ones', () => {
    assert.ok(cosine('cheap', 'cheaper') > cosine('cheap', 'mentor'));
    assert.ok(cosine('hire', 'recruit') > cosine('hire', 'outag'));
  });
});
