import * as vscode from 'vscode';
import { entryLine, type PracticeEntry } from '../core/practice/log';

/**
 * Read, add, write through vscode.workspace.fs: for virtual workspaces and the browser. The line
 * has the same shape as on disk (`entryLine`: it starts on a fresh line). Throws what the file
 * system throws when the log cannot be written.
 */
export async function appendThroughWorkspaceFs(log: vscode.Uri, entry: PracticeEntry): Promise<void> {
  let old: Uint8Array = new Uint8Array();
  try {
    old = await vscode.workspace.fs.readFile(log);
  } catch {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(log, '..'));
  }
  const line = new TextEncoder().encode(entryLine(entry));
  const next = new Uint8Array(old.length + line.length);
  next.set(old);
  next.set(line, old.length);
  await vscode.workspace.fs.writeFile(log, next);
}

/** The web build's appendEntry: no Node, so always through the workspace file system. */
export const appendEntry = appendThroughWorkspaceFs;
