import { figurePhrase, findAllQuantities } from '../language/quantities';
import { SECTION_TITLES, sectionProse, starPart, STAR_KINDS, type Story } from '../parse/story';
import { gapReason, noLpNote, sameStoryNote, type LoopPlan, type PlanSlot } from './plan';
import type { StoryProfile } from './profile';

/** Words kept of a part's first sentence in the sheet. */
const DIGEST_WORDS = 18;
/** Numbers quoted for a part. */
const KEY_NUMBERS = 3;

/** One STAR part in a line: its first sentence, cut to a few words, and the numbers in it. */
export interface PartDigest {
  part: string;
  line: string;
  numbers: string[];
}

/** The Situation, Task, Action and Result of a story, a line each (a part the story lacks is left out). */
export function digestStory(story: Story): PartDigest[] {
  const digests: PartDigest[] = [];
  for (const kind of STAR_KINDS) {
    const section = starPart(story, kind);
    if (!section) continue;
    const prose = sectionProse(story, section).replace(/\s+/g, ' ').trim();
    if (!prose) continue;
    const first = FIRST_SENTENCE.exec(prose)?.[0] ?? prose;
    const line = cutToWords(first, DIGEST_WORDS);
    // Figures with digits ("zero" or "two" alone is no number to remember), each quoted as a person
    // would ("6 MB", "from 500 ms to 50 ms"), a change once though it holds two.
    const numbers: string[] = [];
    for (const q of findAllQuantities(prose)) {
      if (numbers.length === KEY_NUMBERS) break;
      const phrase = /\d/.test(prose.slice(q.start, q.end)) ? figurePhrase(prose, q.start, q.end) : undefined;
      if (phrase && !numbers.includes(phrase)) numbers.push(phrase);
    }
    digests.push({ part: SECTION_TITLES[kind], line: line.replace(/^[-*+]\s+/, ''), numbers });
  }
  return digests;
}

/**
 * A part's first sentence: up to a full stop, question or exclamation mark before a blank or the
 * end. A stop after a common abbreviation ends it only before a capital ("approx. 3", "e.g. the"
 * and "vs. last year" run on; "... and so on, etc. The team ..." ends).
 */
const FIRST_SENTENCE = /^.*?(?:(?<!\b(?:[Aa]pprox|e\.g|i\.e|etc|vs|incl|[Dd]ept|[Ff]ig|Dr|Mr|Mrs|Jr|Sr))[.!?](?=\s|$)|[.!?](?=\s+[\p{Lu}"“']|\s*$))/u;

/**
 * The text cut to `most` words with "…", never inside a figure: the word that says what it counts
 * stays with it ("50 ms", not "50…"), and a change keeps both ends ("from 500 ms to 50 ms"), a
 * few words more at most.
 */
function cutToWords(text: string, most: number): string {
  const words = text.split(' ');
  if (words.length <= most) return text;
  const digits = (word: string | undefined) => word !== undefined && /\d/.test(word);
  let keep = most;
  while (keep < Math.min(words.length, most + 5) && (digits(words[keep - 1]) || words[keep - 1] === 'to' || (words[keep] === 'to' && digits(words[keep + 1])))) keep++;
  return keep >= words.length ? text : `${words.slice(0, keep).join(' ')}…`;
}

/** Markdown text with its special characters escaped, so a title cannot break the sheet's layout. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/**
 * The one-page cheat sheet as Markdown: per LP of the plan, each slot's planned story and its
 * backup, each with a line per STAR part and its key numbers; then the gaps and the suggested new
 * story. `storyOf` gives the parsed story for a profile's file.
 */
export function formatSheet(plan: LoopPlan, storyOf: (file: string) => Story | undefined): string {
  const out: string[] = ['# Loop plan cheat sheet', ''];
  let lp = '';
  for (const slot of plan.slots) {
    if (slot.lp.id !== lp) {
      lp = slot.lp.id;
      out.push(`## ${md(slot.lp.name)}`, '');
    }
    if (!slot.story) out.push(`**Story ${slot.slot}:** none, as ${md(gapReason(slot))}`, '');
    else out.push(...storyBlock(`Story ${slot.slot}`, slot.story, storyOf), ...(slot.backup ? storyBlock(`Backup ${slot.slot}`, slot.backup, storyOf) : []));
  }
  if (plan.uncovered.length > 0) {
    out.push('## Gaps', '', ...plan.uncovered.map((slot: PlanSlot) => `- ${md(slot.lp.name)}, story ${slot.slot}: ${md(gapReason(slot))}`), '');
    if (plan.suggestion) out.push(md(plan.suggestion.text), '');
  }
  if (plan.sameStory.length > 0) out.push('## Told in more than one file', '', ...plan.sameStory.map((group) => `- ${md(sameStoryNote(group))}`), '');
  if (plan.noLp.length > 0) out.push('## Not planned', '', `${md(noLpNote(plan.noLp))}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

function storyBlock(label: string, profile: StoryProfile, storyOf: (file: string) => Story | undefined): string[] {
  const lines = [`**${label}:** ${md(profile.summary.title)} (\`${profile.summary.id.replace(/`/g, "'")}\`)`, ''];
  const story = storyOf(profile.summary.id);
  for (const digest of story ? digestStory(story) : []) {
    const numbers = digest.numbers.length ? ` **${digest.numbers.map(md).join(', ')}**` : '';
    lines.push(`- *${digest.part}:* ${md(digest.line)}${numbers}`);
  }
  lines.push('');
  return lines;
}
