import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config';
import type { Log } from '../core/log';
import type { Story } from '../core/parse/story';
import { StoryVersions } from '../core/storyVersions';
import type { Finding } from '../core/types';
import { Configuration } from './configuration';

/**
 * What the features share: the configuration, and one parse and one lint per version of each open
 * story (`StoryVersions`), so that no feature parses a document another has already read.
 */
export class StoryModel implements vscode.Disposable {
  readonly configuration: Configuration;
  private readonly versions = new StoryVersions();

  constructor(readonly log: Log) {
    this.configuration = new Configuration(log);
  }

  /** The document's story at its current version. */
  storyOf(document: vscode.TextDocument): Story {
    return this.versions.story(document.uri.toString(), document.version, () => document.getText());
  }

  /** The document's findings at its current version under `config`, linted here if nobody has yet (`text`: its text, when the caller has it). */
  findingsOf(document: vscode.TextDocument, config: ResolvedConfig, text?: string): Finding[] {
    return this.versions.lint(document.uri.toString(), document.version, () => text ?? document.getText(), config);
  }

  /** The findings of the document's current version if they are known, without linting. */
  knownFindingsOf(document: vscode.TextDocument, config: ResolvedConfig): Finding[] | undefined {
    return this.versions.findingsIfKnown(document.uri.toString(), document.version, config);
  }

  /** Findings of `version` linted elsewhere (on the worker thread). */
  rememberFindings(document: vscode.TextDocument, version: number, config: ResolvedConfig, findings: Finding[]): void {
    this.versions.remember(document.uri.toString(), version, config, findings);
  }

  forget(document: vscode.TextDocument): void {
    this.versions.forget(document.uri.toString());
  }

  dispose(): void {
    this.configuration.dispose();
  }
}
