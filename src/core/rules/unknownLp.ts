import { closestLp } from '../catalog';
import { resolveLpEntries, type ResolvedLpEntry } from '../lpEntries';
import { defineRule, type RuleIssue } from './rule';

export const unknownLp = defineRule({
  id: 'unknown-lp',
  description: 'An entry in `lps` is not one of the 16 Leadership Principles.',
  defaultSeverity: 'warning',
  tags: ['front-matter', 'lp'],
  docs:
    'Coverage counts a story under each Leadership Principle it names, so a misspelt name leaves a gap in your coverage that is not really there. Write the exact name ("Are Right, A Lot") or its id ("are-right-a-lot"); case does not matter.',
  findIssues(story) {
    const issues: RuleIssue[] = [];
    for (const entry of resolveLpEntries(story.frontMatter.lpEntries)) {
      if (entry.lp) continue;
      const suggestion = closestLp(entry.value);
      const closest = suggestion.lp.name;
      // A block scalar's range ends after its line break: keep the break, or the next line joins this one.
      const lineBreaks = /\s*$/.exec(story.text.slice(entry.start, entry.end))![0];
      issues.push({
        message: `"${entry.value}" is not one of the 16 Leadership Principles. Did you mean "${closest}"?`,
        start: entry.start,
        end: entry.end,
        fixes: [{ title: `Replace with "${closest}"`, edits: [{ start: entry.start, end: entry.end, newText: yamlName(closest, entry) + lineBreaks }], kind: suggestion.confident && !entry.value.includes(',') ? 'fix' : 'suggestion' }],
      });
    }
    return issues;
  },
});

/** The name as YAML: quoted where a comma would split a flow list. */
function yamlName(name: string, entry: ResolvedLpEntry): string {
  return /[,:#[\]{}]/.test(name) && (entry.inFlowList || /[:#]/.test(name)) ? `"${name}"` : name;
}
