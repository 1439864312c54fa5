import * as vscode from 'vscode';
import { allLps } from '../../core/catalog';
import { COMMANDS } from '../constants';

const SCHEME = 'star-coach';

/** "Read about the LPs": the catalog as a read-only Markdown page, shown in the Markdown preview. */
export function registerAboutLps(context: vscode.ExtensionContext): void {
  const uri = vscode.Uri.from({ scheme: SCHEME, path: '/Leadership Principles.md' });
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: () => lpsMarkdown() }),
    vscode.commands.registerCommand(COMMANDS.aboutLps, () => vscode.commands.executeCommand('markdown.showPreview', uri)),
  );
}

export function lpsMarkdown(): string {
  const parts = ['# The 16 Leadership Principles', '', 'What each asks of you, and what an answer shows at L6 (team scope) and at L7 (organisation scope).', ''];
  for (const lp of allLps()) {
    parts.push(`## ${lp.name}`, '', lp.definition, '', '**L6**', '', ...lp.expectations.L6.map((p) => `- ${p}`), '', '**L7**', '', ...lp.expectations.L7.map((p) => `- ${p}`), '', `Openers: ${lp.phrases.map((p) => `_${p}_`).join(' · ')}`, '');
  }
  return parts.join('\n');
}
