/**
 * Words for matching a question against stories: lower case, split on anything that is not a
 * letter or digit, common words dropped, each word reduced to a stem so that "migrated",
 * "migrating" and "migration" meet.
 */
import { stemmer as porterStem } from 'stemmer';
import { matchesOf } from '../text';

/** Reduces a lower-case word to its stem. An interface, so that tests and other languages can bring their own. */
export interface Stemmer {
  stem(word: string): string;
}

/**
 * Porter's stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980), from the
 * `stemmer` package (words/stemmer, by Titus Wormer, MIT): "migrated", "migrating" and "migration"
 * all give "migrat"; "customers" gives "custom". The default for every match.
 */
export const PORTER_STEMMER: Stemmer = { stem: porterStem };

/**
 * Irregular English verb forms (and a few nouns of the same root) to the word a suffix stemmer
 * would reach from the regular forms: "grew", "grown" and "growth" meet "grow" and "growing";
 * "led" meets "lead"; "taught" meets "teach". Suffix stripping cannot reach these; the list is the
 * irregular verbs that stories and interview questions use for what people did. Porter's stemmer
 * leaves these apart too.
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
  // A modal's past is its present for what a question asks: "customers who can't use it" are those who "could not use" it.
  could: 'can',
}));

/**
 * Adjectives of degree that questions and stories use for what was done. Their superlatives
 * ("fastest", "riskiest") name what the plain word does: "the fastest you have gone" asks about
 * speed as "fast" does, yet Porter's stemmer leaves "-est" on, and stripping it from every word
 * would wreck "interest", "request" or "honest". Comparatives stay as they are: a story's "faster"
 * or "bigger" is its result, and read as "fast" or "big" it matched stories that only use the word.
 */
const GRADED_ADJECTIVES =
  'fast quick slow big large small hard tough risky bold loud old new strong weak simple cheap busy early late deep high low long short ' +
  'smart easy safe great close wide broad proud heavy lean poor tight fair clean';

/** A graded adjective's superlative to the adjective (see GRADED_ADJECTIVES): "riskiest" is "risky", "biggest" is "big", "simplest" is "simple". */
const DEGREES: ReadonlyMap<string, string> = new Map(
  GRADED_ADJECTIVES.split(' ').map((adjective) => {
    const base = adjective.endsWith('y') ? `${adjective.slice(0, -1)}i` : adjective.endsWith('e') ? adjective.slice(0, -1) : /[^aeiou][aeiou][bdgmnpt]$/.test(adjective) ? adjective + adjective.slice(-1) : adjective;
    return [`${base}est`, adjective];
  }),
);

/**
 * Words that Porter's stemmer joins with a word of another meaning, each given a stem of its own:
 * "customer" is not "custom" (a custom build), "news" is not "new", an "internal" tool is not an
 * "intern", an "experiment" is not "experience", "business" is not "busy", "personally" is not
 * "people", "critical" is not "criticism", being "responsible" is not a "response", "authority" is
 * not an "author", "general" is not "generate", an "evening" is not "even" (in "even though"),
 * a product made "accessible" is not the "access" one loses to hardware, and a "talented" engineer
 * is not the "talent" a company hires.
 * Each pair is one that interview questions and stories use in both senses; the forms listed are
 * those suffix stripping would otherwise send to the shared stem.
 */
const SENSES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    customer: 'customer', customers: 'customer', news: 'news', internal: 'internal', internally: 'internal', international: 'internation',
    experiment: 'experiment', experiments: 'experiment', experimented: 'experiment', experimenting: 'experiment', business: 'business',
    businesses: 'business', personal: 'personal', personally: 'personal', critical: 'critical', critically: 'critical', responsible: 'responsib',
    responsibility: 'responsib', responsibilities: 'responsib', authority: 'authoriti', authorities: 'authoriti',
    general: 'general', generally: 'general', evening: 'evening', evenings: 'evening', accessible: 'accessib', inaccessible: 'inaccessib',
    accessibility: 'accessib', talented: 'talented',
  }),
);

/** Words too common in questions and stories to tell one story from another. */
const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers him his how i if in into is it its just me more most my no nor not now of off on once only or other our ours out over own same she ' +
    'should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with ' +
    'would you your yours tell time give example describe share walk story situation something someone one us ' +
    // How questions are framed, not what they ask about: "How have you made...", "...you noticed..."
    'made make noticed ' +
    // Function words that say nothing of a situation ("the people using it", "everyone else", "instead of")
    'use used uses using else every around instead'
  ).split(' '),
);

/**
 * Light verbs, hedging adverbs and "last" (interviewers ask for "the last time"): they carry a
 * sentence's grammar, not its situation ("went past the people asking", "got it out fast", "gave
 * it back", "actually felt"), yet a small bank holds them in one story or two, and BM25 would
 * weigh them as rare. Left out of the words BM25 counts (see `TextStems.content`), kept in LP
 * signal phrases ("took ownership").
 */
const LIGHT_WORDS = new Set(
  (
    'went go goes going gone get gets got getting take takes took taking put puts give gives gave giving thing things actually exactly almost ' +
    'really still ever always whether last'
  ).split(' '),
);

/**
 * The words of a text in lower case (see `plainText`): a hyphenated word is one word ("on-call" is
 * "oncall"), so that its parts do not match words they only happen to spell ("on", "call"), and a
 * contraction is its words ("didn't" is "did not").
 */
export function words(text: string): string[] {
  return plainText(text).split(/[^\p{L}\p{N}]+/u);
}

/** Contractions as the words they stand for; a possessive or "is" ("what's", "the team's") is dropped. "Cannot" is "can not" too (see `plainText`). */
const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bwon['’]t\b/g, 'will not'],
  [/\bcan['’]t\b/g, 'can not'],
  [/n['’]t\b/g, ' not'],
  [/['’]ve\b/g, ' have'],
  [/['’]ll\b/g, ' will'],
  [/['’]re\b/g, ' are'],
  [/['’]d\b/g, ' would'],
  [/['’]m\b/g, ' am'],
  [/['’]s\b/g, ''],
];

/**
 * A text in lower case with the hyphens inside words taken out ("on-call" is "oncall") and its
 * contractions and "cannot" written out: otherwise "didn't" leaves the word "didn", "you've" the
 * word "ve", and "won't" the stem of "won", none of which the question asks about, and "cannot"
 * misses the "can not" of a phrase.
 */
function plainText(text: string): string {
  let plain = text.toLowerCase().replace(/(?<=[\p{L}\p{N}])[-‐‑](?=[\p{L}\p{N}])/gu, '');
  if (plain.includes("'") || plain.includes('’')) for (const [contraction, full] of CONTRACTIONS) plain = plain.replace(contraction, full);
  if (plain.includes('cannot')) plain = plain.replace(/\bcannot\b/g, 'can not');
  return plain;
}

/**
 * A contrast and what it sets aside, up to the end of its clause: "rather than about money or
 * speed". Not "instead of": what follows it is usually the way the story replaced, which the story
 * tells too ("a tool that converted the code instead of having people rewrite it by hand").
 */
const CONTRAST = /\brather than\b[^.,;:?!]*/giu;

/**
 * A question without what it sets aside (see CONTRAST): "a project about the planet rather than
 * about money or speed" asks about the planet, not about cost or speed. Only the themes a question
 * asks about are read from it (`questionCues`); its words and LPs are read from the whole question.
 */
export function withoutContrasts(text: string): string {
  return text.replace(CONTRAST, ' ');
}

/**
 * Stems at least this long lose a final "li": Porter's stemmer leaves the adverb's "-ly" as "li"
 * ("quickly" is "quickli", "publicly" "publicli", "plainly" "plainli", "simply" "simpli"), so a
 * question's "act quickly" missed a story's "quick", and "a public promise" a story's "publicly
 * committed". Taken from the stem rather than the word, the "-ly" words whose other forms end in
 * "li" too stay with them ("family" and "families" are both "fami", "supply" and "supplied" both
 * "supp"). Stems of five letters or fewer keep it, as there the rest is too short to be the
 * word's own ("apply" is not "app", "reply" not "rep", "early" not "ear"). The "-ly" of a "-le"
 * adjective is not reached ("simply" is "simp", not "simple"'s "simpl"), and it is better so:
 * "simply" is said as a hedge more often than as a way of working.
 */
const MIN_ADVERB_STEM = 6;

/**
 * The stem of one lower-case word: a word the stemmer would join with a word of another meaning
 * keeps a stem of its own (see SENSES); irregular forms first become their regular word (see
 * IRREGULAR), and a superlative its adjective (see DEGREES); an adverb meets its adjective (see
 * MIN_ADVERB_STEM).
 */
export function stemWord(word: string, stemmer: Stemmer = PORTER_STEMMER): string {
  const sense = SENSES.get(word);
  if (sense !== undefined) return sense;
  const stem = stemmer.stem(IRREGULAR.get(word) ?? DEGREES.get(word) ?? americanSpelling(word));
  return stem.length >= MIN_ADVERB_STEM && stem.endsWith('li') ? stem.slice(0, -2) : stem;
}

/** A British "-ise" verb's forms: the verb's stem of at least four letters, then the ending. */
const BRITISH_ISE = /^([a-z]{4,})is(e|ed|es|ing|ation|ations|er|ers)$/;
/**
 * Words ending in "-ise" that are not the "-ize" suffix in either spelling ("promise", "exercise",
 * "surprise", "otherwise", "fundraise"), by how the word up to its "is" ends.
 */
const NOT_IZE = /(?:promis|enterpris|premis|exercis|surpris|wis|expertis|compromis|advertis|advis|devis|revis|supervis|televis|improvis|compris|despis|disguis|franchis|merchandis|chastis|precis|concis|paradis|treatis|demis|excis|incis|rais|prais|nois|pois|cruis|bruis|aris|repris)$/;

/**
 * A word in American spelling when it is a British "-ise" form ("criticised" is "criticized",
 * "organisation" is "organization"): Porter's stemmer strips "-ize" back to the root ("critic",
 * as "criticism"), not "-ise", so one question's spelling would otherwise miss a story's.
 */
export function americanSpelling(word: string): string {
  const match = BRITISH_ISE.exec(word);
  if (!match || NOT_IZE.test(`${match[1]}is`)) return word;
  return `${match[1]}iz${match[2]}`;
}

/** Stems already worked out by the default stemmer: a bank repeats the same few thousand words. */
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/** `stemWord`, remembered for the default stemmer. */
function cachedStem(word: string, stemmer: Stemmer): string {
  if (stemmer !== PORTER_STEMMER) return stemWord(word, stemmer);
  let stem = STEMS.get(word);
  if (stem === undefined) {
    stem = stemWord(word, stemmer);
    if (STEMS.size < MAX_CACHED_STEMS) STEMS.set(word, stem);
  }
  return stem;
}

/** A text's stems two ways, from one pass over its words. */
export interface TextStems {
  /**
   * Every word's stem, stop words included, in order, with the word "dollar" before a number that
   * follows a currency sign ("$610K"): what cue phrases are matched against, since their small
   * words are stop words ("on time", "let them down").
   */
  all: string[];
  /**
   * The content words' stems (neither stop words, light words nor superlatives), in order (repeats
   * kept, for term counts): what BM25 counts. A superlative frames a question ("the hardest bug",
   * "your biggest mistake") more than it names the situation, so it shares no word; its adjective
   * still reads a theme ("the fastest": speed) from `all`.
   */
  content: string[];
}

/** A run of letters or digits, with the currency sign and space before it if any. */
const WORD = /([$€£]\s?)?([\p{L}\p{N}]+)/gu;
const DOLLAR = 'dollar';

/**
 * The stems of a text (see `TextStems`), each word lower-cased, split and stemmed once: a story is
 * matched on both lists, and a bank of 10,000 stories spends most of its index build here.
 */
export function textStems(text: string, stemmer: Stemmer = PORTER_STEMMER): TextStems {
  const all: string[] = [];
  const content: string[] = [];
  for (const [, currency, word] of matchesOf(plainText(text), WORD)) {
    if (currency !== undefined && word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57) all.push(cachedStem(DOLLAR, stemmer));
    const stem = cachedStem(word, stemmer);
    all.push(stem);
    if (word.length >= 2 && !STOP_WORDS.has(word) && !LIGHT_WORDS.has(word) && !DEGREES.has(word)) content.push(stem);
  }
  return { all, content };
}

/** The stems of the content words of a text, in order (repeats kept, for term counts). */
export function contentStems(text: string, stemmer: Stemmer = PORTER_STEMMER): string[] {
  return textStems(text, stemmer).content;
}

/**
 * A word with only its inflection taken off: plural and third-person "s"/"es", past "ed", "ing" and
 * adverbial "ly", then a final "e" or a doubled consonant ("hired", "hiring" and "hire" are "hir";
 * "stepped" is "step"; "studied" and "study" are "studi"). Unlike a stem, it keeps derivations
 * apart: "personally" is "personal", not "person" (the stem of "people"); "accountable" is not
 * "account"; "succession" is not "success". Irregular forms first become their regular word (see
 * IRREGULAR). English only, lower-case input.
 */
export function inflectionRoot(word: string): string {
  let root = IRREGULAR.get(word) ?? word;
  const bare = root.replace(/(?:ies|ied)$/, 'i').replace(/(?:ing|ed|es|s|ly)$/, '');
  if (bare.length >= 3 && !root.endsWith('ss')) root = bare;
  root = root.replace(/y$/, 'i').replace(/e$/, '');
  return /([b-df-hj-np-tv-z])\1$/.test(root) && !/(?:ll|ss|ff|zz)$/.test(root) ? root.slice(0, -1) : root;
}

/** Stop words kept by `inflectionRoots`: without them "didn't wait" and "not my job" would be "wait" and "job". */
const NEGATIONS = new Set(['not', 'no', 'never']);

/**
 * The inflection roots of a text's content words and negations (see `inflectionRoot`), in order:
 * two words share one when they are forms of one word ("quick", "quickly"), not when one is
 * derived from the other and a stemmer would join them. What LP signal phrases are matched on.
 */
export function inflectionRoots(text: string): string[] {
  const roots: string[] = [];
  for (const [, , word] of matchesOf(plainText(text), WORD)) if (NEGATIONS.has(word) || (word.length >= 2 && !STOP_WORDS.has(word))) roots.push(inflectionRoot(word));
  return roots;
}
