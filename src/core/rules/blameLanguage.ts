import { BLAME } from '../language/phrases';
import { defineRule, type RuleIssue } from './rule';

export const blameLanguage = defineRule({
  id: 'blame-language',
  description: 'The story blames others ("their fault", "the other team didn\'t deliver").',
  defaultSeverity: 'warning',
  tags: ['tone'],
  docs:
    'Blame is the quickest way to fail Earn Trust and Ownership. Describe what happened neutrally, then what you did about it: "the platform link slipped two weeks, so I worked with their lead to ..." instead of "the platform team didn\'t deliver".',
  check(story) {
    const issues: RuleIssue[] = [];
    const text = withoutQuotes(story.prose);
    BLAME.lastIndex = 0;
    for (let match = BLAME.exec(text); match; match = BLAME.exec(text)) {
      issues.push({
        message: `"${match[0]}" reads as blame. Say what happened plainly, then what you did to unblock it.`,
        start: match.index,
        end: match.index + match[0].length,
      });
    }
    return issues;
  },
});

/** Quoted speech is reported, not the speaker's own words. */
export function withoutQuotes(text: string): string {
  return text.replace(/"[^"\n]*"|“[^”]*”/g, (quote) => ' '.repeat(quote.length));
}
