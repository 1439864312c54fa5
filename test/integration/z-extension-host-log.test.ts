import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, openStory, storyUri, waitFor, workspaceRoot, writeFile } from './helpers';

interface Api {
  views: { index: { settled(): Promise<void> } };
  log: { uri: vscode.Uri };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The extension host's own log: the folder above the extension's log folder holds it. */
async function extensionHostLog(api: Api): Promise<string> {
  const folder = vscode.Uri.joinPath(api.log.uri, '..');
  for (const name of ['remoteexthost.log', 'exthost.log']) {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
    } catch {
      // the other name: desktop and remote hosts name it differently
    }
  }
  throw new Error(`no extension host log in ${folder.toString()}`);
}

/** Lines our extension caused: zod's navigator probe, a tree VS Code could not follow, or an error naming us. */
const OURS = /PendingMigrationError|No tree item with id|\[error\].*star-coach|star-coach.*\[error\]/i;

/** What the STAR Coach output channel has written so far. */
async function starCoachLog(api: Api): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(api.log.uri, 'STAR Coach.log'))).replace(/\r/g, '');
}

describe('the STAR Coach log in a real VS Code', () => {
  it('says what was scanned, and names a broken config file and its key once, in sentences', async () => {
    const api = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as Api;
    await api.views.index.settled();
    const config = vscode.Uri.joinPath(workspaceRoot(), '.starcoach.yaml');
    await writeFile(config, 'storiesPerLp: 2\nstoriesPerLp: 3\n');
    try {
      await openStory('strong.star.md');
      const notice = 'STAR Coach cannot use .starcoach.yaml: storiesPerLp appears twice (line 2). Stories are checked with the default rules until it is fixed.';
      const log = await waitFor('the notice in the log', async () => {
        const text = await starCoachLog(api).catch(() => '');
        return text.includes(notice) && text;
      });
      assert.match(log, /\[info\] STAR Coach \d+\.\d+\.\d+ is active in /);
      assert.match(log, /\[info\] Scanned [^:]+: 3 stories in \d+ ms\./);
      assert.match(log, /\[info\] Counted 3 stories/);
      assert.match(log, new RegExp(`\\[warning\\] ${notice.replace(/[.()]/g, '\\$&')}`));
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(config);
    }
  });
});

describe('the extension host log in a real VS Code (runs last)', () => {
  it('stays clean: no PendingMigrationError, no lost tree item, no error of ours', async () => {
    const api = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as Api;
    await api.views.index.settled();
    // Trees refreshed while hidden, then shown again: the case that lost its items.
    await vscode.commands.executeCommand('starCoach.stories.focus');
    await sleep(800);
    for (let i = 0; i < 4; i++) {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await sleep(300);
      const uri = storyUri(`log-${i}.star.md`);
      await writeFile(uri, `---\ntitle: Log ${i}\nlps: [Frugality]\n---\n## Result\nSaved some.\n`);
      await api.views.index.settled();
      await sleep(500);
      await vscode.commands.executeCommand('starCoach.stories.focus');
      await sleep(800);
      await vscode.workspace.fs.delete(uri);
      await sleep(50 * i);
      await vscode.commands.executeCommand('workbench.view.explorer');
      await sleep(800);
      await vscode.commands.executeCommand('starCoach.stories.focus');
      await sleep(800);
    }
    const log = await waitFor('the extension host log', () => extensionHostLog(api));
    const ours = log.split('\n').filter((line) => OURS.test(line));
    assert.deepStrictEqual(ours, []);
  });
});
