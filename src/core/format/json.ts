import type { Finding, Severity } from '../types';

/** The CLI's and API's finding: lines and columns 1-based, like every editor shows them. */
export interface JsonFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toJsonFinding(file: string, finding: Finding): JsonFinding {
  return {
    file,
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
}
