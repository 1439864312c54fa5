import type { Story } from './parse/story';

/** The kinds of inline directive: `<!-- star-coach-<kind> [rule-id ...] -->`. */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

const DIRECTIVE = /^(\s*)star-coach-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)/;

/** A rule id as written in a directive, with its offsets in the story text. */
export interface DirectiveId {
  id: string;
  start: number;
  end: number;
}

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids it names, in order; none means every rule. */
  ids: DirectiveId[];
  /** Zero-based lines of the comment's start and end. */
  line: number;
  endLine: number;
}

/**
 * The inline directives of a story, in document order: HTML comments (as the story parser finds
 * them, so never one quoted in code) whose text starts with `star-coach-<kind>`, followed by rule
 * ids separated by spaces or commas (of a comment left open, those on its first line). Offsets are UTF-16 code units of the story text.
 */
export function readDirectives(story: Story): Directive[] {
  const directives: Directive[] = [];
  for (const comment of story.comments) {
    // Inner text as written (the comment's `text` is trimmed, and offsets are needed here).
    const innerStart = comment.start + 4;
    const closed = story.text.startsWith('-->', comment.end - 3) && comment.end - 3 >= innerStart;
    // A comment left open runs to the end of the story: only its own line can be the directive's.
    const innerEnd = closed ? comment.end - 3 : Math.min(comment.end, story.lines.lineEnd(story.lines.positionAt(comment.start).line));
    const inner = story.text.slice(innerStart, Math.max(innerStart, innerEnd));
    const match = DIRECTIVE.exec(inner);
    if (!match) continue;
    const ids: DirectiveId[] = [];
    const names = /[^\s,]+/g;
    names.lastIndex = match[0].length;
    for (let name = names.exec(inner); name; name = names.exec(inner)) {
      ids.push({ id: name[0], start: innerStart + name.index, end: innerStart + name.index + name[0].length });
    }
    directives.push({ kind: match[2] as DirectiveKind, ids, line: story.lines.positionAt(comment.start).line, endLine: story.lines.positionAt(comment.end).line });
  }
  return directives;
}
