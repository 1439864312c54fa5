import * as vscode from 'vscode';
import { RULE_DOCS_FILE, rulesDoc } from '../../core/format/rulesDoc';
import { useRuleDocs } from '../convert';

/** The scheme of the rules' docs as the extension shows them: a read-only document made on request. */
const RULE_DOCS_SCHEME = 'star-coach-docs';

/**
 * Rule links: each diagnostic's code opens the rule's section of the rules' docs inside VS Code;
 * nothing is fetched from the web. The docs are docs/rules.md as `npm run generate` writes it,
 * made from the rule registry when opened (so the .vsix does not carry the same text twice). The
 * link is that document at the rule's heading line (`#L<line>`), the one kind of target both the
 * hover and the Problems panel open; once it is open, it is shown as the Markdown preview,
 * scrolled to that rule.
 */
export function registerRuleDocs(context: vscode.ExtensionContext): void {
  const docs = vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${RULE_DOCS_FILE}` });
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, { provideTextDocumentContent: () => rulesDoc() }));
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
