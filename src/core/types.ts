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
  /**
   * Offsets [start, end) into `newText` of what to select once the edit is applied: the prompt an
   * inserted section holds, for the user to type over. An editor places the cursor there.
   */
  select?: { start: number; end: number };
}

export type FixKind = 'fix' | 'suggestion';

/** A fix is data: the edits that mend a finding, shared by the CLI, tests and quick fixes. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * A `fix` is a safe edit that resolves the finding (a misspelt LP, a missing heading): VS Code
   * marks it preferred, and Fix All, fix on save and `star-coach lint --fix` apply it. A
   * `suggestion` leaves something for the user to finish (a metric placeholder, a Learning
   * prompt): it is offered as a quick fix and never applied on its own, as in ESLint.
   */
  kind: FixKind;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}
