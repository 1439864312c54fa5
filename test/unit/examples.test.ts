import * as assert from 'assert';
import { join } from 'path';
import { lintText } from '../../src/core/engine';
import { ROOT, readFixture, storyFiles } from './helpers';

/** The bundled story bank: strong stories stay clean, each flawed one shows exactly its planted problems. */
const EXPECTED: Record<string, string[]> = {
  'burnt-out-infra-team-turnaround.star.md': [],
  'carbon-aware-batch-scheduling.star.md': [],
  'duplicate-card-captures.star.md': [],
  'ml-platform-consolidation.star.md': [],
  'offline-diary-migration-failure.star.md': [],
  'report-export-rewrite-pushback.star.md': ['scope-below-level', 'situation-heavy', 'vague-claim', 'vague-claim'],
  'screen-reader-accessible-banking-app.star.md': ['missing-section', 'unknown-lp'],
  'streaming-search-relevance.star.md': ['missing-personal-role', 'unquantified-result', 'vague-claim', 'vague-claim', 'vague-claim', 'vague-claim'],
  'warehouse-migration-missed-deadline.star.md': ['blame-language', 'failure-without-learning'],
};

describe('examples/ story bank', () => {
  it('has the stories this test knows', () => {
    assert.deepStrictEqual(storyFiles(join(ROOT, 'examples')), Object.keys(EXPECTED));
  });
  for (const [file, rules] of Object.entries(EXPECTED)) {
    it(`${file}: ${rules.length ? rules.join(', ') : 'clean'}`, () => {
      const text = readFixture('..', '..', 'examples', file);
      assert.deepStrictEqual(lintText(text).findings.map((f) => f.ruleId).sort(), rules);
    });
  }
});
