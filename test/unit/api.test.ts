import * as assert from 'assert';
import { join } from 'path';
import { ROOT, readFixture } from './helpers';

describe('programmatic API (dist/api.js)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require(join(ROOT, 'dist', 'api.js')) as typeof import('../../src/api');

  it('lintText returns the JSON findings', () => {
    const findings = api.lintText(readFixture('rules', 'scope-below-level.star.md'), 'story.star.md');
    assert.deepStrictEqual(findings, [
      {
        file: 'story.star.md',
        rule: 'scope-below-level',
        severity: 'information',
        message: 'This is marked L7, but nothing in it reaches past one team. Show cross-team, organisation, executive, multi-year or large-money scope, or mark it L6.',
        line: 4,
        column: 8,
        endLine: 4,
        endColumn: 10,
      },
    ]);
  });

  it('takes a config', () => {
    assert.deepStrictEqual(api.lintText(readFixture('rules', 'scope-below-level.star.md'), 's', { rules: { 'scope-below-level': 'off' } }), []);
  });
});
