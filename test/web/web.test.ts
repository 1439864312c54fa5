import * as vscode from 'vscode';
import { waitFor } from '../integration/helpers';
import { equal, ok } from './check';

interface Api {
  views: { index: { settled(): Promise<void>; coverage: { size: number; counts(): Map<string, number> } } };
  expectations: { lastReport: { page: string; storyTitles: string[]; foreignElements: number } | undefined };
  mock: { session: { phase: string } | undefined; handleMessage(message: unknown): Promise<void> };
}

const root = () => vscode.workspace.workspaceFolders![0].uri;
const story = (name: string) => vscode.Uri.joinPath(root(), 'stories', name);

async function api(): Promise<Api> {
  return (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as Api;
}

describe('STAR Coach in the browser extension host (vscode.dev)', () => {
  it('runs from the browser entry on a virtual workspace', async () => {
    const extension = vscode.extensions.getExtension('star-coach.star-coach')!;
    await extension.activate();
    ok(extension.isActive);
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'the web UI');
    equal(root().scheme, 'vscode-test-web', 'a virtual file system');
  });

  it('lints a story as it opens', async () => {
    const document = await vscode.workspace.openTextDocument(story('weak-draft.star.md'));
    await vscode.window.showTextDocument(document);
    const rules = await waitFor('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'star-coach');
      return found.length > 0 && found.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
    });
    ok(rules.includes('missing-personal-role'), rules.join());
    ok(rules.includes('unquantified-result'), rules.join());
  });

  it('indexes the bank through vscode.workspace.fs', async () => {
    const { views } = await api();
    await views.index.settled();
    equal(views.index.coverage.size, 3);
    equal(views.index.coverage.counts().get('invent-and-simplify'), 2);
  });

  it('shows the Level Expectations page', async () => {
    const { expectations } = await api();
    await vscode.commands.executeCommand('starCoach.showExpectations', 'dive-deep');
    const report = await waitFor('the Dive Deep page', () => expectations.lastReport?.page === 'dive-deep' && expectations.lastReport, 25000).catch((e: Error) => { throw new Error(`${e.message}; last: ${JSON.stringify(expectations.lastReport)}; rejected ${(expectations as unknown as { rejected: number }).rejected}`); });
    equal(report.storyTitles, ['Cut checkout latency before peak season']);
    equal(report.foreignElements, 0);
  });

  it('writes the practice log through vscode.workspace.fs', async () => {
    const { mock } = await api();
    await vscode.commands.executeCommand('starCoach.startMock', { questionId: 'dive-deep-02' });
    await mock.handleMessage({ type: 'action', action: 'done' });
    await mock.handleMessage({ type: 'tell', story: story('strong.star.md').toString() });
    await mock.handleMessage({ type: 'action', action: 'self-check' });
    await mock.handleMessage({ type: 'save', checks: { quantified: true } });
    const log = vscode.Uri.joinPath(root(), '.star-coach', 'practice.jsonl');
    try {
      const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(log)).trim().split('\n');
      equal(lines.length, 1);
      const entry = JSON.parse(lines[0]);
      equal([entry.questionId, entry.story, entry.checks.quantified], ['dive-deep-02', 'stories/strong.star.md', true]);
      equal(mock.session?.phase, 'saved');
    } finally {
      await mock.handleMessage({ type: 'action', action: 'cancel' });
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), '.star-coach'), { recursive: true });
    }
  });
});
