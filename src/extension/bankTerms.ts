import * as vscode from 'vscode';
import { BankTerms, storyTerms, storyWords, type StoryTerms, type TermedBank } from '../core/match/rank';
import { parseStory, unparsedStory, type Story } from '../core/parse/story';
import { profileSummary, type PracticeHistory } from '../core/plan/profile';
import { fileBytes } from './fileSystem';
import type { StoryModel } from './model';
import type { StoryIndex } from './storyIndex';

/** Stories read at once: enough to keep the disk busy, and each batch's parse stays a short slice of the host's thread. */
const READ_AT_ONCE = 64;
const UTF8 = new TextDecoder();
/** Stories to read before a question is ranked, from which the status bar shows the reading (about a second on this many). */
const SHOW_PROGRESS_AT = 2000;
/** Reads of the bank before a question: later ones read only stories that changed during the one before. */
const READ_PASSES = 3;

/**
 * The words of every story the index holds, as the matcher reads them (`StoryTerms`), kept across
 * questions: a story is read again only once the index has read it anew (its check landed: its
 * text may have changed) and dropped when it leaves the index; the bank's `BankTerms` are built
 * again only when a story's terms changed or the stories did. So "Which Story for This Question?"
 * and the mock question read the bank once, not at every question.
 */
export class BankTermsCache implements vscode.Disposable {
  private readonly terms = new Map<string, StoryTerms>();
  /** Bumped when a story's text may have changed: a read begun before it is not kept (one race rule, as the index's ledger has). */
  private readonly stamps = new Map<string, number>();
  /** The bank's terms as last built, with each story's place in it, and the stories whose words changed since. */
  private built: { ids: readonly string[]; at: ReadonlyMap<string, number>; terms: BankTerms } | undefined;
  private readonly changed = new Set<string>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly model: StoryModel,
    private readonly index: StoryIndex,
  ) {
    this.listeners = [index.onDidCheck(({ uri }) => this.forget(uri.toString())), index.onDidRemove((id) => this.forget(id))];
  }

  /**
   * Every story the index holds, in its order, profiled from the index's counts and checks with
   * `history`, and the terms of their words: what `new StoryMatcher(bank)` ranks. Stories not read
   * since they last changed are read now (open documents as edited); a story gone from disk since
   * the index counted it is left out.
   */
  async bank(history: PracticeHistory): Promise<TermedBank> {
    await this.index.ready();
    const summaries = [...this.index.coverage.all()];
    // A story that changes while the others are read is read again, a few times at most.
    for (let pass = 0; pass < READ_PASSES; pass++) {
      const missing = summaries.filter((summary) => !this.terms.has(summary.id));
      if (missing.length === 0) break;
      const readAll = async () => {
        for (let at = 0; at < missing.length; at += READ_AT_ONCE) {
          await Promise.all(missing.slice(at, at + READ_AT_ONCE).map((summary) => this.read(summary.id)));
        }
      };
      // A large bank's first question takes seconds: the status bar says why.
      if (missing.length >= SHOW_PROGRESS_AT) await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `STAR Coach: reading ${missing.length} stories for the ranking` }, readAll);
      else await readAll();
    }
    const held = summaries.filter((summary) => this.terms.has(summary.id));
    const ids = held.map((summary) => summary.id);
    if (this.built && sameIds(this.built.ids, ids)) {
      // The same stories: those whose words changed are replaced in place.
      for (const id of this.changed) {
        const at = this.built.at.get(id);
        const terms = this.terms.get(id);
        if (at !== undefined && terms) this.built.terms.replace(at, terms);
      }
    } else {
      this.built = { ids, at: new Map(ids.map((id, i) => [id, i])), terms: new BankTerms(ids.map((id) => this.terms.get(id)!)) };
    }
    this.changed.clear();
    return { profiles: held.map((summary) => profileSummary(summary, history)), terms: this.built.terms };
  }

  dispose(): void {
    this.listeners.forEach((listener) => listener.dispose());
    this.terms.clear();
  }

  private forget(id: string): void {
    this.stamps.set(id, (this.stamps.get(id) ?? 0) + 1);
    this.terms.delete(id);
  }

  /** Reads one story's words; kept unless the story changed while it was read. */
  private async read(id: string): Promise<void> {
    const stamp = this.stamps.get(id);
    const story = await readStory(this.model, vscode.Uri.parse(id));
    if (!story || this.stamps.get(id) !== stamp) return;
    this.terms.set(id, storyTerms(storyWords(story)));
    if (this.built?.at.has(id)) this.changed.add(id);
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** A story parsed: an open editor's version (parsed once for every feature), else the file's; undefined when it is gone. */
export async function readStory(model: StoryModel, uri: vscode.Uri): Promise<Story | undefined> {
  const source = await openOrRead(uri);
  if (!source) return undefined;
  if ('document' in source) return model.storyOf(source.document);
  try {
    return parseStory(source.text);
  } catch {
    return unparsedStory(source.text); // as the editor reads a story that cannot be parsed
  }
}

/**
 * A story's open editor (its unsaved edits count), else the file's text as the index reads it
 * (Node on disk: `workspace.fs` makes a round trip to the window per file); undefined when the
 * file is gone (deleted since the scan: left out of the ranking).
 */
export async function openOrRead(uri: vscode.Uri): Promise<{ document: vscode.TextDocument } | { text: string } | undefined> {
  const id = uri.toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
  if (document) return { document };
  try {
    return { text: UTF8.decode(await fileBytes(uri)) };
  } catch {
    return undefined;
  }
}
