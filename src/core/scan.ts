import type { ResolvedConfig } from './config';
import { checkStory, countStory, type StoryCheck, type StorySummary } from './coverage';
import { lintStory, unreadableReason } from './engine';
import { parseFrontMatter } from './parse/frontMatter';
import { parseStory } from './parse/story';
import type { Finding } from './types';

/**
 * The index's two steps for one file, shared by the extension host and its worker thread:
 * counting reads the front matter alone (a few microseconds), checking runs every rule.
 */

/** The story's counts, or undefined when the file cannot be a story (binary, or too large). */
export function countText(id: string, text: string): StorySummary | undefined {
  return unreadableReason(text) ? undefined : countStory(id, parseFrontMatter(text));
}

export interface Checked {
  check: StoryCheck;
  findings: Finding[];
}

export function checkText(text: string, config: ResolvedConfig): Checked {
  const story = parseStory(text);
  const findings = lintStory(story, config);
  return { check: checkStory(story, findings), findings };
}
