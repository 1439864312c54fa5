import * as assert from 'assert';
import { openSets, report, type Linted, type PublicLabel } from '../../scripts/eval';
import { NO_PARTS_FOUND } from '../../src/core/rules/missingSection';
import type { Finding } from '../../src/core/types';

/**
 * The evaluation script keeps a sealed held-out set unread: whatever its stories and the engine's
 * findings, its report names no file, quotes no finding and no label note, in text or JSON, while
 * an open set's report names each disagreement.
 */
describe('evaluation of held-out sets', () => {
  const label = (file: string, unquantified: boolean, split: string): PublicLabel => ({
    file,
    split,
    format: 'bold-label',
    voice: 'i',
    digitsMeasureNothing: false,
    'unquantified-result': unquantified,
    'missing-personal-role': false,
    'vague-claim': null,
    'situation-heavy': null,
    'missing-section': [],
    note: `note-of-${file}`,
  });
  const finding = (ruleId: string, message: string): Finding => ({ ruleId, severity: 'warning', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixes: [] });
  const stories = (split: string): Linted[] => [
    // A false positive (the rule fired on a measured Result), a miss, and a part reported missing.
    { label: label('41-secret-false-alarm.star.md', false, split), findings: [finding('unquantified-result', 'message-on-41'), finding('missing-section', 'The story has no Task. message-on-41')] },
    { label: label('42-secret-miss.star.md', true, split), findings: [] },
  ];

  // A sealed set of its own: which real set is sealed changes as sets are opened and added.
  const sealed = { holdout9: 'sealed' } as const;

  it('--split open sums the first set and the sets listed open, never a sealed one', () => {
    assert.deepStrictEqual(openSets({ holdout3: 'open', holdout9: 'sealed', holdout4: 'open' }), ['all', 'holdout3', 'holdout4']);
  });

  it('a sealed set prints its figures and nothing that names or quotes one of its stories', () => {
    const linted = stories('holdout9');
    for (const json of [false, true]) {
      const out = report('holdout9', linted.map((l) => l.label), linted, json, sealed);
      for (const secret of ['secret', 'note-of', 'message-on-41']) assert.ok(!out.includes(secret), `${json ? 'json' : 'text'} shows ${secret}`);
    }
    const text = report('holdout9', linted.map((l) => l.label), linted, false, sealed);
    assert.match(text, /unquantified-result +holdout9 +0 +1 +1 +0/);
    assert.match(text, /missing-section +holdout9 +0 +1 +0 +7/);
    assert.match(text, /holdout9 is a sealed held-out set/);
  });

  it('an open set lists each false positive and miss with its file, the finding and the label note', () => {
    const linted = stories('holdout3');
    const text = report('holdout3', linted.map((l) => l.label), linted, false);
    for (const shown of ['FP [holdout3] 41-secret-false-alarm.star.md', 'message-on-41', 'FN [holdout3] 42-secret-miss.star.md', 'note-of-42-secret-miss.star.md']) assert.ok(text.includes(shown), shown);
  });

  it('a story whose parts were not found at all is a missing-section false positive when none is missing', () => {
    const linted: Linted[] = [{ label: label('43-prose.star.md', false, 'holdout3'), findings: [finding('missing-section', NO_PARTS_FOUND)] }];
    const text = report('holdout3', linted.map((l) => l.label), linted, false);
    assert.match(text, /missing-section +holdout3 +0 +1 +0 +4/);
    assert.ok(text.includes('FP [holdout3] 43-prose.star.md'));
  });
});
