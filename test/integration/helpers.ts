import * as vscode from 'vscode';

export const workspaceRoot = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
export const storyUri = (name: string): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'stories', name);

/** Polls until the check returns a value that is not undefined/false, or fails after the timeout. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function starDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'star-coach');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** "rule@line:col-line:col" for compact, exact assertions. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${ruleOf(d)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}:${vscode.DiagnosticSeverity[d.severity]}`;
}

export async function openStory(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(storyUri(name));
  return vscode.window.showTextDocument(document);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Writes a file through the workspace file system (the tests' own fixtures, not the extension). */
export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('starCoach').update(key, value, vscode.ConfigurationTarget.Workspace);
}
