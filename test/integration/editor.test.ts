import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, openStory, ruleOf, starDiagnostics, storyUri, waitFor, writeFile } from './helpers';

/** The quick fixes on a rule's diagnostic, once its fix is offered (the first lint of a window can lag its diagnostic). */
async function actionsFor(uri: vscode.Uri, rule: string, withFix = true): Promise<vscode.CodeAction[]> {
  return waitFor(`a fix for ${rule}`, async () => {
    const diagnostic = starDiagnostics(uri).find((d) => ruleOf(d) === rule);
    if (!diagnostic) return undefined;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    return actions.some((a) => !withFix || !a.title.startsWith('Disable ')) && actions;
  });
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
    const prompt = '<!-- What were you, personally, responsible for? -->';
    assert.strictEqual(
      editor.document.getText(),
      // The prompt is a comment: the Task is there to be written, and still counts as empty.
      before.replace('## Action\n', `## Task\n\n${prompt}\n\n## Action\n`),
    );
    // The cursor lands on the prompt, selected: typing replaces it.
    await waitFor('the prompt selected', () => editor.document.getText(editor.selection) === prompt);
    assert.strictEqual(editor.document.lineAt(editor.selection.start.line - 2).text, '## Task');
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
      'Disable unquantified-result for this story',
    ]);
    assert.strictEqual(result[0].isPreferred, false, 'a suggestion, for the user to finish');
    await apply(result[0]);
    assert.strictEqual(editor.document.lineAt(18).text, 'Viewers liked the new search, and the product team adopted it.');
    assert.strictEqual(editor.document.lineAt(20).text, 'This moved [metric] from [X] to [Y].');
    const personal = await actionsFor(uri, 'missing-personal-role', false);
    await apply(personal.find((a) => a.title === 'Disable missing-personal-role for this line'));
    assert.strictEqual(editor.document.lineAt(13).text, '## Action <!-- star-coach-disable-line missing-personal-role -->');
    await waitFor('the disabled finding to go', () => !starDiagnostics(uri).some((d) => ruleOf(d) === 'missing-personal-role'));
    const still = await actionsFor(uri, 'unquantified-result', false);
    await apply(still.find((a) => a.title === 'Disable unquantified-result for this story'));
    assert.strictEqual(editor.document.lineAt(6).text, '<!-- star-coach-disable-file unquantified-result -->');
    await waitFor('no findings left', () => starDiagnostics(uri).length === 0);
  });

  it('offers each fix once on an empty story, each inserts what it says, and Fix All leaves a valid story', async () => {
    const uri = storyUri('empty-story.star.md');
    await writeFile(uri, '');
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await waitFor('the empty story\'s findings', () => starDiagnostics(uri).length === 5);
      // The first lint of a window can lag its diagnostics: asked again until the findings are in.
      const menu = await waitFor('the quick fix menu', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.QuickFix.value);
        return actions.some((a) => a.title.startsWith('Insert ')) && actions;
      });
      const titles = menu.map((a) => a.title);
      console.log(`      quick fix menu on an empty story: ${titles.length} entries`);
      // VS Code lists the preferred fixes first, then the suggestions.
      assert.deepStrictEqual(titles, [
        'Insert a Situation section',
        'Insert a Task section',
        'Insert an Action section',
        'Insert a Result section',
        'Add front matter (title and lps)',
        'Disable invalid-front-matter for this line',
        'Disable missing-section for this line',
        'Disable invalid-front-matter for this story',
        'Disable missing-section for this story',
      ]);
      await apply(menu.find((a) => a.title === 'Insert an Action section'));
      assert.match(editor.document.getText(), /^## Action\n\n<!-- [^\n]+ -->\n$/);
      await apply(menu.find((a) => a.title === 'Add front matter (title and lps)'));
      assert.match(editor.document.getText(), /^---\ntitle: \nlps: \[\]\n---\n\n## Action\n/);
      assert.ok(await vscode.commands.executeCommand('starCoach.fixAll'));
      const text = editor.document.getText();
      for (const heading of ['Situation', 'Task', 'Action', 'Result']) assert.strictEqual(text.split(`## ${heading}\n`).length, 2, `one ${heading}:\n${text}`);
      assert.strictEqual(text.match(/^title:/gm)?.length, 1, text);
      assert.strictEqual(text.match(/^lps:/gm)?.length, 1, text);
      assert.doesNotMatch(text, /[^\n]\n#|[^\n]\n\n\n#/, `a blank line, one, before each heading:\n${text}`);
      assert.match(text, /\n---\n\n## Situation\n\n<!-- [^\n]+ -->\n\n## Task\n\n<!-- [^\n]+ -->\n\n## Action\n\n<!-- [^\n]+ -->\n\n## Result\n\n<!-- [^\n]+ -->\n$/, text);
    } finally {
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
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
    assert.match(text, /## Task\n\n<!-- What were you, personally, responsible for\? -->\n\n## Action/);
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

  it('outlines a heading-style story once (Markdown\'s headings) and a label-style story by STAR section', async () => {
    const flatten = (symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
    const outline = async (uri: vscode.Uri) => flatten((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []);
    const named = (symbols: vscode.DocumentSymbol[], section: string) => symbols.filter((s) => new RegExp(`^(#+\\s*)?${section}$`).test(s.name));

    const editor = await openStory('strong.star.md');
    // Markdown's outline arrives once its extension has started.
    const headings = await waitFor('Markdown\'s outline', async () => {
      const symbols = await outline(editor.document.uri);
      return named(symbols, 'Situation').length > 0 && symbols;
    });
    for (const section of ['Situation', 'Task', 'Action', 'Result']) assert.strictEqual(named(headings, section).length, 1, `${section} once: ${headings.map((s) => s.name).join(' | ')}`);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
    for (const [start, end] of [[0, 5], [7, 8], [13, 16]]) assert.ok(folds.some((f) => f.start === start && f.end === end), `fold ${start}-${end}`);

    const labels = storyUri('labels.star.md');
    await writeFile(labels, '---\ntitle: Automated the on-call handover\nlps: [Invent and Simplify]\n---\nSituation: A 40-minute handover every Monday.\n\nTask: I wanted the hour back.\n\n**Action:** I wrote a bot that summarised open incidents.\n\nResult: Handover fell from 40 minutes to 10.\n');
    try {
      await vscode.window.showTextDocument(labels);
      const symbols = await waitFor('the label outline', async () => {
        const all = await outline(labels);
        return named(all, 'Result').length > 0 && all;
      });
      assert.deepStrictEqual(symbols.map((s) => s.name), ['Automated the on-call handover', 'Situation', 'Task', 'Action', 'Result']);
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(labels);
    }
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

  it('links each finding to its rule in the rules\' docs the extension makes, opened in VS Code at that rule', async () => {
    const editor = await openStory('weak-draft.star.md');
    const diagnostic = await waitFor('an unquantified-result finding', () => starDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'unquantified-result'));
    const target = (diagnostic.code as { value: string; target: vscode.Uri }).target;
    assert.ok(!/^https?$/.test(target.scheme), `not a web address: ${target.toString()}`);
    assert.ok(target.scheme !== 'file' && target.path.endsWith('/docs/rules.md'), `the extension's own document of docs/rules.md: ${target.toString()}`);
    // What a click on the code in the hover or the Problems panel does: VS Code's opener.
    const opened = new Promise<vscode.TextEditor>((resolve) => {
      const listener = vscode.window.onDidChangeActiveTextEditor((e) => e?.document.uri.path.endsWith('/docs/rules.md') && (listener.dispose(), resolve(e)));
    });
    await vscode.commands.executeCommand('vscode.open', target);
    const docs = await opened;
    assert.strictEqual(docs.document.lineAt(docs.selection.active.line).text, '## unquantified-result', 'at the rule');
    // Then shown as the Markdown preview, in place of the text.
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    await waitFor('the rules preview', () => tabs().some((t) => t.input instanceof vscode.TabInputWebview && /Preview rules\.md/.test(t.label))).catch((e) => { throw new Error(`${e.message}: ${tabs().map((t) => `${t.label} ${t.input?.constructor.name}`).join(' | ')}`); });
    await waitFor('the text closed', () => !tabs().some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/docs/rules.md')));
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

describe('a New Story file is a draft in a real VS Code', () => {
  afterEach(closeAll);

  interface Coverage {
    counts(): Map<string, number>;
    readiness(goal: number): { stories: number; drafts: number };
    get(id: string): { check?: { draft: boolean } } | undefined;
  }
  interface Views {
    index: { settled(): Promise<void>; coverage: Coverage };
    coverage: vscode.TreeDataProvider<{ kind: string; coverage?: { lp: { id: string } } }>;
    stories: vscode.TreeDataProvider<{ kind: string; label?: string }> & { set(groupBy: string, filter: string): Promise<void>; groupBy: string; filter: string };
  }

  it('lists a fresh story as a draft, counts it toward no LP, and counts it once something is written', async () => {
    const { views } = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { views: Views };
    await views.index.settled();
    const coverage = views.index.coverage;
    const ownershipBefore = coverage.counts().get('ownership')!;
    const before = coverage.readiness(3);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starCoach.newStory', { lpIds: ['ownership'], level: 'L6', title: 'Took over the release pipeline' });
    const { groupBy, filter } = views.stories;
    try {
      await waitFor('the story checked as a draft', () => coverage.get(uri.toString())?.check?.draft === true);
      assert.strictEqual(coverage.counts().get('ownership'), ownershipBefore, 'a draft counts toward no LP');
      assert.deepStrictEqual([coverage.readiness(3).stories, coverage.readiness(3).drafts], [before.stories, before.drafts + 1]);
      // The sidebar: the LP row says a draft waits; the Stories view groups it as a Draft.
      const lps = (await views.coverage.getChildren()) ?? [];
      const row = await views.coverage.getTreeItem(lps.find((n) => n.coverage?.lp.id === 'ownership')!);
      assert.match(String(row.label), new RegExp(`^${ownershipBefore}/\\d+ Ownership$`));
      assert.match(String(row.description), /^\+1 draft/);
      await views.stories.set('status', 'all');
      const groups = (await views.stories.getChildren()) ?? [];
      const draftGroup = groups.find((g) => g.label === 'Draft');
      assert.ok(draftGroup, groups.map((g) => g.label).join(', '));
      const draftRows = await Promise.all(((await views.stories.getChildren(draftGroup)) ?? []).map((n) => views.stories.getTreeItem(n)));
      const draftRow = draftRows.find((r) => r.label === 'Took over the release pipeline');
      assert.match(String(draftRow?.description), /^draft · L6 · Ownership/);
      // The problems it shows: four empty parts, nothing a prompt could have raised or satisfied.
      await new Promise((r) => setTimeout(r, 600));
      const problems = await waitFor('the four empty parts', () => {
        const found = starDiagnostics(uri);
        return found.filter((d) => / is empty\./.test(d.message)).length === 4 && found;
      });
      assert.deepStrictEqual(problems.map(ruleOf), ['missing-section', 'missing-section', 'missing-section', 'missing-section']);

      // Typed over the selected Situation prompt, and saved: now it is a story.
      const editor = vscode.window.activeTextEditor!;
      assert.match(editor.document.getText(editor.selection), /^<!-- .+ -->$/);
      await editor.edit((b) => b.replace(editor.selection, 'I took over a release pipeline that failed 9 deploys a month.'));
      await editor.document.save();
      await waitFor('the story counted', () => coverage.counts().get('ownership') === ownershipBefore + 1);
      assert.deepStrictEqual([coverage.readiness(3).stories, coverage.readiness(3).drafts], [before.stories + 1, before.drafts]);
      assert.strictEqual(coverage.get(uri.toString())?.check?.draft, false);
    } finally {
      await views.stories.set(groupBy, filter);
      await closeAll();
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(uri);
      await vscode.workspace.applyEdit(remove);
    }
  });
});

describe('New Story with hostile input in a real VS Code', () => {
  afterEach(closeAll);

  interface Api {
    views: { index: { settled(): Promise<void>; coverage: { get(id: string): { title: string; lpIds: string[] } | undefined } } };
    newStory: { lpPicker: (vscode.QuickPick<vscode.QuickPickItem & { lp: { id: string; name: string } }>) | undefined };
  }
  const api = async () => (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as Api;

  it('writes a title with ": ", " #", quotes and brackets so that it reads back whole, with no front matter problem', async () => {
    const { views } = await api();
    const title = `Fixed it: the #1 "bug" - [really] & {more} *now* !`;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starCoach.newStory', { lpIds: ['are-right-a-lot', 'dive-deep'], level: 'L6', title });
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^---\ntitle: .+\nlps: \["Are Right, A Lot", Dive Deep\]\nlevel: L6\noutcome: success\n---\n/);
      const summary = await waitFor('the story counted', () => views.index.coverage.get(uri.toString()));
      assert.strictEqual(summary.title, title, 'the title as the user typed it');
      assert.deepStrictEqual(summary.lpIds, ['are-right-a-lot', 'dive-deep']);
      await views.index.settled();
      await new Promise((r) => setTimeout(r, 600)); // past the diagnostics' debounce
      const problems = starDiagnostics(uri).map(ruleOf);
      assert.ok(!problems.includes('invalid-front-matter'), problems.join(', '));
      assert.ok(!problems.includes('unknown-lp'), problems.join(', '));
    } finally {
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(uri);
      await vscode.workspace.applyEdit(remove);
    }
  });

  it('reads back every title YAML could misread: ": ", " #", quotes, a leading "-", "[", "{", "*", "&", "!", "%", "@", a backtick, a newline', async () => {
    const { views } = await api();
    const titles = ['Cut it: by half', 'The #1 bug', `"Quoted" and 'single'`, '- starts like a list', '[starts like a list', '{starts like a map', '*starts like an alias', '&starts like an anchor', '!starts like a tag', '%starts like a directive', '@reserved at the start', '`a backtick` first', 'two\nlines'];
    for (const title of titles) {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('starCoach.newStory', { lpIds: ['frugality'], level: 'L6', title });
      try {
        const summary = await waitFor(`${JSON.stringify(title)} counted`, () => views.index.coverage.get(uri.toString()));
        assert.strictEqual(summary.title, title, JSON.stringify(title));
        assert.deepStrictEqual(summary.lpIds, ['frugality'], JSON.stringify(title));
        await waitFor(`${JSON.stringify(title)} checked`, () => starDiagnostics(uri).length > 0);
        const problems = starDiagnostics(uri).map(ruleOf);
        assert.ok(!problems.includes('invalid-front-matter'), `${JSON.stringify(title)}: ${problems.join(', ')}`);
      } finally {
        await closeAll();
        const remove = new vscode.WorkspaceEdit();
        remove.deleteFile(uri);
        await vscode.workspace.applyEdit(remove);
      }
    }
  });

  it('keeps the LPs in the order they were ticked, and refuses a fourth', async () => {
    const { newStory } = await api();
    const created = vscode.commands.executeCommand<vscode.Uri>('starCoach.newStory', { level: 'L6', title: 'Picked in order' });
    const picker = await waitFor('the LP picker', () => newStory.lpPicker);
    const tick = async (index: number) => {
      await vscode.commands.executeCommand('quickInput.first');
      for (let i = 0; i < index; i++) await vscode.commands.executeCommand('quickInput.next');
      const before = picker.selectedItems.length;
      await vscode.commands.executeCommand('quickInput.toggleCheckbox');
      await waitFor(`item ${index} toggled`, () => picker.selectedItems.length !== before || picker.title?.startsWith('At most'));
    };
    const items = picker.items;
    await tick(5);
    await tick(0);
    await tick(2);
    assert.match(picker.title ?? '', new RegExp(`1\\. ${items[5].label} \\(main\\) · 2\\. ${items[0].label} · 3\\. ${items[2].label}`));
    await tick(7);
    assert.match(picker.title ?? '', /^At most 3 Leadership Principles/);
    await waitFor('the fourth undone', () => picker.selectedItems.length === 3);
    await vscode.commands.executeCommand('quickInput.accept');
    const uri = await created;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const lps = /^lps: (.*)$/m.exec(text)?.[1];
      assert.strictEqual(lps, `[${[items[5], items[0], items[2]].map((i) => (i.label.includes(',') ? `"${i.label}"` : i.label)).join(', ')}]`, 'the main LP first, then in the order picked');
    } finally {
      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(uri);
      await vscode.workspace.applyEdit(remove);
    }
  });
});

describe('story skeletons in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAll();
  });

  /** The snippet completions offered there (words from open files are completions too, of another kind). */
  const labelsAt = async (uri: vscode.Uri, position: vscode.Position) => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  };

  it('offers no star skeleton in a plain Markdown file', async () => {
    const notes = vscode.Uri.joinPath(storyUri('x'), '..', '..', 'notes.md');
    await writeFile(notes, 'star\n');
    try {
      await vscode.window.showTextDocument(notes);
      const labels = await labelsAt(notes, new vscode.Position(0, 4));
      assert.deepStrictEqual(labels.filter((l) => /^star/.test(l)), [], labels.join(', '));
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(notes);
    }
  });

  it('lists the skeletons in a new .star.md on Ctrl+Space, and inserts one', async () => {
    const uri = storyUri('skeleton.star.md');
    await writeFile(uri, '');
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'star'));
      const labels = await labelsAt(uri, new vscode.Position(0, 4));
      for (const prefix of ['star', 'star-dive-deep', 'star-dive-deep-l7']) assert.ok(labels.includes(prefix), `${prefix} in ${labels.slice(0, 5).join(', ')}`);
      // What Ctrl+Space does: the suggest widget opens; Enter takes the best match, the generic skeleton.
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((r) => setTimeout(r, 1000));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await waitFor('the skeleton inserted', () => editor.document.getText().startsWith('---\ntitle: Story title\nlps: [Dive Deep]\nlevel: L6\n'));
      assert.match(editor.document.getText(), /\n## Situation\n\n.+\n\n## Task\n/);
    } finally {
      // Reverted first: an unsaved story would stay in the bank after its file is gone.
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });
});
