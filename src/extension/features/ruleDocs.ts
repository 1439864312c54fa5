import * as vscode from 'vscode';
import { RULE_DOCS_FILE } from '../../core/format/rulesDoc';
import { useRuleDocs } from '../convert';

/**
 * Rule links: each diagnostic's code opens the rule's section of docs/rules.md, which ships in the
 * extension, inside VS Code; nothing is fetched from the web. The link is the file itself at the
 * rule's heading line (`#L<line>`), the one kind of target both the hover and the Problems panel
 * open; once it is open, it is shown as the Markdown preview, scrolled to that rule.
 */
export function registerRuleDocs(context: vscode.ExtensionContext): void {
  const docs = vscode.Uri.joinPath(context.extensionUri, ...RULE_DOCS_FILE.split('/'));
  useRuleDocs(docs);
  let switching = false;
  const showPreview = async (editor: vscode.TextEditor | undefined) => {
    if (switching || !editor || editor.document.uri.toString() !== docs.toString()) return;
    // The link's line is set just after the editor opens: act once the cursor is on a rule's heading.
    const heading = /^## ([a-z-]+)$/.exec(editor.document.lineAt(editor.selection.active.line).text)?.[1];
    if (!heading) return;
    switching = true;
    try {
      const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === docs.toString());
      // The preview scrolls to the heading its fragment names.
      await vscode.commands.executeCommand('markdown.showPreview', docs.with({ fragment: heading }));
      if (tab) await vscode.window.tabGroups.close(tab);
    } catch {
      // No Markdown preview here: the text, at the rule's line, stays open.
    } finally {
      switching = false;
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => void showPreview(editor)),
    vscode.window.onDidChangeTextEditorSelection((event) => void showPreview(event.textEditor)),
  );
}
