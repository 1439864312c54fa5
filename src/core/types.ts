/** Zero-based line and character, like VS Code's Position. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix is data: the edits that mend a finding, shared by the CLI, tests and quick fixes. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants; VS Code marks it preferred and "fix all" applies it. */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}
