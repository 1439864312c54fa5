import { collectiveSentence, countCollectiveVoice, findPersonalAction, hypotheticalSentence, tellsNoEvent } from '../language/personal';
import { hasNoStarSections, sectionProse, sectionWords, starPart, unmarkedAction, withoutHeadings } from '../parse/story';
import { quoteForMessage, sentenceAround } from '../text';
import { defineRule } from './rule';

export const missingPersonalRole = defineRule({
  id: 'missing-personal-role',
  description: 'The Action never says what *I* did: only "we", "the team" or passive voice.',
  defaultSeverity: 'warning',
  tags: ['ownership'],
  docs:
    'The interviewer is hiring you, not your team. An Action told only as "we" or "the team", or in passive voice ("the service was rewritten"), hides your part. One clear "I ..." is enough; bullets and notes that open with a past-tense verb ("- Analyzed the logs", "- Re-drew the plan", a checked task-list item "- [x] Added an export button", "Action: Conducted usability testing", "Action: standardised the template", a block quote\'s "> _Spent three sprints adding ..._", a paragraph\'s opening: "Inherited a newsletter ... → rebuilt the list") count as yours, a verb of finding before its clause too ("Noticed complaints were all going to one depot"), and so do notes after a short tag and a semicolon ("Action: solo; cropped both images, wrote the instruction") and "my task was to change the configuration". Where the story marks no Action but a label or heading of a name STAR Coach does not read stands in its place (`Method:`, `## The first five minutes`, `**Improve** - ...`, or an incident write-up\'s `## Timeline` after its `## Impact`), the text there is read as the Action; a story with nothing in that place has no Action to judge. What you would do ("I would listen and I would fix it", "I would show that I understand", "my first step would be to check") is no action taken, nor is "if I were the lead", a state or a misjudgement ("I was burned out", "I got stuck", "I underestimated the work", "I assumed"), a want ("I wanted to win"), where you were employed ("I worked for a foundation", "I work as a cook"; "I worked with the vendor on a fix" is a step), having ("I have three class rules"), a life event ("before I graduated"), a lesson or a liking ("I have learned a lot about myself", "the part I like least", "I didn\'t love his either"), an opportunity given ("I got to sit in on the huddles"), having ("I had a disagreement with a colleague"), where you worked, the setting ("I volunteered at a food bank", "the charity I worked for", "the young people I work with at the club", "where I worked on Saturdays", "I did 12 months of on-call") or a habit ("I always start by ...", and the present tense of a story told as habits: "rules that I repeat constantly"), though steps that share a state\'s subject are yours ("I was upfront with the client, and rebuilt the schedule"). An answer with no part marked that tells nothing as past (habits, a stance, what one would do, what sums up from now: "I pride myself on patience", "I have managed sales teams for ten years", "I\'m passionate about service", "if my manager makes a decision, I support it fully", "I haven\'t had to yet, but I would ..."; the question it answers is not its telling) tells no step taken, whatever its "I": the message asks for one occasion told in the past tense. A pair acting ("My friend and I entered as a pair"), or others listed with you ("the coordinator, the head of English and I reviewed"), is the group, as "we" is; a "would" reported in the story ("I was told I would lead the group") is its own past, not a hypothetical. Only the group acting counts against you: "documentation for the team" is your work. The message quotes the first sentence where the group acts, to rewrite as "I ...".',
  findIssues(story) {
    // An Action told under labels or headings of no part read (see `unmarkedAction`) is read
    // there, its headings left out: "## The first five minutes" is no step.
    const marked = starPart(story, 'action');
    const action = marked ?? unmarkedAction(story);
    if (!action) return [];
    const prose = marked ? sectionProse(story, action) : withoutHeadings(sectionProse(story, action));
    // A short Action is checked too: "We did it." has no personal role either.
    if (sectionWords(story, action) === 0) return [];
    const role = findPersonalAction(prose);
    if (role) {
      // An answer with no part marked that tells nothing as past tells habits or a stance ("I
      // always greet callers by name", "I support it fully"): no step taken, whatever its "I".
      if (!hasNoStarSections(story) || !tellsNoEvent(prose)) return [];
      const sentence = sentenceAround(prose, role.start);
      return [
        {
          message: `It tells what you usually do, not a time you did it: "${quoteForMessage(prose, sentence.start, sentence.end)}" Tell one occasion in the past tense, as "I listened", "I fixed": your decision, your analysis, your code.`,
          start: action.titleStart,
          end: action.titleEnd,
        },
      ];
    }
    const hypothetical = hypotheticalSentence(prose);
    if (hypothetical) {
      return [
        {
          message: `It tells what you would do, not what you did: "${quoteForMessage(prose, hypothetical.start, hypothetical.end)}" Tell this story's steps in the past tense, as "I listened", "I fixed": your decision, your analysis, your code.`,
          start: action.titleStart,
          end: action.titleEnd,
        },
      ];
    }
    const collective = countCollectiveVoice(prose);
    const voice = collective > 0 ? `It says "we" or "the team" ${collective} time${collective === 1 ? '' : 's'} but` : 'It';
    const sentence = collectiveSentence(prose);
    const quoted = sentence ? quoteForMessage(prose, sentence.start, sentence.end) : '';
    const rewrite = quoted ? `Rewrite "${quoted}" or another step` : 'Tell at least one step';
    return [
      {
        message: `${voice} never says what you did yourself. ${rewrite} as "I ...": your decision, your analysis, your code.`,
        start: action.titleStart,
        end: action.titleEnd,
      },
    ];
  },
});
