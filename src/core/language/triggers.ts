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

/** The phrase patterns each trigger word belongs to: a story's triggers name the few patterns to run. */
const PHRASES_OF_TRIGGER = new Map<string, TriggeredPattern[]>();
for (const phrase of [...BLAME, ...VAGUE_CLAIMS]) {
  for (const word of phrase.triggers) {
    const phrases = PHRASES_OF_TRIGGER.get(word);
    if (phrases) phrases.push(phrase);
    else PHRASES_OF_TRIGGER.set(word, [phrase]);
  }
}

/**
 * A story's triggers, found once and grouped by the patterns they belong to: for each pattern with
 * any, the offset (in the lowercased prose) and length of each of its triggers, in pairs.
 */
type StoryTriggers = Map<TriggeredPattern, number[]>;

const triggersByStory = new WeakMap<Story, StoryTriggers>();
/**
 * The story asked about last, and its triggers: a rule asks of one story for each of its patterns
 * in turn, and a comparison costs less than a look in the WeakMap. Holds one story until the next.
 */
let last: { story: Story; triggers: StoryTriggers } | undefined;

function storyTriggers(story: Story): StoryTriggers {
  if (last?.story === story) return last.triggers;
  let triggers = triggersByStory.get(story);
  if (!triggers) {
    triggers = new Map();
    for (const match of matchesOf(lowerProse(story), ANY_TRIGGER)) {
      for (const phrase of PHRASES_OF_TRIGGER.get(match[0])!) {
        const hits = triggers.get(phrase);
        if (hits) hits.push(match.index, match[0].length);
        else triggers.set(phrase, [match.index, match[0].length]);
      }
    }
    triggersByStory.set(story, triggers);
  }
  last = { story, triggers };
  return triggers;
}

/**
 * Every match of the pattern (one of BLAME or VAGUE_CLAIMS: only their triggers are looked for) in
 * `text` (the story's prose or a same-offset variant of it); with `near`, at least those that
 * start inside that span of offsets (a Result, for a claim read only there), looked for only
 * around the triggers near it.
 */
export function findPhrase(story: Story, text: string, phrase: TriggeredPattern, near?: { start: number; end: number }): ReadonlyArray<{ index: number; text: string }> {
  // Most patterns have none of their triggers in a story: one look settles them.
  const hits = storyTriggers(story).get(phrase);
  if (hits === undefined) return NO_MATCHES;
  // A match holds its trigger, within REACH of its start: triggers a REACH either side of the span
  // find every match that starts in it (twice that after it, for a long match).
  const from = near ? near.start - REACH : 0;
  const to = near ? near.end + 2 * REACH : text.length;
  // No window list until a trigger is near: a phrase read only in the Result may have none near it.
  let windows: Window[] | undefined;
  for (let i = 0; i < hits.length; i += 2) {
    const at = hits[i];
    if (at >= from && at < to) (windows ??= []).push([Math.max(0, at - REACH), Math.min(text.length, at + hits[i + 1] + REACH)]);
  }
  return windows === undefined ? NO_MATCHES : matchesIn(text, mergeWindows(windows), phrase.pattern);
}

const NO_MATCHES: ReadonlyArray<{ index: number; text: string }> = Object.freeze([]);
