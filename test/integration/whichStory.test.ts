import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DrillQuestion } from '../../src/core/drill/followUps';
import type { MatchResult } from '../../src/core/match/rank';
import type { LoopPlanProvider } from '../../src/extension/features/loopPlanView';
import { closeAll, openStory, storyUri, waitFor, writeFile } from './helpers';

describe('which story for this question, in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAll();
  });

  it('ranks the workspace stories for a selected question, says why, and Enter opens the best', async () => {
    // The question selected in a note of its own, as a user pastes it from an interview guide.
    const question = 'Tell me about a time you dug into latency data to find a problem.';
    const note = await vscode.workspace.openTextDocument({ content: `Questions\n${question}\n`, language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(note);
    editor.selection = new vscode.Selection(1, 0, 1, question.length);
    const results = await vscode.commands.executeCommand<MatchResult[]>('starCoach.whichStory');
    assert.ok(results && results.length === 3, JSON.stringify(results));
    assert.strictEqual(results[0].file, storyUri('strong.star.md').toString());
    assert.ok(results[0].reasons.some((r) => /Dive Deep/.test(r)), results[0].reasons.join('; '));
    assert.ok(results[0].reasons.some((r) => /shares .*"latency"/.test(r)), results[0].reasons.join('; '));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the best story open', () => vscode.window.activeTextEditor?.document.uri.toString() === storyUri('strong.star.md').toString());
    // The note is unsaved: revert it, so that closing it asks nothing.
    await vscode.window.showTextDocument(note);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('ranks under the LP the user names, by name or id, and refuses a name no LP has', async () => {
    const question = 'Tell me about a project you are proud of.';
    for (const [lp, first, name] of [['Invent and Simplify', 'missing-task.star.md', 'Invent and Simplify'], ['dive-deep', 'strong.star.md', 'Dive Deep']]) {
      const results = await vscode.commands.executeCommand<MatchResult[]>('starCoach.whichStory', question, lp);
      assert.strictEqual(results?.[0].file, storyUri(first).toString(), `${lp}: ${JSON.stringify(results)}`);
      assert.ok(results[0].reasons.some((r) => r.startsWith(`primary LP ${name}`)), results[0].reasons.join('; '));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    assert.strictEqual(await vscode.commands.executeCommand('starCoach.whichStory', question, 'bias-for-speed'), undefined);
  });

  it('ranks each story by its words as they are now: a story added, rewritten on disk, edited unsaved, and deleted', async () => {
    const extra = storyUri('zz-airship.star.md');
    const told = (words: string) => `---\ntitle: The night shift handover\nlps: [Ownership]\n---\n## Situation\nOur night shift lost track of open work.\n\n## Task\nI owned the handover.\n\n## Action\nI wrote a handover note about the ${words} and walked each lead through it.\n\n## Result\nMissed tasks fell from 9 a week to 1.\n`;
    const firstFor = async (question: string) => {
      const results = await vscode.commands.executeCommand<MatchResult[]>('starCoach.whichStory', question);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return results ?? [];
    };
    const ranksFirst = (question: string, word: string) => async () => {
      const [best] = await firstFor(question);
      return best?.file === extra.toString() && best.reasons.some((r) => r.includes(`"${word}"`));
    };
    try {
      await firstFor('Tell me about a time you took ownership.'); // the bank's words read once, before the changes below
      await writeFile(extra, told('zeppelin hangar'));
      await waitFor('the new story ranked by its words', ranksFirst('Tell me about the zeppelin.', 'zeppelin'));
      await writeFile(extra, told('dirigible mooring'));
      await waitFor('the rewritten story ranked by its new words', ranksFirst('Tell me about the dirigible.', 'dirigible'));
      assert.ok(!(await firstFor('Tell me about the zeppelin.')).some((r) => r.reasons.some((reason) => reason.includes('"zeppelin"'))), 'the old words are forgotten');
      const editor = await vscode.window.showTextDocument(extra);
      assert.match(editor.document.lineAt(11).text, /dirigible/);
      await editor.edit((edit) => edit.replace(editor.document.lineAt(11).range, 'I wrote a handover note about the blimp and walked each lead through it.'));
      await waitFor('the unsaved edit ranked by its words', ranksFirst('Tell me about the blimp.', 'blimp'));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor('the edit undone: the story ranked by its words on disk again', ranksFirst('Tell me about the dirigible.', 'dirigible'));
    } finally {
      await vscode.workspace.fs.delete(extra);
    }
    await waitFor('the deleted story out of the ranking', async () => !(await firstFor('Tell me about the dirigible.')).some((r) => r.file === extra.toString()));
    // And out of the loop plan, which plans again once the stories settle.
    const api = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { loopPlan: LoopPlanProvider };
    await waitFor('the deleted story out of the loop plan', async () => !(await api.loopPlan.plan()).slots.some((s) => s.story?.summary.id === extra.toString()));
  });

  it('drills the open story with follow-ups on the numbers of its Result', async () => {
    await openStory('strong.star.md');
    const questions = await vscode.commands.executeCommand<DrillQuestion[]>('starCoach.drillStory');
    assert.ok(questions && questions.length > 0);
    assert.ok(questions.some((q) => q.kind === 'number'), JSON.stringify(questions));
    assert.ok(questions.some((q) => q.kind === 'probe'));
  });

  it('shows the loop plan in the sidebar: a distinct story per slot, gaps, and the story that would close one', async () => {
    const api = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { loopPlan: LoopPlanProvider };
    await vscode.commands.executeCommand('starCoach.loopPlan.focus');
    const plan = await api.loopPlan.plan();
    assert.strictEqual(plan.slots.length, 32);
    const told = plan.slots.flatMap((s) => (s.story ? [s.story.summary.id] : []));
    assert.strictEqual(told.length, 3, 'three stories in the workspace, each told once');
    assert.strictEqual(new Set(told).size, 3);
    assert.ok(plan.slots.find((s) => s.lp.id === 'dive-deep' && s.slot === 1)?.story?.summary.id.endsWith('/stories/strong.star.md'));
    assert.match(plan.suggestion?.text ?? '', /^A story showing .* would close one of the 29 gaps/);
    const nodes = await api.loopPlan.getChildren();
    assert.strictEqual(nodes.length, 33);
    // A gap says why: no story claims its LP, or every story that does fills another slot.
    const gapNode = nodes.find((n) => n.kind === 'slot' && !n.slot.story)!;
    assert.ok(gapNode.kind === 'slot');
    const gap = api.loopPlan.getTreeItem(gapNode);
    assert.strictEqual(gap.description, gapNode.slot.gap === 'unclaimed' ? `gap: no story claims ${gapNode.slot.lp.name} yet` : 'gap: its stories are all planned for other slots');
  });
});
