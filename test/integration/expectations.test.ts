import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RenderedReport } from '../../src/core/views/protocol';
import { closeAll, storyUri, waitFor, writeFile } from './helpers';

interface Panel {
  lastReport: RenderedReport | undefined;
  rejected: number;
  handleMessage(message: unknown): void;
}
interface Api {
  views: { index: { settled(): Promise<void> }; coverage: vscode.TreeDataProvider<{ kind: string; coverage?: { lp: { id: string } } }> };
  expectations: Panel;
}

async function api(): Promise<Api> {
  return (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as Api;
}

/** Waits until the webview itself reports a render that passes the check. */
function rendered(panel: Panel, what: string, check: (r: RenderedReport) => boolean, timeoutMs = 15000): Promise<RenderedReport> {
  return waitFor(what, () => (panel.lastReport && check(panel.lastReport) ? panel.lastReport : undefined), timeoutMs).catch((e: Error) => {
    throw new Error(`${e.message}; last report: ${JSON.stringify(panel.lastReport)}`);
  });
}

const HOSTILE_TITLE = `<img src=x onerror="document.documentElement.dataset.tampered=1"></script><script>document.documentElement.dataset.tampered=1</script>"><b onmouseover=x>`;

describe('Level Expectations panel in a real VS Code', () => {
  after(closeAll);

  it('opens at an LP from the sidebar menu and lists exactly the bank\'s stories for it', async () => {
    const { views, expectations } = await api();
    await views.index.settled();
    const nodes = (await views.coverage.getChildren())!;
    const invent = nodes.find((n) => n.coverage?.lp.id === 'invent-and-simplify');
    await vscode.commands.executeCommand('starCoach.showExpectations', invent);
    const report = await rendered(expectations, 'the Invent and Simplify page', (r) => r.page === 'invent-and-simplify');
    assert.deepStrictEqual(report.storyTitles, ['Consolidated the revenue dashboards', 'Rebuilt search ranking']);
    assert.strictEqual(report.foreignElements, 0);
  });

  it('navigates to another LP and to the readiness view', async () => {
    const { expectations } = await api();
    await vscode.commands.executeCommand('starCoach.showExpectations', 'dive-deep');
    const deep = await rendered(expectations, 'the Dive Deep page', (r) => r.page === 'dive-deep');
    assert.deepStrictEqual(deep.storyTitles, ['Cut checkout latency before peak season']);
    expectations.handleMessage({ type: 'navigate', page: 'readiness' });
    await rendered(expectations, 'the readiness page', (r) => r.page === 'readiness');
  });

  it('shows the LP asked for from the sidebar when the panel waits in a background tab', async () => {
    const { views, expectations } = await api();
    await vscode.commands.executeCommand('starCoach.showExpectations', 'dive-deep');
    await rendered(expectations, 'the Dive Deep page', (r) => r.page === 'dive-deep');
    // A story in front of the panel, in the same editor group: the panel's tab goes to the background.
    await vscode.window.showTextDocument(storyUri('strong.star.md'), { viewColumn: vscode.ViewColumn.Active, preview: false });
    await waitFor('the panel in the background', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputText);
    const nodes = (await views.coverage.getChildren())!;
    const invent = nodes.find((n) => n.coverage?.lp.id === 'invent-and-simplify');
    await vscode.commands.executeCommand('starCoach.showExpectations', invent);
    await rendered(expectations, 'the Invent and Simplify page', (r) => r.page === 'invent-and-simplify');
    // The page's own reload (it was hidden) must not bring back the page it showed last.
    await new Promise((r) => setTimeout(r, 1500));
    assert.strictEqual(expectations.lastReport?.page, 'invent-and-simplify');
  });

  it('follows a story change live', async () => {
    const { expectations } = await api();
    await vscode.commands.executeCommand('starCoach.showExpectations', 'think-big');
    await rendered(expectations, 'an empty Think Big page', (r) => r.page === 'think-big' && r.storyTitles.length === 0);
    const uri = storyUri('vision.star.md');
    await writeFile(uri, '---\ntitle: Set a three-year vision\nlps: [Think Big]\n---\n## Result\nAdopted by 12 teams.\n');
    try {
      await rendered(expectations, 'the new story on the page', (r) => r.page === 'think-big' && r.storyTitles.join() === 'Set a three-year vision');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await rendered(expectations, 'the story gone again', (r) => r.page === 'think-big' && r.storyTitles.length === 0);
  });

  it('opens a story of the bank on request, and nothing the bank does not hold', async () => {
    const { expectations } = await api();
    await closeAll();
    expectations.handleMessage({ type: 'open-story', story: storyUri('strong.star.md').toString() });
    await waitFor('the story to open', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('strong.star.md')));
    const before = expectations.rejected;
    expectations.handleMessage({ type: 'open-story', story: 'file:///etc/hostname' });
    expectations.handleMessage({ type: 'run-command', command: 'workbench.action.terminal.new' });
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path === '/etc/hostname'));
    assert.strictEqual(expectations.rejected, before + 1, 'the unknown message is refused');
  });

  it('shows hostile titles, LP entries, tags and bodies as plain text and runs none of them', async () => {
    const { expectations } = await api();
    const uri = storyUri('hostile.star.md');
    const yaml = JSON.stringify(HOSTILE_TITLE);
    await writeFile(
      uri,
      `---\ntitle: ${yaml}\nlps: [Earn Trust, ${yaml}, "javascript:alert(1)"]\ntags: [${yaml}, "<svg onload=alert(1)>"]\n---\n## Situation\n${HOSTILE_TITLE}\n## Action\n[link](javascript:document.documentElement.dataset.tampered=1)\n## Result\nSaved 10%.\n`,
    );
    try {
      await vscode.commands.executeCommand('starCoach.showExpectations', 'earn-trust');
      const report = await rendered(expectations, 'the hostile story on the page', (r) => r.page === 'earn-trust' && r.storyTitles.includes(HOSTILE_TITLE));
      assert.strictEqual(report.foreignElements, 0, 'no element of the payload was created');
      assert.strictEqual(report.tampered, false, 'no payload ran');
      expectations.handleMessage({ type: 'navigate', page: 'readiness' });
      const readiness = await rendered(expectations, 'the readiness page', (r) => r.page === 'readiness');
      assert.strictEqual(readiness.foreignElements + Number(readiness.tampered), 0);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});
