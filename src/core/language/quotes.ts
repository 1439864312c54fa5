/**
 * Quoted speech is someone else's words: the rules neither credit nor blame the speaker for it.
 * Straight and single quotes close on the same line; curly double quotes and guillemets may span
 * lines. An opening mark with no closing one is left as it is.
 */
const PAIRS: ReadonlyArray<{ open: string; close: string; sameLine: boolean }> = [
  { open: '"', close: '"', sameLine: true },
  { open: '\u201c' /* “ */, close: '\u201d', sameLine: false },
  { open: '\u2018' /* ‘ */, close: '\u2019', sameLine: true },
  { open: '\u00ab' /* « */, close: '\u00bb', sameLine: false },
];

/**
 * The text with every quotation, marks included, replaced by spaces: same length, same offsets.
 * One pass, linear in the text: the next opening mark, closing mark and line break are each
 * searched forward once and remembered, so a long run of opening marks with no closing one costs
 * no more than text. `indexOf` finds each: most texts hold no quotation, or a few.
 */
export function blankQuotes(text: string): string {
  // Offsets asked about only grow here, so each mark is searched forward once over the whole
  // text: its next offset is kept while it still lies ahead (-1: none left).
  const known = new Map<string, number>();
  const next = (mark: string, from: number) => {
    let at = known.get(mark);
    if (at === undefined || (at !== -1 && at < from)) known.set(mark, (at = text.indexOf(mark, from)));
    return at;
  };
  let out = '';
  let copied = 0;
  for (let from = 0; ; ) {
    // The first opening mark of any pair from here.
    let at = -1;
    let pair = PAIRS[0];
    for (const candidate of PAIRS) {
      const open = next(candidate.open, from);
      if (open !== -1 && (at === -1 || open < at)) {
        at = open;
        pair = candidate;
      }
    }
    if (at === -1) break;
    from = at + 1;
    const close = next(pair.close, at + 1);
    if (close === -1) continue;
    if (pair.sameLine) {
      const lf = next('\n', at + 1);
      const cr = next('\r', at + 1);
      if ((lf !== -1 && lf < close) || (cr !== -1 && cr < close)) continue;
    }
    out += text.slice(copied, at) + ' '.repeat(close + 1 - at);
    copied = close + 1;
    from = close + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
