import { collectiveSentence, countCollectiveVoice, findPersonalAction, hypotheticalSentence } from '../language/personal';
import { sectionProse, sectionWords, starPart } from '../parse/story';
import { quoteForMessage } from '../text';
import { defineRule } from './rule';

export const missingPersonalRole = defineRule({
  id: 'missing-personal-role',
  description: 'The Action never says what *I* did: only "we", "the team" or passive voice.',
  defaultSeverity: 'warning',
  tags: ['ownership'],
  docs:
    'The interviewer is hiring you, not your team. An Action told only as "we" or "the team", or in passive voice ("the service was rewritten"), hides your part. One clear "I ..." is enough; bullets and notes that open with a past-tense verb ("- Analyzed the logs", "Action: Conducted usability testing", "Action: standardised the template", a block quote\'s "> _Spent three sprints adding ..._") count as yours, and so does "my task was to change the configuration". What you would do ("I would listen and I would fix it", "I would show that I understand", "my first step would be to check") is no action taken, nor is "if I were the lead", a state or a misjudgement ("I was burned out", "I got stuck", "I underestimated the work", "I assumed"), a want ("I wanted to win"), having ("I have three class rules"), a life event ("before I graduated"), a lesson or a liking ("I have learned a lot about myself", "the part I like least", "I didn\'t love his either"), an opportunity given ("I got to sit in on the huddles") or a habit ("I always start by ...", and the present tense of a story told as habits: "rules that I repeat constantly"), though steps that share a state\'s subject are yours ("I was upfront with the client, and rebuilt the schedule"); a pair acting ("My friend and I entered as a pair") is the group, as "we" is; a "would" reported in the story ("I was told I would lead the group") is its own past, not a hypothetical. Only the group acting counts against you: "documentation for the team" is your work. The message quotes the first sentence where the group acts, to rewrite as "I ...".',
  findIssues(story) {
    const action = starPart(story, 'action');
    if (!action) return [];
    const prose = sectionProse(story, action);
    // A short Action is checked too: "We did it." has no personal role either.
    if (sectionWords(story, action) === 0 || findPersonalAction(prose)) return [];
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
