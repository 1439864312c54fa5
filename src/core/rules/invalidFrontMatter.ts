import { defineRule } from './rule';

const SKELETON = '---\ntitle: \nlps: []\nlevel: L6\noutcome: success\n---\n\n';

export const invalidFrontMatter = defineRule({
  id: 'invalid-front-matter',
  description: 'The front matter is missing, is not valid YAML, or has a field of the wrong type.',
  defaultSeverity: 'error',
  tags: ['front-matter'],
  docs:
    'Every story opens with a YAML block between --- lines that gives at least `title` and `lps`. Without it STAR Coach cannot tell which Leadership Principles the story covers, so the story is missing from your coverage. The message points at the exact field or character that is wrong.',
  check(story) {
    const { frontMatter } = story;
    return frontMatter.problems.map((problem) => ({
      message: problem.message,
      start: problem.start,
      end: problem.end,
      fixes: frontMatter.present
        ? []
        : [{ title: 'Add front matter (title, lps, level, outcome)', edits: [{ start: 0, end: 0, newText: SKELETON }], preferred: true }],
    }));
  },
});
