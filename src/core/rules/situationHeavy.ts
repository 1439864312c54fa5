import { sectionOf, sectionWords } from '../parse/story';
import { defineRule, type OptionSpecs } from './rule';

const options = {
  maxSetupShare: { description: 'Largest share of the words for Situation plus Task before the rule speaks.', default: 0.45, min: 0, max: 1, unit: '(a share of the words)' },
  minActionShare: { description: 'Smallest share of the words for the Action before the rule speaks.', default: 0.3, min: 0, max: 1, unit: '(a share of the words)' },
  minWords: { description: 'Stories shorter than this are drafts and are not checked.', default: 80, min: 0, max: 5000, unit: 'words', integer: true },
} satisfies OptionSpecs;

export const situationHeavy = defineRule({
  id: 'situation-heavy',
  description: 'Situation and Task take too much of the story, or the Action too little.',
  defaultSeverity: 'information',
  tags: ['length', 'structure'],
  options,
  docs:
    'The Action is what the interviewer scores. A common draft spends half its time on background; aim for Situation and Task together under about a third of the words, and the Action at least 40%. The rule leaves a margin around that aim: it speaks when the setup passes 45% of the words, or the Action falls under 30%, so a story near the aim is never flagged.',
  check(story, { maxSetupShare, minActionShare, minWords }) {
    const situation = sectionOf(story, 'situation');
    const task = sectionOf(story, 'task');
    const action = sectionOf(story, 'action');
    const result = sectionOf(story, 'result');
    const setup = sectionWords(story, situation) + sectionWords(story, task);
    const acting = sectionWords(story, action);
    const total = setup + acting + sectionWords(story, result);
    const anchor = situation ?? task ?? action;
    if (!anchor || !action || total < minWords) return [];
    const setupShare = setup / total;
    const actionShare = acting / total;
    const percent = (share: number) => `${Math.round(share * 100)}%`;
    // Compared as shown, in whole percents, so a message never reads "40% (aim for 40% or more)".
    const whole = (share: number) => Math.round(share * 100);
    if (whole(setupShare) > whole(maxSetupShare)) {
      return [
        {
          message: `Situation and Task take ${percent(setupShare)} of the story (aim under about a third); the Action has ${percent(actionShare)}. Cut background, and move the time to what you did.`,
          start: anchor.titleStart,
          end: anchor.titleEnd,
        },
      ];
    }
    if (whole(actionShare) < whole(minActionShare)) {
      return [
        {
          message: `The Action is only ${percent(actionShare)} of the story (aim for 40% or more). Say more about your decisions and steps.`,
          start: action.titleStart,
          end: action.titleEnd,
        },
      ];
    }
    return [];
  },
});
