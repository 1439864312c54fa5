import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, openStory, ruleOf, starDiagnostics, waitFor } from './helpers';

async function actionsFor(uri: vscode.Uri, rule: string): Promise<vscode.CodeAction[]> {
  const diagnostic = await waitFor(`a ${rule} diagnostic`, () => starDiagnostics(uri).find((d) => ruleOf(d) === rule));
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.edit, 'the action carries an edit');
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

describe('quick fixes in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('inserts a missing Task, and undo takes it back', async () => {
    const editor = await openStory('missing-task.star.md');
    const before = editor.document.getText();
    const actions = await actionsFor(editor.document.uri, 'missing-section');
    const insert = actions.find((a) => a.title === 'Insert a Task section');
    assert.strictEqual(insert?.isPreferred, true);
    await apply(insert);
    assert.strictEqual(
      editor.document.getText(),
      before.replace('## Action\n', '## Task\n\nWhat were you, personally, responsible for?\n\n## Action\n'),
    );
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), before);
  });

  it('replaces an unknown LP with the closest one', async () => {
    const editor = await openStory('missing-task.star.md');
    const actions = await actionsFor(editor.document.uri, 'unknown-lp');
    await apply(actions.find((a) => a.title === 'Replace with "Customer Obsession"'));
    assert.strictEqual(editor.document.lineAt(2).text, 'lps: [Invent and Simplify, Customer Obsession]');
  });

  it('inserts a metric placeholder, and disables a rule for a line or the file', async () => {
    const editor = await openStory('weak-draft.star.md');
    const uri = editor.document.uri;
    const result = await actionsFor(uri, 'unquantified-result');
    assert.deepStrictEqual(result.map((a) => a.title), [
      'Insert a metric placeholder ("from X to Y")',
      'Disable unquantified-result for this line',
      'Disable unquantified-result for this file',
    ]);
    await apply(result[0]);
    assert.strictEqual(editor.document.lineAt(18).text, 'Viewers were much happier with search, and the system felt faster. This moved [metric] from [X] to [Y].');
    const personal = await actionsFor(uri, 'missing-personal-role');
    await apply(personal.find((a) => a.title === 'Disable missing-personal-role for this line'));
    assert.strictEqual(editor.document.lineAt(13).text, '## Action <!-- star-coach-disable-line missing-personal-role -->');
    await waitFor('the disabled finding to go', () => !starDiagnostics(uri).some((d) => ruleOf(d) === 'missing-personal-role'));
    const still = await actionsFor(uri, 'unquantified-result');
    await apply(still.find((a) => a.title === 'Disable unquantified-result for this file'));
    assert.strictEqual(editor.document.lineAt(6).text, '<!-- star-coach-disable-file unquantified-result -->');
    await waitFor('no findings left', () => starDiagnostics(uri).length === 0);
  });

  it('fixes all through source.fixAll.starCoach', async () => {
    const editor = await openStory('missing-task.star.md');
    await waitFor('diagnostics', () => starDiagnostics(editor.document.uri).length === 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.starCoach',
    );
    assert.deepStrictEqual(actions.map((a) => a.title), ['Fix all STAR Coach problems']);
    await apply(actions[0]);
    const text = editor.document.getText();
    assert.match(text, /lps: \[Invent and Simplify, Customer Obsession\]/);
    assert.match(text, /## Task\n\nWhat were you, personally, responsible for\?\n\n## Action/);
  });
});

describe('editor help in a real VS Code', () => {
  afterEach(closeAll);

  it('shows an LP definition and L6/L7 expectations on hover', async () => {
    const editor = await openStory('strong.star.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(2, 9));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Dive Deep\*\*/);
    assert.match(text, /\*\*L6 \(your target\)\*\*/);
    assert.match(text, /\*\*L7\*\*/);
  });

  it('completes LP names in lps, and opening phrases in the Action', async () => {
    const editor = await openStory('strong.star.md');
    const names = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(2, 6));
    const labels = names.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const lp of ['Customer Obsession', 'Are Right, A Lot', 'Success and Scale Bring Broad Responsibility']) assert.ok(labels.includes(lp), lp);
    await editor.edit((b) => b.insert(new vscode.Position(15, 0), '\n'));
    const phrases = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(15, 0));
    const first = phrases.items.filter((i) => typeof i.label !== 'string').sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.ok(first, 'phrases offered');
    assert.strictEqual((first.label as vscode.CompletionItemLabel).description, 'Dive Deep', "the story's own LP first");
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('outlines and folds by STAR section', async () => {
    const editor = await openStory('strong.star.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const star = symbols.filter((s) => s.detail !== undefined && ['front matter', 'situation', 'task', 'action', 'result'].includes(s.detail));
    assert.deepStrictEqual(star.map((s) => s.name), ['Cut checkout latency before peak season', 'Situation', 'Task', 'Action', 'Result']);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    for (const [start, end] of [[0, 5], [7, 8], [13, 16]]) assert.ok(folds.some((f) => f.start === start && f.end === end), `fold ${start}-${end}`);
  });

  it('highlights sections, metrics and "I" with semantic tokens', async () => {
    const editor = await openStory('strong.star.md');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', editor.document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', editor.document.uri);
    assert.ok(legend.tokenTypes.includes('starMetric'));
    const decoded: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
      decoded.push(`${legend.tokenTypes[tokens.data[i + 3]]}:${editor.document.getText(new vscode.Range(line, char, line, char + tokens.data[i + 2]))}`);
    }
    assert.ok(decoded.includes('starSection:Situation'));
    assert.ok(decoded.includes('starFirstPerson:I'));
    assert.ok(decoded.includes('starMetric:900'), decoded.join(' | '));
  });

  it('keeps the Markdown preview working on a story', async () => {
    await openStory('strong.star.md');
    await vscode.commands.executeCommand('markdown.showPreview');
    const tab = await waitFor('a preview tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /Preview/.test(t.label)),
    );
    assert.match(tab.label, /strong\.star\.md/);
  });
});

describe('New Story command in a real VS Code', () => {
  afterEach(closeAll);

  it('creates <slug>.star.md from the template and puts the cursor in the Situation', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starCoach.newStory', { lpIds: ['think-big', 'ownership'], level: 'L7', title: 'One platform for five ML teams!' });
    assert.strictEqual(vscode.workspace.asRelativePath(uri), 'stories/one-platform-for-five-ml-teams.star.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\ntitle: One platform for five ML teams!\nlps: \[Think Big, Ownership\]\nlevel: L7\noutcome: success\n---\n\n## Situation\n\n/);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line - 1).text, '');
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line - 2).text, '## Situation');
    const again = await vscode.commands.executeCommand<vscode.Uri>('starCoach.newStory', { lpIds: ['think-big'], level: 'L6', title: 'One platform for five ML teams' });
    assert.strictEqual(vscode.workspace.asRelativePath(again), 'stories/one-platform-for-five-ml-teams-2.star.md', 'never overwrites');
    // Deleted the way a user does in VS Code (the Explorer uses the same workspace edit).
    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(uri);
    remove.deleteFile(again);
    assert.ok(await vscode.workspace.applyEdit(remove));
  });
});
