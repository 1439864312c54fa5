import * as vscode from 'vscode';
import { lintText } from '../../core/engine';
import { parseStory } from '../../core/parse/story';
import type { Finding } from '../../core/types';
import { COMMANDS, DIAGNOSTIC_SOURCE, STORY_SELECTOR } from '../constants';
import { toRange, toWorkspaceEdit } from '../convert';
import type { StoryModel } from '../model';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('starCoach');

/** Quick fixes from the engine's fixes, "disable for this line/file", and fix-all. */
export function registerCodeActions(context: vscode.ExtensionContext, model: StoryModel): void {
  const findingsNow = async (document: vscode.TextDocument): Promise<Finding[]> =>
    model.findingsOf(document) ?? lintText(document.getText(), await model.configuration.forUri(document.uri)).findings;

  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const findings = await findingsNow(document);
      const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
      const actions: vscode.CodeAction[] = [];
      if (wants(vscode.CodeActionKind.QuickFix)) {
        for (const diagnostic of context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
          const finding = findings.find((f) => f.ruleId === ruleId && toRange(f.range).isEqual(diagnostic.range));
          for (const fix of finding?.fixes ?? []) {
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.edit = toWorkspaceEdit(document.uri, fix);
            action.diagnostics = [diagnostic];
            action.isPreferred = fix.preferred === true;
            actions.push(action);
          }
          actions.push(...disableActions(document, diagnostic, ruleId));
        }
      }
      if (wants(FIX_ALL) && findings.some((f) => f.fixes.some((x) => x.preferred))) {
        const action = new vscode.CodeAction('Fix all STAR Coach problems', FIX_ALL);
        action.edit = fixAllEdit(document, findings);
        actions.push(action);
      }
      return actions;
    },
  };

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(STORY_SELECTOR, provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
    }),
    vscode.commands.registerCommand(COMMANDS.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      return vscode.workspace.applyEdit(fixAllEdit(editor.document, await findingsNow(editor.document)));
    }),
  );
}

/** Every preferred fix whose edits do not overlap one already taken, as one undoable edit. */
export function fixAllEdit(document: vscode.TextDocument, findings: readonly Finding[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const taken: vscode.Range[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.preferred);
    if (!fix) continue;
    const ranges = fix.edits.map((e) => toRange(e.range));
    // Inserts at one point are fine together; edits that replace overlapping text are not.
    if (ranges.some((r) => taken.some((t) => !r.isEmpty && !t.isEmpty && r.intersection(t) !== undefined))) continue;
    for (const change of fix.edits) edit.replace(document.uri, toRange(change.range), change.newText);
    taken.push(...ranges);
  }
  return edit;
}

function disableActions(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, ruleId: string): vscode.CodeAction[] {
  const story = parseStory(document.getText());
  const bodyStart = document.positionAt(story.frontMatter.bodyStart);
  const line = diagnostic.range.start.line;
  const actions: vscode.CodeAction[] = [];
  // An HTML comment inside the YAML front matter would break it: there, only the file-wide form.
  if (!story.frontMatter.present || line >= bodyStart.line) {
    const lineAction = new vscode.CodeAction(`Disable ${ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    lineAction.edit = new vscode.WorkspaceEdit();
    lineAction.edit.insert(document.uri, document.lineAt(line).range.end, ` <!-- star-coach-disable-line ${ruleId} -->`);
    lineAction.diagnostics = [diagnostic];
    actions.push(lineAction);
  }
  const fileAction = new vscode.CodeAction(`Disable ${ruleId} for this file`, vscode.CodeActionKind.QuickFix);
  fileAction.edit = new vscode.WorkspaceEdit();
  const at = story.frontMatter.present ? bodyStart : new vscode.Position(0, 0);
  const needsBreak = story.frontMatter.present && story.frontMatter.bodyStart >= document.getText().length && !document.getText().endsWith('\n');
  fileAction.edit.insert(document.uri, at, `${needsBreak ? '\n' : ''}<!-- star-coach-disable-file ${ruleId} -->\n`);
  fileAction.diagnostics = [diagnostic];
  actions.push(fileAction);
  return actions;
}
