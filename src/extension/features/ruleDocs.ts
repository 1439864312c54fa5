import * as vscode from 'vscode';
import { useRuleDocs } from '../convert';

/**
 * Rule links: each diagnostic's code opens the rule's section of docs/rules.md, which ships in the
 * extension, inside VS Code; nothing is fetched from the web.
 */
export function registerRuleDocs(context: vscode.ExtensionContext): void {
  useRuleDocs(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'));
}
