import { findAllQuantities } from '../language/quantities';
import { sectionOf, sectionProse, sectionWords, type Section, type Story } from '../parse/story';
import { countWords, sentenceAround } from '../text';
import { defineRule, type OptionSpecs } from './rule';

const options = {
  maxSetupShare: { description: 'Largest share of the words for Situation plus Task before the rule speaks.', default: 0.45, min: 0, max: 1, unit: '(a share of the words)' },
  minActionShare: { description: 'Smallest share of the words for the Action before the rule speaks.', default: 0.3, min: 0, max: 1, unit: '(a share of the words)' },
  minWords: { description: 'Stories shorter than this are drafts and are not checked.', default: 40, min: 0, max: 5000, unit: 'words', integer: true },
} satisfies OptionSpecs;

/** The Action's share of the words that the docs and messages aim for, in whole percents. */
const ACTION_AIM = 40;
/**
 * A story under twice `minWords` is told in a sentence or two a part, where one sentence moves a
 * share by ten points: the rule asks it for this much more margin (a share, on each threshold).
 */
const SHORT_STORY_MARGIN = 0.05;

export const situationHeavy = defineRule({
  id: 'situation-heavy',
  description: 'Situation and Task take too much of the story, or the Action too little.',
  defaultSeverity: 'information',
  tags: ['length', 'structure'],
  options,
  docs:
    'The Action is what the interviewer scores. A common draft spends half its time on background; aim for Situation and Task together under about a third of the words, and the Action at least 40%. The rule leaves a margin around that aim: it speaks when the setup passes 45% of the words, or the Action falls under 30%, so a story near the aim is never flagged; a short story (under twice `minWords`, one or two sentences a part) gets 5 points more margin on each. A story with no Result yet is left to missing-section. Baseline numbers in the Situation or Task that a measured Result compares against ("15% of customers used it", then "adoption climbed to 37%") are the Result\'s evidence, not padding: those sentences count with the Result.',
  findIssues(story, { maxSetupShare, minActionShare, minWords }) {
    const situation = sectionOf(story, 'situation');
    const task = sectionOf(story, 'task');
    const action = sectionOf(story, 'action');
    const result = sectionOf(story, 'result');
    const setupWords = sectionWords(story, situation) + sectionWords(story, task);
    const acting = sectionWords(story, action);
    const total = setupWords + acting + sectionWords(story, result);
    const anchor = situation ?? task ?? action;
    // A story without its Result yet is unfinished: its shares say nothing, and missing-section speaks.
    if (!anchor || !action || total < minWords || !result || sectionWords(story, result) === 0) return [];
    const margin = total < 2 * minWords ? SHORT_STORY_MARGIN : 0;
    maxSetupShare += margin;
    minActionShare -= margin;
    // Compared as shown, in whole percents, so a message never reads "40% (aim for 40% or more)".
    const whole = (share: number) => Math.round(share * 100);
    const percent = (share: number) => `${whole(share)}%`;
    const actionShare = acting / total;
    // Sentences of the setup that measure what the Result measures are its baseline: looked for
    // only when the setup would be too long without them (most stories never pay for it).
    let setupShare = setupWords / total;
    if (whole(setupShare) > whole(maxSetupShare)) {
      const measured = measureWords(sectionProse(story, result));
      if (measured.size > 0) setupShare = (setupWords - baselineWords(story, situation, measured) - baselineWords(story, task, measured)) / total;
    }
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
          message: `The Action is only ${percent(actionShare)} of the story (aim for ${ACTION_AIM}% or more). Say more about your decisions and steps.`,
          start: action.titleStart,
          end: action.titleEnd,
        },
      ];
    }
    return [];
  },
});

/** "%" and words of four letters or more: what a quantity's neighbours may say it measures. A constant: the bundler writes this literal as `new RegExp(...)`, made anew at each call. */
const MEASURE_WORDS = /%|\p{L}{4,}/gu;

/** Short words that say nothing about what a number measures. */
const NOT_A_MEASURE = new Set('with from that this than about over under into were have after before when which their them they only just more less each every also then there what been some most very'.split(' '));

/**
 * What the measures in a text measure: the words (four letters or more, lowercase, without a
 * plural "s") and "%" within about five words of each quantity. Empty when the text measures nothing.
 */
function measureWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const q of findAllQuantities(text)) {
    const around = `${text.slice(Math.max(0, q.start - 30), q.start)} ${text.slice(q.end, q.end + 30)}`.toLowerCase();
    for (const word of around.match(MEASURE_WORDS) ?? []) if (!NOT_A_MEASURE.has(word)) words.add(word.replace(/s$/, ''));
  }
  return words;
}

/**
 * Words of the section's sentences that measure something the Result measures too (a word of
 * `measureWords` in common): "only 15% of customers used it" before "adoption climbed to 37%".
 * A team size ("six engineers") shares nothing with "exports from two minutes to 15 seconds".
 */
function baselineWords(story: Story, section: Section | undefined, resultMeasures: ReadonlySet<string>): number {
  if (!section) return 0;
  const prose = sectionProse(story, section);
  let words = 0;
  for (let at = prose.search(/\S/); at !== -1 && at < prose.length; ) {
    const { start, end } = sentenceAround(prose, at);
    const sentence = prose.slice(start, end);
    if ([...measureWords(sentence)].some((word) => resultMeasures.has(word))) words += countWords(sentence);
    const next = prose.slice(Math.max(end, at + 1)).search(/\S/);
    at = next === -1 ? -1 : Math.max(end, at + 1) + next;
  }
  return words;
}
