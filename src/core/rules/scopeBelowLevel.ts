import { ORG_SCOPE } from '../language/phrases';
import { isDraft } from '../parse/story';
import { compiledNow } from '../text';
import { defineRule } from './rule';

export const scopeBelowLevel = defineRule({
  id: 'scope-below-level',
  description: 'The story claims L7 or above but shows only single-team scope.',
  defaultSeverity: 'information',
  tags: ['level'],
  docs:
    'At L7 interviewers look for organisation and company scope: several teams, directors or VPs, a multi-year strategy, money in the millions. A story set inside one team reads as L6. Either show the wider reach the work had, or mark the story `level: L6` and use another for L7.',
  findIssues(story) {
    const level = story.frontMatter.meta.level;
    if (level !== 'L7' && level !== 'L8') return [];
    // A draft has nothing to judge yet: its empty parts say what to write first.
    if (compiledNow(ORG_SCOPE).test(story.prose) || isDraft(story)) return [];
    const where = story.frontMatter.valueRanges.get('level') ?? { start: 0, end: 0 };
    return [
      {
        message: `This is marked ${level}, but nothing in it reaches past one team. Show cross-team, organisation, executive, multi-year or large-money scope, or mark it L6.`,
        ...where,
      },
    ];
  },
});
