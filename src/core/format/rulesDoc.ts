import { RULES } from '../rules';

/** The rules' docs, relative to the repository: generated; the extension makes the same text when it shows them. */
export const RULE_DOCS_FILE = 'docs/rules.md';

/** The same docs on the web, for reports read outside the editor (SARIF's helpUri). */
const RULE_DOCS_WEB = `https://github.com/star-coach/star-coach/blob/main/${RULE_DOCS_FILE}`;

const SEVERITY_WORD = { error: 'error', warning: 'warning', information: 'info', hint: 'hint', off: 'off (turn it on in .starcoach.yaml)' } as const;

/**
 * docs/rules.md, generated from the rules' metadata (`npm run generate` writes it; a unit test
 * fails when the file is stale). The extension shows this text where diagnostics link to the rules.
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
    for (const [name, spec] of Object.entries(rule.options ?? {})) {
      parts.push(`- Option \`${name}\` (default ${JSON.stringify(spec.default)}): ${spec.description}`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

let headingLines: Map<string, number> | undefined;

/** The web page of a rule's docs: `.../docs/rules.md#<rule-id>` (the heading's anchor is the id). */
export function ruleHelpUri(ruleId: string): string {
  return `${RULE_DOCS_WEB}#${ruleId}`;
}

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
