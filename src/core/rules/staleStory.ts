import { defineRule, type OptionSpecs } from './rule';

const options = {
  years: { description: 'A story that happened more than this many years before the current year is flagged.', default: 3, min: 1, max: 50, unit: 'years', integer: true },
} satisfies OptionSpecs;

export const staleStory = defineRule({
  id: 'stale-story',
  description: 'The story happened long ago (its year is more than 3 years before this one). Off unless turned on.',
  defaultSeverity: 'off',
  tags: ['front-matter'],
  options,
  docs:
    'Interviewers ask for recent examples: a story from many years back tells them little about how you work now, and invites "do you have something more recent?". Keep it as a backup, and write a newer story for the same Leadership Principle. The rule reads the `year` front-matter field and is off by default; turn it on with `stale-story: information` (and `years` to change the window).',
  findIssues(story, { years }, settings) {
    const year = story.frontMatter.meta.year;
    if (typeof year !== 'number') return [];
    const currentYear = settings.currentYear ?? new Date().getFullYear();
    const age = currentYear - year;
    if (age <= years) return [];
    const where = story.frontMatter.valueRanges.get('year') ?? { start: 0, end: 0 };
    return [{ message: `This story is from ${year}, ${age} years ago. Interviewers want recent examples: keep it as a backup and find a story from the last ${years} years.`, ...where }];
  },
});
