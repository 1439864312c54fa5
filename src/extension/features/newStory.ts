import * as vscode from 'vscode';
import { allLps, type Lp } from '../../core/catalog';
import type { Level } from '../../core/parse/frontMatter';
import { slugify, storyTemplate } from '../../core/templates';
import { COMMANDS, SETTINGS } from '../constants';

/**
 * "STAR Coach: New Story": pick the LPs and the level, name it, and get `<slug>.star.md` from the
 * story template, opened with the cursor in the Situation. Arguments let other features prefill it.
 */
export function registerNewStory(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newStory, async (prefill?: { lpIds?: string[]; level?: Level; title?: string }) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showInformationMessage('STAR Coach: open a folder for your story bank first.');
        return undefined;
      }
      const settings = vscode.workspace.getConfiguration(SETTINGS.section, folder.uri);
      const lps = prefill?.lpIds ? prefill.lpIds.flatMap((id) => allLps().filter((lp) => lp.id === id)) : await pickLps();
      if (!lps || lps.length === 0) return undefined;
      const level = prefill?.level ?? (await pickLevel(settings.get<string>(SETTINGS.targetLevel, 'L6') as Level));
      if (!level) return undefined;
      const title =
        prefill?.title ??
        (await vscode.window.showInputBox({
          title: 'New STAR story',
          prompt: 'A short title that reminds you of the story',
          placeHolder: 'Cut checkout latency before peak season',
          validateInput: (value) => (value.trim() ? undefined : 'Give the story a title'),
        }));
      if (!title?.trim()) return undefined;

      const directory = vscode.Uri.joinPath(folder.uri, ...settings.get<string>(SETTINGS.storiesFolder, 'stories').split(/[\\/]/).filter((part) => part && part !== '.' && part !== '..'));
      const uri = await freeName(directory, slugify(title));
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: false });
      edit.insert(uri, new vscode.Position(0, 0), storyTemplate({ title: title.trim(), lps, level }));
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showErrorMessage(`STAR Coach could not create ${vscode.workspace.asRelativePath(uri)}.`);
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument(uri);
      await document.save();
      const editor = await vscode.window.showTextDocument(document);
      const situation = document.getText().indexOf('## Situation\n\n');
      if (situation !== -1) {
        const line = document.positionAt(situation).line + 2;
        editor.selection = new vscode.Selection(line, 0, line, document.lineAt(line).text.length);
      }
      return uri;
    }),
  );
}

async function pickLps(): Promise<Lp[] | undefined> {
  const picked = await vscode.window.showQuickPick(
    allLps().map((lp) => ({ label: lp.name, description: lp.summary, lp })),
    { title: 'New STAR story: which Leadership Principles does it show? (pick 1 to 3, the main one first)', canPickMany: true, matchOnDescription: true },
  );
  return picked?.map((p) => p.lp);
}

async function pickLevel(target: Level): Promise<Level | undefined> {
  const levels: Array<{ label: Level; description: string }> = [
    { label: 'L6', description: 'Senior engineer or manager: team scope' },
    { label: 'L7', description: 'Principal or senior manager: organisation scope' },
    { label: 'L5', description: 'Mid-level' },
    { label: 'L8', description: 'Director or senior principal' },
  ];
  levels.sort((a, b) => Number(b.label === target) - Number(a.label === target));
  return (await vscode.window.showQuickPick(levels, { title: 'New STAR story: level' }))?.label;
}

/** `<slug>.star.md`, or `<slug>-2.star.md` and so on when that name is taken. */
async function freeName(directory: vscode.Uri, slug: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(directory, `${slug}${n === 1 ? '' : `-${n}`}.star.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}
