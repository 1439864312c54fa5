import { editDistance } from '../catalog';
import { readDirectives } from '../directives';
import { defineRule, type RuleIssue } from './rule';

export const unknownRuleId = defineRule({
  id: 'unknown-rule-id',
  description: 'A `star-coach-disable` or `star-coach-enable` comment names a rule that does not exist.',
  defaultSeverity: 'warning',
  tags: ['directive'],
  docs:
    'A directive that names a misspelt rule ("unquantifed-result") turns nothing off, so the finding you meant to silence stays, or one you meant to switch back on never returns, and nothing else tells you why. Write the rule id exactly as this page lists it; when the misspelling is clear, the quick fix (and `star-coach lint --fix`) writes the right id.',
  findIssues(story, _options, { ruleIds }) {
    const known = new Set(ruleIds);
    const issues: RuleIssue[] = [];
    for (const directive of readDirectives(story)) {
      for (const { id, start, end } of directive.ids) {
        if (known.has(id)) continue;
        const effect = directive.kind === 'enable' ? 'turns nothing back on' : 'turns nothing off';
        const guess = closestRuleId(id, ruleIds);
        if (!guess) {
          issues.push({ message: `"${id}" is not a STAR Coach rule, so this directive ${effect} for it. The rule ids are: ${ruleIds.join(', ')}.`, start, end });
          continue;
        }
        issues.push({
          message: `"${id}" is not a STAR Coach rule, so this directive ${effect} for it. Did you mean "${guess.id}"?`,
          start,
          end,
          fixes: [{ title: `Replace with "${guess.id}"`, edits: [{ start, end, newText: guess.id }], kind: guess.clear ? 'fix' : 'suggestion' }],
        });
      }
    }
    return issues;
  },
});

/**
 * The rule id a mistyped one most likely meant: the nearest by edit distance after case and
 * separators (`_`, `.`) are evened out, or undefined when every id is further than half the
 * typed one (save that an id the typed one begins, of three characters or more, is offered when
 * only one id begins so). `clear` when the nearest is a small slip (at most one edit in four characters, two at
 * least) and no other id is as near, so replacing it is safe to apply on its own.
 */
export function closestRuleId(typed: string, ruleIds: readonly string[]): { id: string; clear: boolean } | undefined {
  const wanted = typed.toLowerCase().replace(/[_.]/g, '-');
  const ranked = ruleIds.map((id) => ({ id, distance: editDistance(wanted, id) })).sort((a, b) => a.distance - b.distance);
  const [best, second] = ranked;
  if (!best || best.distance > Math.ceil(Math.max(wanted.length, 1) / 2)) {
    // A short form ("vague" for "vague-claim"): a guess to offer, never to apply on its own.
    const extended = wanted.length >= 3 ? ruleIds.filter((id) => id.startsWith(wanted)) : [];
    return extended.length === 1 ? { id: extended[0], clear: false } : undefined;
  }
  const slip = Math.max(2, Math.floor(best.id.length / 4));
  return { id: best.id, clear: best.distance <= slip && (!second || second.distance > best.distance) };
}
