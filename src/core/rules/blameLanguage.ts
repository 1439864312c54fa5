import { BLAME } from '../language/phrases';
import { proseWithoutQuotes } from '../parse/story';
import { findPhrase } from '../language/triggers';
import { defineRule, type RuleIssue } from './rule';

export const blameLanguage = defineRule({
  id: 'blame-language',
  description: 'The story blames others ("their fault", "the other team didn\'t deliver").',
  defaultSeverity: 'warning',
  tags: ['tone'],
  docs:
    'Blame is the quickest way to fail Earn Trust and Ownership. Describe what happened neutrally, then what you did about it: "the platform link slipped two weeks, so I worked with their lead to ..." instead of "the platform team didn\'t deliver".',
  findIssues(story) {
    const text = proseWithoutQuotes(story);
    const issues: RuleIssue[] = [];
    for (const phrase of BLAME) {
      for (const match of findPhrase(story, text, phrase)) {
        issues.push({
          message: `"${match.text}" reads as blame. Say what happened plainly, then what you did to unblock it.`,
          start: match.index,
          end: match.index + match.text.length,
        });
      }
    }
    return issues.sort((a, b) => a.start - b.start);
  },
});
