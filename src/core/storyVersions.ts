import type { ResolvedConfig } from './config';
import { lintText } from './engine';
import { parseStory, unparsedStory, type Story } from './parse/story';
import type { Finding } from './types';

interface Entry {
  version: number;
  story?: Story;
  /** The story came from `parseStory` (not the unparsed stand-in), so a lint may reuse it. */
  parsed?: boolean;
  /** The findings of this version, with the config object they were linted under. */
  lint?: { config: ResolvedConfig; findings: Finding[] };
}

/**
 * One parse and one lint per document version, shared by every editor feature (diagnostics, quick
 * fixes, outline, folding, highlighting, hover, completion, speaking time): each asks for the
 * story of (document id, version) and the first asker pays. A lint is kept for the config object
 * it ran with; a changed config is a new object, so it lints again. Text is passed as a function so
 * that a hit never copies the document. Keeps the `maxDocuments` most recently used documents.
 */
export class StoryVersions {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxDocuments = 64) {}

  /** The parsed story of this version (never throws: an unreadable story is read as unparsed text). */
  story(id: string, version: number, text: () => string): Story {
    const entry = this.entry(id, version);
    if (!entry.story) {
      const source = text();
      try {
        entry.story = parseStory(source);
        entry.parsed = true;
      } catch {
        entry.story = unparsedStory(source); // its lint says why, once
      }
    }
    return entry.story;
  }

  /** The findings of this version under `config`, linted at most once (see `lintText`). */
  lint(id: string, version: number, text: () => string, config: ResolvedConfig): Finding[] {
    const entry = this.entry(id, version);
    if (entry.lint?.config !== config) {
      const { story, findings } = lintText(text(), config, entry.parsed ? entry.story : undefined);
      entry.story ??= story;
      entry.lint = { config, findings };
    }
    return entry.lint.findings;
  }

  /** The findings of this version under `config` if they are known, without linting. */
  findingsIfKnown(id: string, version: number, config: ResolvedConfig): Finding[] | undefined {
    const entry = this.entries.get(id);
    return entry?.version === version && entry.lint?.config === config ? entry.lint.findings : undefined;
  }

  /** Keeps findings linted elsewhere (a large story's, on the worker thread) for this version. */
  remember(id: string, version: number, config: ResolvedConfig, findings: Finding[]): void {
    this.entry(id, version).lint = { config, findings };
  }

  /** Drops a document (closed, deleted). */
  forget(id: string): void {
    this.entries.delete(id);
  }

  /** The entry for this version, made fresh when the version moved on; most recently used last. */
  private entry(id: string, version: number): Entry {
    let entry = this.entries.get(id);
    this.entries.delete(id);
    if (!entry || entry.version !== version) entry = { version };
    this.entries.set(id, entry);
    if (this.entries.size > this.maxDocuments) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
