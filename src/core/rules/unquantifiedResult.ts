import { hasQuantity } from '../language/quantities';
import { isEmptySection, sectionProse, starPart, type Story } from '../parse/story';
import { inStoryLineBreaks } from './fixes';
import { defineRule, type OffsetEdit } from './rule';

export const unquantifiedResult = defineRule({
  id: 'unquantified-result',
  description: 'The Result shows no measurable outcome.',
  defaultSeverity: 'warning',
  tags: ['impact'],
  docs:
    'A result without a number is hard to believe and easy to forget. Say what moved and by how much: "P99 latency from 500 ms to 50 ms", "$2M a year", "halved the pages", "zero incidents since". Years, levels (L6), P99, versions and quarter names are not measures.',
  check(story) {
    const result = starPart(story, 'result');
    if (!result || isEmptySection(story, result) || hasQuantity(sectionProse(story, result))) return [];
    // A paragraph of its own after the Result's last content: appended to a line, it could land
    // on a closing code fence or inside a list item.
    const insertAt = result.bodyStart + story.text.slice(result.bodyStart, result.bodyEnd).trimEnd().length;
    return [
      {
        message: 'The Result has no number. Say what changed and by how much: from X to Y, a percentage, money saved, time cut.',
        start: result.titleStart,
        end: result.titleEnd,
        fixes: [
          {
            title: 'Insert a metric placeholder ("from X to Y")',
            edits: [metricEdit(story, insertAt)],
            kind: 'suggestion',
          },
        ],
      },
    ];
  },
});

/** "This moved [metric] from [X] to [Y]." on its own paragraph, with "[metric]" selected to be typed over. */
function metricEdit(story: Story, at: number): OffsetEdit {
  const newText = inStoryLineBreaks(story, '\n\nThis moved [metric] from [X] to [Y].');
  const start = newText.indexOf('[metric]');
  return { start: at, end: at, newText, select: { start, end: start + '[metric]'.length } };
}
