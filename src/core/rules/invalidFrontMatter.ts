import { stringify } from 'yaml';
import type { Story } from '../parse/story';
import { inStoryLineBreaks } from './fixes';
import { defineRule } from './rule';

export const invalidFrontMatter = defineRule({
  id: 'invalid-front-matter',
  description: 'The front matter is missing, is not valid YAML, or has a field of the wrong type.',
  defaultSeverity: 'error',
  tags: ['front-matter'],
  docs:
    'Every story opens with a YAML block between --- lines that gives at least `title` and `lps`. Without it STAR Coach cannot tell which Leadership Principles the story covers, so the story is missing from your coverage. The message points at the exact field or character that is wrong.',
  findIssues(story) {
    const { frontMatter } = story;
    return frontMatter.problems.map((problem) => ({
      message: problem.message,
      start: problem.start,
      end: problem.end,
      // A suggestion: the LPs are the user's to choose, so the block is left for them to finish.
      fixes: frontMatter.present ? [] : [{ title: 'Add front matter (title and lps)', edits: [{ start: frontMatter.bodyStart, end: frontMatter.bodyStart, newText: skeleton(story) }], kind: 'suggestion' as const }],
    }));
  },
});

/** A front matter block titled after the story's first heading, if it has one. */
function skeleton(story: Story): string {
  const heading = story.sections.find((s) => s.style === 'heading' && /^ {0,3}#(?!#)/.test(story.lines.lineText(s.line)));
  const title = heading?.title ? stringify(heading.title).trimEnd() : '';
  return inStoryLineBreaks(story, `---\ntitle: ${title}\nlps: []\n---\n\n`);
}
