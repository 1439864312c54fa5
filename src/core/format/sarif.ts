import type { Log } from 'sarif';
import { RULES } from '../rules';
import type { Severity } from '../types';
import type { JsonFinding } from './json';
import { ruleHelpUri } from './rulesDoc';

const LEVEL: Record<Severity | 'off', 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

/** SARIF 2.1.0, for code scanning: every rule with its docs link, every finding with its place. */
export function formatSarif(findings: readonly JsonFinding[], version: string): string {
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'STAR Coach',
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.docs },
              helpUri: ruleHelpUri(rule.id),
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
              properties: { tags: [...rule.tags] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: RULES.findIndex((rule) => rule.id === f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                // A URI reference: each path segment percent-encoded (spaces, #, %), joined by /.
                artifactLocation: { uri: f.file.split(/[\\/]/).map(encodeURIComponent).join('/') },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
