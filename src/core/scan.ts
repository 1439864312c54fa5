import type { ResolvedConfig } from './config';
import { storyCheckOf, countStory, type StoryCheck, type StorySummary } from './coverage';
import { lintText, lintTexts, unreadableReason, type LintResult } from './engine';
import { emptyFrontMatter, parseFrontMatter } from './parse/frontMatter';
import { textDigest } from './digest';
import type { Finding } from './types';

/**
 * The index's two steps for one file, shared by the extension host and its worker thread:
 * counting reads the front matter alone (a few microseconds), checking runs every rule.
 */

/** The story's counts, or undefined when the file cannot be a story (binary, or too large). */
export function countText(id: string, text: string): StorySummary | undefined {
  if (unreadableReason(text)) return undefined;
  let frontMatter;
  try {
    frontMatter = parseFrontMatter(text);
  } catch {
    frontMatter = emptyFrontMatter(); // counted as a story with no LPs; its check says why
  }
  return countStory(id, frontMatter);
}

export interface Checked {
  check: StoryCheck;
  findings: Finding[];
  /** The digest of the text checked (see `textDigest`): whoever keeps something read from the story can tell whether its text changed. */
  digest: number;
}

/** Lints the text and sums up what the index keeps of it. Never throws (see `lintText`). */
export function checkText(text: string, config: ResolvedConfig): Checked {
  return checkedOf(lintText(text, config));
}

/** `checkText` of many texts at once, in their order: linted rule by rule (see `lintTexts`). Never throws. */
export function checkTexts(texts: readonly string[], config: ResolvedConfig): Checked[] {
  return lintTexts(texts, config).map(checkedOf);
}

/** What the index keeps of a story linted (by `lintText`, or an editor's lint of its version). */
export function checkedOf({ story, findings }: LintResult): Checked {
  return { check: storyCheckOf(story, findings), findings, digest: textDigest(story.text) };
}
