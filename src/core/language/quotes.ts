/**
 * Quoted speech is someone else's words: the rules neither credit nor blame the speaker for it.
 * Straight and single quotes close on the same line; curly double quotes and guillemets may span
 * lines. An opening mark with no closing one is left as it is.
 */
const PAIRS: ReadonlyArray<{ open: number; close: string; sameLine: boolean }> = [
  { open: 0x22 /* " */, close: '"', sameLine: true },
  { open: 0x201c /* “ */, close: '\u201d', sameLine: false },
  { open: 0x2018 /* ‘ */, close: '\u2019', sameLine: true },
  { open: 0xab /* « */, close: '\u00bb', sameLine: false },
];

/** Where a quotation may open: each mark of `PAIRS`. */
const OPENERS = /["\u201c\u2018\u00ab]/g;

/**
 * The text with every quotation, marks included, replaced by spaces: same length, same offsets.
 * One pass, linear in the text: the next closing mark and line break are each searched forward
 * once and remembered, so a long run of opening marks with no closing one costs no more than text.
 */
export function blankQuotes(text: string): string {
  // Offsets only grow here, so each mark is searched forward once over the whole text: the next
  // offset of each mark is kept while it still lies ahead (-1: none left).
  const known = new Map<string, number>();
  const next = (mark: string, from: number) => {
    let at = known.get(mark);
    if (at === undefined || (at !== -1 && at < from)) known.set(mark, (at = text.indexOf(mark, from)));
    return at;
  };
  let out = '';
  let copied = 0;
  OPENERS.lastIndex = 0;
  for (let opener = OPENERS.exec(text); opener; opener = OPENERS.exec(text)) {
    const at = opener.index;
    const code = text.charCodeAt(at);
    const pair = PAIRS.find((p) => p.open === code)!;
    const close = next(pair.close, at + 1);
    if (close === -1) continue;
    if (pair.sameLine) {
      const lf = next('\n', at + 1);
      const cr = next('\r', at + 1);
      if ((lf !== -1 && lf < close) || (cr !== -1 && cr < close)) continue;
    }
    out += text.slice(copied, at) + ' '.repeat(close + 1 - at);
    copied = close + 1;
    OPENERS.lastIndex = close + 1;
  }
  OPENERS.lastIndex = 0;
  return copied === 0 ? text : out + text.slice(copied);
}
