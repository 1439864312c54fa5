import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

interface Api {
  views: { coverageView: vscode.TreeView<unknown> };
}

describe('activation in a real VS Code', () => {
  it('starts in a workspace of stories before any Markdown file opens, and shows the badge without the view', async () => {
    // Only meaningful as the first test of a run: any other test activates the extension itself.
    const extension = vscode.extensions.getExtension<Api>('star-coach.star-coach')!;
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.languageId === 'markdown'), 'no Markdown file is open');
    await waitFor('activation by workspaceContains:**/*.star.md', () => extension.isActive, 20000);
    const { views } = extension.exports;
    await waitFor('the badge of LPs below the goal', () => views.coverageView.badge?.value === 16, 20000);
    assert.strictEqual(views.coverageView.visible, false, 'the view was never opened');
  });
});
