import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import type { LoopPlanProvider } from './loopPlanView';

/**
 * "Open Loop Plan Cheat Sheet" (command palette, the Loop Plan view's title bar, the Loop Plan
 * page): the plan's one-page Markdown cheat sheet, as `star-coach sheet` prints it, in a new
 * untitled Markdown editor with its preview beside it. The command resolves to the document.
 */
export function registerLoopPlanSheet(context: vscode.ExtensionContext, provider: LoopPlanProvider): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openLoopPlanSheet, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: await provider.sheet() });
      await vscode.window.showTextDocument(document, { preview: false });
      // The sheet rendered beside it; where the built-in Markdown extension is off, the editor alone stays.
      await Promise.resolve(vscode.commands.executeCommand('markdown.showPreviewToSide')).catch(() => undefined);
      return document;
    }),
  );
}
