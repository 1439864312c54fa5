/**
 * Cues: the themes a behavioural question asks about in everyday words (a failure, time pressure,
 * a disagreement, customers, hiring, cost...) and the words a story uses to show each one. They
 * let "a tight deadline" find a story told as "three weeks before the holidays", which shares no
 * word with it. The table is data (`cues.json`, validated here on first use); its sources are in
 * its `about` and in test/fixtures/match/README.md.
 */
import * as z from 'zod/mini';
import '../validation';
import { lpById } from '../catalog';
import data from './cues.json';
import { PORTER_STEMMER, stemWord, textStems, withoutContrasts, words, type Stemmer } from './words';

/** A phrase of the table: lower-case words, `#` for any number, `*` for any one word. */
const phrase = z.string().check(z.regex(/^[a-z0-9#*' -]+$/, 'lower-case words, # or *'), z.regex(/[a-z0-9]/, 'at least one word'));

export const cueTableSchema = z.strictObject({
  about: z.string().check(z.minLength(1)),
  cues: z
    .array(
      z.strictObject({
        id: z.string().check(z.regex(/^[a-z]+(?:-[a-z]+)*$/, 'a kebab-case id')),
        /** How a reason names the theme: "tells of time pressure". */
        label: z.string().check(z.minLength(1), z.maxLength(40)),
        /** Phrases that make a question ask for the theme. */
        ask: z.array(phrase).check(z.minLength(1)),
        /** Phrases that show the theme in a story. */
        tell: z.array(phrase).check(z.minLength(1)),
        /**
         * The LPs (ids of the catalog) a question asking about the theme is evidence of: hiring and
         * growing people of Hire and Develop the Best. None for a theme asked under many LPs (a
         * failure, customers, time pressure).
         */
        lps: z.optional(z.array(z.string())),
      }),
    )
    .check(z.minLength(1)),
  /**
   * Terms of several words read as one before their single words: "machine learning" is not
   * learning, "leaning on" is not lean spending, "poor results" are a person's, not delivered ones.
   * Their words name no LP and no theme of their own; a compound with a `cue` asks for that theme,
   * one with an `lp` (an LP id of the catalog) is a signal of that LP ("a big decision": Are Right, A Lot).
   */
  compounds: z.array(z.strictObject({ phrase, cue: z.optional(z.string()), lp: z.optional(z.string()) })),
  /**
   * Catalog signal words so common in everyday questions ("decision", "data", "results") that
   * alone they do not name an LP: they count only beside other evidence of the same LP.
   */
  everyday: z.array(phrase),
});

export type Cue = z.infer<typeof cueTableSchema>['cues'][number];
type CueTable = z.infer<typeof cueTableSchema>;

/** The cue table, validated once when first used; throws when a cue or a compound names an LP the catalog lacks, or a compound a cue the table lacks. */
let table: CueTable | undefined;
function cueTable(): CueTable {
  if (!table) {
    const parsed = cueTableSchema.parse(data);
    for (const { id, lps = [] } of parsed.cues) for (const lp of lps) if (!lpById(lp)) throw new Error(`cue "${id}" names no LP "${lp}" in the catalog`);
    for (const { phrase: text, cue, lp } of parsed.compounds) {
      if (cue !== undefined && !parsed.cues.some((c) => c.id === cue)) throw new Error(`compound "${text}" names no cue "${cue}" in cues.json`);
      if (lp !== undefined && !lpById(lp)) throw new Error(`compound "${text}" names no LP "${lp}" in the catalog`);
    }
    Object.freeze(parsed.cues);
    table = parsed;
  }
  return table;
}

/** The cues of the table (see `cues.json`), in its order. */
export function allCues(): readonly Cue[] {
  return cueTable().cues;
}

/** The LP ids a question asking about cue `id` is evidence of (see `cueTableSchema`); none for a cue the table lacks. */
export function cueLps(id: string): readonly string[] {
  return allCues().find((cue) => cue.id === id)?.lps ?? [];
}

/** The table's everyday signal words (see `cueTableSchema`), as written. */
export function everydaySignalWords(): readonly string[] {
  return cueTable().everyday;
}

/** Number words a story writes instead of digits ("three weeks"), as stems; with digits, what `#` matches. */
const NUMBER_WORDS = 'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred thousand';
const ANY_NUMBER = '#';
const ANY_WORD = '*';

/** A compiled phrase: the cue it belongs to and its stems (or `#`, `*`). */
interface Phrase {
  cue: number;
  tokens: string[];
}

/** The table's phrases, indexed by first token, for one side and one stemmer. */
interface PhraseIndex {
  byFirst: Map<string, Phrase[]>;
  /** Phrases whose first token is a wildcard, tried at every position. */
  anyFirst: Phrase[];
}

interface Compiled {
  /** The cues' ask phrases and the compounds (a compound of no cue has cue index `allCues().length`). */
  ask: PhraseIndex;
  tell: PhraseIndex;
  /** The compounds alone, each phrase's `cue` its index in the table's compounds. */
  compounds: PhraseIndex;
  numbers: Set<string>;
}

const compiled = new Map<Stemmer, Compiled>();

function compile(stemmer: Stemmer): Compiled {
  let built = compiled.get(stemmer);
  if (built) return built;
  const cues = allCues();
  const tokensOf = (text: string) => text.split(' ').flatMap((part) => (part === ANY_NUMBER || part === ANY_WORD ? [part] : words(part).filter(Boolean).map((word) => stemWord(word, stemmer))));
  const { compounds } = cueTable();
  // On the ask side a compound covers the phrases inside it: as its cue's phrase, or as no cue's (index `cues.length`).
  const askCompounds = compounds.map(({ phrase: text, cue }) => ({ text, cue: cue === undefined ? cues.length : cues.findIndex((c) => c.id === cue) }));
  const index = (entries: ReadonlyArray<{ text: string; cue: number }>): PhraseIndex => {
    const byFirst = new Map<string, Phrase[]>();
    const anyFirst: Phrase[] = [];
    for (const { text, cue } of entries) {
      const entry = { cue, tokens: tokensOf(text) };
      if (entry.tokens[0] === ANY_WORD) anyFirst.push(entry);
      else {
        const list = byFirst.get(entry.tokens[0]);
        if (list) list.push(entry);
        else byFirst.set(entry.tokens[0], [entry]);
      }
    }
    return { byFirst, anyFirst };
  };
  const side = (name: 'ask' | 'tell') => cues.flatMap((cue, i) => cue[name].map((text) => ({ text, cue: i })));
  built = { ask: index([...side('ask'), ...askCompounds]), tell: index(side('tell')), compounds: index(compounds.map(({ phrase: text }, k) => ({ text, cue: k }))), numbers: new Set(NUMBER_WORDS.split(' ').map((word) => stemWord(word, stemmer))) };
  compiled.set(stemmer, built);
  return built;
}

/** Where a phrase of a cue was found: tokens `start` to `end` (exclusive). */
export interface Match {
  cue: number;
  start: number;
  end: number;
}

/** Every occurrence of a phrase of one side of the table in `stems`. */
function find(stems: readonly string[], index: PhraseIndex, numbers: ReadonlySet<string>): Match[] {
  const isNumber = (stem: string) => numbers.has(stem) || (stem.charCodeAt(0) >= 48 && stem.charCodeAt(0) <= 57);
  const matches = (tokens: readonly string[], at: number) => {
    if (at + tokens.length > stems.length) return false;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k];
      const stem = stems[at + k];
      if (token === ANY_WORD) continue;
      if (token === ANY_NUMBER ? !isNumber(stem) : token !== stem) return false;
    }
    return true;
  };
  const found: Match[] = [];
  for (let at = 0; at < stems.length; at++) {
    const stem = stems[at];
    for (const list of [index.byFirst.get(stem), isNumber(stem) ? index.byFirst.get(ANY_NUMBER) : undefined, index.anyFirst]) {
      if (!list) continue;
      for (const entry of list) if (matches(entry.tokens, at)) found.push({ cue: entry.cue, start: at, end: at + entry.tokens.length });
    }
  }
  return found;
}

/**
 * The matches that no longer match of another cue covers. `found` is in order of start (as `find`
 * gives it), so a match that covers another starts at most the longest match's length before it:
 * only those are compared, which keeps a question of any length linear (comparing every pair took
 * seconds for a pasted page).
 */
export function uncovered(found: readonly Match[]): Match[] {
  let longest = 0;
  for (const m of found) longest = Math.max(longest, m.end - m.start);
  const covers = (o: Match, m: Match) => o.cue !== m.cue && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start;
  return found.filter((m, i) => {
    for (let j = i - 1; j >= 0 && found[j].start >= m.start - longest; j--) if (covers(found[j], m)) return false;
    for (let j = i + 1; j < found.length && found[j].start === m.start; j++) if (covers(found[j], m)) return false;
    return true;
  });
}

/** How many matches each cue has, in table order. */
function tally(found: readonly Match[]): Uint16Array {
  const counts = new Uint16Array(allCues().length);
  for (const { cue } of found) if (cue < counts.length && counts[cue] < 0xffff) counts[cue]++;
  return counts;
}

/**
 * The ids of the cues a question asks about, in table order: those with an `ask` phrase in it that
 * no longer phrase of another cue or compound covers ("a call you believed was wrong" asks for a
 * disagreement, though "wrong" alone asks for a failure; "leaning on" asks for no cost, though
 * "lean" alone does). What the question sets aside asks for nothing (see `withoutContrasts`).
 */
export function questionCues(text: string, stemmer: Stemmer = PORTER_STEMMER): string[] {
  const { ask, numbers } = compile(stemmer);
  const counts = tally(uncovered(find(textStems(withoutContrasts(text), stemmer).all, ask, numbers)));
  return allCues().flatMap((cue, i) => (counts[i] > 0 ? [cue.id] : []));
}

/**
 * How strongly a story shows each cue, 0 to 1 in table order: n phrases of the cue's `tell` side
 * give n / (n + 1), so one mention is half the evidence and more add less and less (a long story
 * repeats its words). `stems` is every word's stem, `textStems(text).all`, by the same stemmer.
 */
export function storyCueStrengths(stems: readonly string[], stemmer: Stemmer = PORTER_STEMMER): Float32Array {
  const { tell, numbers } = compile(stemmer);
  const counts = tally(find(stems, tell, numbers));
  return Float32Array.from(counts, (n) => n / (n + 1));
}

/** The stems of a cue's one-word `ask` phrases (for the failure cue: "fail", "mistake", "wrong"...). */
export function cueWordStems(id: string, stemmer: Stemmer = PORTER_STEMMER): Set<string> {
  const cue = allCues().find((c) => c.id === id);
  if (!cue) throw new Error(`no cue "${id}" in cues.json`);
  return new Set(cue.ask.filter((p) => !p.includes(' ') && !/[#*]/.test(p)).flatMap((p) => words(p).filter(Boolean).map((w) => stemWord(w, stemmer))));
}

/** A question read for its compounds: the words outside them, and the LPs they signal. */
export interface CompoundReading {
  /** The question's words outside every compound, in order, space-separated. */
  rest: string;
  /** The ids of the LPs its compounds signal (see `cueTableSchema`), once each, in the question's order. */
  lpIds: string[];
}

/**
 * A question read for its compounds (see `cueTableSchema`): its LP signal words are read from the
 * words outside them, so "machine learning" does not ask for Learn and Be Curious, and the LPs of
 * the compounds found are signals of their own. Linear in the question's length.
 */
export function readCompounds(text: string, stemmer: Stemmer = PORTER_STEMMER): CompoundReading {
  const { compounds, numbers } = compile(stemmer);
  const plain = words(text).filter(Boolean);
  const found = find(plain.map((word) => stemWord(word, stemmer)), compounds, numbers);
  if (found.length === 0) return { rest: plain.join(' '), lpIds: [] };
  const claimed = new Uint8Array(plain.length);
  const lpIds = new Set<string>();
  for (const { cue: k, start, end } of found) {
    claimed.fill(1, start, end);
    const lp = cueTable().compounds[k].lp;
    if (lp !== undefined) lpIds.add(lp);
  }
  return { rest: plain.filter((_, i) => !claimed[i]).join(' '), lpIds: [...lpIds] };
}
