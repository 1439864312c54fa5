/**
 * Finds measurable outcomes in prose: numbers with what they measure, and quantities in words.
 * Digits that only name things (years, levels, P99, versions, Q3, dates, "Team 42") do not count.
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
const CAPITALISED_WORD_BEFORE = /(?:^|[^.!?:\n\s])\s+[A-Z][\p{L}]*\s$/u;
const YEAR = /^(?:19|20)\d\d$/;
/** A plural noun after a year-like number means a count ("2000 users"), not a year. */
const COUNTED_NOUN_AFTER = /^\s(?!was\b|is\b|has\b|this\b|as\b|its\b|plus\b)[a-z]+s\b/;
const UNIT_WORD_AFTER =
  /^\s(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|users?|customers?|people|engineers?|teams?|services?|incidents?|tickets?|pages?|requests?|dollars?|euros?|pounds?|gb|mb|tb|kb|times?|fold|x|k|million|billion|thousand)\b/i;
const WORD_QUANTITY = new RegExp(
  [
    String.raw`\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|zero|twice|thrice|halved|doubled|tripled|quadrupled|(?:two|three|four|five|ten|hundred)fold|single-digit|double-digit)\b`,
    String.raw`\b(?:by|in|to) (?:a |one )?(?:half|third|quarter|fifth|tenth)\b(?! of (?:the )?(?:year|day|month|week|quarter|sprint|cycle)\b)`,
    String.raw`\b(?:half|a third|a quarter|a fifth|two[- ]thirds|three[- ]quarters) (?:of|as|the|more|less|fewer|faster|slower|cheaper|smaller|bigger|larger)\b`,
    String.raw`\bno (?:more |further |new |single |repeat )?(?:incidents?|outages?|pages?|escalations?|defects?|regressions?|downtime|complaints?|errors?|bugs?|rollbacks?|data loss|breaches?|violations?|sev)\b`,
    String.raw`\b(?:not (?:a |one )?single|none of the|every one of|not one of|all (?:of )?the \d)`,
  ].join('|'),
  'i',
);

export interface Quantity {
  /** Offsets within the text given. */
  start: number;
  end: number;
}

/** The first measurable outcome in the text, or undefined when it measures nothing. */
export function findQuantity(text: string): Quantity | undefined {
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const end = match.index + match[0].length;
    if (measures(text, match.index, end, match[1], match[2])) return { start: match.index, end };
  }
  const word = WORD_QUANTITY.exec(text);
  return word ? { start: word.index, end: word.index + word[0].length } : undefined;
}

export function hasQuantity(text: string): boolean {
  return findQuantity(text) !== undefined;
}

function measures(text: string, start: number, end: number, whole: string, decimals: string | undefined): boolean {
  const after = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 24), start);
  if (/^\.\d/.test(after)) return false; // 1.2.3: a version
  if (PERCENT.test(after) || MULTIPLIER.test(after)) return true;
  if (/^[$€£¥]/.test(before.slice(-1)) || /[$€£¥]\s?$/.test(before)) return true;
  if (ORDINAL.test(after) || TIME_OF_DAY.test(after)) return false;
  if (/^[\p{L}]/u.test(after)) return ATTACHED_UNIT.test(after); // "2FA", "3D" name things; "300ms" measures
  // "a 12-step runbook", "a 3-day process" count things; "3-tier", "2-pizza" only describe.
  if (/^-[\p{L}]/u.test(after)) return /^-(?:steps?|days?|hours?|minutes?|weeks?|months?|person|people|engineers?|clicks?|pages?)\b/i.test(after);
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
  if (/^[.)]\s/.test(after) && /(?:^|\n)[ \t]*$/.test(before)) return false; // "1. " list numbering
  if (MONTH_AFTER.test(after) || MONTH_BEFORE.test(before)) return false;
  if (whole === '360' && /^\s(?:feedback|degree|review)/i.test(after)) return false;
  const unitAfter = UNIT_WORD_AFTER.test(after);
  if (!decimals && YEAR.test(whole) && !COUNTED_NOUN_AFTER.test(after) && !unitAfter) return false;
  if (!unitAfter && (NAMING_WORD_BEFORE.test(before) || CAPITALISED_WORD_BEFORE.test(before))) return false;
  return true;
}

/**
 * Every measurable outcome in the text, for highlighting, in order. Numbers are judged in the
 * context of the whole text (a "$" or a month before them), and words and numbers both count.
 */
export function findAllQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const end = match.index + match[0].length;
    if (measures(text, match.index, end, match[1], match[2])) found.push({ start: match.index, end });
  }
  for (const word of text.matchAll(WORD_QUANTITY_ALL)) found.push({ start: word.index, end: word.index + word[0].length });
  found.sort((a, b) => a.start - b.start);
  return found.filter((q, i) => i === 0 || q.start >= found[i - 1].end);
}

const WORD_QUANTITY_ALL = new RegExp(WORD_QUANTITY.source, 'gi');
