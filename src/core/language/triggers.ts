import { lowerProse, type Story } from '../parse/story';
import { matchesIn, matchesOf, mergeWindows, type Window } from '../text';
import { BLAME, VAGUE_CLAIMS, type TriggeredPattern } from './phrases';

/**
 * Long phrase alternations are slow to run across a whole story on every keystroke. Each phrase
 * pattern names plain trigger words it cannot match without; one pass of one regex over the
 * lowercased prose finds every trigger, and each pattern then runs only near its own.
 */
const TRIGGER_WORDS = [...new Set([...BLAME, ...VAGUE_CLAIMS].flatMap((p) => p.triggers))].sort((a, b) => b.length - a.length);
const ANY_TRIGGER = new RegExp(`\\b(?:${TRIGGER_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
const REACH = 60;

const hitsByStory = new WeakMap<Story, Map<string, number[]>>();

function triggerHits(story: Story): Map<string, number[]> {
  let hits = hitsByStory.get(story);
  if (!hits) {
    hits = new Map();
    const lower = lowerProse(story);
    for (const match of matchesOf(lower, ANY_TRIGGER)) {
      const at = hits.get(match[0]);
      if (at) at.push(match.index);
      else hits.set(match[0], [match.index]);
    }
    hitsByStory.set(story, hits);
  }
  return hits;
}

/**
 * Every match of the pattern in `text` (the story's prose or a same-offset variant of it); with
 * `near`, at least those that start inside that span of offsets (a Result, for a claim read only
 * there), looked for only around the triggers near it.
 */
export function findPhrase(story: Story, text: string, phrase: TriggeredPattern, near?: { start: number; end: number }): ReadonlyArray<{ index: number; text: string }> {
  const hits = triggerHits(story);
  // A match holds its trigger, within REACH of its start: triggers a REACH either side of the span
  // find every match that starts in it (twice that after it, for a long match).
  const from = near ? near.start - REACH : 0;
  const to = near ? near.end + 2 * REACH : text.length;
  // Indexed loops and no window list until a trigger is near: this runs for every phrase of every
  // story, and most phrases have none of their triggers in a story.
  let windows: Window[] | undefined;
  const triggers = phrase.triggers;
  for (let t = 0; t < triggers.length; t++) {
    const word = triggers[t];
    const offsets = hits.get(word);
    if (offsets === undefined) continue;
    for (let i = 0; i < offsets.length; i++) {
      const at = offsets[i];
      if (at >= from && at < to) (windows ??= []).push([Math.max(0, at - REACH), Math.min(text.length, at + word.length + REACH)]);
    }
  }
  return windows === undefined ? NO_MATCHES : matchesIn(text, mergeWindows(windows), phrase.pattern);
}

const NO_MATCHES: ReadonlyArray<{ index: number; text: string }> = Object.freeze([]);
