import { findPersonalAction, hypotheticalSentence, tellsNoEvent, tellsPastEvent, withoutHypotheticals } from '../language/personal';
import { namesNumber, storyHasQuantity } from '../language/quantities';
import { hasNoStarSections, isEmptySection, outcomePending, partSection, sectionProse, starPart, tooShortToTell, type Story } from '../parse/story';
import { inStoryLineBreaks } from './fixes';
import { quoteForMessage, sentenceAround } from '../text';
import { defineRule, type OffsetEdit } from './rule';

export const unquantifiedResult = defineRule({
  id: 'unquantified-result',
  description: 'The Result shows no measurable outcome.',
  defaultSeverity: 'warning',
  tags: ['impact'],
  docs:
    'A result without a number is hard to believe and easy to forget. Say what moved and by how much: "P99 latency from 500 ms to 50 ms", "$2M a year", "halved the pages", "zero incidents since". A measured outcome is something that came of the work, with a size: a change ("from days to hours", "3 times faster"), a rate ("12%"), a count of outcomes ("eleven pairs met", "not one complaint", "no wrong prices went live", "there has not been one complaint", "no repeat of the fault since", "neither was sent out again that term", "without refusing once", "only one bug reached production", "nobody was paged again", "stopped entirely", "their line never stopped", "no record was lost", "sold out"), a count of a whole ("all 40 services", "all staff had completed their training before go-live"), an amount ("saved a full day every week", "lost half a day") or a time bound met ("within the hour", "in under an hour", "over a single weekend", "slipped by less than one day", "a month ahead of schedule", "a month before the end of the year", "by the end of my third day", "by the end of that week"); small quantities in words count as digits do. A number that frames the story rather than sizes what came of it is no measure, and each number is judged by where it sits, the words just before and after it in its clause: a date or a name (years, levels such as L6, P99, versions, "the 2.3 release", quarter names, a heading\'s number: "## 6. Action plan"); things already told, counted again ("a comparison of the two", "between the two groups"); a value before alone ("it used to take 4 hours", "Baseline pass rate: 58%"); a goal or a proposal ("Target: 85% by Q2", "the goal was 30 sign-ups", "suggested they answer every complaint within a day"); the method ("a four-month pilot with 5 users", "the pilot ran with 5 users", "I interviewed 6 customers", "I wrote three new questions", "and used ten anonymised patients", "walked through a dozen of the complaints", "I kept watching it for 3 weeks"); the span a sentence is set in ("her last 8 months", "for the next two years", "I spend the first five minutes on ...", while "within the first 2 weeks" is a bound met); the people doing the work ("a team of three", "nine of us", "the other two took the landing page"); a placing ("second out of twelve teams", "we were one of four winners"; while "only one of 60 customers reported a problem" counts outcomes); an earlier try ("Twice before, I picked ..."); what was built rather than what it changed (it "polls every 3 seconds", "logs at three severities", "ports 8081 and 5174", "a two-stage route": a number joined to a noun names a kind, as "3-tier" does, while "a 3-day process" counts); an agreement\'s term or the effort put in ("a two-year contract", "renewed for another two years", "that 2-hour investment"); and what you would do ("I would always count them twice"), which happened to nobody. A story with no part marked that tells nothing as past (an answer told as habits, a stance or what you would do: "I always praise students who follow the rules", "I would listen first") tells no event and has no Result to judge; missing-section names its Result missing instead, and missing-personal-role asks for one occasion. In a story with no part marked, the Result is how it ends: its last paragraph (and the one before, when the last tells the lesson or the plan for next time: "I learned ...", "That night taught me ...", "Next attempt: ...", "Follow-ups: ...", or its label over a list: "What we took away:", or is a moral on a line of its own, said of everyone, always or never: "Failure cannot outlast someone who refuses to stop."), or the second half of a story told in one. A telling whose last sentence says its outcome is not known yet ("Whether any of it survives, I will find out then", "we haven\'t decided yet", "We\'ll see.", "too early to tell"), after nothing told as past in its ending, and that measures nothing there stops before its Result: missing-section names the Result missing instead. An outcome told before such a caveat ("The class handed it in on time. Time will tell whether it lasts.") is the Result, and is judged. A story with no part marked that is too short to tell its parts (under three sentences) has no Result to judge: missing-section asks for its parts instead. The message quotes the Result\'s first sentence; where the story marks no Result, it says that the story\'s ending was read as one, and that marking the Result (`## Result`) makes it the part checked.',
  findIssues(story) {
    const result = starPart(story, 'result');
    // A Result that is absent is missing-section's to report, not a Result with no number.
    if (!result || isEmptySection(story, result) || tooShortToTell(story)) return [];
    const prose = sectionProse(story, result);
    // What the speaker would do ("I would always count them twice") measures nothing that happened.
    const told = withoutHypotheticals(prose);
    // An ending that says its outcome is not known yet ("Whether it works, I will find out then")
    // stops before the Result: missing-section names it missing.
    if (storyHasQuantity(story, told) || toldNoEvent(story, told) || outcomePending(story)) return [];
    // A paragraph of its own after the Result's last content: appended to a line, it could land
    // on a closing code fence or inside a list item.
    // A story that marks no Result has its ending read as one (see starPart): the message says so.
    const inferred = partSection(story, 'result') === undefined;
    const insertAt = result.bodyStart + story.text.slice(result.bodyStart, result.bodyEnd).trimEnd().length;
    return [
      {
        message: `${opening(prose, told !== prose, inferred)} Say what changed and by how much: from X to Y, a percentage, money saved, time cut.${inferred ? ' If the Result is told elsewhere, mark it (## Result) so that it is the part checked.' : ''}`,
        start: result.titleStart,
        end: result.titleEnd,
        fixes: [
          {
            title: 'Insert a metric placeholder ("from X to Y")',
            edits: [metricEdit(story, insertAt, result.bodyEnd <= result.titleStart)],
            kind: 'suggestion',
          },
        ],
      },
    ];
  },
});

const LETTER = /\p{L}/u;

/**
 * Whether a story with no part marked tells no event at all, and so has no Result to judge: its
 * ending (`told`, with what the speaker would do blanked) tells nothing as past, and either it is
 * told wholly as what the speaker would do ("I would follow it up with a short letter") in a story
 * with no step taken, or the whole telling tells nothing as past (an answer told as habits: "I
 * always praise students who follow the rules"; a stance; what one would do, and what would come
 * of it). missing-personal-role says it tells no step. An ending that tells what came of it ("We
 * handed them in") is a Result, and is judged. The cheap tests first: the ending, then the telling.
 */
function toldNoEvent(story: Story, told: string): boolean {
  if (!hasNoStarSections(story) || tellsPastEvent(told)) return false;
  const telling = story.prose.slice(story.frontMatter.bodyStart);
  // An ending told wholly as what one would do, after no step taken, needs no more: the question
  // above it ("Describe a time you gave ...") may be in the past.
  return (!LETTER.test(told) && findPersonalAction(telling) === undefined) || tellsNoEvent(telling);
}

/**
 * The message's opening, quoting the Result's first sentence. A Result with digits that measure
 * nothing (a before-value, the pilot's size, a date) is told why they do not count; one told as
 * what the speaker would do quotes that sentence instead. `inferred`: the story marks no Result,
 * and its ending was read as one, which the message says, as the reading may be wrong.
 */
function opening(prose: string, toldHypothetically: boolean, inferred: boolean): string {
  const subject = inferred ? 'The story\'s ending, read as its Result,' : 'The Result';
  const hypothetical = toldHypothetically ? hypotheticalSentence(prose) : undefined;
  if (hypothetical) return `${subject} tells what you would do, not what happened: "${quoteForMessage(prose, hypothetical.start, hypothetical.end)}"`;
  const first = prose.search(LETTER);
  const sentence = first === -1 ? undefined : sentenceAround(prose, first);
  const quoted = sentence ? quoteForMessage(prose, sentence.start, sentence.end) : '';
  const said = quoted ? ` "${quoted}"` : '';
  return namesNumber(prose)
    ? `${subject} has no measured outcome:${said} Its numbers only frame the story (a date, a name, what was built, the method's size, the people, an aim, a starting value or a placing).`
    : `${subject} has no number:${said}`;
}

/**
 * "This moved [metric] from [X] to [Y]." on its own paragraph, with "[metric]" selected to be typed
 * over; inside the sentence for a Result closed by its marker ("... kept our posters (R)."), which a
 * paragraph break would cut off from it.
 */
function metricEdit(story: Story, at: number, closedByMarker: boolean): OffsetEdit {
  const newText = closedByMarker ? '; this moved [metric] from [X] to [Y]' : inStoryLineBreaks(story, '\n\nThis moved [metric] from [X] to [Y].');
  const start = newText.indexOf('[metric]');
  return { start: at, end: at, newText, select: { start, end: start + '[metric]'.length } };
}
