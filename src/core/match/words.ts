/**
 * Words for matching a question against stories: lower case, split on anything that is not a
 * letter or digit, common words dropped, each word reduced to a stem so that "migrated",
 * "migrating" and "migration" meet.
 */

/** Reduces a lower-case word to its stem. An interface, so that a library stemmer can stand in for the built-in one. */
export interface Stemmer {
  stem(word: string): string;
}

/** Suffixes removed, longest first; a stem keeps at least three letters. */
const SUFFIXES = [
  'ibilities', 'ibility', 'abilities', 'ability', 'izations', 'ization', 'isations', 'isation', 'ational', 'ations', 'ation', 'ments', 'ment', 'nesses', 'ness',
  'ities', 'ity', 'ingly', 'ings', 'ing', 'edly', 'ally', 'ly', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 'ives', 'ive', 'fulness', 'ful', 'ous', 'ables', 'able', 'ible', 'als', 'al', 's',
] as const;

/** What a suffix leaves behind, so that the noun meets its verb ("migration" and "migrate" both give "migrat"). */
const REPLACEMENT: Partial<Record<(typeof SUFFIXES)[number], string>> = {
  ies: 'y', ied: 'y', ational: 'at', ations: 'at', ation: 'at', izations: 'iz', ization: 'iz', isations: 'is', isation: 'is',
};

/** Inflections after which a verb's own "-er" ending comes off too ("delivered", "offering"), as it does from the bare verb. */
const INFLECTIONS = new Set(['ed', 'ing', 'ings', 's', 'es', 'edly', 'ingly']);

/** One suffix of SUFFIXES removed (the longest that leaves a stem of three letters with a vowel), or the word as it was. */
function stripSuffix(word: string): { stem: string; suffix?: string } {
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    if (suffix === 's' && /(?:ss|us|is)$/.test(word)) break;
    const rest = word.slice(0, -suffix.length);
    if (rest.length < 3 || !/[aeiouy]/.test(rest)) continue;
    return { stem: rest + (REPLACEMENT[suffix] ?? ''), suffix };
  }
  return { stem: word };
}

/**
 * A light suffix stemmer for English: removes one inflection or derivation suffix (see SUFFIXES),
 * and a verb's "-er" after an inflection, then a final "e" and a doubled last consonant, so
 * "stopped" and "stop", "migrate" and "migration", "deliver" and "delivered", "disagree",
 * "disagreed" and "disagreement" share a stem. Cruder than Porter's, and better for ranking
 * interview stories: it also joins adverbs and comparatives to their adjective ("quickly",
 * "fairer" and "fair"), which Porter's leaves apart.
 */
export const SUFFIX_STEMMER: Stemmer = {
  stem(word: string): string {
    if (word.length <= 3 || /\d/.test(word)) return word;
    const stripped = stripSuffix(word);
    const suffix = stripped.suffix;
    let stem = stripped.stem;
    if (suffix && INFLECTIONS.has(suffix) && stem.endsWith('er')) {
      const again = stripSuffix(stem);
      if (again.suffix === 'er') stem = again.stem;
    }
    // "agreed" and "agrees" lost one "e" of "agree" with their suffix: the one left stays, as "agree" keeps one below.
    const eatenE = (suffix === 'ed' || suffix === 'es') && stem.endsWith('e');
    if (!eatenE && stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
    if (stem.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem)) stem = stem.slice(0, -1);
    return stem;
  },
};

/**
 * Irregular English verb forms (and a few nouns of the same root) to the word a suffix stemmer
 * would reach from the regular forms: "grew", "grown" and "growth" meet "grow" and "growing";
 * "led" meets "lead"; "taught" meets "teach". Suffix stripping cannot reach these; the list is the
 * irregular verbs that stories and interview questions use for what people did.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries({
  grew: 'grow', grown: 'grow', growth: 'grow', led: 'lead', built: 'build', rebuilt: 'rebuild', wrote: 'write', written: 'write', rewrote: 'rewrite',
  rewritten: 'rewrite', taught: 'teach', thought: 'think', brought: 'bring', bought: 'buy', caught: 'catch', fought: 'fight', sought: 'seek',
  chose: 'choose', chosen: 'choose', spoke: 'speak', spoken: 'speak', broke: 'break', broken: 'break', took: 'take', taken: 'take', undertook: 'undertake',
  gave: 'give', given: 'give', went: 'go', gone: 'go', ran: 'run', won: 'win', lost: 'lose', spent: 'spend', sent: 'send', sold: 'sell', kept: 'keep',
  met: 'meet', felt: 'feel', held: 'hold', stood: 'stand', understood: 'understand', began: 'begin', begun: 'begin', drove: 'drive', driven: 'drive',
  rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', froze: 'freeze', frozen: 'freeze', hid: 'hide', hidden: 'hide', burnt: 'burn',
  learnt: 'learn', dealt: 'deal', meant: 'mean', paid: 'pay', said: 'say', saw: 'see', seen: 'see', knew: 'know', known: 'know', forgot: 'forget',
  forgotten: 'forget', overcame: 'overcome', shrank: 'shrink', shrunk: 'shrink', struck: 'strike', found: 'find', heard: 'hear', sped: 'speed',
  fed: 'feed', fled: 'flee', flew: 'fly', flown: 'fly', threw: 'throw', thrown: 'throw', wore: 'wear', worn: 'wear', woke: 'wake', woken: 'wake',
  mistook: 'mistake', mistaken: 'mistake', withdrew: 'withdraw', withdrawn: 'withdraw', oversaw: 'oversee', overseen: 'oversee', became: 'become',
  children: 'child', people: 'person', men: 'man', women: 'woman',
}));

/** Words too common in questions and stories to tell one story from another. */
const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers him his how i if in into is it its just me more most my no nor not now of off on once only or other our ours out over own same she ' +
    'should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours tell time give example describe share walk story situation something someone one us ' +
    // How questions are framed, not what they ask about: "How have you made...", "...you noticed..."
    'made make noticed'
  ).split(' '),
);

/**
 * The words of a text in lower case. A hyphenated word is one word ("on-call" is "oncall"), so
 * that its parts do not match words they only happen to spell ("on", "call").
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(?<=[\p{L}\p{N}])[-‐‑](?=[\p{L}\p{N}])/gu, '')
    .split(/[^\p{L}\p{N}]+/u);
}

/** The stem of one lower-case word: irregular forms first become their regular word (see IRREGULAR). */
export function stemWord(word: string, stemmer: Stemmer = SUFFIX_STEMMER): string {
  return stemmer.stem(IRREGULAR.get(word) ?? word);
}

/** Stems already worked out by the built-in stemmer: a bank repeats the same few thousand words. */
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/** The stems of the content words of a text, in order (repeats kept, for term counts). */
export function contentStems(text: string, stemmer: Stemmer = SUFFIX_STEMMER): string[] {
  const stems: string[] = [];
  const cache = stemmer === SUFFIX_STEMMER ? STEMS : undefined;
  for (const word of words(text)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    let stem = cache?.get(word);
    if (stem === undefined) {
      stem = stemWord(word, stemmer);
      if (cache && cache.size < MAX_CACHED_STEMS) cache.set(word, stem);
    }
    stems.push(stem);
  }
  return stems;
}
