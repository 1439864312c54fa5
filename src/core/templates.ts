import type { Lp } from './catalog';
import type { Level } from './parse/frontMatter';
import { frontMatterText } from './format/frontMatterText';
import { promptComment } from './parse/story';

/** What `storyTemplate` needs: the story's title, LPs (the primary first) and level, and how to wrap a slot. */
export interface TemplateOptions {
  title: string;
  lps: readonly Lp[];
  level: Level;
  /** Wraps a prompt: plain text for a file, `${n:prompt}` for a snippet. */
  slot?: (index: number, prompt: string) => string;
}

const plain = (_index: number, prompt: string) => prompt;

/**
 * The skeleton of a new story, shared by the "New Story" command and the skeleton completions
 * (the same text, with tab stops). Prompts fit the LP: its opening phrases and what an answer at
 * the chosen level shows. Each prompt is an HTML comment (`promptComment`), the whole comment
 * being the tab stop's placeholder: an untouched skeleton is a draft with four empty STAR parts,
 * and typing over a placeholder replaces the comment with content.
 */
export function storyTemplate({ title, lps, level, slot = plain }: TemplateOptions): string {
  const primary = lps[0];
  const scope = level === 'L7' || level === 'L8' ? 'several teams or the whole organisation' : 'your team and its systems';
  const expectation = primary && (level === 'L7' || level === 'L8' ? primary.expectations.L7[0] : primary.expectations.L6[0]);
  const opener = primary?.phrases[0] ?? 'I ...';
  const prompt = (index: number, text: string) => slot(index, promptComment(text));
  return [
    // Every value through the yaml library's own stringifier: a title may hold ": " or " #".
    frontMatterText({ title, lps: lps.map((lp) => lp.name), level, outcome: 'success' }, slot),
    '',
    '## Situation',
    '',
    prompt(3, `Where and when, what was at stake for ${scope}? Two or three sentences.`),
    '',
    '## Task',
    '',
    prompt(4, 'What were you, personally, responsible for?'),
    '',
    '## Action',
    '',
    prompt(5, `${opener} ${expectation ? `(${lowerFirst(expectation)})` : 'Say what I did, step by step.'}`),
    '',
    '## Result',
    '',
    prompt(6, 'From X to Y: the measurable change, and what it meant for the customer or the business.'),
    '',
    '## Learning',
    '',
    prompt(7, 'What I learned, and what I now do differently.'),
    '',
  ].join('\n');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}

/** A file name from a title: "Cut checkout latency!" -> "cut-checkout-latency". */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'story';
}
