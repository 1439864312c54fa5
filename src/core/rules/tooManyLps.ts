import { z } from 'zod';
import { resolveLpEntries } from '../lpEntries';
import { defineRule } from './rule';

const options = z.object({
  max: z.number().int().positive().default(3).describe('Most Leadership Principles one story should claim.'),
});

export const tooManyLps = defineRule({
  id: 'too-many-lps',
  description: 'The story claims more Leadership Principles than it can show (more than 3).',
  defaultSeverity: 'information',
  tags: ['lp'],
  options,
  docs:
    'A story shows two or three Leadership Principles well; listing more inflates your coverage with stories you could not tell convincingly for each. Keep the two or three the story proves best, and write another story for the rest.',
  check(story, { max }) {
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
