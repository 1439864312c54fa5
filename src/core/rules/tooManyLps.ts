import { resolveLpEntries } from '../lpEntries';
import { defineRule, type OptionSpecs } from './rule';

const options = {
  max: { description: 'Most Leadership Principles one story should claim.', default: 3, min: 1, max: 16, unit: 'Leadership Principles', integer: true },
} satisfies OptionSpecs;

export const tooManyLps = defineRule({
  id: 'too-many-lps',
  description: 'The story claims more Leadership Principles than it can show (more than 3).',
  defaultSeverity: 'information',
  tags: ['lp'],
  options,
  docs:
    'A story shows two or three Leadership Principles well; listing more inflates your coverage with stories you could not tell convincingly for each. Keep the two or three the story proves best, and write another story for the rest.',
  findIssues(story, { max }) {
    const entries = resolveLpEntries(story.frontMatter.lpEntries);
    if (entries.length <= max) return [];
    const extra = entries[max];
    const last = entries[entries.length - 1];
    return [
      {
        message: `This story claims ${entries.length} Leadership Principles; ${max} or fewer is more convincing. Keep the ones it shows best.`,
        start: extra.start,
        end: last.end,
      },
    ];
  },
});
