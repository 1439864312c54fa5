import { firstStarPart, fullStoryWords, sectionOf, sectionWords, type Story } from '../parse/story';
import { defaultOptions, defineRule, type OptionSpecs, type OptionValues, type RuleIssue } from './rule';

const options = {
  maxMinutes: { description: 'Longest full telling, in minutes.', default: 3, min: 0.5, max: 60, unit: 'minutes', editorSetting: 'maxMinutes' },
  shortMaxMinutes: { description: 'Longest Short version, in minutes.', default: 2, min: 0.5, max: 60, unit: 'minutes', editorSetting: 'shortMaxMinutes' },
} satisfies OptionSpecs;

/** How long a story takes to tell against its limits; minutes at `wordsPerMinute`. */
export interface SpeakingTime {
  words: number;
  minutes: number;
  maxMinutes: number;
  /** The Short version's, when the story has one. */
  short?: { words: number; minutes: number; maxMinutes: number };
}

/**
 * The speaking time of a story: the words of Situation, Task, Action, Result and Learning (and of
 * the Short version, apart) at `wordsPerMinute`, with the limits from `limits` (the rule's options;
 * their defaults when not given). What the rule checks and the editor's status bar shows.
 */
export function speakingTime(story: Story, wordsPerMinute: number, limits: OptionValues<typeof options> = defaultOptions(options)): SpeakingTime {
  const words = fullStoryWords(story);
  const section = sectionOf(story, 'short');
  const shortWords = sectionWords(story, section);
  return {
    words,
    minutes: words / wordsPerMinute,
    maxMinutes: limits.maxMinutes,
    short: section && { words: shortWords, minutes: shortWords / wordsPerMinute, maxMinutes: limits.shortMaxMinutes },
  };
}

export const tooLong = defineRule({
  id: 'too-long',
  description: 'The story takes longer to tell than the limit (3 minutes full, 2 minutes short, at 150 words a minute).',
  defaultSeverity: 'information',
  tags: ['length'],
  options,
  docs:
    'Interviewers have about an hour for four or five questions and their follow-ups. A story that runs past three minutes leaves no room for "tell me more". The estimate counts the words of Situation, Task, Action, Result and Learning at your speaking pace (`wordsPerMinute`, 150 by default); the Short version is checked against its own limit.',
  findIssues(story, limits, { wordsPerMinute }) {
    const issues: RuleIssue[] = [];
    const first = firstStarPart(story);
    const { words, minutes, maxMinutes, short: shortTime } = speakingTime(story, wordsPerMinute, limits);
    if (first && minutes > maxMinutes) {
      issues.push({
        message: `About ${minutes.toFixed(1)} minutes to tell (${words} words at ${wordsPerMinute} a minute); aim for ${maxMinutes}. Trim the Situation first.`,
        start: first.titleStart,
        end: first.titleEnd,
      });
    }
    const short = sectionOf(story, 'short');
    if (short && shortTime && shortTime.minutes > shortTime.maxMinutes) {
      issues.push({
        message: `The Short version takes about ${shortTime.minutes.toFixed(1)} minutes (${shortTime.words} words); keep it under ${shortTime.maxMinutes}.`,
        start: short.titleStart,
        end: short.titleEnd,
      });
    }
    return issues;
  },
});
