import type { Story } from '../parse/story';
import { compiledNow } from '../text';

/**
 * Finds measured outcomes in prose: numbers with what they measure, and quantities in words.
 * A measured outcome is a change ("from 4 hours to 10 minutes", "halved"), a rate ("12%"), a count
 * of outcomes ("eleven pairs met", "not one complaint", "without refusing once", "only one bug",
 * "nobody was paged again", "stopped entirely", "never stopped", "no record was lost", "sold out",
 * "all 40 services"), time saved ("saved a full day"), a change of scale ("from days to hours"), a
 * time bound met ("within the hour", "in under an hour", "over a single weekend", "slipped by less
 * than one day", "a month ahead of schedule", "by the end of my third day", "by the end of that
 * week") or an amount ("$2M"). A number that frames the story rather than sizes what came of it
 * does not count, judged by the words just before and after it in its clause: digits that only name
 * things (years, levels, P99, versions, Q3, dates, "Team 42", a heading's number), the method ("a
 * four-month pilot with 5 users", "I interviewed 6 customers"), what was built ("polls every 3
 * seconds", "logs at three severities", "ports 8081 and 5174", "a two-stage route"), a before-value
 * alone ("it used to take 4 hours", "Baseline: 58%"), a goal or a proposal ("Target: 85%"), the span
 * a sentence is set in ("her last 8 months"), the people doing the work ("a team of three"), a
 * placing ("second out of twelve"), an earlier try ("twice before"), a release's number ("the 2.3
 * release") and things already told, counted again ("a comparison of the two", "between the two
 * groups").
 */

const NUMBER = /(?<![A-Za-z0-9_.])(?<![A-Za-z]-)(?<!\d[:/])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g;

/** Units and multipliers that may follow a number directly ("300ms", "2M", "1.5x", "10k"). */
const ATTACHED_UNIT = /^(?:k|m|mm|b|bn|x|ms|s|secs?|h|hrs?|mins?|d|w|gb|mb|tb|kb|pb|gbps|mbps|qps|rps|tps|kw|kwh|mw|mwh|kg|km|t)\b/i;
const PERCENT = /^\s?(?:%|percent\b|per ?cent\b|pp\b|percentage points?\b|points?\b|bps\b|basis points\b)/i;
const MULTIPLIER = /^\s?[x×](?![\p{L}])/u;
const ORDINAL = /^(?:st|nd|rd|th)\b/i;
const TIME_OF_DAY = /^\s?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])/iu;
const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_AFTER = new RegExp(`^\\s${MONTHS}\\b`, 'i');
const MONTH_BEFORE = new RegExp(`\\b${MONTHS}\\.?\\s$`, 'i');
/** Words that make the number a name or a position rather than an amount ("Sprint 4", "version 2", "week 3"). */
const NAMING_WORD_BEFORE =
  /\b(?:version|release|v|phase|stage|step|sprint|tier|level|gen|generation|team|room|floor|building|chapter|section|iteration|milestone|wave|round|week|day|part|sev|severity|priority|grade|series|episode|model|number|no\.?|item|page|line|rule|article|appendix|figure|table|slide|pillar|option|squad|pod|cohort|batch|class|python|java|node|ios|android|windows|gpt|http|ipv|web)\s$/i;
/** Network ports are names too, however many: "on ports 8081 and 5174". */
const PORTS_BEFORE = /\bports?\s+(?:\d+\s*(?:,|and|or|&)\s*)*$/i;
const CAPITALISED_WORD_BEFORE = /(?:^|[^.!?:\n\s])\s+[A-Z][\p{L}]*\s$/u;
const YEAR = /^(?:19|20)\d\d$/;
/** A plural noun after a year-like number means a count ("2000 users"), not a year. */
const COUNTED_NOUN_AFTER = /^\s(?!was\b|is\b|has\b|this\b|as\b|its\b|plus\b)[a-z]+s\b/;
const UNIT_WORD_AFTER =
  /^\s(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|users?|customers?|people|engineers?|teams?|services?|incidents?|tickets?|pages?|requests?|dollars?|euros?|pounds?|gb|mb|tb|kb|times?|fold|x|k|million|billion|thousand)\b/i;
const TIME_UNIT = String.raw`(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|sprints?|shifts?)`;
const APPROXIMATELY = String.raw`(?:almost|about|nearly|roughly|around|over|under|just over|just under|more than|less than)`;
/**
 * None at all, with its verb between: "there has not been one complaint", "we haven't had a single
 * outage". Apart from the branches below, as "n't" starts inside a word.
 */
const NONE_WITH_VERB = String.raw`(?:\bnot|n['’]t) (?:been|had|seen|received|logged|raised|filed|reported|needed|lost|missed) (?:a single|one)(?! (?:of|for|to|who|that|thing)\b) [a-z]`;
/**
 * Quantities in words. Every branch starts at a word's start: the `\b` is written once, before the
 * alternation, so the engine tests it once at each offset rather than once per branch (twice as fast).
 */
const WORD_QUANTITY_ALL = new RegExp(
  String.raw`\b(?:${[
    String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|zero|twice|thrice|halved|doubled|tripled|quadrupled|(?:two|three|four|five|ten|hundred)fold|single-digit|double-digit)\b`,
    String.raw`(?:by|in|to)(?: ${APPROXIMATELY})? (?:a |one )?(?:half|third|quarter|fifth|tenth)\b(?! of (?:the )?(?:year|day|month|week|quarter|sprint|cycle)\b)`,
    String.raw`${APPROXIMATELY} half\b`,
    // Half of a unit of time: "the sales team lost half a day".
    String.raw`half (?:a|an) ${TIME_UNIT}\b`,
    String.raw`(?:half|a third|a quarter|a fifth|two[- ]thirds|three[- ]quarters) (?:of|as|the|what|more|less|fewer|faster|slower|cheaper|smaller|bigger|larger)\b`,
    String.raw`no (?:more |further |new |single |repeat )?(?:incidents?|outages?|pages?|escalations?|defects?|regressions?|downtime|complaints?|errors?|bugs?|rollbacks?|data loss|breaches?|violations?|sev)\b`,
    String.raw`(?:not (?:a |one )?single|not one|none of the|every one of|not one of|all (?:of )?the \d)`,
    // A whole done within a bound: "all staff had completed their training before the system went live".
    String.raw`(?:all|every) (?:of )?(?:the |our |my |their )?[a-z]+(?: [a-z]+)? (?:had |have |has |were |was )?(?:completed|finished|passed|migrated|moved|switched|adopted|signed)\b[^.;!?\n]{0,60}?\b(?:before|ahead of)\b`,
    // None, in words: "stopped entirely", "their line never stopped" (not "never stopped by" or "never stopped coming"), "no
    // record was lost"; a whole: "sold out".
    String.raw`(?:stopped|ended|disappeared|vanished) (?:entirely|completely|altogether)|never (?:stopped|went down|missed|slipped|failed)(?! (?:by|to|in|for|at|[a-z]+ing)\b)|sold out`,
    String.raw`no (?!(?:idea|matter|way|doubt|one)\b)(?:[a-z]+ ){1,2}(?:was|were) (?:lost|missed|dropped|late|delayed|double-booked)`,
    // None of what could go wrong did: "no wrong prices went live", "no customer complained",
    // "nobody complained" ("with no testing it went live" tells how, not how many).
    String.raw`(?:no (?!(?:idea|matter|way|doubt|one|time)\b)(?:(?!(?:that|which|who|to|for|and|but|it|they|we|he|she|i|you|this|there)\b)[a-z]+ ){1,2}|nobody |no one )(?:went (?:live|out(?! of)|missing|unanswered)|got (?:through|out)|slipped (?:through|out)|complained|churned|bounced)\b`,
    // Small quantities and time bounds in words: "within the hour", "less than one day",
    // "a single day of downtime", "a month ahead of schedule".
    String.raw`within (?:a |an |one |the |a single )?(?:couple of |few )?${TIME_UNIT}\b`,
    String.raw`(?:less|more|fewer) than (?:a |an |one |a single )${TIME_UNIT}\b`,
    // A bound told with "under": "finishes in under an hour", "inside a couple of days".
    String.raw`(?:under|inside|just under) (?:a|an|one|a single|a couple of|a few) ${TIME_UNIT}\b`,
    // None at all, told as "once": "without refusing once", "never once missed", "not once".
    String.raw`(?:without [a-z]+ing(?: [a-z]+){0,2}? (?:even )?once|never once|not once|not even once)\b`,
    String.raw`a single (?:${TIME_UNIT}|complaints?|incidents?|outages?|errors?|defects?|bugs?|failures?|escalations?|tickets?|rollbacks?)\b`,
    String.raw`(?:a|an|one) (?:full |whole |clear )?${TIME_UNIT} (?:ahead of|early|earlier|sooner|faster|before (?:the )?(?:deadline|schedule|target|date|end of))\b`,
    // An amount of time saved, a change of scale, a lone count: "saved a full day every week",
    // "from days to hours", "only one bug reached production".
    String.raw`(?:saved|saves|saving|freed|gained|cut) (?:us |them |me |him |her |the team |each [a-z]+ |every [a-z]+ )?(?:a|an|one) (?:full |whole )?${TIME_UNIT}\b`,
    String.raw`from (?:seconds|minutes|hours|days|weeks|months|years|quarters) to (?:seconds|minutes|hours|days|weeks|months|years|quarters)\b`,
    String.raw`(?:only|just) (?:one|a single) (?!of\b)[a-z]+`,
    // None over a period: "nobody was paged again", "none in the next quarter", "no repeat of the fault since".
    String.raw`(?:nobody|no one|none|neither|no (?:repeat|recurrence|repetition)s? of)\b[^.;!?\n]{0,40}?\b(?:again|since|afterwards|that (?:week|month|quarter|year|season|term|semester)|in the (?:next|following|months|weeks|year) )`,
    // None over a period, told in the perfect: "we haven't heard a complaint since", "has not had a single outage again".
    String.raw`(?:have|has)(?:n['’]t| not) (?:had|heard|seen|received|got|logged|raised) (?:a |one |a single |any )?(?:complaints?|incidents?|outages?|errors?|defects?|bugs?|failures?|escalations?|pages?|tickets?|rollbacks?)\b[^.;!?\n]{0,30}?\b(?:since|again)\b`,
    // None counted by a check of the outcome: "the next audit found no missing checks", "the
    // near-miss log showed no mix-ups".
    String.raw`(?:audits?|inspections?|reviews?|checks?|surveys?|logs?) (?:found|showed|recorded|logged|reported|listed) (?:no|none|nothing|zero)\b`,
    // A time bound told by an ordinal, or from when the work began: "by the end of my third day",
    // "by the second sprint", "by the end of that week", "by the following month". A calendar
    // date ("by the end of the year") is a date, not a bound.
    String.raw`by (?:the end of )?(?:(?:my|the|our|its|their) (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|that|the same|the following|the next) ${TIME_UNIT}\b`,
  ].join('|')})|${NONE_WITH_VERB}`,
  'gi',
);

/**
 * Context that makes a number describe the method or the starting point, not an outcome. Each is
 * read from the clause the number stands in, before or after it.
 */
/** "it used to take 4 hours", "previously 30 a month": a before-value. */
const BEFORE_VALUE = /\b(?:used to|previously|originally|formerly|had (?:been|taken|needed)|back then)\b[^,;:.!?\n]*$/i;
/**
 * A value named as the aim or the starting point, whatever follows it: "Target: 85%", "a goal of
 * 30", "Baseline pass rate: 58%", "the baseline was 40".
 */
const AIM_OR_START_BEFORE =
  /\b(?:targets?|goals?|aims?|objectives?)(?:\s*:|\s+(?:of|was|is|were|are|set at|at))\s+(?:about |around |roughly |nearly |over |under )?$|\bbaseline\b(?:[^,;:.!?\n]*:|\s+(?:was|is|of|at|stood at))\s*$/i;
/**
 * What was proposed, not what came of it, within the proposal's own clause: "suggested they answer
 * every complaint within a day", but not "proposed a new cache, which cut latency by 40%".
 */
const PROPOSED_BEFORE = /\b(?:suggested|proposed|recommended|advised|urged)\b(?:(?!\b(?:which|and|then|so|after|until)\b)[^.,;:!?\n])*$/i;
/**
 * A span the sentence is set in, not a size reached: "her last 8 months", "for the next two
 * years". A bound met ("within the first 2 weeks") is not a span.
 */
const TIME_SPAN_BEFORE =
  /(?:(?<!\b(?:within|in|by|inside|under|over|during) )\b(?:her|his|their|my|our|its|the) (?:last|past|previous|preceding|first)|\bfor the (?:next|following))\s+$/i;
/** "a comparison of the two.": things already told, counted again with nothing after them (the clause ends). */
const TOLD_BEFORE = /\b(?:the|these|those)\s+$/i;
/** "between the two groups", "among the three teams": the parties already told, named by their count, whatever follows. */
const PARTIES_BEFORE = /\b(?:between|among|amongst)\s+(?:the|these|those|both)\s+$/i;
const CLAUSE_END_AFTER = /^\s*(?:[.,;:!?)]|$)/;
/**
 * The people doing the work, not what came of it: "a team of three", "9 of us", "the other two
 * took the landing page".
 */
const PEOPLE_BEFORE = /\b(?:team|group|squad|crew|panel|pair) of\s+$|\bthe other\s+$/i;
const PEOPLE_AFTER = /^\s+of us\b/i;
/**
 * A placing in a field is no measure: "second out of twelve teams", "we were one of four winners".
 * A count of outcomes among a whole is: "only one of 60 customers reported a problem".
 */
const PLACING_BEFORE = /\b(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top)\s+(?:out\s+)?|(?:was|were|is|are|became|finished|came|placed)\s+one\s+)of\s+$/i;
/** A count of earlier tries: "Twice before, I picked ...". */
const EARLIER_AFTER = /^\s+before\s*,/i;
/** "a four-month pilot", "a 5-user trial", "a two-week A/B test". */
const METHOD_AFTER = /^(?:[- ](?:second|minute|hour|day|week|month|year|person|people|user|engineer|customer|team|site|store|branch)s?)?[- ](?:long[- ])?(?:pilot|trial|test|a\/b test|experiment|study|spike|proof[- ]of[- ]concept|poc|survey|workshop)s?\b(?!\s+\p{L}+s\b)/iu;
/**
 * "a pilot with 5 users", "a survey of 200 drivers", "the pilot ran with 5 users", "the trial
 * included 30 stores"; how long a step went on ("I kept watching the service for 3 weeks"); the
 * term of a contract renewed ("renewed with us for another two years"), a single outcome.
 */
const METHOD_BEFORE =
  /\b(?:pilot|trial|test|experiment|study|proof[- ]of[- ]concept|poc|beta|survey|sample|prototype)s?\s+(?:(?:ran|was run|were run|started|began|launched|opened)\s+)?(?:with|of|among|across|covering|involving|included|involved|covered|had|spanned)\s+(?:only |just |about |around |roughly |nearly |some )?$|\bkept\s+[a-z]+ing\b[^.;!?\n]{0,40}?\bfor\s+(?:about |around |nearly |over |another )?$|\b(?:renewed|extended|re-signed|signed)\b[^.;!?\n]{0,30}?\bfor\s+(?:another|a further|an extra)\s+$/i;
/** "I interviewed 6 customers", "asked two clarifying questions", "read 30 past reviews": what was done, not what came of it. */
const METHOD_VERB_BEFORE =
  /\b(?:asked|interviewed|surveyed|read(?: through)?|reviewed|held|hosted|called|met(?: with)?|visited|shadowed|watched|talked to|spoke (?:to|with)|consulted|sampled|examined|studied|audited|went through|walked through|sat with|paired with|emailed|drafted)\s+(?:(?:about|around|roughly|nearly|over|some|another|a further|more than|a|an)\s+)?$/i;
/**
 * A count of what the speaker wrote, built or used in a step ("I wrote three new questions", "and
 * used ten anonymised patients", "I built three dashboards"): the step's size, not what came of it.
 * Verbs that often tell an outcome are not among them: "we added 2,000 subscribers", "made 12
 * sales", "took 2 days off the build", "gave 40 hours back", "found only two errors", "sent out two
 * students in total", "booked 30 demos".
 */
const STEP_VERB_BEFORE =
  /\b(?:I|we|and|then)\s+(?:(?:also|then|first|quickly|personally)\s+)?(?:wrote|rewrote|used|built|created|set up|picked|chose|drew up|prepared|printed|put together)\s+(?:(?:the|them|it|up|out|all|my|our|their|his|her|a|an|another|some|about|around)\s+)*$/i;
/**
 * What the thing built is, not what it changed: a schedule it runs on ("polls the backend every 3
 * seconds") and a count of its parts ("logs at three severities", "split into 4 modules").
 */
const SCHEDULE_BEFORE = /\b(?:polls?|polled|polling|runs?|ran|refresh(?:es|ed)?|checks?|checked|syncs?|synced|pings?|pinged|retries|retried|scans?|scanned|backs? up|backed up)\b(?:\s+[\p{L}'-]+){0,4}\s+every\s+$/iu;
const DESIGN_PART_AFTER =
  /^[- ](?:severit(?:y|ies)|severity levels|log levels|modes|types|kinds|categories|formats|languages|tabs|screens|views|filters|endpoints|fields|columns|components|modules|layers|tiers|panels|widgets|charts|microservices)\b/i;
/** A count of parts reached by a change is an outcome: "cut the form to 3 fields". */
const CHANGED_TO_BEFORE = /\b(?:to|from|down to|up to|only|just|fewer than|less than|more than|instead of)\s+$/i;
/** "refreshes every 5 seconds instead of every hour": a schedule that changed is an outcome. */
const COMPARED_IN_CLAUSE_AFTER = /^[^;.!?\n]{0,30}\b(?:instead of|rather than|compared (?:to|with)|down from|up from|than)\b/i;
/** A comparison after the number makes it a measure whatever came before: "3 times faster". */
const COMPARISON_AFTER = /^\s?(?:%|x\b|×|times\b|fold\b|percent\b|faster\b|slower\b|more\b|less\b|fewer\b|cheaper\b)/i;

/**
 * A number joined to a word by a hyphen sizes the noun after it: "a 12-step runbook", "a 3-day
 * process" count things, "3-tier", "2-pizza", "two-stage" only describe, and the term of an
 * agreement or the effort put in ("a two-year contract", "that 2-hour investment") is no outcome.
 * In words, a number's second half ("twenty-five") and fractions and folds ("two-thirds") go on.
 */
const COMPOUND_MEASURE =
  /^-(?:(?:steps?|days?|hours?|minutes?|weeks?|months?|person|people|engineers?|clicks?|pages?)\b(?![- ](?:contracts?|deals?|agreements?|leases?|licen[cs]es?|terms?|warrant(?:y|ies)|subscriptions?|renewals?|investments?)\b)|(?:one|two|three|four|five|six|seven|eight|nine|thirds?|quarters?|fifths?|tenths?|fold|digit)\b)/i;

/** Whether the quantity at [start, end) frames the story rather than sizes what came of it (see the module's docs). */
function describesMethod(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 80), start);
  // A value named as the aim or the start is no outcome, whatever follows it: "Target: 85% higher".
  if (AIM_OR_START_BEFORE.test(before)) return true;
  // Otherwise a comparison after the number makes it a change: "is now 10x faster".
  if (COMPARISON_AFTER.test(after)) return false;
  return (
    PROPOSED_BEFORE.test(before) ||
    BEFORE_VALUE.test(before) ||
    METHOD_AFTER.test(after) ||
    TIME_SPAN_BEFORE.test(before) ||
    PEOPLE_BEFORE.test(before) ||
    PEOPLE_AFTER.test(after) ||
    PLACING_BEFORE.test(before) ||
    (TOLD_BEFORE.test(before) && CLAUSE_END_AFTER.test(after)) ||
    PARTIES_BEFORE.test(before) ||
    EARLIER_AFTER.test(after) ||
    METHOD_BEFORE.test(before) ||
    METHOD_VERB_BEFORE.test(before) ||
    STEP_VERB_BEFORE.test(before) ||
    ((SCHEDULE_BEFORE.test(before) || (DESIGN_PART_AFTER.test(after) && !CHANGED_TO_BEFORE.test(before))) && !COMPARED_IN_CLAUSE_AFTER.test(after))
  );
}

export interface Quantity {
  /** Offsets within the text given. */
  start: number;
  end: number;
}

/**
 * The measured outcomes in the text (offsets within it): numbers first, in order, then quantities
 * in words, each judged in its clause. With `firstOnly`, it stops at the first: most texts asked
 * about have a number, and need no search for words.
 */
function measuredOutcomes(text: string, firstOnly: boolean): Quantity[] {
  const found: Quantity[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const end = match.index + match[0].length;
    if (measures(text, match.index, end, match[1], match[2]) && !describesMethod(text, match.index, end)) {
      found.push({ start: match.index, end });
      if (firstOnly) break;
    }
  }
  NUMBER.lastIndex = 0;
  if (firstOnly && found.length > 0) return found;
  // Searched a match at a time, not listed whole: the first that measures may be all that is asked.
  // No branch of the pattern matches empty text, and the judging runs no search of it.
  const words = compiledNow(WORD_QUANTITY_ALL);
  words.lastIndex = 0;
  for (let word = words.exec(text); word; word = words.exec(text)) {
    const end = word.index + word[0].length;
    if (wordMeasures(text, word.index, end)) {
      found.push({ start: word.index, end });
      if (firstOnly) break;
    }
  }
  words.lastIndex = 0;
  return found;
}

/**
 * The first measured outcome in the text (offsets within it), or undefined when it measures
 * nothing: numbers first, then quantities in words, each judged in its clause.
 */
export function findQuantity(text: string): Quantity | undefined {
  return measuredOutcomes(text, true)[0];
}

/** Whether the text names a number at all, in digits or in words, whether or not it measures. */
export function namesNumber(text: string): boolean {
  if (/\d/.test(text)) return true;
  // The first quantity in words settles it: no list of them all.
  const words = compiledNow(WORD_QUANTITY_ALL);
  words.lastIndex = 0;
  const named = words.test(text);
  words.lastIndex = 0;
  return named;
}

/** Whether the text states a measured outcome (see `findQuantity`). */
export function hasQuantity(text: string): boolean {
  return findQuantity(text) !== undefined;
}

const answersByStory = new WeakMap<Story, Map<string, boolean>>();

/**
 * `hasQuantity` of a text of the story (its Result's prose), remembered for that story: the
 * unquantified-result rule and the index's summary of the story ask about the same Result.
 */
export function storyHasQuantity(story: Story, text: string): boolean {
  let answers = answersByStory.get(story);
  if (!answers) answersByStory.set(story, (answers = new Map()));
  let measured = answers.get(text);
  if (measured === undefined) answers.set(text, (measured = hasQuantity(text)));
  return measured;
}

/** Whether a quantity in words at [start, end) measures: joined to a noun, as a number would be ("two-stage" does not), and not the method's. */
function wordMeasures(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) === HYPHEN && !COMPOUND_MEASURE.test(text.slice(end, end + 40))) return false;
  return !describesMethod(text, start, end);
}

const HYPHEN = 0x2d;

const RELEASE_AFTER = /^\s(?:release|version|build|update|patch|rollout)\b/i;

function measures(text: string, start: number, end: number, whole: string, decimals: string | undefined): boolean {
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 24), start);
  if (/^\.\d/.test(after)) return false; // 1.2.3: a version
  if (PERCENT.test(after) || MULTIPLIER.test(after)) return true;
  if (/^[$€£¥]/.test(before.slice(-1)) || /[$€£¥]\s?$/.test(before)) return true;
  if (ORDINAL.test(after) || TIME_OF_DAY.test(after)) return false;
  if (/^[\p{L}]/u.test(after)) return ATTACHED_UNIT.test(after); // "2FA", "3D" name things; "300ms" measures
  if (/^-[\p{L}]/u.test(after)) return COMPOUND_MEASURE.test(after);
  if (after.startsWith(':')) {
    if (/^:\d{2}\b/.test(after)) return false; // 10:30, a time of day
    if (whole === '1' && /^:1s?\b/.test(after)) return false; // 1:1s, meetings
    return /^:\d/.test(after); // 8:1, a ratio
  }
  if (after.startsWith('/')) {
    if (whole === '24' && after.startsWith('/7')) return false;
    if (/^\/\d{1,2}\/\d{2,4}/.test(after) || /^\/\d{4}\b/.test(after)) return false; // a date
    return /^\/\s?[\p{L}\p{N}]/u.test(after); // 10/10, 30/week
  }
  if (/^[.)]\s/.test(after) && /(?:^|\n)[ \t]*(?:#{1,6}[ \t]+)?$/.test(before)) return false; // "1. " numbering a list or a heading
  if (MONTH_AFTER.test(after) || MONTH_BEFORE.test(before)) return false;
  if (whole === '360' && /^\s(?:feedback|degree|review)/i.test(after)) return false;
  const unitAfter = UNIT_WORD_AFTER.test(after);
  // "went out with 2.0": a whole number written with ".0" and nothing measured after is a release.
  if (decimals === '.0' && !unitAfter) return false;
  // "the 2.3 release", "a 3 rollout": a number that names a release, by the word after it.
  if (RELEASE_AFTER.test(after)) return false;
  if (!decimals && YEAR.test(whole) && !COUNTED_NOUN_AFTER.test(after) && !unitAfter) return false;
  if (!unitAfter && (NAMING_WORD_BEFORE.test(before) || CAPITALISED_WORD_BEFORE.test(before) || PORTS_BEFORE.test(before))) return false;
  return true;
}

/**
 * Every measurable outcome in the text, for highlighting, in order. Numbers are judged in the
 * context of the whole text (a "$" or a month before them), and words and numbers both count.
 */
export function findAllQuantities(text: string): Quantity[] {
  const found = measuredOutcomes(text, false);
  found.sort((a, b) => a.start - b.start);
  return found.filter((q, i) => i === 0 || q.start >= found[i - 1].end);
}

/** Words that end a figure's phrase: what follows them tells of something else ("to", "had", "across"). */
const NOT_OF_THE_FIGURE = new Set(['to', 'per', 'each', 'every', 'during', 'last', 'next', 'since', 'compared', 'and', 'or', 'but', 'from', 'in', 'into', 'within', 'by', 'for', 'of', 'with', 'over', 'under', 'after', 'before', 'on', 'at', 'through', 'across', 'than', 'as', 'the', 'a', 'an', 'that', 'which', 'who', 'while', 'when', 'so', 'had', 'has', 'have', 'was', 'were', 'is', 'are', 'been', 'be', 'would', 'could', 'will', 'we', 'i', 'it', 'they', 'our', 'my', 'their']);
/** Words that scale the number before them and so belong to it ("2 billion"). */
const SCALE_WORD = /^(?:thousand|million|billion|trillion|hundred|k|m|bn)$/i;

/**
 * The figure at [start, end) of the text as a person would quote it (offsets within the text): with
 * its currency or sign before, what is attached after ("$40K", "61%", "300ms"), a scale word
 * ("1.2 million"), the one word that says what it counts ("6 MB", "2,400 users"; none after a
 * percentage or an amount of money) unless that word tells of something else ("19 days to 2":
 * "19 days"), and a rate ("a day", "every week"). A change told as "from X to Y" is quoted whole
 * ("from 500 ms to 50 ms"), from either of its figures. Whitespace is collapsed; what is attached
 * before and after is read a few characters at most, so a run of figures costs no more than one.
 */
export function figurePhrase(text: string, start: number, end: number): string {
  const change = changeAround(text, start, end);
  if (change) return text.slice(change.start, change.end).replace(/\s+/g, ' ').trim();
  return text.slice(figureStart(text, start), figureEnd(text, start, end)).replace(/\s+/g, ' ').trim();
}

function figureStart(text: string, start: number): number {
  let from = start;
  while (from > 0 && start - from < 2 && /[$€£¥~+-]/.test(text[from - 1])) from--;
  return from;
}

function figureEnd(text: string, start: number, end: number): number {
  const attached = ATTACHED.exec(text.slice(end, end + 12))![0];
  let at = end + attached.length;
  // "12%", "$40K": the figure says what it is; only a rate may follow.
  let counts = !attached.includes('%') && !/[$€£¥]/.test(text.slice(Math.max(0, start - 2), start));
  while (counts) {
    const match = NEXT_WORD.exec(text.slice(at, at + 40));
    if (!match || NOT_OF_THE_FIGURE.has(match[1].toLowerCase())) break;
    at += match[0].length;
    // After a scale word ("40 million"), the word it counts may follow ("visits").
    counts = SCALE_WORD.test(match[1]);
  }
  return at + (RATE.exec(text.slice(at, at + 30))?.[0].length ?? 0);
}

/** What is attached after a figure's digits: "K", "%", "ms", "x" (a few characters at most). */
const ATTACHED = /^[^\s.,;:!?)"'”’]{0,8}/;

/** A rate after a figure belongs to it: "1,900 a day", "$40K per month". */
const RATE = /^[ \t]+(?:a|an|per|each|every)[ \t]+(?:second|minute|hour|day|night|shift|week|sprint|month|quarter|year)\b/i;

/** The word after a figure, with the blanks before it. */
const NEXT_WORD = /^[ \t]+([\p{L}][\p{L}'’-]*)/u;
/** A figure in a change: its sign, digits, what is attached, and a word after. */
const CHANGE_FIGURE = String.raw`[$€£¥~+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[^\s.,;:!?)"'”’]*(?:[ \t]+[\p{L}][\p{L}-]*)?`;
/** "from X to Y": a change told whole. */
const CHANGE = new RegExp(String.raw`\bfrom[ \t]+${CHANGE_FIGURE}[ \t]+to[ \t]+${CHANGE_FIGURE}`, 'giu');

/** "from 500 ms to 50 ms" or "fell from 11 weeks to 5" around a figure: the span from "from" to the second figure's end. */
function changeAround(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const windowStart = Math.max(0, start - 40);
  for (const match of text.slice(windowStart, end + 60).matchAll(CHANGE)) {
    const from = windowStart + match.index;
    const to = from + match[0].length;
    if (from <= start && end <= to) {
      // The last word of the second figure, only if it says what it counts ("50 ms", not "5 and").
      const tail = /[ \t]+([\p{L}][\p{L}-]*)$/u.exec(match[0]);
      return { start: from, end: tail && NOT_OF_THE_FIGURE.has(tail[1].toLowerCase()) ? to - tail[0].length : to };
    }
  }
  return undefined;
}
