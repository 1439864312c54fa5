import { countCollectiveVoice, findPersonalAction } from '../language/personal';
import { sectionProse, sectionWords, starPart } from '../parse/story';
import { defineRule } from './rule';

export const missingPersonalRole = defineRule({
  id: 'missing-personal-role',
  description: 'The Action never says what *I* did: only "we", "the team" or passive voice.',
  defaultSeverity: 'warning',
  tags: ['ownership'],
  docs:
    'The interviewer is hiring you, not your team. An Action told only as "we" or "the team", or in passive voice ("the service was rewritten"), hides your part. One clear "I ..." is enough; bullets that open with a past-tense verb ("- Analyzed the logs") count as yours.',
  check(story) {
    const action = starPart(story, 'action');
    if (!action) return [];
    const prose = sectionProse(story, action);
    // A short Action is checked too: "We did it." has no personal role either.
    if (sectionWords(story, action) === 0 || findPersonalAction(prose)) return [];
    const collective = countCollectiveVoice(prose);
    const voice = collective > 0 ? `It says "we" or "the team" ${collective} time${collective === 1 ? '' : 's'} but` : 'It';
    return [
      {
        message: `${voice} never says what you did yourself. Tell at least one step as "I ...": your decision, your analysis, your code.`,
        start: action.titleStart,
        end: action.titleEnd,
      },
    ];
  },
});
