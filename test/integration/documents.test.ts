import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { allLps } from '../../src/core/catalog';
import { closeAll, ruleOf, setSetting, starDiagnostics, waitFor, workspaceRoot } from './helpers';

/** A folder of this suite's own, made and removed by it, so the shared fixtures stay as they are. */
const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'documents');
const at = (name: string) => vscode.Uri.joinPath(folder(), name);

/** A misspelt LP (a safe fix), a Result with no number (a suggestion), code and a comment in the Action. */
const STORY = [
  '---',
  'title: Consolidated the revenue dashboards',
  'lps: [Ownership, Customer Obsesion]',
  '---',
  '',
  '## Situation',
  'Three teams kept separate copies of the same revenue dashboard, and their numbers disagreed.',
  '',
  '## Task',
  'I owned the reporting platform and its numbers.',
  '',
  '## Action',
  'I mapped every query behind the three dashboards and rebuilt them on one shared data model.',
  '',
  '```sql',
  '',
  '```',
  '<!--',
  '',
  '-->',
  '',
  '## Result',
  'The teams trusted the dashboards again, and reviews stopped arguing about revenue.',
  '',
].join('\n');
const LINE = { lps: 2, action: 12, code: 15, comment: 18, blankInAction: 13, result: 22 };

const rules = (uri: vscode.Uri) => starDiagnostics(uri).map(ruleOf).sort();
const isPhrase = (item: vscode.CompletionItem) => typeof item.label === 'object' && allLps().some((lp) => lp.name === (item.label as vscode.CompletionItemLabel).description);

async function completions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  return (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position)).items;
}

async function write(name: string, text = STORY): Promise<vscode.Uri> {
  const uri = at(name);
  await fs.mkdir(folder().fsPath, { recursive: true });
  await fs.writeFile(uri.fsPath, text);
  return uri;
}

describe('documents as people name, edit and remove them', () => {
  afterEach(async () => {
    await closeAll();
    await setSetting('problemsScope', undefined);
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await fs.rm(folder().fsPath, { recursive: true, force: true });
  });

  it('an upper-case Story.STAR.MD gets diagnostics, quick fixes, hover and completion', async () => {
    const uri = await write('Story.STAR.MD');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.strictEqual(editor.document.languageId, 'markdown');
    await waitFor('diagnostics', () => rules(uri).includes('unknown-lp'));
    const lp = starDiagnostics(uri).find((d) => ruleOf(d) === 'unknown-lp')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, lp.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === 'Replace with "Customer Obsession"'), actions.map((a) => a.title).join());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(LINE.lps, 8));
    assert.ok(hovers.some((h) => h.contents.some((c) => (c as vscode.MarkdownString).value?.includes('**Ownership**'))), 'the LP hover');
    const names = await completions(uri, new vscode.Position(LINE.lps, 'lps: [Ownership, '.length));
    assert.ok(names.some((i) => i.label === 'Dive Deep'), 'LP names in lps');
    assert.ok((await completions(uri, new vscode.Position(LINE.blankInAction, 0))).some(isPhrase), 'opening phrases in the Action');
  });

  it('opening-phrase completion stays out of fenced code and HTML comments', async () => {
    const uri = await write('phrases.star.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.ok((await completions(uri, new vscode.Position(LINE.blankInAction, 0))).some(isPhrase), 'offered in the Action prose');
    assert.ok(!(await completions(uri, new vscode.Position(LINE.code, 0))).some(isPhrase), 'not in a code block');
    assert.ok(!(await completions(uri, new vscode.Position(LINE.comment, 0))).some(isPhrase), 'not in a comment');
  });

  it('problems go when a story is renamed to .md, and when it is deleted outside VS Code', async () => {
    const renamed = await write('renamed.star.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(renamed));
    await waitFor('diagnostics', () => rules(renamed).length > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(renamed, at('renamed.md'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the renamed story\'s problems to go', () => rules(renamed).length === 0 && rules(at('renamed.md')).length === 0);

    await setSetting('problemsScope', 'workspace');
    const deleted = await write('deleted.star.md');
    await waitFor('the workspace scope to show the closed story', () => rules(deleted).includes('unknown-lp'), 20000);
    await fs.unlink(deleted.fsPath); // as a terminal would
    await waitFor('the deleted story\'s problems to go', () => rules(deleted).length === 0, 20000);
  });

  it('with problemsScope workspace, Don\'t Save (revert, close) shows the saved file\'s problems, not the edited ones', async () => {
    await setSetting('problemsScope', 'workspace');
    const uri = await write('reverted.star.md');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the saved text\'s problems', () => rules(uri).includes('unknown-lp'));
    await editor.edit((e) => e.replace(new vscode.Range(LINE.lps, 0, LINE.lps, 100), 'lps: [Ownership, Customer Obsession]'));
    await waitFor('the edited text\'s problems', () => !rules(uri).includes('unknown-lp'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && !d.isClosed && vscode.window.visibleTextEditors.some((e) => e.document === d)));
    await waitFor('the saved file\'s problems again', () => rules(uri).includes('unknown-lp'), 20000);
    // And they stay: no late result from the edited buffer replaces them.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.ok(rules(uri).includes('unknown-lp'), rules(uri).join());
  });

  it('an untitled buffer saved as x.star.md gets diagnostics at once', async () => {
    await fs.mkdir(folder().fsPath, { recursive: true });
    const target = at('x.star.md');
    const untitled = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(untitled);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), STORY));
    assert.ok(await untitled.save());
    await waitFor('diagnostics on the saved file', () => rules(target).includes('unknown-lp'), 3000);
  });

  it('fix on save (source.fixAll.starCoach in editor.codeActionsOnSave) applies fixes, never suggestions, and undoes', async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', { 'source.fixAll.starCoach': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const uri = await write('saved.star.md');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('diagnostics', () => rules(uri).includes('unknown-lp') && rules(uri).includes('unquantified-result'));
    await editor.edit((e) => e.insert(new vscode.Position(LINE.action + 1, 0), 'I wrote the migration plan myself.\n'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    const saved = await fs.readFile(uri.fsPath, 'utf8');
    assert.match(saved, /^lps: \[Ownership, Customer Obsession\]$/m, 'the fix was applied');
    assert.doesNotMatch(saved, /\[metric\]|\[X\]/, 'the suggestion was not');
    assert.strictEqual(editor.document.getText(), saved);
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.getText(), /^lps: \[Ownership, Customer Obsesion\]$/m, 'undo takes the fix back');
  });
});
