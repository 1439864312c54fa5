import * as assert from 'assert';
import * as vscode from 'vscode';
import { allQuestions } from '../../src/core/catalog';
import { drillQuestions, type DrillQuestion } from '../../src/core/drill/followUps';
import type { MatchResult } from '../../src/core/match/rank';
import { parseStory } from '../../src/core/parse/story';
import { closeAll, openStory, setSetting, storyUri, waitFor, workspaceRoot } from './helpers';

interface Report {
  page: string;
  storyTitles: string[];
  storyReasons: string[];
  followUps: string[];
  prepared: string[];
}
interface Mock {
  lastReport: Report | undefined;
  rejected: number;
  session: { question: { id: string; lps: string[] }; phase: string; paused: boolean; timeUp: boolean; suggestedStory: string | null } | undefined;
  storyDrill: { phase: string } | undefined;
  handleMessage(message: unknown): Promise<void>;
}
interface Api {
  views: { index: { settled(): Promise<void> }; coverage: vscode.TreeDataProvider<{ kind: string; coverage?: { lp: { id: string } } }> };
  mock: Mock;
}

async function api(): Promise<Api> {
  return (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as Api;
}

function shown(mock: Mock, what: string, check: (r: Report) => boolean): Promise<Report> {
  return waitFor(what, () => (mock.lastReport && check(mock.lastReport) ? mock.lastReport : undefined), 15000).catch((e: Error) => {
    throw new Error(`${e.message}; last report: ${JSON.stringify(mock.lastReport)}`);
  });
}

const logUri = () => vscode.Uri.joinPath(workspaceRoot(), '.star-coach', 'practice.jsonl');

/** The log's entries, oldest first. */
async function logEntries(): Promise<Array<Record<string, unknown>>> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(logUri()));
  return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
}

const PREPARED = 'From the tracing dashboard, a week each side.';

/**
 * strong.star.md open with a prepared follow-up added and not saved: the bank reads open stories
 * as edited. Returns the edited text; `revert` puts the file back as it was.
 */
async function openWithPreparedAnswer(): Promise<{ text: string; revert: () => Promise<void> }> {
  const editor = await openStory('strong.star.md');
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  await editor.edit((edit) => edit.insert(end, `\n\n## Follow-ups\n- Q: How did you measure the 900 ms? / A: ${PREPARED}\n`));
  return {
    text: editor.document.getText(),
    revert: async () => {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
  };
}

/** An LP row as the sidebar shows it: "1/3 Dive Deep · practised once". */
async function lpDescription(v: Api['views'], lpId: string): Promise<string> {
  const node = ((await v.coverage.getChildren()) ?? []).find((n) => n.coverage?.lp.id === lpId)!;
  const item = await v.coverage.getTreeItem(node);
  return [String(item.label), item.description].filter(Boolean).join(' · ');
}

describe('Start Mock Question in a real VS Code', () => {
  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.star-coach'), { recursive: true }).then(undefined, () => undefined);
    await setSetting('mockMinutes', undefined);
  });

  it('runs the whole flow: the matcher ranking with reasons, pause, the story told, its follow-ups, self-check, log entry', async () => {
    const { views, mock } = await api();
    await views.index.settled();
    const question = allQuestions().find((q) => q.id === 'dive-deep-02')!;
    const edited = await openWithPreparedAnswer();
    // The ranking "Which Story for This Question?" shows for the same question.
    const matched = (await vscode.commands.executeCommand<MatchResult[]>('starCoach.whichStory', question.text))!;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(matched[0].file, storyUri('strong.star.md').toString());

    await vscode.commands.executeCommand('starCoach.startMock', { lpId: 'dive-deep', questionId: 'dive-deep-02' });
    const answer = await shown(mock, 'the question with its stories', (r) => r.page === 'answer');
    assert.deepStrictEqual(answer.storyTitles, matched.slice(0, 5).map((r) => r.title), 'the same stories in the same order as Which Story');
    assert.deepStrictEqual(answer.storyReasons, matched.slice(0, 5).map((r) => r.reasons.join(' · ') || 'no match'), 'each with the reasons Which Story gives');
    assert.ok(answer.storyReasons[0].includes('primary LP Dive Deep'), answer.storyReasons[0]);
    assert.strictEqual(mock.session!.paused, false, 'the countdown runs');

    await mock.handleMessage({ type: 'action', action: 'pause' });
    assert.strictEqual(mock.session!.paused, true, 'paused');
    await mock.handleMessage({ type: 'action', action: 'resume' });
    assert.strictEqual(mock.session!.paused, false, 'running again');

    await mock.handleMessage({ type: 'action', action: 'done' });
    await shown(mock, 'which story was told', (r) => r.page === 'story');
    assert.strictEqual(mock.session!.suggestedStory, matched[0].file, 'the best ranked is offered');
    await mock.handleMessage({ type: 'tell', story: storyUri('strong.star.md').toString() });
    const expected = drillQuestions(parseStory(edited.text), { probes: question.followUps });
    assert.ok(expected[0].prepared, 'the edited story keeps a prepared answer for its first follow-up');
    const first = await shown(mock, "the story's first follow-up", (r) => r.page === 'follow-ups' && r.followUps.length === 1);
    assert.deepStrictEqual([first.followUps, first.prepared], [[expected[0].question], []], 'its prepared answer is not shown before the answer');
    await mock.handleMessage({ type: 'action', action: 'next-follow-up' });
    await mock.handleMessage({ type: 'action', action: 'answered' });
    await shown(mock, 'the prepared answer', (r) => r.prepared.length === 1);
    assert.deepStrictEqual(mock.lastReport!.prepared, [`Your prepared answer: ${PREPARED}`]);
    assert.strictEqual(mock.lastReport!.followUps.length, 1, 'no second follow-up before the first was answered');
    await mock.handleMessage({ type: 'action', action: 'next-follow-up' });
    await shown(mock, 'the second follow-up', (r) => r.followUps.length === 2);
    assert.deepStrictEqual(mock.lastReport!.followUps, [expected[0].question, expected[1].question]);
    await mock.handleMessage({ type: 'action', action: 'answered' });
    await mock.handleMessage({ type: 'action', action: 'self-check' });
    await shown(mock, 'the self-check', (r) => r.page === 'self-check');

    await mock.handleMessage({ type: 'save', checks: { quantified: true, saidI: true, showedLp: false, endedWithResult: true } });
    await shown(mock, 'the saved page', (r) => r.page === 'saved');
    const entries = await logEntries();
    assert.strictEqual(entries.length, 1);
    const entry = entries[0] as Record<string, unknown> & { seconds: number };
    assert.deepStrictEqual(
      { questionId: entry.questionId, lps: entry.lps, story: entry.story, checks: entry.checks, source: entry.source, limit: entry.limit, followUps: entry.followUps },
      {
        questionId: 'dive-deep-02',
        lps: ['dive-deep', 'customer-obsession'],
        story: 'stories/strong.star.md',
        checks: { quantified: true, saidI: true, showedLp: false, endedWithResult: true },
        source: 'vscode',
        limit: 120,
        followUps: [expected[0].question, expected[1].question],
      },
    );
    assert.ok(entry.seconds >= 0 && entry.seconds < 60);
    await waitFor('practice counts in the sidebar', async () => (await lpDescription(views, 'dive-deep')) === '1/3 Dive Deep · practised once');
    // The ranking now knows the story was told.
    const again = (await vscode.commands.executeCommand<MatchResult[]>('starCoach.whichStory', question.text))!;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.ok(again.find((r) => r.file === storyUri('strong.star.md').toString())!.reasons.includes('told today'), JSON.stringify(again));
    await mock.handleMessage({ type: 'action', action: 'cancel' });
    await edited.revert();
  });

  it('drills the open story with no question: its follow-ups, a prepared answer after each answer, and a log entry', async () => {
    const { mock } = await api();
    const edited = await openWithPreparedAnswer();
    const questions = (await vscode.commands.executeCommand<DrillQuestion[]>('starCoach.drillStory'))!;
    assert.deepStrictEqual(questions, drillQuestions(parseStory(edited.text)), 'the follow-ups of the story as edited');
    const first = await shown(mock, 'the drill', (r) => r.page === 'drill');
    assert.deepStrictEqual([first.followUps, first.prepared, first.storyTitles], [[questions[0].question], [], []]);
    await mock.handleMessage({ type: 'action', action: 'answered' });
    await shown(mock, 'the prepared answer', (r) => r.prepared.length === 1);
    await mock.handleMessage({ type: 'action', action: 'save-drill' });
    await shown(mock, 'saved', (r) => r.page === 'drill-saved');
    const entry = (await logEntries()).pop()!;
    assert.deepStrictEqual(
      { questionId: entry.questionId, lps: entry.lps, story: entry.story, followUps: entry.followUps, seconds: entry.seconds, limit: entry.limit },
      { questionId: null, lps: ['dive-deep', 'deliver-results'], story: 'stories/strong.star.md', followUps: [questions[0].question], seconds: 0, limit: 0 },
    );
    await mock.handleMessage({ type: 'action', action: 'cancel' });
    await waitFor('the drill to end', () => mock.storyDrill === undefined);
    await edited.revert();
  });

  it('asks which story was told when time is up, offers another question, and stops everything on close', async () => {
    const { mock } = await api();
    await setSetting('mockMinutes', 0.02); // 1.2 seconds
    await vscode.commands.executeCommand('starCoach.startMock', { lpId: 'earn-trust' });
    const first = mock.session!.question.id;
    assert.strictEqual(mock.session!.question.lps[0], 'earn-trust', first);
    await shown(mock, 'time up', (r) => r.page === 'story');
    assert.strictEqual(mock.session!.timeUp, true);
    await mock.handleMessage({ type: 'action', action: 'another' });
    await waitFor('another question', () => mock.session?.phase === 'answer' && mock.session.question.id !== first);
    assert.strictEqual(mock.session!.question.lps[0], 'earn-trust', 'the same filter');
    await mock.handleMessage({ type: 'action', action: 'cancel' });
    await waitFor('the session to end', () => mock.session === undefined);
    const before = mock.rejected;
    await mock.handleMessage({ type: 'action', action: 'rm -rf' });
    assert.strictEqual(mock.rejected, before + 1);
  });

  it('skips a damaged log line and keeps counting the rest', async () => {
    const { views } = await api();
    const good = { date: '2026-01-01T00:00:00.000Z', questionId: 'frugality-01', lps: ['frugality'], story: null, seconds: 90, limit: 120, checks: {}, source: 'cli' };
    await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(`${JSON.stringify(good)}\n{"date": "2026-01-0\n${JSON.stringify(good)}\n`));
    await waitFor('two Frugality sessions counted', async () => (await lpDescription(views, 'frugality')).endsWith('practised 2×'));
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.star-coach'), { recursive: true });
    await waitFor('no practice once the log is gone', async () => /^[01]\/3 Frugality$/.test(await lpDescription(views, 'frugality')));
  });
});

describe('mock questions at the target level in a real VS Code', () => {
  after(async () => {
    await closeAll();
    await setSetting('targetLevel', undefined);
  });

  /** Levels of ten questions in a row ("Another Question" each time), from the session's filter. */
  async function levels(mock: Mock): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const question = allQuestions().find((q) => q.id === mock.session!.question.id)!;
      seen.push(question.level);
      const before = mock.session!.question.id;
      await mock.handleMessage({ type: 'action', action: 'another' });
      await waitFor('another question', () => mock.session?.question.id !== before);
    }
    return seen;
  }

  it('serves Surprise Me and an LP of the sidebar only questions that fit starCoach.targetLevel', async () => {
    const { views, mock } = await api();
    await views.index.settled();
    await setSetting('targetLevel', 'L6');
    // Surprise Me, the first choice of the command's picker.
    const started = vscode.commands.executeCommand('starCoach.startMock');
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('quickInput.accept');
    await started;
    await waitFor('a question', () => mock.session);
    assert.ok((await levels(mock)).every((level) => level !== 'L7'), 'no L7-only question at L6');
    // Think Big from the sidebar: three of its seven questions are for L7 only.
    await setSetting('targetLevel', 'L7');
    const thinkBig = ((await views.coverage.getChildren()) ?? []).find((n) => n.coverage?.lp.id === 'think-big');
    await vscode.commands.executeCommand('starCoach.startMock', thinkBig);
    const seen = await levels(mock);
    assert.ok(seen.every((level) => level !== 'L6'), `no L6-only question at L7: ${seen.join(', ')}`);
    assert.ok(mock.session!.question.lps[0] === 'think-big');
    await mock.handleMessage({ type: 'action', action: 'cancel' });
  });
});
