import { z } from 'zod';
import { RULES } from '../rules';

const SEVERITY_WORD = { error: 'error', warning: 'warning', information: 'info', hint: 'hint', off: 'off (turn it on in .starcoach.yaml)' } as const;

/**
 * docs/rules.md, generated from the rules' metadata (`npm run generate` writes it; a unit test
 * fails when the shipped copy is stale). It ships in the extension, where diagnostics link to it.
 */
export function rulesDoc(): string {
  const parts = [
    '# STAR Coach rules',
    '',
    'Generated from the rules\' metadata by `npm run generate`; edit the rule modules in `src/core/rules/`, not this file.',
    '',
    'Turn a rule off, change its severity or its options in `.starcoach.yaml` (see the README), or inline with',
    '`<!-- star-coach-disable rule-id -->`, `<!-- star-coach-disable-next-line rule-id -->`,',
    '`<!-- star-coach-disable-line rule-id -->` and `<!-- star-coach-disable-file rule-id -->`.',
    '',
  ];
  for (const rule of RULES) {
    parts.push(`## ${rule.id}`, '', `**${rule.description}**`, '', rule.docs, '', `- Default severity: ${SEVERITY_WORD[rule.defaultSeverity]}`, `- Tags: ${rule.tags.join(', ')}`);
    if (rule.options instanceof z.ZodObject) {
      const defaults = rule.options.parse({}) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(rule.options.shape as Record<string, z.ZodType>)) {
        parts.push(`- Option \`${name}\` (default ${JSON.stringify(defaults[name])}): ${schema.description ?? ''}`);
      }
    }
    parts.push('');
  }
  return parts.join('\n');
}

let headingLines: Map<string, number> | undefined;

/** The 1-based line of a rule's `## <id>` heading in docs/rules.md, or undefined for an unknown id. */
export function ruleDocLine(ruleId: string): number | undefined {
  if (!headingLines) {
    headingLines = new Map();
    rulesDoc()
      .split('\n')
      .forEach((line, i) => line.startsWith('## ') && headingLines!.set(line.slice(3), i + 1));
  }
  return headingLines.get(ruleId);
}
