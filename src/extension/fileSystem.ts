import { readFile, promises as fs } from 'fs';
import * as vscode from 'vscode';
import type { Listed } from '../core/walk';
import { listNodeFolder } from '../node/walkFs';
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

export function listFolder(uri: vscode.Uri): Promise<Listed[]> {
  if (uri.scheme !== 'file') return workspaceFs.listFolder(uri);
  return listNodeFolder(uri.fsPath);
}

/**
 * How to resolve links for a walk from `root`: Node's realpath on disk; undefined elsewhere, where
 * `workspace.fs` cannot say where a link leads (the walk then follows no link inside a link).
 */
export function linkResolver(root: vscode.Uri): ((uri: vscode.Uri) => Promise<string>) | undefined {
  return root.scheme === 'file' ? (uri) => fs.realpath(uri.fsPath) : undefined;
}
