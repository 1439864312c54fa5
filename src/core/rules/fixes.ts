import { SECTION_TITLES, STAR_KINDS, type Section, type SectionKind, type Story } from '../parse/story';
import type { OffsetEdit } from './rule';

/** Where a section of the given kind belongs: before the first section that should follow it. */
export function insertionPointFor(story: Story, kind: SectionKind): number {
  const order: SectionKind[] = [...STAR_KINDS, 'learning', 'short'];
  const rank = order.indexOf(kind);
  const later = story.sections.find((s) => order.indexOf(s.kind) > rank && s.kind !== 'other');
  if (later) return story.lines.lineStart(later.line);
  const last = [...story.sections].reverse().find((s) => s.kind !== 'other');
  return last ? last.bodyEnd : story.text.length;
}

/** An edit that inserts a section with a prompt line, in the story's own style (headings or labels). */
export function insertSectionEdit(story: Story, kind: Exclude<SectionKind, 'other'>, prompt: string): OffsetEdit {
  const at = insertionPointFor(story, kind);
  const usesLabels = story.sections.some((s) => s.style === 'label') && !story.sections.some((s) => s.style === 'heading' && s.kind !== 'other');
  const level = headingLevel(story);
  const before = story.text.slice(0, at);
  const atNextSection = at < story.text.length;
  if (usesLabels) {
    // Label lines sit one under another, with no blank lines between them.
    return { start: at, end: at, newText: `${before.endsWith('\n') || at === 0 ? '' : '\n'}**${SECTION_TITLES[kind]}:** ${prompt}\n` };
  }
  const lead = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const heading = `${'#'.repeat(level)} ${SECTION_TITLES[kind]}\n\n${prompt}\n`;
  return { start: at, end: at, newText: `${lead}${heading}${atNextSection ? '\n' : ''}` };
}

function headingLevel(story: Story): number {
  const star = story.sections.find((s: Section) => s.style === 'heading' && s.kind !== 'other');
  if (!star) return 2;
  const hashes = /^ {0,3}(#+)/.exec(story.lines.lineText(star.line));
  return hashes ? hashes[1].length : 2;
}
