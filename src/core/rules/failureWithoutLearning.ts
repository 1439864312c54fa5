import { FAILURE_REPORTED, LEARNING_STATED } from '../language/phrases';
import { isEmptySection, sectionOf, sectionProse } from '../parse/story';
import { insertSectionEdit } from './fixes';
import { defineRule } from './rule';

const PROMPT = 'What did you learn, and what do you now do differently?';

export const failureWithoutLearning = defineRule({
  id: 'failure-without-learning',
  description: 'A failure story (outcome: failure, or a Result that reports one) has no Learning.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  docs:
    'A failure story is only as good as what you took from it. Close with what you learned and what you now do differently, so the interviewer hears the recovery, not just the fall. Add a `## Learning` section (or "Lessons learned", "Reflection").',
  findIssues(story) {
    const result = sectionOf(story, 'result');
    const resultProse = result ? sectionProse(story, result) : '';
    const declared = story.frontMatter.meta.outcome === 'failure';
    if (!declared && !FAILURE_REPORTED.test(resultProse)) return [];
    const learning = sectionOf(story, 'learning');
    if ((learning && !isEmptySection(story, learning)) || LEARNING_STATED.test(resultProse)) return [];
    const where = result
      ? { start: result.titleStart, end: result.titleEnd }
      : story.frontMatter.valueRanges.get('outcome') ?? { start: 0, end: 0 };
    return [
      {
        message: 'This is a failure story with no Learning. Add what you learned and what you now do differently.',
        ...where,
        fixes: learning ? [] : [{ title: 'Add a Learning section', edits: [insertSectionEdit(story, 'learning', PROMPT)], kind: 'suggestion' }],
      },
    ];
  },
});
