/**
 * Finds the speaker's own actions in prose. "We", "the team" and passive voice hide who did what;
 * one clear "I" action, or a bullet that opens with a past-tense verb and no subject, is enough.
 */

import { compiledNow, matchesOf, sentenceAround, TWO_LETTERS } from '../text';
import { blankQuotes } from './quotes';

const FIRST_PERSON = /(?<![A-Za-z0-9_.'’-])(?:I(?:['’](?:d|ve|m|ll))?|i(?!\.\s?e\b)(?:['’](?:d|ve|m|ll))?)(?![A-Za-z0-9_]|\.\s?e\b)/g;
/** "Phase I", "SDE I", "Type I": a numeral, not a person. */
const NUMERAL_CONTEXT = /\b(?:phase|type|sde|level|tier|part|stage|class|grade|war|chapter|mark|series|step|gen|sde)\s$/i;
/** Irregular past tenses: an "I" before one of them acted ("I often ran the standup"). */
const IRREGULAR_PAST_WORDS =
  'built wrote rewrote led ran drove took made got gave sent found met spoke brought bought taught sought chose began held kept left won paid put cut split shut sold told went did set sat stood dug fought hung lent lost read rode saw shook shot slept spent spun stole struck swept swung threw understood undertook withdrew wound overcame oversaw overhauled rebuilt redid reran reset rethought drew flew grew knew laid mentored';
const IRREGULAR_PAST = new Set(IRREGULAR_PAST_WORDS.split(' '));
/** Adverbs of a habit: "I always start", "I usually call". */
const HABIT_ADVERBS = 'always|usually|normally|typically|generally|often';
/** Irregular pasts written as their present: "you put your hand up" tells no past. */
const SAME_IN_THE_PRESENT = new Set('put cut set split shut read spread hit let cost hurt quit'.split(' '));
/** Irregular past participles: "I'd written", "I have taken". */
const PARTICIPLE_WORDS = 'done gone seen written taken given driven chosen broken known shown spoken begun rewritten undertaken overseen';
/**
 * What "I" did only in the head, or would do: thinking, feeling, wanting, misjudging ("I
 * underestimated"), a lesson or a liking ("I have learned", "the part I like least", "I didn't love
 * his either"), an opportunity given ("I got to sit in on"), a state come into ("I got stuck"),
 * having ("I have three rules", "I had a disagreement with"), a life event ("before I graduated"),
 * a habit ("I always start"), hypotheticals ("if I were the lead") and where the speaker worked,
 * the setting ("I volunteered at a food bank", "the charity I worked for", "the people I work with
 * at", "where I worked on Saturdays", "I did 12 months of on-call") are not acting.
 */
const NOT_AN_ACTION = new RegExp(String.raw`^\s+(?:(?:really|just|honestly|still|also|always|never)\s+)?(?:would|could|should|might|will|think|thought|felt|feel|believe|believed|hope|hoped|wish|wished|guess|guessed|wonder|wondered|suppose|supposed|assume|assumed|knew|know|underestimated|overestimated|misjudged|misread|expected|realised|realized|forgot|feared|worried|doubted|was (?!able\b|the one\b|first\b|\w+ing\b)|am (?!\w+ing\b)|were\b|want|wanted|need|needed|graduated|retired|got (?:stuck|lost|sick|ill|tired|bored|nervous|confused|frustrated|worried|scared|anxious|overwhelmed|stressed|upset|angry|annoyed|distracted|behind|burn[te]d? out)|(?:didn['’]t|did not|don['’]t|do not) (?:like|love|enjoy|know|think|want|care|mind|agree|feel|believe|understand|expect|realise|realize)|have (?!(?:also |since |just |already |now |then |personally )?(?:been|done|had|got|gotten|[a-z]+ed|${IRREGULAR_PAST_WORDS.replace(/ /g, '|')}|${PARTICIPLE_WORDS.replace(/ /g, '|')})\b)|find (?:that|it)|was part of|was on the team|(?:worked|work) (?:as|at|in|for (?:a|an|the|my|our))\b|(?:volunteered|volunteer|interned|intern|temped) (?:as|at|in|for|with) (?:a|an|the|my|our|this|that|local)\b|(?:worked|work|volunteered|volunteer) (?:for|with|at|on|in)(?=\s*(?:[,.;)]|$|(?:at|in|on)\b))|(?:worked|work|volunteered|volunteer|studied|study|lived|live) (?:on |at |in )?(?:saturdays|sundays|weekends|evenings|nights|weekdays|part[- ]time|full[- ]time)\b|did (?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen) (?:years?|months?|weeks?|summers?|stints?|terms?) (?:as (?:a|an)\b|at\b|of (?:on-call|on call|night shifts|nights|shifts|support|the rota))|had (?:a|an|some) (?:disagreement|argument|conflict|clash|row|dispute|difference of opinion|falling[- ]out)\b|was a member|am part of|was lucky|was happy|was proud|was glad|was impressed|was surprised|(?:have |['’]ve )?(?:learned|learnt)\b(?! (?:to|how)\b)|like|liked|love|loved|enjoy|enjoyed|prefer|preferred|got to (?!(?:the|a|an|my|our|their|his|her|its|it|this|that|every|each|all|work|grips)\b)|had the (?:chance|opportunity) to|(?:${HABIT_ADVERBS}) (?![a-z]+ed\b)(?!(?:${IRREGULAR_PAST_WORDS.replace(/ /g, '|')})\b)[a-z]+)\b`, 'i');
/**
 * "I was upfront with the client, rebuilt the schedule and brought in ...": a state, then steps
 * that share its subject. A past-tense verb after a comma or "and" in the same sentence.
 */
const STEP_AFTER_STATE = /^[^.!?\n]{0,120}?(?:,\s+(?:and\s+)?|\band\s+)(?:then\s+|also\s+)?([a-z]+)\b/;
const WAS = /^\s+was\b/;
const MY_OWN_WORK =
  /\b(?:(?<!\b(?:about|of) )myself|my (?:own |first |main |next |initial |specific |particular |personal )?(?:step|approach|role|plan|proposal|design|analysis|decision|recommendation|part|contribution|job|focus|priority|idea|fix|change|code|script|prototype|doc|document|draft|solution|call|move|task|assignment|responsibility)s?\b)/gi;

/** After "my first step", "my approach": a step that would be taken, not one taken. */
const WOULD_BE = /^\s+(?:would|could|should|might|will)\b/i;

/** Words ending in -ed that open noun phrases, not actions ("Based on", "Related work"). */
const NOT_A_VERB = new Set(
  'need speed feed seed red bed shed indeed exceed proceed succeed hundred based related unrelated advanced detailed limited distributed dedicated automated integrated centralized centralised unified sophisticated experienced skilled talented interested involved excited worried concerned frustrated motivated tired scared qualified'.split(' '),
);
/** A verb's prefixes ("mis-" is left out: "misread" is a misjudgement, not a step). */
const PREFIXES = 're|co|pre|over|under|out';
/**
 * A prefix on an irregular past, with a hyphen ("Re-ran", "Co-wrote"), or joined to a past of four
 * letters or more ("redrew", "overbuilt") or to any after "re" ("reran"): otherwise joined to a
 * shorter one it is a noun ("Comet").
 */
const VERB_PREFIX = new RegExp(`^(?:(?:${PREFIXES})-(?=[a-z]{3})|re(?=[a-z]{3})|(?:${PREFIXES})(?=[a-z]{4}))`);
/** The prefixes as they open a note, capitalised or not: "Re-", "re-". */
const OPENING_PREFIXES = PREFIXES.split('|').map((prefix) => `[${prefix[0].toUpperCase()}${prefix[0]}]${prefix.slice(1)}`).join('|');
const SUBJECTLESS_OPENING = new RegExp(String.raw`^(?:(?:then|first|next|finally|also|personally|quickly|immediately|later|afterwards|together)\b,?\s+)?((?:(?:${OPENING_PREFIXES})-)?[A-Za-z]+)\b(.{0,80})`);
/** "Put simply,", "Said another way,": how a sentence is said, after its opening verb. */
const SAYING = /^\s+(?:simply|briefly|bluntly|plainly|differently|frankly|shortly|another way)\s*,/;
/**
 * A passive after the noun, a phrase set off by commas between: "orders were refunded", "hourly
 * checks, adapted by the ward team, were introduced" (not "got": "Called the vendor, as agreed, got
 * a patch" is a note's steps).
 */
const PASSIVE_AFTER_OPENING = /^(?:\s+[\p{L}-]+){1,2}(?:\s+(?:was|were|is|are|has been|have been|had been|got)\b|\s*,[^,.;!?\n]{1,50},\s+(?:was|were|is|are|has been|have been|had been)\b)/u;
/**
 * Opening verbs of finding or showing, which take a clause for their object: "Noticed lost-parcel
 * complaints were all going to one depot" tells a step, not a participle before a passive ("Delayed
 * orders were refunded"), unless a passive follows the noun (`PASSIVE_PARTICIPLE_AFTER`).
 */
const TAKES_A_CLAUSE = new Set(['noticed', 'spotted', 'found', 'saw', 'discovered', 'showed', 'argued', 'explained', 'warned']);
/**
 * A passive after the noun ("Found items were logged by the porter", "Discovered valuables were
 * handed over"): there the verb of finding is a participle before its noun, as any other is.
 */
const PASSIVE_PARTICIPLE_AFTER = new RegExp(String.raw`${PASSIVE_AFTER_OPENING.source}\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en|wn|ught|ld|lt|ne|id)\b`, 'u');

/** Whether an opening past word (`word`, lowercased, with `rest` after it) is a participle before its noun and a passive: "Delayed orders were refunded". */
function participleBeforePassive(word: string, rest: string): boolean {
  return PASSIVE_AFTER_OPENING.test(rest) && (!TAKES_A_CLAUSE.has(word) || PASSIVE_PARTICIPLE_AFTER.test(rest));
}

export interface PersonalRole {
  /** Offsets within the text given of the first personal action, if any. */
  start: number;
  end: number;
}

/*
 * Patterns with \p{...} outside a class are kept as constants: the bundler writes such a literal as
 * `new RegExp(...)`, which would make a new pattern at every call.
 */
const LETTER = /\p{L}/u;
/** "by" and a gerund after an opening verb: "Started by drafting a plan" acts. */
const BY_DOING = /^\s*by\s+\p{L}+ing\b/u;

/**
 * "I" before a verb in the present tense ("I repeat", "I follow through"), not the past: a word
 * that does not end in -ed and is no irregular past, after an adverb or none.
 */
const ADVERB = String.raw`(?:\p{L}+ly|then|also|first|just|still|later|even|soon|once|often|never|always)`;
const PRESENT_STEP = new RegExp(String.raw`^\s+(?:${ADVERB}\s+)?(?!${ADVERB}\b)(?!(?:${IRREGULAR_PAST_WORDS.replace(/ /g, '|')}|had|did|was|would|could)\b)(?![a-z]+ed\b)[a-z]{2,}\b`, 'u');
/** Words that tell a habit: "always", "constantly", "every day", "whenever". */
const HABIT = /\b(?:always|usually|normally|typically|generally|constantly|consistently|routinely|whenever|every (?:day|time|week|morning|lesson|shift)|each (?:day|time|week))\b/i;
/** The start of a clause before "and I": a name, or a noun phrase opened by "my", "a", "the" ... */
const PAIR_OPENING = /(?:^|[.!?;:]\s+|\n\s*)((?:[Mm]y|[Oo]ur|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|\p{Lu}\p{Ll}+)(?:\s+[\p{L}'’-]+){0,5})\s*$/u;
/** Noun phrases listed with commas before "and I": "our support team, the EAL coordinator, the head of English and I reviewed". */
const LISTED_SUBJECTS = /(?:^|\s)((?:(?:[Mm]y|[Oo]ur|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3},\s+)+(?:[Mm]y|[Oo]ur|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3})\s*$/u;
const NOT_IN_A_SUBJECT = new Set('was were is are had has have been did do does got then so but when after before while because'.split(' '));

/**
 * Whether the words before "and I" are the other half of a pair acting with the speaker ("My friend
 * from campus and I entered", "Priya and I paired"), or others listed with the speaker ("the EAL
 * coordinator, the head of English and I reviewed"): a clause that opens with a name or a noun
 * phrase, or a list of noun phrases, and holds no verb ("The logs were slow and I fixed it" acts on its own).
 */
function pairSubject(before: string): boolean {
  const opening = PAIR_OPENING.exec(before) ?? LISTED_SUBJECTS.exec(before);
  if (!opening) return false;
  return opening[1].split(/\s+/).every((word) => !NOT_IN_A_SUBJECT.has(word.toLowerCase()) && !isPastTense(word.toLowerCase()));
}

/**
 * The first action the speaker tells as their own, as offsets within the text, or undefined: an
 * "I" before a step taken (see `NOT_AN_ACTION` for what is not one), "my own work" ("my task was to
 * change the configuration"), or a note that opens with a past-tense verb (`findSubjectlessAction`).
 */
export function findPersonalAction(text: string): PersonalRole | undefined {
  // Quoted speech is someone else's, unless the whole part is quoted (see `ownWords`).
  const plain = ownWords(text);
  let habitual: boolean | undefined;
  FIRST_PERSON.lastIndex = 0;
  for (let match = FIRST_PERSON.exec(plain); match; match = FIRST_PERSON.exec(plain)) {
    const end = match.index + match[0].length;
    if (match[0] === 'I' && NUMERAL_CONTEXT.test(plain.slice(Math.max(0, match.index - 12), match.index))) continue;
    if (compiledNow(NOT_AN_ACTION).test(plain.slice(end, end + 40))) {
      const step = WAS.test(plain.slice(end, end + 5)) ? STEP_AFTER_STATE.exec(plain.slice(end, end + 160)) : null;
      if (step && isPastTense(step[1]) && !compiledNow(NOT_AN_ACTION).test(` ${step[1]}`)) return { start: match.index, end };
      continue;
    }
    // "My friend and I entered as a pair": the two acting together, as "we"; only a step the speaker tells alone counts.
    if (match.index >= 4 && plain.slice(match.index - 4, match.index) === 'and ' && pairSubject(plain.slice(Math.max(0, match.index - 64), match.index - 4))) continue;
    // "I repeat them constantly": the present tense of a habit told as a habit is no step taken.
    if (compiledNow(PRESENT_STEP).test(plain.slice(end, end + 30)) && (habitual ??= HABIT.test(plain))) continue;
    // "I'd" is "I had" before a participle ("I'd already rebuilt it"), else "I would" ("I'd listen").
    if (/['’]d$/.test(match[0]) && !hadDone(plain.slice(end, end + 40))) continue;
    // "I would show that I understand": a clause under a hypothetical is hypothetical too.
    if (underHypothetical(plain, match.index)) continue;
    return { start: match.index, end };
  }
  for (const own of matchesOf(plain, MY_OWN_WORK)) {
    // "I would make a new one myself": a hypothetical owns nothing; nor does "my first step would be".
    const end = own.index + own[0].length;
    if (!underHypothetical(plain, own.index) && !WOULD_BE.test(plain.slice(end, end + 24))) return { start: own.index, end };
  }
  return findSubjectlessAction(plain);
}

/**
 * Where a note may open: a paragraph (after a blank line: "Inherited a newsletter ..." under a
 * title), a bullet (and a bold label after it), a sentence, the text, the text after
 * a tag of up to three words and a semicolon ("solo; cropped both images"), a line's text after a
 * label of its own of up to three words and a colon, in lower case ("Implementing: briefed the
 * crews"), a line of a block quote (and emphasis).
 */
const OPENINGS = /(?:^|\n)[ \t]*\r?\n[ \t]*(?=[A-Z])|(?:^|\n)[ \t]*(?:[-*+•◦▪‣]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?:\*\*[^*\n]+\*\*:?[ \t]*)?|(?:^|[.!?])[ \t]+(?=[A-Z])|^[ \t]*(?=[A-Za-z])|(?<=^[ \t]*(?:[A-Za-z-]+[ \t]+){0,2}[A-Za-z-]+;[ \t]+)(?=[a-z])|(?<=(?:^|\n)[ \t]*(?:[A-Za-z-]+[ \t]+){0,2}[A-Za-z-]+:[ \t]+)(?=[a-z])|(?:^|\n)[ \t]*(?:>[ \t]*)+[_*]{0,3}(?=[A-Za-z])/g;

/**
 * Bullets and sentences that open with a past-tense verb are the speaker's own: "- Analyzed the
 * logs", notes that open the part in lower case ("standardised the template, added gates") and a
 * line of a block quote, in emphasis too ("> _Spent three sprints adding ..._"), and a paragraph's opening.
 */
function findSubjectlessAction(text: string): PersonalRole | undefined {
  OPENINGS.lastIndex = 0;
  for (let match = OPENINGS.exec(text); match; match = OPENINGS.exec(text)) {
    const from = match.index + match[0].length;
    const opening = SUBJECTLESS_OPENING.exec(text.slice(from, from + 110));
    if (match[0].length === 0) OPENINGS.lastIndex++;
    if (!opening) continue;
    const word = opening[1].toLowerCase();
    const rest = opening[2];
    if (!isPastTense(word)) continue;
    // "Caused by a bug", "Based on": a participle. "Started by drafting a plan" acts: by doing.
    // "Put simply, we let it slip": a way of saying, not a step.
    if (SAYING.test(rest) || (/^\s*(?:,|by\b|on\b)/.test(rest) && !BY_DOING.test(rest)) || participleBeforePassive(word, rest)) continue;
    const start = from + opening[0].indexOf(opening[1]);
    return { start, end: start + opening[1].length };
  }
  return undefined;
}

const PARTICIPLES = new Set(PARTICIPLE_WORDS.split(' '));
const AFTER_CONTRACTION = /^\s+(?:(?:already|just|never|also|first|since)\s+)?([a-z]+)/i;

/** Whether the words after "I'd" read as "I had done". */
function hadDone(after: string): boolean {
  const word = AFTER_CONTRACTION.exec(after)?.[1].toLowerCase();
  return word !== undefined && (PARTICIPLES.has(word) || isPastTense(word) || (word.length === 4 && word.endsWith('ed') && !NOT_A_VERB.has(word)));
}

/** Whether a word (lower case) is a past tense: an irregular one, prefixed or not ("redrew", "re-ran"), or a word in -ed that is a verb. */
function isPastTense(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  if (word.length >= 5 && word.endsWith('ed') && !NOT_A_VERB.has(word)) return true;
  // Not a past that is also a present: "Output", "Upset", "Pre-read" are nouns.
  const stem = word.replace(VERB_PREFIX, '');
  return stem !== word && IRREGULAR_PAST.has(stem) && !SAME_IN_THE_PRESENT.has(stem);
}

/**
 * Words that may tell a past event: "was", "had", "did", "felt", a word ending in -ed, an irregular past
 * (not those written as the present too: "you put your hand up", "I read the bulletin").
 */
const PAST_WORD = new RegExp(
  String.raw`\b(?:was|were|had|did|felt|came|became|said|heard|thought|meant|fell|rose|[a-z]{3,}ed|${IRREGULAR_PAST_WORDS.split(' ')
    .filter((word) => !SAME_IN_THE_PRESENT.has(word))
    .join('|')})\b`,
  'gi',
);
/**
 * The present perfect sums up or looks back from now ("I haven't had to", "has been told", "I've
 * found that ..."): no event told as it happened.
 */
const PERFECT_BEFORE = /(?:\b(?:has|have|hasn['’]t|haven['’]t|been)|['’]ve)\s+(?:(?:\p{L}+ly|not|never|just|already|yet|ever)\s+)?$/iu;
/**
 * "keep the team informed", "keeps everyone updated", "keep the head of year informed": a
 * participle saying how something is kept, not a past event.
 */
const KEPT_AS_BEFORE = /\bkeep(?:s|ing)? (?:(?:the|my|our|their|his|her|all|every) )?(?:(?!(?:that|which|who|when|it|they|he|she|we|I)\b)[\p{L}-]+ ){1,3}$/iu;
/** "If I were", "as if it were", "I wish I were": a supposition, not a past. */
const SUPPOSED_BEFORE = /\b(?:if|wish|as though) (?:I|he|she|it)\s+$/i;
/** "I always asked them to speak first", "we usually met on Mondays": a past told as a habit. */
const HABITUAL_PAST_BEFORE = new RegExp(String.raw`\b(?:I|we|they|he|she)\s+(?:${HABIT_ADVERBS})\s+$`, 'i');
/** "I look into why it happened", "ask what went wrong", "I note when each was set": a past told inside a question asked or a fact noted, after a verb of its own in the present. */
const ASKED_ABOUT_BEFORE = /\b(?:into|out|ask|asks|check|checks|find|finds|look at|understand|understands|explain|explains|note|notes|record|records|log|logs|track|tracks|list|lists) (?:why|how|what|whether|when) (?:(?:it|this|that|they|he|she|each|things?) )?$/iu;
/**
 * "repeat back what I understood", "share whatever went wrong", "say why it mattered": a past told
 * in a clause that the words before it ask about or name, not an event of its own (the verb before
 * it, when past, is). Never a clause opening its sentence ("What I did was ...") or after a
 * comma: only after a word and a space. `ASKED_ABOUT_BEFORE` is its older, narrower kin, kept for
 * "when" after a verb of asking, which this one leaves alone ("I called when it failed").
 */
const EMBEDDED_CLAUSE_BEFORE = /\p{L} (?:what|whatever|why|how|whether) (?:(?:i|we|you|it|this|that|they|he|she|people|things?) )?$/iu;
/**
 * "go back to the last step I finished", "the report we wrote": a thing named by what was done to
 * it, its clause right after it, is no event of the telling's own. Not after a time or an occasion
 * ("the next morning I rang", "that Friday I called", "at the next meeting I explained"): that
 * clause tells when, and is an event.
 */
const RELATIVE_CLAUSE_BEFORE =
  /\b(?:the|a|an|each|every|any|that|this|my|our|their) (?:(?:last|first|next|same|one|only) )?(?!(?:day|night|morning|afternoon|evening|week|weekend|month|year|quarter|term|shift|time|moment|hour|minute|second|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|meeting|call|session|review|visit|standup|stand-up|huddle)s?\b)[\p{L}-]+ (?:that |which )?(?:I|we|you|they) $/iu;
/** "what I did was call the client": a clause that the sentence is about (a cleft), which tells what happened. */
const CLEFT_AFTER = /^\s+(?:was|is)\b/i;
/** Participles that follow their noun as a quality of it: "the guests affected", "everyone involved", "the people concerned". */
const POSTPOSITIVE = new Set(['affected', 'involved', 'concerned']);
/** What follows such a participle where it stands after its noun: a stop, a comma, or a preposition or verb of the clause. */
const AFTER_POSTPOSITIVE = /^(?:[.,;:!?)]|\s+(?:in|by|and|or|to|with|at|on|are|is|were|was|have|has|know|feel|get)\b|\s*$)/i;
/**
 * "was it", "were there": a past verb before its subject asks a question ("We ask two things: was it
 * for a good reason"), where it opens the sentence (see `opensSentence`); after its subject ("I did
 * it in two days", "It was this release that broke") it tells what happened.
 */
const INVERTED_SUBJECT = /^\s+(?:it|there|this|that|they|he|she|you|we)\b(?!['’])/i;
/** Whether the word at `at` opens a line, a sentence or a clause after a colon or a semicolon (closing quotes and emphasis between). */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return true;
  while (i >= 0 && '"”’)*_'.includes(text[i])) i--;
  return i >= 0 && '.!?:;'.includes(text[i]);
}

/** Words only ever past, never a participle after "is" or "a". */
const SIMPLE_PAST = new Set(['was', 'were', 'had', 'did']);
/**
 * "they are frightened", "I'm committed", "a mixed team", "feel heard", "a lot of lost time": an
 * -ed word or a participle as a state or a quality, not a past event. Not after a quantifier: "some
 * agreed at once", "many signed up" tell what happened.
 */
const STATE_BEFORE =
  /(?:\b(?:am|is|are|be|being|feels?|gets?|seems?|looks?|becomes?|stays?|remains?|a|an|the|my|our|their|his|her|its|this|these|those|of)|['’](?:s|re|m))\s+(?:(?:\p{L}+ly|often|always|usually|never|still|very|so|too|more|most|less|quite|well|all)\s+)?$/iu;

/**
 * "stay calm, professional and focused", "is clear, fair and well explained": a participle listed
 * with qualities after a verb of being, the last of the list. A constant, as the bundler writes
 * this literal as `new RegExp(...)`, made anew at each call.
 */
const LISTED_STATE_BEFORE =
  /\b(?:am|is|are|be|being|feels?|gets?|seems?|looks?|becomes?|stays?|remains?|keeps?)\s+(?:[\p{L}-]+,\s+){1,3}(?:[\p{L}-]+,?\s+)?(?:and|or)\s+(?:(?:\p{L}+ly|well|very|so|too|quite)\s+)?$/iu;
/**
 * "I have always been grateful for the values my own teachers gave me", "I love what my first
 * manager showed me": a past named as what the speaker values now, in the same sentence, is the
 * stance's object, not an occasion told.
 */
const VALUED_NOW_BEFORE =
  /\bI(?:['’]m|['’]ve| am| have)?(?:\s+(?:always|still|really|truly|so|very|also|been|\p{L}+ly))*\s+(?:grateful|thankful|love|value|appreciate|admire|cherish)\b[^.!?\n]*$/iu;

/** "and", "or" and at most one word before the word: where a listed state may end. */
const AFTER_AND_OR = /\b(?:and|or)\s+(?:[a-z]+\s+)?$/i;
/** The stems of `VALUED_NOW_BEFORE`'s verbs: a sentence with none of them values nothing. */
const VALUING_WORDS = ['grateful', 'thankful', 'love', 'valu', 'apprecia', 'admire', 'cherish'];
/** How far back a state's list or a stance's sentence is looked for: a long sentence's opening is past it. */
const STANCE_REACH = 160;

/**
 * Whether the past word at `at` names a state listed with qualities (`LISTED_STATE_BEFORE`) or a
 * past the speaker values now (`VALUED_NOW_BEFORE`), read back to the sentence's start within
 * `STANCE_REACH` characters. Plain string tests rule most words out before either pattern is tried.
 */
function stateOrValued(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - STANCE_REACH), at);
  if (AFTER_AND_OR.test(before.slice(-20)) && LISTED_STATE_BEFORE.test(before.slice(-80))) return true;
  if (!VALUING_WORDS.some((word) => before.includes(word))) return false;
  let stop = before.length - 1;
  while (stop >= 0 && !'.!?\n'.includes(before[stop])) stop--;
  return VALUED_NOW_BEFORE.test(before.slice(stop + 1));
}

/**
 * Whether the text tells anything as past: a verb in the past tense outside a state ("they are
 * worried"), a quality ("a detailed plan") and the question or criterion line answered. An answer
 * told wholly as habits or a stance tells none (for what one would do, see `tellsNoEvent`). Stops
 * at the first past word, so a story told in the past costs a sentence or two.
 */
export function tellsPastEvent(text: string): boolean {
  const pattern = compiledNow(PAST_WORD);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const word = match[0].toLowerCase();
    if (word.endsWith('ed') && !isPastTense(word)) continue;
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    if ((!SIMPLE_PAST.has(word) && (STATE_BEFORE.test(before) || KEPT_AS_BEFORE.test(before))) || PERFECT_BEFORE.test(before) || ASKED_ABOUT_BEFORE.test(before) || HABITUAL_PAST_BEFORE.test(before)) continue;
    if (!SIMPLE_PAST.has(word) && stateOrValued(text, match.index)) continue;
    const after = text.slice(match.index + word.length, match.index + word.length + 16);
    if ((EMBEDDED_CLAUSE_BEFORE.test(before) && !CLEFT_AFTER.test(after)) || RELATIVE_CLAUSE_BEFORE.test(before)) continue;
    // "If I were the one interviewing": a wish or a supposition, not a past.
    if (word === 'were' && SUPPOSED_BEFORE.test(before)) continue;
    // "the guests affected", "everyone involved": a participle after its noun. "was it for a good reason?": a question asked.
    if ((POSTPOSITIVE.has(word) && AFTER_POSTPOSITIVE.test(after)) || (SIMPLE_PAST.has(word) && INVERTED_SUBJECT.test(after) && opensSentence(text, match.index))) continue;
    // The question asked, or the criterion answered, is no telling: "## Tell me about a time you disagreed".
    const lineEnd = text.indexOf('\n', match.index);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if (PROMPT_LINE.test(text.slice(text.lastIndexOf('\n', match.index) + 1, end))) {
      pattern.lastIndex = end;
      continue;
    }
    pattern.lastIndex = 0;
    return true;
  }
  return false;
}

/**
 * Words that single out one occasion in a telling told in the present: "one May weekend we keep
 * running out", "Saturdays are always busy, but this one the card machine goes down", "by week six
 * she builds the report". Such a telling is an event, whatever habit words it also holds. A clock
 * time is no such word: a scene imagined has one too ("you are called out at 1 a.m.").
 */
const ONE_OCCASION =
  /\b(?:one|this particular) (?:[\p{L}-]+ ){0,2}(?:day|night|morning|afternoon|evening|weekend|week|shift|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bthis one\b|\bby (?:week|day|month) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/giu;
/** "one day" in a habit, read from its "one": how often ("one day a week", "one weekend a month", "one night shift each week"). */
const HOW_OFTEN = /^(?:one|this particular)\b[^.!?\n]{0,30}?\b(?:a|an|per|each|every) (?:day|night|week|weekend|fortnight|month|quarter|term|year|shift)\b/i;

/** Whether the text singles out one occasion (`ONE_OCCASION`), not a frequency ("one day a week"). */
function singlesOutOccasion(text: string): boolean {
  return matchesOf(text, ONE_OCCASION).some((match) => !HOW_OFTEN.test(text.slice(match.index, match.index + match[0].length + 40)));
}

/**
 * Whether the text tells no event: nothing as past (`tellsPastEvent`) once what the speaker would
 * do is left out ("Where a query is complex I would explain the steps and confirm the caller has
 * understood"). The hypotheticals are looked for only in a text that tells something as past. A
 * text with nothing as past tells no event only where it says a habit, a stance, what one would
 * do ("I always", "I believe", "I would") or, opening the answer, what one will do on a condition
 * ("If my captain tells me to, I will ..."): one occasion told in the present ("So it is the night
 * before launch. I open the logs ...") is an event, and so is one whose words single out one
 * occasion (`singlesOutOccasion`), whatever habit words it holds.
 */
export function tellsNoEvent(text: string): boolean {
  // What one would do is no occasion, whatever it names ("if I were the lead ..., this one PR"); a
  // habit told in the present may be one, where a word singles it out ("one May weekend we keep ...").
  if (!tellsPastEvent(text)) return (mayHoldHypothetical(text) && HYPOTHETICAL.test(text)) || (!singlesOutOccasion(text) && (compiledNow(HABIT_OR_STANCE).test(text) || willOnConditionOpening(text) !== undefined));
  const told = withoutHypotheticals(text);
  return told !== text && !tellsPastEvent(told);
}

/**
 * The first sentence (offsets within the text) that shows a telling of no event for what it is:
 * what the speaker would do ("I would listen first"), else a habit or a stance ("I always make sure
 * I listen"); undefined where there is neither. Read only on a text `tellsNoEvent` holds true of.
 */
export function noEventSentence(text: string): { start: number; end: number } | undefined {
  const hypothetical = hypotheticalSentence(text);
  if (hypothetical) return hypothetical;
  const habit = compiledNow(HABIT_OR_STANCE).exec(text);
  if (habit) return sentenceAround(text, habit.index);
  const opening = willOnConditionOpening(text);
  return opening === undefined ? undefined : sentenceAround(text, text.indexOf(opening));
}

/**
 * A habit, a stance or a summary from now, in place of an occasion: "I always greet callers", "I
 * answer calls all day", "I pride myself", "I haven't had to yet", "our office has been told", "I
 * have managed sales teams for ten years", "I'm passionate about service" (not "I'm good at",
 * which a story told in the present says of a step: "I'm good at spreadsheets, so I build ...").
 */
const HABIT_OR_STANCE = new RegExp(
  String.raw`\b(?:${HABIT_ADVERBS}|regularly|daily|tend to|whenever|every (?:time|day|week)|each (?:time|day|week)|all day|day to day|make sure|try to|my approach|my philosophy|pride myself|I believe|I think|I feel|I value|I support|I like to|I prefer|I find|I['’]m (?:a|an|someone)|I am (?:a|an|someone)|I(?:['’]m| am) (?:(?:also|very|really) )?passionate|I['’]ve|I have (?:managed|led|run|worked|spent|taught|supervised|coached)|(?:has|have)(?:n['’]t| not| never)? (?:been|had|found|always|never))\b`,
  'i',
);

/**
 * What the speaker will do on a condition, opening the answer (see `answerOpening`): "If my
 * captain tells me to, I will do exactly that", "Answer: When a guest complains, I'll listen
 * first". Anywhere else, "I will" may be a promise inside a telling told in the present ("I tell her
 * I'll have it back by Friday", "I will not ship this, I tell my director").
 */
const WILL_ON_CONDITION = /^(?:if|when|whenever|should)\b[^.!?\n]{0,200}?,[ \t]*I(?: will|['’]ll)\b/i;

/** A lead-in label of up to three words before the answer: `**Answer:**`, `Me:`, `A:`. */
const LEAD_IN_LABEL = /^[ \t>*_-]*\p{L}+(?:[ \t]\p{L}+){0,2}[*_]*:[*_]*[ \t]*/u;
/** A table's row. */
const TABLE_ROW = /^[ \t]*\|/;

/** Whether a line tells nothing of the story: the question asked or a criterion (`isPromptLine`), or a table's row. */
export function tellsNothing(line: string): boolean {
  return isPromptLine(line) || TABLE_ROW.test(line);
}

/**
 * The first line of an answer (a paragraph, in Markdown): the first line with a letter that tells
 * something (see `tellsNothing`), its lead-in label (`Answer:`, `**Me:**`) and opening marks left
 * out; undefined when there is none.
 */
export function answerOpening(text: string): string | undefined {
  const line = text.split('\n').find((candidate) => LETTER.test(candidate) && !tellsNothing(candidate));
  return line?.replace(LEAD_IN_LABEL, '').replace(/^[\s"“*_>-]+/, '');
}

/** The answer's opening (`answerOpening`) when it tells what the speaker will do on a condition (`WILL_ON_CONDITION`). */
function willOnConditionOpening(text: string): string | undefined {
  const opening = answerOpening(text);
  return opening !== undefined && WILL_ON_CONDITION.test(opening) ? opening : undefined;
}

/**
 * A line that asks or names what is answered: a heading, a line wholly in bold, a question, a "Q:"
 * line, or the interview question written above the answer however it is set (`> Tell me about a
 * time ...`, `*Describe a decision ...*`, "Tell us about a time you worked well in a team."): a
 * line that is that one sentence, as "Have you ever had a server die on launch day? It happened
 * to me ..." opens a telling.
 */
const PROMPT_LINE =
  /^[ \t>*_]*(?:they|the interviewer|the panel|the recruiter|the hiring manager|my interviewer) asked(?: me| us)?(?: this)?[*_]*:|^[ \t>]*(?:#{1,6}[ \t]|\*\*[^*\n]+\*\*[ \t.:]*$|__[^_\n]+__[ \t.:]*$|[*_]*(?:q|question)[*_]*[ \t]*[:.])|\?[*_ \t]*$|^[ \t>*_-]*(?:tell (?:me|us)|describe|give (?:me |us )?(?:an? )?example|walk (?:me|us)|talk (?:me|us)|share an?|can you|could you|have you)\b(?:(?![.!?]["”’)*_]*[ \t]+\S)[^\n])*$/i;

/**
 * Whether a line is the question asked or a criterion answered, not a telling: a heading, a line
 * that is all bold, a `Q:` or `Question:` line, one that reports the question (`They asked me:
 * "..."`), one that ends in a question mark, one that asks
 * for a story however it is set ("Tell us about a time ...", "Describe a decision ..."), or a
 * template's guidance to its writer (`isGuidanceLine`).
 */
export function isPromptLine(line: string): boolean {
  return PROMPT_LINE.test(line) || isGuidanceLine(line);
}

/** A list item's marker, or a quote's, before a line of guidance. */
const GUIDANCE_MARKER = /^[ \t>]*(?:[-*+][ \t]+)?/;
/**
 * A sentence of a template's guidance to its writer, its emphasis left out: a question ("What did
 * you actually do?") or an instruction ("Use numbers if you can.", "Keep the focus on your part",
 * "Be specific"), opening on a verb seldom a noun ("Leave requests you submit ..." and "Show rates
 * ..." tell; "Say your biggest customer rang ..." imagines a scene).
 */
const GUIDANCE_SENTENCE =
  /^(?:(?:what|how|why|who|where|when|which|did|do|does|were|was|can|could|is|are)\b[^.!?\n]*\?|(?:describe|explain|outline|tell|give|include|mention|use|keep|be|focus|quantify|add|write|highlight|avoid|remember|think|talk|summari[sz]e|make|try|pick|choose|don['’]t)[ \t][^.!?\n]*[.!]?)$/i;
/** "you" or "your": guidance speaks to the writer. */
export const TO_THE_WRITER = /\byour?\b/i;
/** What guidance never holds: the speaker, a figure, a quotation (someone's words reported: "..., my manager told me"). */
const NOT_GUIDANCE = /\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur)\b|\d|["“”]/;
/** A sentence without the emphasis around it, trimmed by hand: a pattern anchored at the end would retry every start in a long run of marks. */
function withoutEmphasisEnds(sentence: string): string {
  let start = 0;
  let end = sentence.length;
  while (start < end && (sentence[start] === '*' || sentence[start] === '_')) start++;
  while (end > start && (sentence[end - 1] === '*' || sentence[end - 1] === '_')) end--;
  return sentence.slice(start, end);
}

/**
 * Whether a line is a template's guidance to its writer, not a telling: it speaks to "you", holds
 * no "I", "we", figure or quotation, and each of its sentences asks a question or gives an
 * instruction (`GUIDANCE_SENTENCE`): "- What came of it? Use numbers if you can.", "Describe where
 * you were. Be specific enough that the interviewer can picture it."
 */
export function isGuidanceLine(line: string): boolean {
  if (!TO_THE_WRITER.test(line) || NOT_GUIDANCE.test(line)) return false;
  const body = line.replace(GUIDANCE_MARKER, '').trim();
  return body !== '' && body.split(/(?<=[.!?])\s+/).every((sentence) => GUIDANCE_SENTENCE.test(withoutEmphasisEnds(sentence)));
}

/**
 * "I would listen", "I'd fix it": what the speaker would do, not what they did. Reported, it is the
 * story's own past ("I was told I would lead the group", "I said that I would fix it"): no hypothetical.
 */
const HYPOTHETICAL =
  /(?<![\p{L}\p{N}_'’])(?<!\b(?:told|said|knew|thought|promised|decided|agreed|expected|hoped|assumed|realised|realized|warned|feared|guessed)(?: me| us| them| him| her)?(?: that)?\s+)I(?: would|['’]d) (?!have\b)\p{L}/u;

/**
 * Whether the text holds "I would", "I'd" or "I’d", without which no hypothetical matches: three
 * searches of plain text spare most texts the pattern, whose lookbehinds are tried at every offset.
 */
function mayHoldHypothetical(text: string): boolean {
  return text.includes('I would') || text.includes("I'd") || text.includes('I’d');
}

/**
 * Whether the words at an offset stand in a sentence that a hypothetical opens before them ("I would
 * check it and make sure I fixed it"): "I'd" that reads as "I had done" is no hypothetical.
 */
function underHypothetical(text: string, offset: number): boolean {
  const sentenceStart = Math.max(text.lastIndexOf('.', offset - 1), text.lastIndexOf('!', offset - 1), text.lastIndexOf('?', offset - 1), text.lastIndexOf('\n', offset - 1)) + 1;
  const before = text.slice(sentenceStart, offset);
  if (!mayHoldHypothetical(before)) return false;
  for (const match of matchesOf(before, HYPOTHETICALS)) {
    const contraction = /^I['’]d/.test(match[0]);
    if (!contraction || !hadDone(before.slice(match.index + 3, match.index + 43))) return true;
  }
  return false;
}

/**
 * The first sentence (offsets within the text) that tells what the speaker would do rather than
 * what they did ("I would listen to the customer"), or undefined: hypotheticals are no action.
 */
export function hypotheticalSentence(text: string): { start: number; end: number } | undefined {
  const own = ownWords(text);
  const match = mayHoldHypothetical(own) ? HYPOTHETICAL.exec(own) : null;
  if (!match) return undefined;
  const sentence = sentenceAround(text, match.index);
  // An answer told as a quotation: the quote opens before the sentence, not inside it.
  while (sentence.start < match.index && /["“‘]/.test(text[sentence.start])) sentence.start++;
  return sentence;
}

/**
 * The text with every sentence told as what the speaker would do ("I would always count tablets
 * twice") blanked to spaces, same offsets: a habit or a plan measures nothing that happened. "I
 * would say", "I'd estimate" and their kin hedge a past fact, and are kept. Linear in the text.
 */
export function withoutHypotheticals(text: string): string {
  if (!mayHoldHypothetical(text)) return text;
  let out = '';
  let at = 0;
  for (const match of matchesOf(text, HYPOTHETICALS)) {
    if (match.index < at || HEDGE.test(text.slice(match.index, match.index + 24))) continue;
    if (/^I['’]d/.test(match[0]) && hadDone(text.slice(match.index + 3, match.index + 43))) continue;
    const sentence = sentenceAround(text, match.index);
    out += text.slice(at, sentence.start) + text.slice(sentence.start, sentence.end).replace(/[^\r\n]/g, ' ');
    at = sentence.end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** Every hypothetical (see `HYPOTHETICAL`), for `withoutHypotheticals` and `underHypothetical`: made once, as each story's Result is read. */
const HYPOTHETICALS = new RegExp(HYPOTHETICAL.source, 'gu');

/** "I would say", "I'd estimate": a hedge on what happened; "I'd no idea", "I'd to": "I had". Not hypotheticals. */
const HEDGE = /^I(?: would|['’]d) (?:say|estimate|guess|reckon|argue|put it|think)\b|^I['’]d (?:no|a|an|the|to)\b/i;

/**
 * The group acting: "we", and "the team" (or crew, group, squad) where it is the one doing ("the
 * team rewrote"), not where it is what the speaker's work was for or with ("documentation for the team").
 */
const COLLECTIVE_ACTOR = /(?<!\b(?:for|with|to|of|on|from|by|across|within|into|behind|about|among|around|beside|than|at|in)\s+)\b(?:we|(?:our|the|my) (?:team|crew|group|squad))\b/gi;

/** The last text whose own words were read (see `ownWords`): a rule asks of one Action its role, its hypotheticals and its "we" in turn. */
let lastOwnWords = { text: '', own: '' };

/**
 * The speaker's own words in a text: what others said blanked, unless the text is told as one
 * quotation, the answer as the candidate would say it. Outside its quotation may stand the question
 * it answers (`**Can you describe a time ...?**`), an answer's lead-in label before it (`Example:
 * "I told both servers ..."`, `**Me:**`) and a lone letter, the next part's marker ("R" before
 * "Result"); not a speaker's name or "The customer said:", which make it someone else's words.
 */
function ownWords(text: string): string {
  if (lastOwnWords.text !== text) {
    const blanked = blankQuotes(text);
    lastOwnWords = { text, own: toldOutsideQuotes(blanked) ? blanked : text };
  }
  return lastOwnWords.own;
}

/**
 * An answer's own lead-in label, opening its first line: `Example:`, `Sample STAR answer:`, `Good
 * answer:`, `Example 1:`, `Answer (STAR):`, `**Me:**`, `A:`. Not a speaker named ("His answer:",
 * "The customer said:").
 */
const ANSWER_LEAD_IN =
  /^[ \t>*_-]*(?:(?:(?:good|strong|great|better|best|model|sample|example|my|suggested|star|weak|bad)[ \t]+){0,2}(?:example|sample|answer|response)(?:[ \t]+(?:answer|response|\d+|\([^)\n]{1,20}\)))?|me|a|say|candidate)[*_]*[ \t]*:[*_]*[ \t]*/i;

/** Whether anything is told outside a text's quotations (`blanked`: the text with them blanked to spaces); see `ownWords`. */
function toldOutsideQuotes(blanked: string): boolean {
  if (!TWO_LETTERS.test(blanked)) return false;
  let first = true;
  for (const line of blanked.split('\n')) {
    if (!TWO_LETTERS.test(line) || isPromptLine(line)) continue;
    if (TWO_LETTERS.test(first ? line.replace(ANSWER_LEAD_IN, '') : line)) return true;
    first = false;
  }
  return false;
}

/** How often the text speaks for a group instead of the speaker (see `COLLECTIVE_ACTOR`), for the message. */
export function countCollectiveVoice(text: string): number {
  return (ownWords(text).match(COLLECTIVE_ACTOR) ?? []).length;
}

/**
 * The first sentence (offsets within the text) where a group acts instead of the speaker, else the
 * first sentence: what a message about the Action quotes back. Undefined for a text with no words.
 */
export function collectiveSentence(text: string): { start: number; end: number } | undefined {
  const plain = ownWords(text);
  COLLECTIVE_ACTOR.lastIndex = 0;
  const actor = COLLECTIVE_ACTOR.exec(plain);
  const first = plain.search(LETTER);
  if (first === -1) return undefined;
  return sentenceAround(text, actor ? actor.index : first);
}


/** Offsets of every first-person "I" (in the speaker's own words: see `ownWords`) and of every "we"/"the team", for highlighting. */
export function voiceMarks(text: string): { mine: Array<[number, number]>; collective: Array<[number, number]> } {
  const plain = ownWords(text);
  const mine: Array<[number, number]> = [];
  FIRST_PERSON.lastIndex = 0;
  for (let match = FIRST_PERSON.exec(plain); match; match = FIRST_PERSON.exec(plain)) mine.push([match.index, match.index + match[0].length]);
  const collective: Array<[number, number]> = [];
  for (const match of matchesOf(plain, COLLECTIVE_ACTOR)) collective.push([match.index, match.index + match[0].length]);
  return { mine, collective };
}
