import * as assert from 'assert';
import { mkdtempSync, renameSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as vscode from 'vscode';
import { closeAll, openStory, ruleOf, setSetting, starDiagnostics, storyUri, waitFor, workspaceRoot, writeFile } from './helpers';

interface Views {
  index: { settled(): Promise<void>; coverage: { size: number; get(id: string): unknown } };
  coverage: vscode.TreeDataProvider<{ kind: string }>;
  stories: vscode.TreeDataProvider<{ kind: string }> & { set(groupBy: string, filter: string): Promise<void> };
  coverageView: vscode.TreeView<unknown>;
}

async function views(): Promise<Views> {
  const api = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { views: Views };
  return api.views;
}

/** Each LP row by LP name, read through the tree provider like the view does. */
async function rows(v: Views): Promise<Map<string, vscode.TreeItem>> {
  const nodes = (await v.coverage.getChildren()) ?? [];
  const items = await Promise.all(nodes.map((n) => v.coverage.getTreeItem(n)));
  return new Map(nodes.map((n, i) => [(n as unknown as { coverage: { lp: { name: string } } }).coverage.lp.name, items[i]]));
}

/** The count at the start of an LP row's label ("2/3" of "2/3 Invent and Simplify"). */
async function count(v: Views, lp: string): Promise<string | undefined> {
  return /^(\d+\/\d+) /.exec(String((await rows(v)).get(lp)?.label ?? ''))?.[1];
}

describe('coverage sidebar in a real VS Code', () => {
  afterEach(closeAll);

  it('shows the 16 LPs with counts, icons and the stories under each', async () => {
    const v = await views();
    await v.index.settled();
    const lps = await rows(v);
    assert.strictEqual(lps.size, 16);
    const invent = lps.get('Invent and Simplify')!;
    assert.strictEqual(invent.label, '2/3 Invent and Simplify', 'the count first, where a narrow sidebar cannot cut it off');
    assert.strictEqual((invent.iconPath as vscode.ThemeIcon).id, 'circle-large-outline');
    assert.strictEqual(lps.get('Dive Deep')!.label, '1/3 Dive Deep');
    assert.strictEqual((lps.get('Think Big')!.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    const nodes = (await v.coverage.getChildren())!;
    const inventNode = nodes.find((n) => (n as unknown as { coverage: { lp: { id: string } } }).coverage.lp.id === 'invent-and-simplify')!;
    const children = await Promise.all(((await v.coverage.getChildren(inventNode)) ?? []).map((c) => v.coverage.getTreeItem(c)));
    assert.deepStrictEqual(children.map((c) => [c.label, String(c.description).split(' · ')[0]]), [
      ['Consolidated the revenue dashboards', 'primary'],
      ['Rebuilt search ranking', 'secondary'],
    ]);
    assert.match(String(children[0].description), /2 problems/);

    // A click opens the story.
    const item = children[1];
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor('the story to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('weak-draft.star.md'));
  });

  it('counts an unsaved edit to lps, and forgets it on revert', async () => {
    const v = await views();
    await v.index.settled();
    const editor = await openStory('strong.star.md');
    await editor.edit((b) => b.replace(editor.document.lineAt(2).range, 'lps: [Frugality]'));
    await waitFor('the unsaved lps to count', async () => (await count(v, 'Frugality')) === '1/3' && (await count(v, 'Dive Deep')) === '0/3');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the file on disk to count again', async () => (await count(v, 'Frugality')) === '0/3' && (await count(v, 'Dive Deep')) === '1/3');
  });

  it('follows a rename', async () => {
    const v = await views();
    await v.index.settled();
    const from = storyUri('strong.star.md');
    const to = storyUri('strong-renamed.star.md');
    await vscode.workspace.fs.rename(from, to);
    try {
      await waitFor('the renamed story', () => v.index.coverage.get(to.toString()) !== undefined && v.index.coverage.get(from.toString()) === undefined);
      assert.strictEqual(await count(v, 'Dive Deep'), '1/3');
    } finally {
      await vscode.workspace.fs.rename(to, from);
    }
    await waitFor('the name back', () => v.index.coverage.get(from.toString()) !== undefined);
  });

  it('follows a folder renamed in VS Code and a folder moved in from outside the workspace', async () => {
    const v = await views();
    await v.index.settled();
    const story = (title: string) => `---\ntitle: ${title}\nlps: [Bias for Action]\n---\n## Result\nShipped in 2 days.\n`;
    const team = vscode.Uri.joinPath(workspaceRoot(), 'stories', 'team');
    await writeFile(vscode.Uri.joinPath(team, 'one.star.md'), story('One'));
    await writeFile(vscode.Uri.joinPath(team, 'two.star.md'), story('Two'));
    await waitFor('the team folder', async () => (await count(v, 'Bias for Action')) === '2/3');

    // Renamed through VS Code (the Explorer does the same): both stories follow the folder.
    const renamed = vscode.Uri.joinPath(workspaceRoot(), 'stories', 'squad');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(team, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const inSquad = vscode.Uri.joinPath(renamed, 'one.star.md').toString();
    await waitFor('the stories under the new name', () => v.index.coverage.get(inSquad) !== undefined && v.index.coverage.get(vscode.Uri.joinPath(team, 'one.star.md').toString()) === undefined);
    assert.strictEqual(await count(v, 'Bias for Action'), '2/3');

    // Moved in by another program: the watcher reports the folder, and the index walks it.
    const outside = mkdtempSync(join(tmpdir(), 'star-coach-outside-'));
    writeFileSync(join(outside, 'three.star.md'), story('Three'));
    const movedIn = vscode.Uri.joinPath(workspaceRoot(), 'stories', 'moved');
    renameSync(outside, movedIn.fsPath);
    try {
      await waitFor('the story moved in', async () => (await count(v, 'Bias for Action')) === '3/3', 15000);
    } finally {
      await vscode.workspace.fs.delete(renamed, { recursive: true });
      await vscode.workspace.fs.delete(movedIn, { recursive: true });
    }
    await waitFor('the folders gone', async () => (await count(v, 'Bias for Action')) === '0/3');
  });

  it('keeps stories created in an excluded folder out', async () => {
    const v = await views();
    await v.index.settled();
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/archive': true }, vscode.ConfigurationTarget.Workspace);
    const archived = vscode.Uri.joinPath(workspaceRoot(), 'stories', 'archive', 'old.star.md');
    const kept = storyUri('kept.star.md');
    try {
      await v.index.settled();
      await writeFile(archived, '---\ntitle: Old\nlps: [Frugality]\n---\n## Result\nI cut the bill by 10%.\n');
      await writeFile(kept, '---\ntitle: Kept\nlps: [Earn Trust]\n---\n## Result\nI won the team back in 3 weeks.\n');
      await waitFor('the story outside the excluded folder', async () => (await count(v, 'Earn Trust')) === '1/3');
      await v.index.settled();
      assert.strictEqual(v.index.coverage.get(archived.toString()), undefined);
      assert.strictEqual(await count(v, 'Frugality'), '0/3');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(archived, '..'), { recursive: true });
      await vscode.workspace.fs.delete(kept);
      await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the bank as it was', () => v.index.coverage.size === 3);
  });

  it('stays exact through a storm of 1,000 files created and then deleted', async () => {
    const v = await views();
    await v.index.settled();
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'stories', 'storm');
    const started = Date.now();
    for (let i = 0; i < 1000; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, j) =>
          writeFile(vscode.Uri.joinPath(folder, `s${i + j}.star.md`), `---\ntitle: Storm ${i + j}\nlps: [Frugality, Earn Trust]\n---\n## Result\nSaved $${i + j}k.\n`),
        ),
      );
    }
    await waitFor('1,000 new stories', async () => (await count(v, 'Frugality')) === '1000/3' && (await count(v, 'Earn Trust')) === '1000/3', 60000);
    console.log(`      1,000 files written and indexed in ${Date.now() - started} ms`);
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await waitFor('the storm to be gone', async () => (await count(v, 'Frugality')) === '0/3' && (await count(v, 'Earn Trust')) === '0/3', 60000);
    assert.strictEqual(await count(v, 'Invent and Simplify'), '2/3', 'the other stories untouched');
  });

  it('shows the badge of LPs below goal, and the goal follows the setting', async () => {
    const v = await views();
    await v.index.settled();
    await waitFor('a badge of 16', () => v.coverageView.badge?.value === 16);
    await setSetting('storiesPerLp', 1);
    try {
      await waitFor('a badge of 12', () => v.coverageView.badge?.value === 12);
      assert.strictEqual(await count(v, 'Dive Deep'), '1/1');
      await setSetting('showBadge', false);
      await waitFor('no badge', () => v.coverageView.badge === undefined);
    } finally {
      await setSetting('storiesPerLp', undefined);
      await setSetting('showBadge', undefined);
    }
  });

  it('groups and filters the Stories view', async () => {
    const v = await views();
    await v.index.settled();
    const labels = async (node?: { kind: string }) => Promise.all(((await v.stories.getChildren(node)) ?? []).map(async (n) => String((await v.stories.getTreeItem(n)).label)));
    await v.stories.set('status', 'all');
    assert.deepStrictEqual(await labels(), ['Needs work', 'Ready']);
    const [needsWork] = (await v.stories.getChildren())!;
    assert.deepStrictEqual(await labels(needsWork), ['Consolidated the revenue dashboards', 'Rebuilt search ranking']);
    await v.stories.set('lp', 'needsWork');
    assert.deepStrictEqual(await labels(), ['1 Customer Obsession', '2 Invent and Simplify'], 'grouped by LP, the count first');
    await v.stories.set('level', 'L7');
    assert.deepStrictEqual(await labels(), []);
    await v.stories.set('status', 'all');
  });

  it('counts an info finding as the Problems panel lists it: such a story is not "Ready"', async () => {
    const v = await views();
    await v.index.settled();
    const uri = storyUri('info-only.star.md');
    await writeFile(
      uri,
      '---\ntitle: Info only\nlps: [Frugality, Ownership, Dive Deep, Earn Trust, Think Big]\nlevel: L6\n---\n## Situation\nOur build farm cost too much.\n\n## Task\nI owned the budget for it.\n\n## Action\nI profiled the jobs and I cut idle runners, and I moved nightly builds to spot capacity.\n\n## Result\nCosts fell from $40k to $22k a month.\n\n## Learning\nI now review spend every month.\n',
    );
    try {
      await openStory('info-only.star.md');
      const listed = await waitFor('its finding in the Problems panel', () => {
        const found = starDiagnostics(uri);
        return found.length > 0 && found;
      });
      assert.deepStrictEqual(listed.map((d) => [ruleOf(d), d.severity]), [['too-many-lps', vscode.DiagnosticSeverity.Information]]);
      await v.stories.set('status', 'all');
      const labelOf = async (n: { kind: string }) => String((await v.stories.getTreeItem(n)).label);
      // The file watcher's event for the new story can arrive after the index last settled: wait for its row.
      const underNeedsWork = async () => {
        await v.index.settled();
        const groups = (await v.stories.getChildren())!;
        const needsWork = groups[(await Promise.all(groups.map(labelOf))).indexOf('Needs work')];
        const row = needsWork ? await Promise.all(((await v.stories.getChildren(needsWork)) ?? []).map((n) => v.stories.getTreeItem(n))) : [];
        const item = row.find((i) => i.label === 'Info only');
        return item && { needsWork, item };
      };
      const { needsWork, item } = await waitFor('the story under Needs work, not Ready', underNeedsWork);
      assert.match(String(item.description), /1 problem\b/);
      assert.match((item.tooltip as vscode.MarkdownString).value, /1 problem in the Problems panel/);
      assert.match(String((await v.stories.getTreeItem(needsWork)).tooltip), /error, warning or info/, 'the group says what it means');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the bank as it was', () => v.index.coverage.size === 3);
  });

  it('shows the welcome view (an empty tree) when no story is left, as with files.exclude', async () => {
    const v = await views();
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/*.star.md': true }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('an empty index', () => v.index.coverage.size === 0);
      assert.deepStrictEqual(await v.coverage.getChildren(), []);
    } finally {
      await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the stories back', () => v.index.coverage.size === 3, 15000).catch((e) => {
      throw new Error(`${e.message}: ${v.index.coverage.size} stories`);
    });
  });
});
