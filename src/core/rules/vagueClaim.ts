import { hasQuantity } from '../language/quantities';
import { VAGUE_CLAIMS } from '../language/phrases';
import { proseWithoutQuotes, starPart, type Story } from '../parse/story';
import { findPhrase } from '../language/triggers';
import { defineRule, type RuleIssue } from './rule';

export const vagueClaim = defineRule({
  id: 'vague-claim',
  description: 'Generic phrasing with no specifics ("improved performance", "worked hard", "I would usually").',
  defaultSeverity: 'information',
  tags: ['impact'],
  docs:
    'Phrases like "improved performance" or "worked hard" could be said of any project, so they earn no credit. Replace each with the specific thing: what you measured, what you decided, what changed. In the Result, an outcome told as an impression is vague too: a comparison with no size ("much faster", "far friendlier"), "it went smoothly", "deploys became routine", someone\'s feeling ("the manager was pleased", "the guest was over the moon", "a very happy client"), a degree with no size ("her confidence grew a great deal", "errors went down noticeably", "a big boost"), a reception ("it was well received", or not, "my manager really appreciated that", "the residents enjoyed it", "singled the team out for praise", "a big success", "made a real difference", "exceeded expectations"), praise as the outcome ("the final presentation was excellent", "my team performed admirably", "with flying colours", "a glowing review") or a quality bettered ("improved patient safety scores", "reporting accuracy improved", "stakeholder satisfaction"); the same words setting the scene in the Situation are left alone. Anywhere in the telling, skills or a manner named where a step belongs ("using my programming skills", "I relied on effective communication", "by actively listening", "a solution that worked", "a plan we were both happy with") are vague: say what you did with them; so are praise given ("my manager gave me great feedback"), growth with nothing in it ("made me a better team player") team spirit in place of who did what ("pulled together into a tight unit", "we all pulled together") and effort or fortune in place of a step ("I gave it my best", "working very hard", "went from strength to strength"). Hypotheticals ("I would", "I\'d check", "my first step would be", "we usually") describe habits, not this story: tell it in the past tense ("the way we always had" names the old way the story departs from, and "Since then I always ..." the habit it left behind, its lesson: both are left alone). A claim with a number in the same sentence is left alone, and words two claims share are named once.',
  findIssues(story) {
    const result = starPart(story, 'result');
    const text = proseWithoutQuotes(story);
    const issues: RuleIssue[] = [];
    // Found only once a measurable claim matches: most stories have none.
    let sentences: Sentences | undefined;
    const resultSpan = result && { start: result.bodyStart, end: result.bodyEnd };
    // Indexed loops: this runs for every claim of every story, and most find nothing.
    for (let c = 0; c < VAGUE_CLAIMS.length; c++) {
      const claim = VAGUE_CLAIMS[c];
      if (claim.resultOnly && !resultSpan) continue;
      const matches = findPhrase(story, text, claim, claim.resultOnly ? resultSpan : undefined);
      for (let m = 0; m < matches.length; m++) {
        const match = matches[m];
        const start = match.index;
        if (inUntoldPart(story, start)) continue;
        if (claim.resultOnly && !(result && start >= result.bodyStart && start < result.bodyEnd)) continue;
        if (claim.measurable && (sentences ??= new Sentences(text)).measured(start, start + match.text.length)) continue;
        const phrase = match.text.trim();
        issues.push({ message: `"${phrase}" is vague: ${claim.advice}.`, start, end: start + phrase.length });
      }
    }
    // Two claims over the same words ("communicated much better") are one finding.
    issues.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: RuleIssue[] = [];
    for (const issue of issues) if (kept.length === 0 || issue.start >= kept[kept.length - 1].end) kept.push(issue);
    return kept;
  },
});

/**
 * Whether an offset lies in a Learning or a Short version: a Learning may rightly say "now I always
 * ...", and only the telling itself is checked. Asked only of a match, so most stories never ask.
 */
function inUntoldPart(story: Story, offset: number): boolean {
  for (const section of story.sections) {
    if ((section.kind === 'learning' || section.kind === 'short') && offset >= section.bodyStart && offset < section.bodyEnd) return true;
  }
  return false;
}

/**
 * The sentences of a text (split at full stops and line breaks), found once, with whether each
 * holds a quantity, asked once: many claims in one long sentence cost one scan of it, not one each,
 * and a claim's sentence is found by binary search (a walk out from each claim would cost a long
 * line once per claim).
 */
class Sentences {
  /** The offsets of each stop (".", LF, CR), one sorted list a mark: `indexOf` finds them faster than a loop over every character. */
  private readonly stopsOf: number[][];
  private readonly measuredSpan = new Map<string, boolean>();

  constructor(private readonly text: string) {
    this.stopsOf = ['.', '\n', '\r'].map((mark) => {
      const stops: number[] = [];
      for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) stops.push(at);
      return stops;
    });
  }

  /** Whether the sentence around [start, end) has a number or other measure. */
  measured(start: number, end: number): boolean {
    let from = 0; // after the last stop before start
    let to = this.text.length; // the first stop at or after end
    for (const stops of this.stopsOf) {
      const before = firstAtOrAfter(stops, start) - 1;
      if (before >= 0) from = Math.max(from, stops[before] + 1);
      const after = firstAtOrAfter(stops, end);
      if (after < stops.length) to = Math.min(to, stops[after]);
    }
    const key = `${from}:${to}`;
    let measured = this.measuredSpan.get(key);
    if (measured === undefined) this.measuredSpan.set(key, (measured = hasQuantity(this.text.slice(from, to))));
    return measured;
  }
}

/** The index of the first offset at or after `offset` in a sorted list (its length when none is). */
function firstAtOrAfter(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
