import { readFile, promises as fs } from 'fs';
import { join } from 'path';
import * as vscode from 'vscode';
import type { Listed } from '../core/walk';
import * as workspaceFs from './fileSystem.web';

/*
 * Reading the story bank. Files on disk are read with Node directly: in the extension host every
 * `workspace.fs` call first makes a round trip to the window (to make sure its provider is
 * active), so reading 10,000 stories took 2-5 s, and listing a folder waited on a busy window at
 * start-up. Every other scheme (remote, virtual, in-memory) goes through `workspace.fs`, as does
 * the whole web build (fileSystem.web.ts).
 */

export function fileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return workspaceFs.fileBytes(uri);
  return new Promise((resolve, reject) => readFile(uri.fsPath, (error, data) => (error ? reject(error) : resolve(data))));
}

export async function listFolder(uri: vscode.Uri): Promise<Listed[]> {
  if (uri.scheme !== 'file') return workspaceFs.listFolder(uri);
  const entries = await fs.readdir(uri.fsPath, { withFileTypes: true });
  return Promise.all(
    entries.map(async (entry): Promise<Listed> => {
      if (!entry.isSymbolicLink()) return { name: entry.name, kind: entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other', link: false };
      try {
        const target = await fs.stat(join(uri.fsPath, entry.name));
        return { name: entry.name, kind: target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other', link: true };
      } catch {
        return { name: entry.name, kind: 'other', link: true }; // a dangling link
      }
    }),
  );
}
