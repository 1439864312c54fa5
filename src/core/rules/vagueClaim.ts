import { hasQuantity } from '../language/quantities';
import { VAGUE_CLAIMS } from '../language/phrases';
import { proseWithoutQuotes } from '../parse/story';
import { findPhrase } from '../language/triggers';
import { defineRule, type RuleIssue } from './rule';

export const vagueClaim = defineRule({
  id: 'vague-claim',
  description: 'Generic phrasing with no specifics ("improved performance", "worked hard", "I would usually").',
  defaultSeverity: 'information',
  tags: ['impact'],
  docs:
    'Phrases like "improved performance" or "worked hard" could be said of any project, so they earn no credit. Replace each with the specific thing: what you measured, what you decided, what changed. Hypotheticals ("I would", "we usually") describe habits, not this story: tell it in the past tense. A claim with a number in the same sentence is left alone.',
  check(story) {
    // A Learning may rightly say "now I always ...": only the telling itself is checked.
    const untold = story.sections.filter((s) => s.kind === 'learning' || s.kind === 'short');
    const text = proseWithoutQuotes(story);
    const issues: RuleIssue[] = [];
    for (const claim of VAGUE_CLAIMS) {
      for (const match of findPhrase(story, text, claim)) {
        const start = match.index;
        if (untold.some((s) => start >= s.bodyStart && start < s.bodyEnd)) continue;
        if (claim.measurable && hasQuantity(sentenceAround(text, start, start + match.text.length))) continue;
        const phrase = match.text.trim();
        issues.push({ message: `"${phrase}" is vague: ${claim.advice}.`, start, end: start + phrase.length });
      }
    }
    return issues.sort((a, b) => a.start - b.start);
  },
});

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = [text.indexOf('.', end), text.indexOf('\n', end)].filter((i) => i !== -1);
  return text.slice(from, stops.length ? Math.min(...stops) : text.length);
}
