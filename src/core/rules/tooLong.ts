import { fullStoryWords, sectionOf, sectionWords, STAR_KINDS } from '../parse/story';
import { defineRule, type OptionSpecs, type RuleIssue } from './rule';

const options = {
  maxMinutes: { description: 'Longest full telling, in minutes.', default: 3, min: 0.5, max: 60, unit: 'minutes' },
  shortMaxMinutes: { description: 'Longest Short version, in minutes.', default: 2, min: 0.5, max: 60, unit: 'minutes' },
} satisfies OptionSpecs;

export const tooLong = defineRule({
  id: 'too-long',
  description: 'The story takes longer to tell than the limit (3 minutes full, 2 minutes short, at 150 words a minute).',
  defaultSeverity: 'information',
  tags: ['length'],
  options,
  docs:
    'Interviewers have about an hour for four or five questions and their follow-ups. A story that runs past three minutes leaves no room for "tell me more". The estimate counts the words of Situation, Task, Action, Result and Learning at your speaking pace (`wordsPerMinute`, 150 by default); the Short version is checked against its own limit.',
  check(story, { maxMinutes, shortMaxMinutes }, { wordsPerMinute }) {
    const issues: RuleIssue[] = [];
    const first = story.sections.find((s) => (STAR_KINDS as readonly string[]).includes(s.kind));
    const words = fullStoryWords(story);
    const minutes = words / wordsPerMinute;
    if (first && minutes > maxMinutes) {
      issues.push({
        message: `About ${minutes.toFixed(1)} minutes to tell (${words} words at ${wordsPerMinute} a minute); aim for ${maxMinutes}. Trim the Situation first.`,
        start: first.titleStart,
        end: first.titleEnd,
      });
    }
    const short = sectionOf(story, 'short');
    const shortWords = sectionWords(story, short);
    const shortMinutes = shortWords / wordsPerMinute;
    if (short && shortMinutes > shortMaxMinutes) {
      issues.push({
        message: `The Short version takes about ${shortMinutes.toFixed(1)} minutes (${shortWords} words); keep it under ${shortMaxMinutes}.`,
        start: short.titleStart,
        end: short.titleEnd,
      });
    }
    return issues;
  },
});
