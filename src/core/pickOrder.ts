/**
 * The order in which a user ticked items of a multi-select list. A list reports only which items
 * are ticked, in list order; the order of picking has to be kept from one report to the next.
 */

/** The most Leadership Principles New Story writes: more blurs what the story shows. */
export const MAX_PICKED_LPS = 3;

/**
 * The picks after a change of selection: those still ticked keep their places, newly ticked ones
 * follow in the order the list reports them (several at once only with "select all").
 */
export function nextPickOrder<T>(previous: readonly T[], selected: readonly T[]): T[] {
  const kept = previous.filter((item) => selected.includes(item));
  const added = selected.filter((item) => !previous.includes(item));
  return [...kept, ...added];
}

/** "1. Dive Deep (main) · 2. Ownership": what the picker's title shows while LPs are picked. */
export function describePicks(names: readonly string[]): string {
  return names.map((name, i) => `${i + 1}. ${name}${i === 0 ? ' (main)' : ''}`).join(' · ');
}
