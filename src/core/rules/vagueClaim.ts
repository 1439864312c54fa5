import { hasQuantity } from '../language/quantities';
import { VAGUE_CLAIMS } from '../language/phrases';
import { defineRule, type RuleIssue } from './rule';
import { withoutQuotes } from './blameLanguage';

export const vagueClaim = defineRule({
  id: 'vague-claim',
  description: 'Generic phrasing with no specifics ("improved performance", "worked hard", "I would usually").',
  defaultSeverity: 'information',
  tags: ['impact'],
  docs:
    'Phrases like "improved performance" or "worked hard" could be said of any project, so they earn no credit. Replace each with the specific thing: what you measured, what you decided, what changed. Hypotheticals ("I would", "we usually") describe habits, not this story: tell it in the past tense. A claim with a number in the same sentence is left alone.',
  check(story) {
    const issues: RuleIssue[] = [];
    const text = withoutQuotes(story.prose);
    for (const section of story.sections) {
      // A Learning may rightly say "now I always ...": only the telling itself is checked.
      if (section.kind === 'learning' || section.kind === 'short') continue;
      const body = text.slice(section.bodyStart, section.bodyEnd);
      for (const { pattern, advice, measurable } of VAGUE_CLAIMS) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
          if (measurable && hasQuantity(sentenceAround(body, match.index, match.index + match[0].length))) continue;
          const start = section.bodyStart + match.index;
          const phrase = match[0].trim();
          issues.push({ message: `"${phrase}" is vague: ${advice}.`, start, end: start + phrase.length });
        }
      }
    }
    return issues;
  },
});

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = [text.indexOf('.', end), text.indexOf('\n', end)].filter((i) => i !== -1);
  return text.slice(from, stops.length ? Math.min(...stops) : text.length);
}
