import * as vscode from 'vscode';
import { allLps, type Lp } from '../../core/catalog';
import type { Level } from '../../core/parse/frontMatter';
import { describePicks, MAX_PICKED_LPS, nextPickOrder } from '../../core/pickOrder';
import { slugify, storyTemplate } from '../../core/templates';
import { COMMANDS, SETTINGS } from '../constants';

/** What New Story shows while it asks: the integration tests drive the real LP picker through it. */
export interface NewStoryFeature {
  lpPicker: vscode.QuickPick<vscode.QuickPickItem & { lp: Lp }> | undefined;
}

/**
 * "STAR Coach: New Story": pick the LPs and the level, name it, and get `<slug>.star.md` from the
 * story template, opened with the cursor in the Situation. Arguments let other features prefill it.
 */
export function registerNewStory(context: vscode.ExtensionContext): NewStoryFeature {
  const feature: NewStoryFeature = { lpPicker: undefined };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newStory, async (prefill?: { lpIds?: string[]; level?: Level; title?: string }) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showInformationMessage('STAR Coach: open a folder for your story bank first.');
        return undefined;
      }
      const settings = vscode.workspace.getConfiguration(SETTINGS.section, folder.uri);
      const lps = prefill?.lpIds ? prefill.lpIds.flatMap((id) => allLps().filter((lp) => lp.id === id)) : await pickLps(feature);
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
  return feature;
}

type LpItem = vscode.QuickPickItem & { lp: Lp };

const PICK_TITLE = 'New STAR story: pick 1 to 3 Leadership Principles, the main one first';

/**
 * The LPs in the order they were ticked, the first being the story's primary LP. A multi-select
 * list reports its selection in list order, so the order of picking is kept from one change to the
 * next; a fourth pick is undone and the title says why.
 */
function pickLps(feature: NewStoryFeature): Promise<Lp[] | undefined> {
  const picker = vscode.window.createQuickPick<LpItem>();
  picker.title = PICK_TITLE;
  picker.placeholder = 'Type to filter; Space or a click ticks an LP; Enter when done';
  picker.canSelectMany = true;
  picker.matchOnDescription = true;
  picker.items = allLps().map((lp) => ({ label: lp.name, description: lp.summary, lp }));
  let picked: LpItem[] = [];
  const showPicks = (problem?: string) => {
    const names = describePicks(picked.map((item) => item.lp.name));
    picker.title = problem ? (names ? `${problem} (${names})` : problem) : names ? `New STAR story: ${names}` : PICK_TITLE;
  };
  feature.lpPicker = picker;
  return new Promise((resolve) => {
    let done = false;
    const finish = (lps: Lp[] | undefined) => {
      if (done) return;
      done = true;
      resolve(lps);
      picker.dispose();
      if (feature.lpPicker === picker) feature.lpPicker = undefined;
    };
    picker.onDidChangeSelection((selected) => {
      const order = nextPickOrder(picked, selected);
      if (order.length > MAX_PICKED_LPS) {
        // Undo the extra tick: the three already picked stay, in their order.
        picker.selectedItems = picked;
        showPicks(`At most ${MAX_PICKED_LPS} Leadership Principles: untick one to pick another`);
        return;
      }
      picked = order;
      showPicks();
    });
    picker.onDidAccept(() => {
      if (picked.length === 0) return showPicks('Pick at least one Leadership Principle');
      finish(picked.map((item) => item.lp));
    });
    picker.onDidHide(() => finish(undefined));
    picker.show();
  });
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
