import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RenderedReport } from '../../src/core/views/protocol';
import type { LoopPlanProvider } from '../../src/extension/features/loopPlanView';
import { closeAll, storyUri, waitFor, workspaceRoot, writeFile } from './helpers';

interface Panel {
  lastReport: RenderedReport | undefined;
  lastPrintable: vscode.Uri | undefined;
  handleMessage(message: unknown): void;
}
interface Api {
  views: { index: { settled(): Promise<void> } };
  expectations: Panel;
  loopPlan: LoopPlanProvider;
}

async function api(): Promise<Api> {
  return (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as Api;
}

/** Waits until the Level Expectations webview itself reports a render of the plan page that passes the check. */
function planShown(panel: Panel, what: string, check: (r: RenderedReport) => boolean): Promise<RenderedReport> {
  return waitFor(what, () => (panel.lastReport?.page === 'plan' && check(panel.lastReport) ? panel.lastReport : undefined), 20000).catch((e: Error) => {
    throw new Error(`${e.message}; last report: ${JSON.stringify(panel.lastReport)}`);
  });
}

/** The three stories of the fixture workspace, each planned once. */
const FIXTURE_TITLES = ['Consolidated the revenue dashboards', 'Cut checkout latency before peak season', 'Rebuilt search ranking'];

const story = (title: string) => `---\ntitle: ${title}\nlps: [Think Big]\nlevel: L6\nyear: 2025\n---\n## Situation\nOur roadmap stopped at one quarter.\n## Task\nI owned the three-year plan.\n## Action\nI wrote the vision and won the directors over.\n## Result\nTwelve teams adopted it and delivery rose 30%.\n`;

describe('the Loop Plan page and cheat sheet in a real VS Code', () => {
  const added = ['plan-vision.star.md', 'plan-north-star.star.md', 'plan-platform.star.md', 'plan-roadmap.star.md', 'plan-vision-copy.star.md'].map((name) => storyUri(name));
  const log = () => vscode.Uri.joinPath(workspaceRoot(), '.star-coach');
  after(async () => {
    await closeAll();
    for (const uri of added) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(log(), { recursive: true }).then(undefined, () => undefined);
    // The suites after this one count the fixture's stories alone.
    const { loopPlan } = await api();
    await waitFor('the added stories gone from the plan', async () => (await loopPlan.plan()).slots.every((s) => !s.story || !s.story.summary.id.includes('/plan-')), 20000);
  });

  it('opens at the plan from "Show Loop Plan Page" and shows each planned story once, with its open button', async () => {
    const { views, expectations } = await api();
    await views.index.settled();
    await vscode.commands.executeCommand('starCoach.showLoopPlan');
    const report = await planShown(expectations, 'the plan page with the three stories', (r) => r.storyTitles.length === 3);
    assert.deepStrictEqual([...report.storyTitles].sort(), FIXTURE_TITLES);
    assert.strictEqual(report.foreignElements, 0);
    // A planned story opens from the page, as from the sidebar.
    expectations.handleMessage({ type: 'open-story', story: storyUri('strong.star.md').toString() });
    await waitFor('the story open', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === storyUri('strong.star.md').toString()));
  });

  it('follows a new story live, and drops it again when it is deleted', async () => {
    const { expectations } = await api();
    await vscode.commands.executeCommand('starCoach.showLoopPlan');
    await planShown(expectations, 'the plan page', (r) => r.storyTitles.length === 3);
    await writeFile(added[0], story('Set a three-year vision'));
    await planShown(expectations, 'the new story planned', (r) => r.storyTitles.includes('Set a three-year vision'));
    await vscode.workspace.fs.delete(added[0]);
    await planShown(expectations, 'the story gone again', (r) => !r.storyTitles.includes('Set a three-year vision') && r.storyTitles.length === 3);
  });

  it('tells a story kept in two files once, and the sidebar says which files', async () => {
    const { loopPlan } = await api();
    await writeFile(added[0], story('Set a three-year vision'));
    await writeFile(added[4], story('Set a three-year vision'));
    const plan = await waitFor('the copy seen', async () => {
      const current = await loopPlan.plan();
      return current.sameStory.length === 1 && current;
    });
    assert.strictEqual(plan.slots.filter((s) => s.story?.summary.title === 'Set a three-year vision').length, 1, 'planned once');
    assert.ok(!plan.slots.some((s) => s.backup?.summary.title === 'Set a three-year vision'), 'nor its copy a backup');
    const note = (await loopPlan.getChildren()).find((n) => n.kind === 'note');
    assert.ok(note);
    const item = loopPlan.getTreeItem(note);
    assert.strictEqual(item.label, '"Set a three-year vision" is in 2 files: planned once');
    assert.match(String(item.tooltip), /plan-vision\.star\.md/);
    assert.match(String(item.tooltip), /plan-vision-copy\.star\.md/);
    for (const uri of [added[0], added[4]]) await vscode.workspace.fs.delete(uri);
    await waitFor('both gone', async () => (await loopPlan.plan()).sameStory.length === 0);
  });

  it('plans a story practised in the practice log before an equal one never practised', async () => {
    const { expectations, loopPlan } = await api();
    await vscode.commands.executeCommand('starCoach.showLoopPlan');
    // Three equal Think Big stories for two slots: one of them waits as a backup.
    const titles = ['A north star for payments', 'A platform for every team', 'A roadmap past one quarter'];
    for (const [i, title] of titles.entries()) await writeFile(added[i + 1], story(title));
    await planShown(expectations, 'the three Think Big stories', (r) => titles.every((t) => r.storyTitles.includes(t)));
    const thinkBig = async () => (await loopPlan.plan()).slots.filter((s) => s.lp.id === 'think-big');
    const backup = await waitFor('a Think Big backup', async () => (await thinkBig()).find((s) => s.backup)?.backup);
    assert.strictEqual((await thinkBig()).filter((s) => s.story).length, 2);
    // The backup is rehearsed twice: now it is planned, and another one waits.
    const relative = vscode.workspace.asRelativePath(vscode.Uri.parse(backup.summary.id), false);
    const entry = (date: string) => JSON.stringify({ date, questionId: 'think-big-01', lps: ['think-big'], story: relative, seconds: 100, limit: 120, checks: {}, source: 'vscode' });
    await writeFile(vscode.Uri.joinPath(log(), 'practice.jsonl'), `${entry('2026-01-02T10:00:00.000Z')}\n${entry('2026-01-03T10:00:00.000Z')}\n`);
    await waitFor('the practised story planned', async () => (await thinkBig()).some((s) => s.story?.summary.id === backup.summary.id));
    const slots = await thinkBig();
    assert.strictEqual(slots.find((s) => s.story?.summary.id === backup.summary.id)?.story?.practiced, 2);
    assert.ok(slots.some((s) => s.backup && s.backup.summary.id !== backup.summary.id), 'another story is the backup now');
    await planShown(expectations, 'the page showing the practice', () => true);
  });

  it('opens the cheat sheet as an untitled Markdown document with the planned stories', async () => {
    const { loopPlan } = await api();
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('starCoach.openLoopPlanSheet');
    assert.ok(document.isUntitled);
    assert.strictEqual(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /^# Loop plan cheat sheet\n/);
    const planned = (await loopPlan.plan()).slots.flatMap((s) => (s.story ? [s.story.summary.title] : []));
    assert.ok(planned.length >= 5, planned.join());
    for (const title of [...FIXTURE_TITLES, ...planned]) assert.ok(text.includes(title), title);
    assert.match(text, /## Dive Deep\n\n\*\*Story 1:\*\* Cut checkout latency before peak season/);
    assert.match(text, /## Gaps\n/);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === document), 'the sheet is open in an editor');
    await waitFor('the Markdown preview beside it', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType))));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('prints through a page of its own, since the webview cannot print itself', async () => {
    const { expectations } = await api();
    await vscode.commands.executeCommand('starCoach.showLoopPlan');
    await planShown(expectations, 'the plan page', () => true);
    const before = expectations.lastPrintable;
    expectations.handleMessage({ type: 'print' });
    const file = await waitFor('the printable plan written', () => expectations.lastPrintable !== before && expectations.lastPrintable);
    const printable = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    assert.match(printable, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';/);
    assert.match(printable, /@media print/);
    for (const title of FIXTURE_TITLES) assert.ok(printable.includes(`<strong class="title">${title}</strong>`), title);
    assert.ok(!/<script|<button/.test(printable));
    // In a browser-hosted VS Code the system browser cannot reach that file: the Markdown sheet opens instead.
    if (vscode.env.uiKind === vscode.UIKind.Web) {
      const sheet = await waitFor('the Markdown sheet instead', () => vscode.window.visibleTextEditors.find((e) => e.document.isUntitled && e.document.getText().startsWith('# Loop plan cheat sheet')));
      // Unsaved: revert it, so that closing it asks nothing.
      await vscode.window.showTextDocument(sheet.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
