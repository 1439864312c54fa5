import { lowerProse, type Story } from '../parse/story';
import { matchesIn, mergeWindows, type Window } from '../text';
import { BLAME, VAGUE_CLAIMS, type TriggeredPattern } from './phrases';

/**
 * Long phrase alternations are slow to run across a whole story on every keystroke. Each phrase
 * pattern names plain trigger words it cannot match without; one pass over the lowercased prose
 * finds every trigger, and each pattern then runs only near its own.
 */
export const TRIGGER_WORDS: readonly string[] = [...new Set([...BLAME, ...VAGUE_CLAIMS].flatMap((p) => p.triggers))].sort((a, b) => b.length - a.length);
const REACH = 60;

/**
 * The trigger words by their first two characters, longest first. A pass that looks them up at
 * each word's start costs far less than one regex of 187 alternatives tried at every word.
 */
const TRIGGERS_BY_OPENING = new Map<number, string[]>();
for (const word of TRIGGER_WORDS) {
  const key = openingKey(word, 0);
  TRIGGERS_BY_OPENING.set(key, [...(TRIGGERS_BY_OPENING.get(key) ?? []), word]);
}

function openingKey(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

/** A character `\b` counts as a word's (ASCII letters, digits and the underscore). */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * Where each trigger word starts in a lowercased text (UTF-16 offsets), as a global regex of the
 * words, longest first, after a `\b` finds them: at a word's start only, the longest word that
 * starts there, and never inside a match already found.
 */
export function findTriggerWords(lower: string): Map<string, number[]> {
  const hits = new Map<string, number[]>();
  for (let at = 0; at < lower.length; ) {
    const code = lower.charCodeAt(at);
    if (!isWordCode(code) || (at > 0 && isWordCode(lower.charCodeAt(at - 1)))) {
      at++;
      continue;
    }
    const word = TRIGGERS_BY_OPENING.get(openingKey(lower, at))?.find((candidate) => lower.startsWith(candidate, at));
    if (!word) {
      at++;
      continue;
    }
    const found = hits.get(word);
    if (found) found.push(at);
    else hits.set(word, [at]);
    at += word.length;
  }
  return hits;
}

const hitsByStory = new WeakMap<Story, Map<string, number[]>>();

function triggerHits(story: Story): Map<string, number[]> {
  let hits = hitsByStory.get(story);
  if (!hits) hitsByStory.set(story, (hits = findTriggerWords(lowerProse(story))));
  return hits;
}

/** Every match of the pattern in `text` (the story's prose or a same-offset variant of it). */
export function findPhrase(story: Story, text: string, phrase: TriggeredPattern): Array<{ index: number; text: string }> {
  const hits = triggerHits(story);
  const windows: Window[] = [];
  for (const word of phrase.triggers) {
    for (const at of hits.get(word) ?? []) windows.push([Math.max(0, at - REACH), Math.min(text.length, at + word.length + REACH)]);
  }
  return windows.length === 0 ? [] : matchesIn(text, mergeWindows(windows), phrase.pattern);
}
