import { countWords } from '../text';
import { hasNoStarSections, isEmptySection, SECTION_TITLES, STAR_KINDS, type StarKind, type Story } from '../parse/story';
import { insertSectionEdit } from './fixes';
import { defineRule, type RuleIssue } from './rule';

export const SECTION_PROMPTS: Record<StarKind, string> = {
  situation: 'Where and when was this, and what was at stake? Two or three sentences.',
  task: 'What were you, personally, responsible for?',
  action: 'What did I do, step by step? Say "I", and name the decisions I made.',
  result: 'What changed, in numbers? From X to Y, and what it meant for the customer or the business.',
};

export const missingSection = defineRule({
  id: 'missing-section',
  description: 'Situation, Task, Action or Result is absent or empty.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  docs:
    'Interviewers listen for all four parts of STAR. A missing Task leaves your own responsibility unclear; a missing Result leaves the story without an ending. Write each as a `## Situation` heading or a `Situation:` (or `S:`) label line.',
  findIssues(story) {
    const issues: RuleIssue[] = [];
    const anchor = anchorOf(story);
    for (const section of story.sections) {
      if (section.notAHeading !== 'no-break-space') continue;
      const lineStart = story.lines.lineStart(section.line);
      const space = story.text.indexOf('\u00a0', lineStart);
      issues.push({
        message: `Markdown does not read "${story.lines.lineText(section.line).trim()}" as a heading: a no-break space follows the #s. Type an ordinary space there.`,
        start: lineStart,
        end: story.lines.lineEnd(section.line),
        fixes: [{ title: 'Replace the no-break space with a space', edits: [{ start: space, end: space + 1, newText: ' ' }], kind: 'fix' }],
      });
    }
    // A story told with no part marked: one finding, not four, and no inserted skeleton.
    if (hasNoStarSections(story) && sectionWordsOfBody(story) >= 20) {
      issues.push({
        message: 'STAR Coach could not find the Situation, Task, Action and Result in this story. Mark each part with a heading (## Situation) or a label (Situation:), so that each can be checked on its own.',
        ...anchor,
      });
      return issues;
    }
    for (const kind of STAR_KINDS) {
      const section = story.sections.find((s) => s.kind === kind);
      const title = SECTION_TITLES[kind];
      if (!section) {
        issues.push({
          message: `The story has no ${title}. ${SECTION_PROMPTS[kind]}`,
          ...anchor,
          fixes: [{ title: `Insert ${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title} section`, edits: [insertSectionEdit(story, kind, SECTION_PROMPTS[kind])], kind: 'fix' }],
        });
      } else if (isEmptySection(story, section)) {
        issues.push({ message: `The ${title} is empty. ${SECTION_PROMPTS[kind]}`, start: section.titleStart, end: section.titleEnd });
      }
    }
    return issues;
  },
});

function sectionWordsOfBody(story: Story): number {
  return countWords(story.prose.slice(story.frontMatter.bodyStart));
}

/** Where to show a story-wide finding: the title line of the front matter, or the first line. */
function anchorOf(story: Story): { start: number; end: number } {
  const title = story.frontMatter.valueRanges.get('title');
  if (title) return title;
  const firstLine = story.lines.positionAt(story.frontMatter.bodyStart).line;
  return { start: story.lines.lineStart(firstLine), end: story.lines.lineEnd(firstLine) };
}
