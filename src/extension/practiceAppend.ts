import * as vscode from 'vscode';
import type { PracticeEntry } from '../core/practice/log';
import { appendPracticeEntry } from '../node/practiceLog';
import { appendThroughWorkspaceFs } from './practiceAppend.web';

/**
 * Appends one practice entry. On disk it is a true append: two windows saving at once both land,
 * and a crash never costs an older entry. Virtual file systems have no append, so there it is
 * read, add, write (the web build uses only that; see esbuild.mjs).
 */
export async function appendEntry(log: vscode.Uri, entry: PracticeEntry): Promise<void> {
  if (log.scheme === 'file') await appendPracticeEntry(log.fsPath, entry);
  else await appendThroughWorkspaceFs(log, entry);
}
