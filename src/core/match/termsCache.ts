import { textDigest } from '../digest';
import { parseStory, unparsedStory, type Story } from '../parse/story';
import { BankTerms, storyTerms, storyWords, type StoryTerms } from './rank';
import { PORTER_STEMMER, type Stemmer } from './words';

/** A story as read now: its text, and its parse when the reader has one (an editor's, parsed once per version). */
export interface ReadStory {
  text: string;
  story?: Story;
}

/**
 * Reads a story by id as it is now (an editor's unsaved text first); undefined when it is gone.
 * Rejects when it cannot read it now (a lock, a permission): the story keeps the words it had,
 * and is read again in the next pass.
 */
export type StoryTextReader = (id: string) => Promise<ReadStory | undefined>;

/** Wraps a read of `count` stories, as a progress indicator would; the default runs it as it is. */
export type ReadingWrapper = (count: number, read: () => Promise<void>) => Promise<void>;

/** One story's words as read: their terms, the digest of the text they came from, and whether the text may have changed since. */
interface Entry {
  terms: StoryTerms;
  digest: number;
  stale: boolean;
}

/** Stories read at once: enough to keep the disk busy, and each batch's parse stays a short slice of the host's thread. */
const READ_AT_ONCE = 64;
/** Reads of the bank before a ranking: each later one reads only the stories that changed during the one before. */
const READ_PASSES = 3;

/**
 * The words of a bank's stories as the matcher reads them (`StoryTerms`), kept across questions.
 * A story is read again only once its text may have changed (`changed`), and kept as it was when
 * the text turns out the same (its digest, `textDigest`); until then it is ranked by the words it
 * was last read with, so no ranking loses a story to a change in flight. The bank's `BankTerms`
 * is built again only when the stories are others; a story whose words changed is replaced in it.
 * Reads that race a change are not kept (the story stays to be read again): the one race rule.
 */
export class StoryTermsCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped when a story's text may have changed: a read begun before it is not kept. One number for each story ever seen. */
  private readonly stamps = new Map<string, number>();
  /** The bank's terms as last built, with each story's place in it, and the stories since read anew. */
  private built: { ids: readonly string[]; at: ReadonlyMap<string, number>; terms: BankTerms } | undefined;
  private readonly replaced = new Set<string>();
  /** Rankings wait for the one before: two questions at once read the bank once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly read: StoryTextReader,
    private readonly stemmer: Stemmer = PORTER_STEMMER,
  ) {}

  /**
   * The story's text may have changed. `digest`: the digest of its text now, when known (the
   * index's check gives it); the same digest as the words held keeps them without a read.
   */
  changed(id: string, digest?: number): void {
    const entry = this.entries.get(id);
    // Only words not waiting for a read: a read in flight may be of a text older than this one.
    if (entry && !entry.stale && digest !== undefined && entry.digest === digest) return;
    this.bump(id);
    if (entry) entry.stale = true;
  }

  /** The story left the bank. */
  removed(id: string): void {
    this.bump(id);
    this.entries.delete(id);
  }

  /**
   * The terms of the stories `ids` names, in that order, reading those never read or changed since
   * (at most READ_PASSES times each, `reading` wrapping each pass). Returns the ids held (a story
   * gone, or never read and unreadable now, is left out) and their `BankTerms`, in the same order.
   * A story changed while it was read keeps the words it had. The `BankTerms` returned is updated
   * in place by a later call for the same stories in the same order (a story's words replaced),
   * so a ranking made from it later sees the newer words.
   */
  bank(ids: readonly string[], reading: ReadingWrapper = (_count, read) => read()): Promise<{ ids: string[]; terms: BankTerms }> {
    const next = this.queue.then(() => this.bankNow(ids, reading));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async bankNow(ids: readonly string[], reading: ReadingWrapper): Promise<{ ids: string[]; terms: BankTerms }> {
    for (let pass = 0; pass < READ_PASSES; pass++) {
      const toRead = ids.filter((id) => this.entries.get(id)?.stale !== false);
      if (toRead.length === 0) break;
      await reading(toRead.length, async () => {
        for (let at = 0; at < toRead.length; at += READ_AT_ONCE) await Promise.all(toRead.slice(at, at + READ_AT_ONCE).map((id) => this.readOne(id)));
      });
    }
    const held = ids.filter((id) => this.entries.has(id));
    if (this.built && sameIds(this.built.ids, held)) {
      for (const id of this.replaced) {
        const at = this.built.at.get(id);
        const entry = this.entries.get(id);
        if (at !== undefined && entry) this.built.terms.replace(at, entry.terms);
      }
    } else {
      this.built = { ids: held, at: new Map(held.map((id, i) => [id, i])), terms: new BankTerms(held.map((id) => this.entries.get(id)!.terms), this.stemmer) };
    }
    this.replaced.clear();
    return { ids: held, terms: this.built.terms };
  }

  private bump(id: string): void {
    this.stamps.set(id, (this.stamps.get(id) ?? 0) + 1);
  }

  /** Reads one story's words; kept unless the story changed while it was read. A story gone is dropped. */
  private async readOne(id: string): Promise<void> {
    const stamp = this.stamps.get(id);
    let read: ReadStory | undefined;
    try {
      read = await this.read(id);
    } catch {
      return; // unreadable now: read again in the next pass, ranked meanwhile by the words it had
    }
    if (this.stamps.get(id) !== stamp) return;
    if (!read) {
      this.entries.delete(id);
      return;
    }
    const digest = textDigest(read.text);
    const entry = this.entries.get(id);
    if (entry?.digest === digest) {
      entry.stale = false;
      return;
    }
    this.entries.set(id, { terms: storyTerms(storyWords(read.story ?? parsed(read.text)), this.stemmer), digest, stale: false });
    this.replaced.add(id);
  }
}

/** The text parsed as the editor parses it; text it cannot parse is read as prose. */
function parsed(text: string): Story {
  try {
    return parseStory(text);
  } catch {
    return unparsedStory(text);
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
