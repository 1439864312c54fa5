import * as vscode from 'vscode';
import { ruleDocLine } from '../core/format/rulesDoc';
import type { Finding, Fix, Range, Severity } from '../core/types';
import { DIAGNOSTIC_SOURCE } from './constants';

/** The one place core types become VS Code types. */

/** The rules' docs as the extension shows them (see ruleDocs.ts): set once the extension activates. */
let ruleDocs: vscode.Uri | undefined;

/** Diagnostics link to the extension's own document of the rules' docs, never to a web page. */
export function useRuleDocs(uri: vscode.Uri): void {
  ruleDocs = uri;
}

/** docs/rules.md at the rule's heading: a `#L<line>` fragment, which VS Code opens as that line. */
export function ruleDocsTarget(ruleId: string): vscode.Uri | undefined {
  const line = ruleDocLine(ruleId);
  return ruleDocs && (line ? ruleDocs.with({ fragment: `L${line}` }) : ruleDocs);
}

/** A core range (zero-based lines and characters) as a VS Code range. */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic, its code linking to the rule's section of the rules' docs. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const target = ruleDocsTarget(finding.ruleId);
  diagnostic.code = target ? { value: finding.ruleId, target } : finding.ruleId;
  return diagnostic;
}

/** A core fix as one workspace edit, so that it is a single step of Undo. */
export function toWorkspaceEdit(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  // An edit that selects part of its text is a snippet edit: in the active editor the cursor lands
  // on that part (the prompt of an inserted section); elsewhere VS Code applies it as plain text.
  edit.set(
    uri,
    fix.edits.map((change) => {
      if (!change.select) return new vscode.TextEdit(toRange(change.range), change.newText);
      const { start, end } = change.select;
      const snippet = new vscode.SnippetString().appendText(change.newText.slice(0, start)).appendPlaceholder(change.newText.slice(start, end)).appendText(change.newText.slice(end));
      return new vscode.SnippetTextEdit(toRange(change.range), snippet);
    }),
  );
  return edit;
}
