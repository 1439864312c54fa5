import * as vscode from 'vscode';
import type { Listed } from '../core/walk';

/** A file's bytes through the workspace file system (the web build's only way; see fileSystem.ts). */
export function fileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return Promise.resolve(vscode.workspace.fs.readFile(uri));
}

/** A folder's entries through the workspace file system. */
export async function listFolder(uri: vscode.Uri): Promise<Listed[]> {
  return (await vscode.workspace.fs.readDirectory(uri)).map(([name, type]) => ({
    name,
    kind: type & vscode.FileType.Directory ? 'folder' : type & vscode.FileType.File ? 'file' : 'other',
    link: (type & vscode.FileType.SymbolicLink) !== 0,
  }));
}

/** `workspace.fs` cannot say where a link leads: no resolver (see fileSystem.ts). */
export function linkResolver(_root: vscode.Uri): ((uri: vscode.Uri) => Promise<string>) | undefined {
  return undefined;
}
