import * as vscode from 'vscode';
import type { Log } from '../core/log';
import type { Finding } from '../core/types';
import { Configuration } from './configuration';

/**
 * What the features share: the configuration, and the findings of each open story (so quick
 * fixes read the engine's fixes instead of hanging data on Diagnostic objects).
 */
export class StoryModel implements vscode.Disposable {
  readonly configuration: Configuration;
  private readonly findings = new Map<string, { version: number; findings: Finding[] }>();

  constructor(readonly log: Log) {
    this.configuration = new Configuration(log);
  }

  rememberFindings(document: vscode.TextDocument, findings: Finding[]): void {
    this.findings.set(document.uri.toString(), { version: document.version, findings });
  }

  forgetFindings(document: vscode.TextDocument): void {
    this.findings.delete(document.uri.toString());
  }

  /** The findings of the document's current version, or undefined while a lint is pending. */
  findingsOf(document: vscode.TextDocument): Finding[] | undefined {
    const entry = this.findings.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : undefined;
  }

  dispose(): void {
    this.configuration.dispose();
  }
}
