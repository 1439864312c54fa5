import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config';
import { fixText, textChange } from '../../core/fix';
import type { Story } from '../../core/parse/story';
import type { Finding } from '../../core/types';
import { COMMANDS, DIAGNOSTIC_SOURCE, STORY_SELECTOR } from '../constants';
import { toRange, toWorkspaceEdit } from '../convert';
import type { StoryModel } from '../model';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('starCoach');

/** The fix-all action keeps its document, for computing its edit when it is picked. */
type FixAllAction = vscode.CodeAction & { document?: vscode.TextDocument };

/** Quick fixes from the engine's fixes, "disable for this line/file", and fix-all. */
export function registerCodeActions(context: vscode.ExtensionContext, model: StoryModel): void {
  const findingsNow = async (document: vscode.TextDocument): Promise<Finding[]> =>
    model.findingsOf(document, await model.configuration.forUri(document.uri));

  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const findings = await findingsNow(document);
      const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
      const actions: vscode.CodeAction[] = [];
      if (wants(vscode.CodeActionKind.QuickFix)) actions.push(...quickFixes(document, model.storyOf(document), context.diagnostics, findings));
      if (wants(FIX_ALL) && findings.some((f) => f.fixes.some((x) => x.kind === 'fix'))) {
        const action: FixAllAction = Object.assign(new vscode.CodeAction('Fix all STAR Coach problems', FIX_ALL), { document });
        // Asked for on save or by name: the edit now. In the lightbulb: only if the user picks it.
        if (context.only) action.edit = fixAllEdit(document, await model.configuration.forUri(document.uri));
        actions.push(action);
      }
      return actions;
    },
    async resolveCodeAction(action: FixAllAction) {
      if (!action.edit && action.document) action.edit = fixAllEdit(action.document, await model.configuration.forUri(action.document.uri));
      return action;
    },
  };

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(STORY_SELECTOR, provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL],
    }),
    vscode.commands.registerCommand(COMMANDS.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      return vscode.workspace.applyEdit(fixAllEdit(editor.document, await model.configuration.forUri(editor.document.uri)));
    }),
  );
}

/**
 * Every safe fix, applied again and again until none is left (the core's `fixText`), as one
 * undoable edit of the part of the document that changed. Suggestions are never applied.
 */
export function fixAllEdit(document: vscode.TextDocument, config: ResolvedConfig): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  const before = document.getText();
  const change = textChange(before, fixText(before, config).text);
  if (change) edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  return edit;
}

/**
 * The quick fixes for the diagnostics asked about: each fix once, then each "Disable" once. Several
 * findings may offer the same edit (four missing sections on one empty story, each with "Disable
 * missing-section for this line"): the menu shows it once, for all of them. Fixes come first,
 * then the line-wide, then the story-wide ways to silence a rule.
 */
function quickFixes(document: vscode.TextDocument, story: Story, diagnostics: readonly vscode.Diagnostic[], findings: readonly Finding[]): vscode.CodeAction[] {
  const fixes = new Map<string, vscode.CodeAction>();
  const disables = new Map<string, vscode.CodeAction>();
  const add = (into: Map<string, vscode.CodeAction>, key: string, make: () => vscode.CodeAction, diagnostic: vscode.Diagnostic) => {
    const known = into.get(key);
    if (known) known.diagnostics = [...(known.diagnostics ?? []), diagnostic];
    else into.set(key, make());
  };
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    // The message too: two findings of one rule may share a range (two missing sections on the title).
    const finding = findings.find((f) => f.ruleId === ruleId && f.message === diagnostic.message && toRange(f.range).isEqual(diagnostic.range));
    for (const fix of finding?.fixes ?? []) {
      add(fixes, `${fix.title}\n${JSON.stringify(fix.edits)}`, () => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.kind === 'fix';
        return action;
      }, diagnostic);
    }
    for (const action of disableActions(document, story, diagnostic, ruleId)) add(disables, `${action.title}\n${action.line ?? ''}`, () => action, diagnostic);
  }
  const byScope = [...disables.values()].sort((a, b) => Number(a.title.endsWith('this story')) - Number(b.title.endsWith('this story')));
  return [...fixes.values(), ...byScope];
}

/** A "Disable" action, with the line its comment goes on (none for the story-wide one). */
type DisableAction = vscode.CodeAction & { line?: number };

function disableActions(document: vscode.TextDocument, story: Story, diagnostic: vscode.Diagnostic, ruleId: string): DisableAction[] {
  const bodyStart = document.positionAt(story.frontMatter.bodyStart);
  const line = diagnostic.range.start.line;
  const actions: DisableAction[] = [];
  // An HTML comment inside the YAML front matter would break it: there, only the file-wide form.
  if (!story.frontMatter.present || line >= bodyStart.line) {
    const lineAction: DisableAction = Object.assign(new vscode.CodeAction(`Disable ${ruleId} for this line`, vscode.CodeActionKind.QuickFix), { line });
    lineAction.edit = new vscode.WorkspaceEdit();
    lineAction.edit.insert(document.uri, document.lineAt(line).range.end, ` <!-- star-coach-disable-line ${ruleId} -->`);
    lineAction.diagnostics = [diagnostic];
    actions.push(lineAction);
  }
  const fileAction = new vscode.CodeAction(`Disable ${ruleId} for this story`, vscode.CodeActionKind.QuickFix);
  fileAction.edit = new vscode.WorkspaceEdit();
  const at = story.frontMatter.present ? bodyStart : new vscode.Position(0, 0);
  const needsBreak = story.frontMatter.present && story.frontMatter.bodyStart >= document.getText().length && !document.getText().endsWith('\n');
  fileAction.edit.insert(document.uri, at, `${needsBreak ? '\n' : ''}<!-- star-coach-disable-file ${ruleId} -->\n`);
  fileAction.diagnostics = [diagnostic];
  actions.push(fileAction);
  return actions;
}
