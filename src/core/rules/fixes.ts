import { promptComment, SECTION_TITLES, STAR_KINDS, type Section, type SectionKind, type Story } from '../parse/story';
import type { OffsetEdit } from './rule';

/**
 * Where a section of the given kind belongs: before the first section that should follow it, or
 * after the last one. Never inside a code block: a heading there would be code, so it goes before
 * the block (a fence left open runs to the end of the story).
 */
export function insertionPointFor(story: Story, kind: SectionKind): number {
  const order: SectionKind[] = [...STAR_KINDS, 'learning', 'short'];
  const rank = order.indexOf(kind);
  const later = story.sections.find((s) => order.indexOf(s.kind) > rank && s.kind !== 'other');
  const last = [...story.sections].reverse().find((s) => s.kind !== 'other');
  const at = later ? story.lines.lineStart(later.line) : last ? last.bodyEnd : story.text.length;
  const block = story.codeBlocks.find(([start, end]) => at > start && at <= end && (end === story.text.length || at < end));
  return block ? story.lines.lineStart(story.lines.positionAt(block[0]).line) : at;
}

/** The story's line break (CRLF, CR or LF, as its first line break is), for text that fixes insert. */
export function lineBreakOf(story: Story): string {
  const at = story.text.search(/\r\n?|\n/);
  if (at === -1) return '\n';
  return story.text[at] === '\n' ? '\n' : story.text[at + 1] === '\n' ? '\r\n' : '\r';
}

/** Text written with LF line breaks, in the story's own line break. */
export function inStoryLineBreaks(story: Story, text: string): string {
  const eol = lineBreakOf(story);
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/**
 * An edit that inserts a section heading (or label, in a story written with labels) where that
 * section belongs, with its prompt in an HTML comment: a prompt is not content, so the section
 * stays empty (and says so) until the user writes it. The prompt is selected once the edit is
 * applied, to be typed over. Line breaks follow the story's own.
 */
export function insertSectionEdit(story: Story, kind: Exclude<SectionKind, 'other'>, prompt: string): OffsetEdit {
  const at = insertionPointFor(story, kind);
  const usesLabels = story.sections.some((s) => s.style === 'label') && !story.sections.some((s) => s.style === 'heading' && s.kind !== 'other');
  const level = headingLevel(story);
  const before = story.text.slice(0, at);
  const endsWithBreak = /[\r\n]$/.test(before);
  const endsWithBlankLine = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)$/.test(before);
  const atNextSection = at < story.text.length;
  const comment = promptComment(prompt);
  if (usesLabels) {
    // Label lines sit one under another, with no blank lines between them.
    return withPrompt(story, at, `${endsWithBreak || at === 0 ? '' : '\n'}**${SECTION_TITLES[kind]}:** `, comment, '\n');
  }
  const lead = before.length === 0 || endsWithBlankLine ? '' : endsWithBreak ? '\n' : '\n\n';
  return withPrompt(story, at, `${lead}${'#'.repeat(level)} ${SECTION_TITLES[kind]}\n\n`, comment, `\n${atNextSection ? '\n' : ''}`);
}

/** An insertion of `head + prompt + tail` (in the story's line breaks) that selects the prompt once applied. */
function withPrompt(story: Story, at: number, head: string, prompt: string, tail: string): OffsetEdit {
  const start = inStoryLineBreaks(story, head).length;
  return { start: at, end: at, newText: inStoryLineBreaks(story, head + prompt + tail), select: { start, end: start + prompt.length } };
}

function headingLevel(story: Story): number {
  const star = story.sections.find((s: Section) => s.style === 'heading' && s.kind !== 'other');
  if (!star) return 2;
  const hashes = /^ {0,3}(#+)/.exec(story.lines.lineText(star.line));
  return hashes ? hashes[1].length : 2;
}
