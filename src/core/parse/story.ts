import { countWords, LineIndex } from '../text';
import { emptyFrontMatter, parseFrontMatter, type FrontMatter } from './frontMatter';
import { blankQuotes } from '../language/quotes';

export type SectionKind = 'situation' | 'task' | 'action' | 'result' | 'learning' | 'short' | 'other';
export const STAR_KINDS = ['situation', 'task', 'action', 'result'] as const;
export type StarKind = (typeof STAR_KINDS)[number];

/** Heading and label names a reader uses for each part of a STAR story (normalised: lowercase, single spaces). */
const SECTION_NAMES: Record<Exclude<SectionKind, 'other'>, readonly string[]> = {
  situation: ['situation', 'context', 's'],
  task: ['task', 't'],
  action: ['action', 'actions', 'a'],
  result: ['result', 'results', 'outcome', 'impact', 'r'],
  learning: ['learning', 'learnings', 'lesson', 'lessons', 'lesson learned', 'lessons learned', 'lessons learnt', 'what i learned', 'what i learnt', 'reflection', 'reflections', 'l'],
  short: ['short version', 'short', '2 minute version', 'two minute version', '2 min version', 'short telling'],
};

const KIND_BY_NAME = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(SECTION_NAMES)) {
  for (const name of names) KIND_BY_NAME.set(name, kind as SectionKind);
}

export const SECTION_TITLES: Record<Exclude<SectionKind, 'other'>, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  learning: 'Learning',
  short: 'Short version',
};

export interface Section {
  kind: SectionKind;
  /** The heading or label as written, without its markers. */
  title: string;
  style: 'heading' | 'label';
  /** Zero-based line of the heading or label. */
  line: number;
  /** Offsets of the heading text or label token, for diagnostics. */
  titleStart: number;
  titleEnd: number;
  /** Offsets of the body: after the heading line or the label, up to the next section. */
  bodyStart: number;
  bodyEnd: number;
}

export interface Comment {
  /** Inner text, trimmed. */
  text: string;
  start: number;
  end: number;
}

export interface Story {
  text: string;
  lines: LineIndex;
  /** The text with front matter, fenced code and HTML comments blanked to spaces: same offsets, only prose. */
  prose: string;
  frontMatter: FrontMatter;
  sections: Section[];
  comments: Comment[];
  /** Offsets [start, end) of each fenced code block, fences included; an unclosed one runs to the end. */
  codeBlocks: Array<[start: number, end: number]>;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const LABEL_NAMES = [...KIND_BY_NAME.keys()].filter((name) => name.length > 1).sort((a, b) => b.length - a.length);
const LABEL = new RegExp(
  String.raw`^ {0,3}(?:\*\*|__)?[ \t]*(${LABEL_NAMES.map((n) => n.replace(/ /g, '[ \\t-]+')).join('|')}|[STARL])[ \t]*(?:\*\*|__)?[ \t]*:(?:[ \t]*(?:\*\*|__))?[ \t]*`,
  'i',
);

export function parseStory(text: string): Story {
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(text);
  const firstBodyLine = lines.positionAt(frontMatter.bodyStart).line + (frontMatter.bodyStart >= text.length && frontMatter.present ? 1 : 0);

  // Blanked spans: front matter, fenced code, HTML comments. Fences first: a comment inside code is code.
  const blanks: Array<[number, number]> = [];
  if (frontMatter.present) blanks.push([frontMatter.start, Math.min(frontMatter.bodyStart, text.length)]);
  const codeLines = new Set<number>();
  const codeBlocks: Array<[number, number]> = [];
  let fence: string | undefined;
  let fenceStart = 0;
  // Most stories have no code at all: then there is nothing to scan for.
  const mayHaveFences = text.indexOf('```', frontMatter.bodyStart) !== -1 || text.indexOf('~~~', frontMatter.bodyStart) !== -1;
  for (let line = mayHaveFences ? firstBodyLine : lines.lineCount; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (fence === undefined) {
      const open = FENCE_OPEN.exec(content);
      if (open) {
        fence = open[1];
        fenceStart = lines.lineStart(line);
        codeLines.add(line);
      }
    } else {
      codeLines.add(line);
      const trimmed = content.trim();
      if (trimmed.length >= fence.length && trimmed[0] === fence[0] && /^(`+|~+)$/.test(trimmed)) {
        blanks.push([fenceStart, lines.lineEnd(line)]);
        codeBlocks.push([fenceStart, lines.lineEnd(line)]);
        fence = undefined;
      }
    }
  }
  if (fence !== undefined) {
    blanks.push([fenceStart, text.length]);
    codeBlocks.push([fenceStart, text.length]);
  }

  const comments: Comment[] = [];
  for (let at = text.indexOf('<!--', frontMatter.bodyStart); at !== -1; at = text.indexOf('<!--', at + 4)) {
    if (codeLines.has(lines.positionAt(at).line)) continue;
    const close = text.indexOf('-->', at + 4);
    const end = close === -1 ? text.length : close + 3;
    comments.push({ text: text.slice(at + 4, close === -1 ? text.length : close).trim(), start: at, end });
    blanks.push([at, end]);
    at = end - 4;
  }

  const prose = blankOut(text, blanks);
  const sections: Section[] = [];
  let open: Section | undefined;
  const close = (at: number) => {
    if (open) open.bodyEnd = Math.max(open.bodyStart, at);
    open = undefined;
  };
  for (let line = firstBodyLine; line < lines.lineCount; line++) {
    if (codeLines.has(line)) continue;
    // Same offsets as the text: the prose line is where comments and code are already blank.
    const content = prose.slice(lines.lineStart(line), lines.lineEnd(line));
    const first = content.search(/\S/);
    if (first === -1) continue;
    const lineStart = lines.lineStart(line);
    const heading = content.charCodeAt(first) === 35 /* # */ ? atxHeading(content) : undefined;
    if (heading) {
      if (heading.level > 3) continue;
      close(lineStart);
      const title = heading.title;
      const kind = heading.level === 1 ? 'other' : kindOf(title);
      const titleStart = lineStart + heading.titleStart;
      open = {
        kind,
        title: cleanTitle(title),
        style: 'heading',
        line,
        titleStart,
        titleEnd: titleStart + title.length,
        bodyStart: lines.nextLineStart(line),
        bodyEnd: text.length,
      };
      sections.push(open);
      continue;
    }
    // A label has its colon near the start of the line; most lines have none, so skip the regex.
    const colon = content.indexOf(':');
    const label = colon !== -1 && colon < 40 ? LABEL.exec(content) : null;
    if (label) {
      const name = label[1];
      if (name.length === 1 && name !== name.toUpperCase()) continue;
      close(lineStart);
      const titleStart = lineStart + content.indexOf(name);
      open = {
        kind: kindOf(name),
        title: cleanTitle(name),
        style: 'label',
        line,
        titleStart,
        titleEnd: titleStart + name.length,
        bodyStart: lineStart + label[0].length,
        bodyEnd: text.length,
      };
      sections.push(open);
    }
  }
  close(text.length);
  return { text, lines, prose, frontMatter, sections, comments, codeBlocks };
}

const isBlank = (code: number) => code === 32 || code === 9;

/**
 * An ATX heading as CommonMark reads it (up to 3 spaces, 1 to 6 `#`, a space or the line's end,
 * the text, an optional closing run of `#`), or undefined. A character scan, linear in the line:
 * a pattern with lazy groups and optional tails backtracks cubically on a long line of spaces.
 */
function atxHeading(line: string): { level: number; title: string; titleStart: number } | undefined {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  let level = 0;
  while (line.charCodeAt(at + level) === 35) level++;
  if (level === 0 || level > 6) return undefined;
  at += level;
  if (at < line.length && !isBlank(line.charCodeAt(at))) return undefined;
  while (isBlank(line.charCodeAt(at))) at++;
  let end = line.length;
  while (end > at && isBlank(line.charCodeAt(end - 1))) end--;
  let closing = end;
  while (closing > at && line.charCodeAt(closing - 1) === 35) closing--;
  if (closing < end && (closing === at || isBlank(line.charCodeAt(closing - 1)))) {
    end = closing;
    while (end > at && isBlank(line.charCodeAt(end - 1))) end--;
  }
  return { level, title: line.slice(at, end), titleStart: at };
}

/** A story whose text could not be parsed: no front matter, no sections, the text as its prose. */
export function unparsedStory(text: string): Story {
  return { text, lines: new LineIndex(text), prose: text, frontMatter: emptyFrontMatter(), sections: [], comments: [], codeBlocks: [] };
}

function kindOf(title: string): SectionKind {
  return KIND_BY_NAME.get(normalizeTitle(title)) ?? 'other';
}

function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`:.]/g, ' ')
    .replace(/[-–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanTitle(title: string): string {
  return title.replace(/[*_`]/g, '').replace(/:\s*$/, '').trim();
}

/** Replaces every character of the spans with a space, keeping line breaks, so offsets stay put. */
function blankOut(text: string, spans: Array<[number, number]>): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + text.slice(from, end).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
    at = end;
  }
  return out + text.slice(at);
}

// ---- Queries rules share -------------------------------------------------------------------------

/** The first section of a kind, if the story has one. */
export function sectionOf(story: Story, kind: SectionKind): Section | undefined {
  return story.sections.find((section) => section.kind === kind);
}

/** The prose of a section (code and comments blanked), same offsets as the story text. */
export function sectionProse(story: Story, section: Section): string {
  return story.prose.slice(section.bodyStart, section.bodyEnd);
}

const lowered = new WeakMap<Story, string>();
const unquoted = new WeakMap<Story, string>();

/**
 * The prose with quoted speech blanked: what others said is reported, not the speaker's own words.
 * Same offsets as the text.
 */
export function proseWithoutQuotes(story: Story): string {
  let text = unquoted.get(story);
  if (text === undefined) unquoted.set(story, (text = blankQuotes(story.prose)));
  return text;
}

/** The prose in lower case, made once per story, for fast trigger-word searches. */
export function lowerProse(story: Story): string {
  let lower = lowered.get(story);
  if (lower === undefined) lowered.set(story, (lower = story.prose.toLowerCase()));
  return lower;
}

/** Word counts are asked for by several rules and the index: count each section once. */
const wordCounts = new WeakMap<Section, number>();

export function sectionWords(story: Story, section: Section | undefined): number {
  if (!section) return 0;
  let words = wordCounts.get(section);
  if (words === undefined) wordCounts.set(section, (words = countWords(sectionProse(story, section))));
  return words;
}

export function isEmptySection(story: Story, section: Section): boolean {
  return sectionProse(story, section).trim() === '';
}

const TOLD_KINDS: ReadonlySet<SectionKind> = new Set([...STAR_KINDS, 'learning']);

/** The words of the full telling: Situation, Task, Action, Result and Learning. */
export function fullStoryWords(story: Story): number {
  let words = 0;
  for (const section of story.sections) if (TOLD_KINDS.has(section.kind)) words += sectionWords(story, section);
  return words;
}
