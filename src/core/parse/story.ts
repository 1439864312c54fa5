import { compiledNow, countWords, firstNonSpace, forwardSearch, LineIndex, matchesOf, TWO_LETTERS } from '../text';
import { emptyFrontMatter, parseFrontMatter, type FrontMatter } from './frontMatter';
import { blankQuotes } from '../language/quotes';
import { countCollectiveVoice, findPersonalAction, isGuidanceLine, isPromptLine, tellsPastEvent, TO_THE_WRITER } from '../language/personal';

export type SectionKind = 'situation' | 'task' | 'action' | 'result' | 'learning' | 'short' | 'other';
export const STAR_KINDS = ['situation', 'task', 'action', 'result'] as const;
export type StarKind = (typeof STAR_KINDS)[number];

/** Whether a section kind (or a part's name read as one) is Situation, Task, Action or Result. */
export function isStarKind(kind: string): kind is StarKind {
  return (STAR_KINDS as readonly string[]).includes(kind);
}

/** Heading and label names a reader uses for each part of a STAR story (normalised: lowercase, single spaces). */
const SECTION_NAMES: Record<Exclude<SectionKind, 'other'>, readonly string[]> = {
  // "What happened" and "Why it mattered": the setting of a notes or brag-document entry.
  // "Problem": the setting of a Problem, Action, Result (PAR) telling; "Challenge" that of a
  // Challenge, Action, Result (CAR) one; "Where": the setting of a notes or evidence-bank entry.
  situation: ['situation', 'context', 'background', 's', 'what happened', 'why it mattered', 'problem', 'challenge', 'where', 'where and when'],
  // "Goal", "Target", "Aim" and "Purpose": the Task of a brag entry, a STAR-L telling or a project
  // write-up, an aim set by the speaker or for them ("Aims and objectives": that of an improvement
  // report's abstract, whose "Methods" are its Action); "Scope": what was in and out of the speaker's remit.
  task: [
    'task', 'tasks', 'my task', 'my role', 't', 'what i had to do', 'what we had to do', 'what i needed to do', 'what we needed to do', 'goal', 'goals', 'my goal', 'the goal', 'target', 'objective', 'my objective', 'scope',
    'aim', 'aims', 'the aim', 'my aim', 'purpose', 'aims and objectives', 'aim and objectives', 'goals and objectives',
  ],
  // "Remediation", "Mitigation", "Actions taken": the Action of an incident write-up; "What we built" that of a project or hackathon one.
  // Not "Fix" or "Repair": a label a telling uses in passing ("Fix: I moved the stock ..."), which would make a layout of it.
  // "Behavior" and "Behaviour": the Action of a Situation, Behavior, Impact (SBI) telling; "Activity"
  // that of a Situation, Task, Activity, Result one; "Approach" that of a Problem, Approach, Result one.
  action: [
    'action', 'actions', 'what i did', 'a', 'what we did', 'what did you do', 'what did i do', 'how i did it', 'how we did it', 'in action', 'behavior', 'behaviour',
    'activity', 'activities', 'approach', 'my approach', 'my contributions', 'contributions', 'my contribution', 'response',
    'what i built', 'what we built', 'remediation', 'mitigation', 'actions taken', 'steps taken', 'methods',
  ],
  // "Metrics": the measured Result, as in "Metrics/Results" or a "**Metrics:**" line under a Result.
  result: ['result', 'results', 'outcome', 'outcomes', 'impact', 'metrics', 'r', 'how it turned out', 'how it ended', 'what came of it', 'how it went'],
  learning: [
    'learning', 'learnings', 'lesson', 'lessons', 'lesson learned', 'lessons learned', 'lesson learnt', 'lessons learnt', 'what i learned', 'what i learnt',
    'reflection', 'reflections', 'reflect', 'takeaway', 'takeaways', 'key takeaways', 'looking back', 'in hindsight', 'retrospective',
    'what i would do differently', "what i'd do differently", 'what i would change', "what i'd change", 'what i would do differently next time', 'next time', 'l',
    'how i grew', 'how i grew from it', 'what i took from it', 'what i took away',
  ],
  short: ['short version', 'short', '2 minute version', 'two minute version', '2 min version', 'short telling'],
};

const KIND_BY_NAME = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(SECTION_NAMES)) {
  for (const name of names) KIND_BY_NAME.set(name, kind as SectionKind);
}

/**
 * Names that mark one of two parts, by where they stand: "My role" is the Task ("I was asked to
 * ...") in a story that has marked none yet, and the Action (what the speaker did) after a Goal or
 * Task; "Response" is the Action after a Situation, and the Result after an Action ("Task and
 * action", then "Response"); "What happened" is the setting that opens a story, and how it ended
 * after the setting ("Background", then "What I did", then "What happened") or after headings of
 * the story's own that tell steps, the speaker's or the group's ("## Change the shape, not the price": "I moved the
 * renders ..."). Each is read as the first of its parts the story has not marked before it. Every
 * name here is in `SECTION_NAMES` under its first reading.
 */
const SECOND_READING = new Map<string, StarKind>([
  ['my role', 'action'],
  ['response', 'result'],
  ['what happened', 'result'],
]);

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
  /** A heading Markdown itself does not read as one: `##` and a no-break space, typed by accident. */
  notAHeading?: 'no-break-space';
  /**
   * The further STAR parts a combined heading or label names ("Situation / Task", "Action and
   * Result"): told in this section's body too. `kind` is the first part it names.
   */
  alsoKinds?: StarKind[];
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
  /**
   * Offsets [start, end) of each fenced code block, fences included; an unclosed one runs to the
   * end. A block that tells the story in a box (labelled parts in a fence with no language) is
   * listed, as Markdown shows it as code, but its text is read as prose.
   */
  codeBlocks: Array<[start: number, end: number]>;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/;
export function parseStory(text: string): Story {
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(text);
  const firstBodyLine = lines.positionAt(frontMatter.bodyStart).line + (frontMatter.bodyStart >= text.length && frontMatter.present ? 1 : 0);

  // Blanked spans: front matter, code blocks, HTML comments. Code first: a comment inside code is code.
  const blanks: Array<[number, number]> = [];
  // A byte order mark is no text: left in, it would hide a first heading.
  if (text.charCodeAt(0) === 0xfeff) blanks.push([0, 1]);
  if (frontMatter.present) blanks.push([frontMatter.start, Math.min(frontMatter.bodyStart, text.length)]);
  const codeLines = new Set<number>();
  const codeBlocks: Array<[number, number]> = [];
  const addCode = (startLine: number, endLine: number, end: number) => {
    for (let l = startLine; l <= endLine; l++) codeLines.add(l);
    blanks.push([lines.lineStart(startLine), end]);
    codeBlocks.push([lines.lineStart(startLine), end]);
  };
  // A story told in a fenced box: a code block to Markdown (no comment, heading or block starts
  // inside it), but its labelled lines are the story's prose. Only the fences are blanked.
  const boxLines = new Set<number>();
  const addBox = (startLine: number, closeLine: number | undefined, end: number) => {
    const innerEnd = closeLine ?? lines.lineCount;
    for (let l = startLine; l <= Math.min(innerEnd, lines.lineCount - 1); l++) codeLines.add(l);
    for (let l = startLine + 1; l < innerEnd; l++) boxLines.add(l);
    for (const fenceAt of closeLine === undefined ? [startLine] : [startLine, closeLine]) blanks.push([lines.lineStart(fenceAt), lines.lineEnd(fenceAt)]);
    codeBlocks.push([lines.lineStart(startLine), end]);
  };
  let fence: string | undefined;
  let fenceLine = 0;
  // Most stories have no code at all: then there is nothing to scan for.
  const mayHaveFences = text.indexOf('```', frontMatter.bodyStart) !== -1 || text.indexOf('~~~', frontMatter.bodyStart) !== -1;
  let inComment = false;
  for (let line = mayHaveFences ? firstBodyLine : lines.lineCount; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    // A comment that opens a line is an HTML block up to its "-->": a fence inside it is not code.
    if (fence === undefined && (inComment || COMMENT_BLOCK_START.test(content))) {
      inComment = commentGoesOn(content, inComment);
      continue;
    }
    if (fence === undefined) {
      const open = FENCE_OPEN.exec(content);
      // A backtick fence's info string has no backtick: "```npm ci```" is a code span.
      if (open && !(open[1][0] === '`' && content.indexOf('`', open[0].length) !== -1)) {
        fence = open[1];
        fenceLine = line;
      }
    } else if (FENCE_CLOSE.test(content)) {
      const closing = content.trim();
      if (closing[0] === fence[0] && closing.length >= fence.length) {
        if (isToldInBox(lines, fenceLine, line)) addBox(fenceLine, line, lines.lineEnd(line));
        else addCode(fenceLine, line, lines.lineEnd(line));
        fence = undefined;
      }
    }
  }
  if (fence !== undefined) {
    if (isToldInBox(lines, fenceLine, lines.lineCount)) addBox(fenceLine, undefined, text.length);
    else addCode(fenceLine, lines.lineCount - 1, text.length);
  }
  // Indented code whose lines label the parts ("    Situation: ...", as notes pasted under a
  // heading) is the story told in a box too: nothing in it is blanked.
  const addIndented = (startLine: number, endLine: number, end: number) => {
    if (!marksATelling(lines, startLine, endLine + 1)) return addCode(startLine, endLine, end);
    for (let l = startLine; l <= endLine; l++) {
      codeLines.add(l);
      boxLines.add(l);
    }
    codeBlocks.push([lines.lineStart(startLine), end]);
  };
  const endsBlock = mayEndBlocks(text, lines, frontMatter.bodyStart) ? scanBlocks(lines, firstBodyLine, codeLines, addIndented) : undefined;

  const comments = findComments(text, lines, frontMatter.bodyStart, codeLines, blanks);

  const prose = blankOut(text, blanks);
  const sections: Section[] = [];
  let open: Section | undefined;
  const close = (at: number) => {
    if (open) open.bodyEnd = Math.max(open.bodyStart, at);
    open = undefined;
  };
  // Inside a "## Follow-ups" section, "- Q: ..." and "- A: ..." are prepared answers, not STAR labels.
  let inFollowUps = false;
  // Two shapes read only when a story is written in them throughout (one scan of the body each):
  // a part that ends with its marker ("... a local bakery (S). Our group ... (T)."), and a part
  // that opens with its bare name and no colon ("Situation I sit on the committee ...").
  const bodyProse = prose.slice(frontMatter.bodyStart);
  // Each is asked of the whole body only when a line could be one: most stories hold neither.
  const trailing = holdsMarker(bodyProse) ? trailingMarkers(bodyProse) : undefined;
  let bare: boolean | undefined;
  const bareNameIn = (content: string, first: number) => {
    if (first > 3 || !BARE_NAME_OPENING.has(content.charCodeAt(first))) return undefined;
    const found = bareNameAt(content);
    return found && (bare ??= distinctKinds(bodyProse, BARE_NAME) >= MARKED_PARTS_OF_A_TELLING) ? found : undefined;
  };
  // A third, read the same way: letters in a column before the text ("S,T  Civil eng. society ...",
  // "A    met the builders"), asked only of a line that opens with a part's letter.
  let columns: boolean | undefined;
  const letterColumnIn = (content: string, first: number): LabelFound | undefined => {
    if (!COLUMN_LETTER.has(content.charCodeAt(first)) || !COLUMN_AFTER_LETTER.has(content.charCodeAt(first + 1))) return undefined;
    const match = LETTER_COLUMN_ON_LINE.exec(content);
    return match && (columns ??= distinctKinds(bodyProse, LETTER_COLUMN) >= MARKED_PARTS_OF_A_TELLING) ? { name: match[1], nameStart: first, bodyStart: match[0].length } : undefined;
  };
  // Whether a "Q:" line came before, since the last label: then "A:" is its answer, not an Action.
  let questionAsked = false;
  // With trailing markers: where the part that the next marker closes began.
  let partStart: number | undefined;
  for (let line = firstBodyLine; line < lines.lineCount; line++) {
    if (codeLines.has(line) && !boxLines.has(line)) continue;
    // Same offsets as the text: the prose line is where comments and code are already blank.
    const content = prose.slice(lines.lineStart(line), lines.lineEnd(line));
    const first = firstNonSpace(content);
    if (first === -1) continue;
    const lineStart = lines.lineStart(line);
    const heading = content.charCodeAt(first) === 35 /* # */ && !boxLines.has(line) ? atxHeading(content) : undefined;
    if (heading) {
      // A deeper heading is a sub-heading inside its part, unless it names a STAR part itself:
      // "#### Situation" in a story written with level-4 headings throughout.
      if (heading.level > 3 && kindOf(heading.title) === 'other') continue;
      partStart = undefined;
      close(lineStart);
      const title = heading.title;
      const { kind, alsoKinds } = heading.level === 1 ? { kind: 'other' as const, alsoKinds: undefined } : partsNamed(title);
      inFollowUps = kind === 'other' && isFollowUpsTitle(title);
      const titleStart = lineStart + heading.titleStart;
      open = {
        kind,
        ...(alsoKinds ? { alsoKinds } : {}),
        title: cleanTitle(title),
        style: 'heading',
        line,
        titleStart,
        titleEnd: titleStart + title.length,
        bodyStart: lines.nextLineStart(line),
        bodyEnd: text.length,
        ...(heading.noBreakSpace ? { notAHeading: 'no-break-space' as const } : {}),
      };
      sections.push(open);
      continue;
    }
    // A setext heading: a line of text underlined with = or -. Only a STAR name counts, since a
    // "---" under a paragraph is more often meant as a rule than as a heading.
    // (Underlined with "=", it is a level-1 heading: the story's title, like "# Title".)
    if ((line <= firstBodyLine || endsBlock?.[line - 1] === 1) && line + 1 < lines.lineCount && !codeLines.has(line + 1) && SETEXT_UNDERLINE.test(lines.lineText(line + 1))) {
      const title = content.trim();
      const kind = lines.lineText(line + 1).trim()[0] === '=' ? 'other' : kindOf(title);
      if (kind !== 'other') {
        close(lineStart);
        const titleStart = lineStart + first;
        open = { kind, title: cleanTitle(title), style: 'heading', line, titleStart, titleEnd: titleStart + title.length, bodyStart: lines.nextLineStart(line + 1), bodyEnd: text.length };
        sections.push(open);
        line++;
        continue;
      }
    }
    if (trailing && !inFollowUps) {
      partStart ??= lineStart + first;
      if (trailing.onLine.test(content)) {
        partStart = readTrailingMarkers(content, trailing.all, lineStart, partStart, (section) => {
          close(section.bodyStart);
          section.line = lines.positionAt(section.bodyStart).line;
          sections.push(section);
        });
        continue;
      }
    }
    // A table's header row names its columns ("| Action | Owner | Due |" over a to-do list), not a part.
    const found = inFollowUps || isTableHeader(lines, line, content, first) ? undefined : labelAt(content) ?? bareNameIn(content, first) ?? letterColumnIn(content, first);
    const named = found ? partsNamed(found.name) : undefined;
    // A label naming the part its heading already opened ("## Result" then "- **Impact:** ..."), or
    // an earlier part, which a story does not go back to ("## Result" then "- Target: 99.9%", the
    // goal the Result is measured against), is a line of that part, not a new one; and after "Q:",
    // "A:" is the answer, not an Action.
    // A label alone on its line naming the heading's own part, over lines of text ("### Situation",
    // then "**Context and Background:**" over bullets), is a subtitle of that part too; over another
    // label or nothing ("- **Impact:**" then "- **Metrics:**"), it is an unfilled part of its own.
    const toldAfter = (at: number) => at < lines.lineCount && !codeLines.has(at) && lines.lineText(at).trim() !== '' && labelAt(lines.lineText(at)) === undefined;
    const told = found !== undefined && (content.slice(found.bodyStart).trim() !== '' || toldAfter(line + 1));
    const withinPart =
      open?.style === 'heading' &&
      named !== undefined &&
      !named.alsoKinds?.some((kind) => kind !== open!.kind) &&
      ((named.kind === open.kind && told) || (content.slice(found!.bodyStart).trim() !== '' && comesBefore(named.kind, open.kind)));
    const answer = found !== undefined && questionAsked && /^(?:a|answer)$/i.test(cleanTitle(found.name));
    if (QUESTION_OPENING.has(content.charCodeAt(first)) && QUESTION_LINE.test(content)) questionAsked = true;
    else if (found && !answer) questionAsked = false;
    const label = withinPart ? undefined : found;
    if (label) {
      partStart = undefined;
      close(lineStart);
      const { kind, alsoKinds } = answer ? { kind: 'other' as const, alsoKinds: undefined } : named!;
      open = {
        kind,
        ...(alsoKinds ? { alsoKinds } : {}),
        title: cleanTitle(label.name),
        style: 'label',
        line,
        titleStart: lineStart + label.nameStart,
        titleEnd: lineStart + (label.nameEnd ?? label.nameStart + label.name.length),
        bodyStart: lineStart + label.bodyStart,
        bodyEnd: text.length,
      };
      sections.push(open);
    }
    // After a label, "Situation: ... Task: ... Action: ..." all in one paragraph: each label after a
    // full stop. On any other line only a bracketed marker, which prose never holds: "... how I
    // lead. (S) At my last job". A label ends with its colon and a marker opens with its bracket:
    // a line with neither (after its own label) holds none, and is not searched.
    const from = label ? label.bodyStart : 0;
    if (content.indexOf('(', from) === -1 && (!label || content.indexOf(':', from) === -1)) continue;
    const inline = label ? INLINE_LABEL : INLINE_MARKER;
    inline.lastIndex = from;
    for (let match = inline.exec(content); match; match = inline.exec(content)) {
      // After a label, group 1 or 3 is a label and group 2 a bracketed marker; elsewhere, group 1 is a marker.
      const bracketed = !label || match[2] !== undefined;
      const name = match[2] ?? match[1] ?? match[3];
      const nameStart = match.index + match[0].indexOf(name, 1);
      // A bracketed marker closes the part before it at its bracket.
      close(lineStart + (bracketed ? nameStart - 1 : nameStart));
      open = { kind: kindOf(name), title: name, style: 'label', line, titleStart: lineStart + nameStart, titleEnd: lineStart + nameStart + name.length, bodyStart: lineStart + match.index + match[0].length, bodyEnd: text.length };
      sections.push(open);
    }
  }
  close(text.length);
  readSecondNames(sections, prose);
  return { text, lines, prose, frontMatter, sections, comments, codeBlocks };
}

/** Whether `kind` is a STAR part told before the STAR part `later` (Situation, Task, Action, Result). */
function comesBefore(kind: SectionKind, later: SectionKind): boolean {
  const at = (STAR_KINDS as readonly SectionKind[]).indexOf(kind);
  return at !== -1 && at < (STAR_KINDS as readonly SectionKind[]).indexOf(later);
}

/**
 * Gives each section named by a name of two readings (see `SECOND_READING`) its second part when
 * the story marked its first one before it, or a part that comes after its first one in STAR order
 * ("What I had to do", "What I did", then "What happened": the ending, not the setting, though no
 * Situation was read before it). One pass, in order.
 */
function readSecondNames(sections: Section[], prose: string): void {
  const marked = new Set<SectionKind>();
  for (const section of sections) {
    const second = !section.alsoKinds ? SECOND_READING.get(partName(section.title) ?? '') : undefined;
    const laterMarked = second !== undefined && [...marked].some((kind) => comesBefore(section.kind, kind));
    if (second && (marked.has(section.kind) || laterMarked || (second === 'result' && section.kind === 'situation' && stepsToldBefore(sections, section, prose)))) section.kind = second;
    marked.add(section.kind);
    for (const kind of section.alsoKinds ?? []) marked.add(kind);
  }
}

/**
 * Whether a heading of the story's own before the section tells a step, the speaker's or the
 * group's ("## Change the shape": "I moved ..."; "## Bringing in a new programme": "We decided to trial ...").
 */
function stepsToldBefore(sections: readonly Section[], section: Section, prose: string): boolean {
  return sections.some((other) => {
    if (other.line >= section.line || other.kind !== 'other' || other.style !== 'heading') return false;
    const told = prose.slice(other.bodyStart, other.bodyEnd);
    return findPersonalAction(told) !== undefined || countCollectiveVoice(told) > 0;
  });
}

const isBlank = (code: number) => code === 32 || code === 9;

/** The info strings of a fence that holds text, not code: none, or a name for plain text or Markdown. */
const TEXT_FENCE_INFO = /^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:text|txt|plain|plaintext|markdown|md)?[ \t]*$/i;

/**
 * Whether the fenced block from `openLine` (its opening fence) up to `endLine` (its closing fence,
 * or the story's end) is the story told in a box rather than code: a fence with no language (or
 * plain text or Markdown) whose lines mark at least three of the STAR parts with labels
 * ("S: ...", "**Task:** ..."). Such a block is read as prose.
 */
function isToldInBox(lines: LineIndex, openLine: number, endLine: number): boolean {
  return TEXT_FENCE_INFO.test(lines.lineText(openLine)) && marksATelling(lines, openLine + 1, endLine);
}

/** Whether the lines from `fromLine` up to (not including) `toLine` label at least three of the STAR parts ("S: ...", "**Task:** ..."). */
function marksATelling(lines: LineIndex, fromLine: number, toLine: number): boolean {
  const kinds = new Set<SectionKind>();
  for (let line = fromLine; line < toLine; line++) {
    const label = labelAt(lines.lineText(line));
    if (label) kinds.add(partsNamed(label.name).kind);
  }
  return STAR_KINDS.filter((kind) => kinds.has(kind)).length >= MARKED_PARTS_OF_A_TELLING;
}

/** How many of the four STAR parts a shape must mark before the parser reads a whole story in it. */
const MARKED_PARTS_OF_A_TELLING = 3;

/** The column where a list item's content starts: after its marker and up to four spaces. */
function itemContentColumn(line: string): number {
  const marker = /^ *(?:[-*+]|\d{1,9}[.)])/.exec(line)![0].length;
  let after = marker;
  while (line.charCodeAt(after) === 32) after++;
  return after - marker > 4 || after === line.length ? marker + 1 : after;
}

/** A comment that opens a line: an HTML block, up to the line that holds its "-->". */
const COMMENT_BLOCK_START = /^ {0,3}<!--/;

/** Whether a comment block (opened on this line, or already open) goes on past this line. */
function commentGoesOn(line: string, alreadyOpen: boolean): boolean {
  return line.indexOf('-->', alreadyOpen ? 0 : line.indexOf('<!--') + 4) === -1;
}

/** Columns of indentation at the start of a line (a tab is four). */
function indentOf(line: string): number {
  let columns = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 32) columns++;
    else if (code === 9) columns += 4 - (columns % 4);
    else return columns;
  }
  return columns;
}

const NESTED_LIST_ITEM = /^ *(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Whether `scanBlocks` could find anything in the body (from `bodyStart`, where its first line is
 * read from): a line that opens with four spaces or a tab, or a setext underline. A test of each
 * line's first character; most stories have neither.
 */
function mayEndBlocks(text: string, lines: LineIndex, bodyStart: number): boolean {
  const firstLine = lines.positionAt(bodyStart).line;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const start = line === firstLine ? bodyStart : lines.lineStart(line);
    const code = text.charCodeAt(start);
    if (code === 9 || text.startsWith('    ', start)) return true;
    if ((code === 32 || code === 45 /* - */ || code === 61) /* = */ && SETEXT_UNDERLINE.test(text.slice(start, lines.lineEnd(line)))) return true;
  }
  return false;
}

/**
 * The blocks of the body, line by line, as CommonMark reads them: adds indented code (four
 * columns in, or four past a list item's content, after a line that ended its block) through
 * `addCode`, and returns which lines end a block (blank, heading, rule, underline, code, comment),
 * so that a setext heading's text can be told from a paragraph's last line.
 */
function scanBlocks(lines: LineIndex, firstLine: number, codeLines: Set<number>, addCode: (startLine: number, endLine: number, end: number) => void): Uint8Array {
  const endsBlock = new Uint8Array(lines.lineCount);
  // Whether the line before ended its block (indented code cannot interrupt a paragraph), and
  // whether it was paragraph text (which a line of "=" underlines into a heading).
  let blockEnded = true;
  let paragraphOpen = false;
  let inList = false;
  // Inside a list item, code is indented four columns past the item's own content.
  let itemIndent = 0;
  let inComment = false;
  let line = firstLine;
  const ended = () => {
    blockEnded = true;
    paragraphOpen = false;
    endsBlock[line] = 1;
  };
  for (; line < lines.lineCount; line++) {
    if (codeLines.has(line)) {
      ended();
      inList = false;
      continue;
    }
    const content = lines.lineText(line);
    // A comment that opens a line is an HTML block up to its "-->": never code, and it ends a paragraph.
    if (inComment || COMMENT_BLOCK_START.test(content)) {
      if (!inComment && indentOf(content) === 0) inList = false;
      inComment = commentGoesOn(content, inComment);
      ended();
      continue;
    }
    if (content.trim() === '') {
      ended();
      continue;
    }
    const indent = indentOf(content);
    const codeIndent = (inList ? itemIndent : 0) + 4;
    if (indent >= codeIndent && blockEnded) {
      let last = line;
      for (let next = line + 1; next < lines.lineCount && !codeLines.has(next); next++) {
        const text = lines.lineText(next);
        if (text.trim() === '') continue;
        if (indentOf(text) < codeIndent) break;
        last = next;
      }
      addCode(line, last, lines.lineEnd(last));
      line = last;
      ended();
      continue;
    }
    // A list item at the margin, or nested inside the current item (indented less than its code).
    const item = indent < 4 || (inList && indent < itemIndent + 4) ? NESTED_LIST_ITEM.exec(content) : null;
    // An ATX heading, a thematic break or an underline is a block of one line: it ends a
    // paragraph, and at the left margin a list too.
    const oneLineBlock = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$)/.test(content) || (paragraphOpen && !inList && /^ {0,3}=+[ \t]*$/.test(content));
    if (item && !oneLineBlock) {
      inList = true;
      itemIndent = itemContentColumn(content);
    } else if (indent === 0 && (blockEnded || oneLineBlock)) inList = false;
    if (oneLineBlock) ended();
    else {
      blockEnded = false;
      paragraphOpen = true;
    }
  }
  return endsBlock;
}

/**
 * The spans of inline code (`` `x` ``), which hold no comment and no directive: a run of backticks
 * opens one that the next run of the same length closes, within a paragraph. Linear: each run's
 * partner is found by one backward pass.
 */
function codeSpans(text: string, lines: LineIndex, from: number): Array<[number, number]> {
  const runs: Array<{ start: number; end: number; paragraph: number }> = [];
  let paragraph = 0;
  let previousLine = lines.positionAt(from).line;
  for (let at = text.indexOf('`', from); at !== -1; at = text.indexOf('`', at)) {
    // A paragraph ends at a blank line or a line that starts a block: spans never cross it.
    const line = lines.positionAt(at).line;
    for (let between = previousLine + 1; between <= line; between++) {
      if (INTERRUPTS_PARAGRAPH.test(lines.lineText(between))) {
        paragraph++;
        break;
      }
    }
    previousLine = line;
    let end = at;
    while (text.charCodeAt(end) === 96) end++;
    runs.push({ start: at, end, paragraph });
    at = end;
  }
  const partner = new Array<number>(runs.length).fill(-1);
  const latest = new Map<string, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const key = `${runs[i].paragraph}:${runs[i].end - runs[i].start}`;
    partner[i] = latest.get(key) ?? -1;
    latest.set(key, i);
  }
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < runs.length; i++) {
    if (partner[i] === -1) continue;
    spans.push([runs[i].start, runs[partner[i]].end]);
    i = partner[i];
  }
  return spans;
}

/**
 * HTML comments as CommonMark reads them: one that opens a line is a block, running to the line
 * that holds its `-->` (or to the end of the story); one inside a paragraph must close before the
 * paragraph ends, or it is plain text. Never inside code blocks or code spans. Adds what each
 * hides from the prose to `blanks`.
 */
function findComments(text: string, lines: LineIndex, from: number, codeLines: ReadonlySet<number>, blanks: Array<[number, number]>): Comment[] {
  const comments: Comment[] = [];
  const nextClose = forwardSearch(text, /-->/g);
  // The first line after a paragraph: a blank line, or a line that starts a block of its own.
  // Comments come in document order, so the last answer is kept while it lies ahead.
  let known = { from: -1, end: -1 };
  const paragraphEnd = (line: number) => {
    if (line >= known.from && line < known.end) return known.end;
    let end = line + 1;
    while (end < lines.lineCount && !codeLines.has(end) && !INTERRUPTS_PARAGRAPH.test(lines.lineText(end))) end++;
    known = { from: line, end };
    return end;
  };
  let spans: Array<[number, number]> | undefined;
  let span = 0;
  for (let at = text.indexOf('<!--', from); at !== -1; at = text.indexOf('<!--', at + 4)) {
    const line = lines.positionAt(at).line;
    if (codeLines.has(line)) continue;
    spans ??= text.includes('`') ? codeSpans(text, lines, from) : [];
    while (span < spans.length && spans[span][1] <= at) span++;
    if (span < spans.length && spans[span][0] <= at) continue;
    const close = nextClose(at + 4);
    const opensLine = /^ {0,3}$/.test(text.slice(lines.lineStart(line), at));
    if (!opensLine && (close === -1 || lines.positionAt(close).line >= paragraphEnd(line))) continue;
    const end = close === -1 ? text.length : close + 3;
    comments.push({ text: text.slice(at + 4, close === -1 ? text.length : close).trim(), start: at, end });
    // A comment block takes in the rest of the line its "-->" is on: that is raw HTML, not prose.
    blanks.push([at, opensLine ? lines.lineEnd(lines.positionAt(end).line) : end]);
    at = end - 4;
  }
  return comments;
}

/** A blank line, or a line that ends a paragraph by starting a block of its own. */
const INTERRUPTS_PARAGRAPH = /^(?:[ \t]*$| {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}[^`]*$|~{3,}|<!--|>|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|[-*+][ \t]+\S|1[.)][ \t]+\S))/;

// "Problem": the first part of a Problem, Action, Result (PAR) telling.
const STAR_MARKER_NAMES = 'S|T|A|R|Situation|Problem|Task|Actions?|Results?';
/**
 * A bracketed STAR marker that ends its part: after a word, before a stop, the line's end or the
 * sentence going on in lower case ("... for a local bakery (S).", "... as a junior developer
 * (Situation), we were ...", "... a fortnight from release (Situation) when our developer left").
 * Never after a lone word opening its line: "A (Action): ..." and "Situation (S): ..." are labels.
 */
const TRAILING_MARKER = new RegExp(String.raw`(?<=[\p{L}\p{N}"'”’%\]])[ \t]*(?<!^[ \t>*_+\-]*\p{L}+[ \t]*)\((${STAR_MARKER_NAMES})\)(?=[ \t]*(?:[.,;:!?]|\r?$)|[ \t]+\p{Ll})`, 'gmu');
const TRAILING_MARKER_ON_LINE = new RegExp(TRAILING_MARKER.source, 'mu');
/**
 * A bracketed STAR marker after the text of its part, whatever follows: "... deliveries. (Situation)
 * I sat down with ...", or opening the line after it in hard-wrapped text; read so only in a story
 * whose last marker ends the telling (see `trailingMarkers`). Never after a lone word opening its
 * line, as for `TRAILING_MARKER`.
 */
const CLOSING_MARKER = new RegExp(String.raw`(?:(?<=[\p{L}\p{N}"'”’%\].!?])|^)[ \t]*(?<!^[ \t>*_+\-]*\p{L}+[ \t]*)\((${STAR_MARKER_NAMES})\)`, 'gmu');
const CLOSING_MARKER_ON_LINE = new RegExp(CLOSING_MARKER.source, 'mu');
/** A bracketed marker of a scheme other than STAR's: "(C)" of Context, Action, Result; "(Outcome)". */
const OTHER_SCHEME_MARKER = /\((?:[B-QU-Z]|Context|Challenge|Obstacles?|Outcome|Impact|Learning)\)/;
/** A marker that ends a text (its end trimmed): nothing after it but a stop or a closing quotation mark. */
const MARKER_AT_END = new RegExp(String.raw`(?<=[\p{L}\p{N}"'”’%\].!?])[ \t]*\((?:${STAR_MARKER_NAMES})\)[.!?"”’]*$`, 'u');

/**
 * How a story's bracketed markers are read when they close their parts (`all` global, `onLine` a
 * quick test), or undefined when they open them ("(S) At my last job ..."). They close their parts
 * when two kinds of marker close a part as `TRAILING_MARKER` does ("... a local bakery (S). Our
 * group ... (T)."), or when the last marker ends the telling, two kinds are marked, none opens a
 * line and none is of another scheme (see `OTHER_SCHEME_MARKER`): then each marker closes the part
 * before it, even where a new sentence opens after it ("... on time. (Situation) I sat down ...
 * again.\" (Result)").
 */
function trailingMarkers(body: string): { all: RegExp; onLine: RegExp } | undefined {
  if (distinctKinds(body, TRAILING_MARKER) >= 2) return { all: TRAILING_MARKER, onLine: TRAILING_MARKER_ON_LINE };
  // The end alone is searched, so a long run of blanks costs no backtracking.
  if (!MARKER_AT_END.test(body.trimEnd().slice(-40))) return undefined;
  // Not where the first marker opens the telling (a draft's "(Situation) ... (Result)", the last
  // left empty), nor where a part is marked in a scheme of its own ("... slid to 11% (C) → rebuilt
  // ... (A)"): read so, the parts would shift by one, or that part would be named missing.
  if (firstMarkerOpensTelling(body) || OTHER_SCHEME_MARKER.test(body) || distinctKinds(body, CLOSING_MARKER) < 2) return undefined;
  return { all: CLOSING_MARKER, onLine: CLOSING_MARKER_ON_LINE };
}

/** Whether nothing is told before the body's first marker but the question it answers (a prompt line, see `isPromptLine`). */
function firstMarkerOpensTelling(body: string): boolean {
  ANY_MARKER.lastIndex = 0;
  const first = ANY_MARKER.exec(body);
  ANY_MARKER.lastIndex = 0;
  if (!first) return false;
  return body.slice(0, first.index).split('\n').every((line) => !TWO_LETTERS.test(line) || isPromptLine(line));
}
/** The bracketed marker alone, a quick test before the full pattern runs. */
const ANY_MARKER = new RegExp(String.raw`\((?:${STAR_MARKER_NAMES})\)`, 'g');

/**
 * Whether the text holds a bracketed STAR marker ("(S)", "(Result)"). None starts before the first
 * bracket: a text without one (most stories) is not searched, and the search starts there.
 */
function holdsMarker(text: string): boolean {
  const bracket = text.indexOf('(');
  if (bracket === -1) return false;
  ANY_MARKER.lastIndex = bracket;
  return ANY_MARKER.test(text);
}
/**
 * A part's bare name opening a line, with no colon, before a capital: "Situation I sit on ...",
 * in bold too: "**Task** I had to answer ...".
 */
const BARE_NAME = /^[ \t]{0,3}(?:\*\*|__)?(Situation|SITUATION|Task|TASK|Actions?|ACTIONS?|Results?|RESULTS?|Learnings?|LEARNINGS?)(?:\*\*|__)?[ \t]+(?=\p{Lu})/gmu;
const BARE_NAME_ON_LINE = new RegExp(BARE_NAME.source, 'u');
/** The characters a line of `BARE_NAME` can open with, after at most three blanks: a quick test. */
const BARE_NAME_OPENING = new Set([42, 95, 83, 84, 65, 82, 76]); // * _ S T A R L
/**
 * Parts' letters in a column of their own, set off from the text by a tab or two spaces or more,
 * one letter or two joined ("S,T  Civil eng. society ...", "A    met the two other builders").
 */
const LETTER_COLUMN = /^[ \t]{0,3}([STAR](?:[ \t]?[,/&+][ \t]?[STAR])?)(?:\t|[ ]{2,})[ \t]*(?=\S)/gm;
const LETTER_COLUMN_ON_LINE = new RegExp(LETTER_COLUMN.source);
/** The first two characters a line of `LETTER_COLUMN` can open with, after its indent: a quick test. */
const COLUMN_LETTER = new Set([83, 84, 65, 82]);
const COLUMN_AFTER_LETTER = new Set([32, 9, 44, 47, 38, 43]);

/** How many of Situation, Task, Action and Result a global pattern names (group 1, one name or two joined) in the text. */
function distinctKinds(text: string, pattern: RegExp): number {
  const kinds = new Set<SectionKind>();
  for (const match of matchesOf(text, pattern)) {
    const named = partsNamed(match[1]);
    for (const kind of [named.kind, ...(named.alsoKinds ?? [])]) if (isStarKind(kind)) kinds.add(kind);
  }
  return kinds.size;
}

/**
 * The parts a line's trailing markers (`markers`, a global pattern) close, in order, each from
 * `partStart` (where the part began, an offset in the story) to its marker; returns where the next
 * part begins, after the last marker and its stop.
 */
function readTrailingMarkers(content: string, markers: RegExp, lineStart: number, partStart: number, add: (section: Section) => void): number {
  for (const match of matchesOf(content, markers)) {
    const name = match[1];
    const nameStart = lineStart + match.index + match[0].indexOf('(') + 1;
    add({ kind: kindOf(name), title: name, style: 'label', line: 0, titleStart: nameStart, titleEnd: nameStart + name.length, bodyStart: partStart, bodyEnd: Math.max(partStart, lineStart + match.index) });
    const end = match.index + match[0].length;
    partStart = lineStart + end + /^[ \t]*[.,;:!?]?[ \t]*/.exec(content.slice(end))![0].length;
  }
  return partStart;
}

/** A bare part name opening a line ("Result We worked together ..."), offsets within the line. */
function bareNameAt(line: string): LabelFound | undefined {
  const match = BARE_NAME_ON_LINE.exec(line);
  return match ? { name: match[1], nameStart: match[0].indexOf(match[1]), bodyStart: match[0].length } : undefined;
}

/** The underline of a setext heading: a run of `=` (level 1) or `-` (level 2) alone on its line. */
export const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/**
 * A label inside a line after a label opened it: a part's name after a sentence's end ("... was
 * mine. Action: I wrote ...", group 1), a bracketed marker there (group 2), or a part's name or
 * letter after a separator between parts ("Challenge: ... | Action: built ... | Result: ...", "S:
 * ... ; T: ... – A: ...", group 3). Each branch starts at its own character (a stop, a bar, a
 * bullet, a semicolon, a dash or a slash after a blank), so a long line costs no backtracking.
 */
const INLINE_LABEL =
  /(?:[.!?]["”’)]?[ \t]+(?:(?:\*\*|__)?(Situation|Task|Actions?|Results?|Learnings?|Lessons learned)(?:\*\*|__)?[ \t]*:|\((S|T|A|R|Situation|Task|Actions?|Results?)\)(?=[ \t]+\S))|(?:\||[•·;]|(?<=[ \t])[–—/])[ \t]*(?:\*\*|__)?(Situation|Task|Actions?|Results?|Learnings?|Lessons learned|S|T|A|R)(?:\*\*|__)?[ \t]*:)[ \t]*/g;
/** A bracketed STAR marker after a sentence's end: "... how I lead. (S) At my last job". */
const INLINE_MARKER = /[.!?:]["”’)]?[ \t]+\((S|T|A|R|Situation|Task|Actions?|Results?)\)[ \t]+(?=\S)/g;
/** A list item's marker, and the bullets a word processor pastes ("• S: ..."), which Markdown reads as text. */
const LIST_MARKER = /^(?:[-*+•◦▪‣]|\d{1,3}[.)])[ \t]+/;
/** After a bold first letter ("**S**ituation"), the closing markup and the rest of the name. */
const BOLD_INITIAL_REST = /^(\*\*|__)(\p{Ll}{2,})/u;
const OPEN_MARKUP = /^(?:\*\*\*|___|\*\*|__|<strong>|<b>|\*|_)/i;
const CLOSE_MARKUP = /^(?:\*\*\*|___|\*\*|__|<\/strong>|<\/b>|\*|_)/i;
const NAME_CHAR = /[\p{L}' \t–—&/+-]/u;
/** The ASCII characters of `NAME_CHAR`, by code. */
const ASCII_NAME_CHAR = (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = NAME_CHAR.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
})();

/** Whether a UTF-16 code unit is one `NAME_CHAR` matches: a table for ASCII, the pattern for the rest. */
export function isNameChar(code: number): boolean {
  return code < 128 ? ASCII_NAME_CHAR[code] === 1 : NAME_CHAR.test(String.fromCharCode(code));
}
/** "S– text", and a name in capitals or title case before a dash: "RESULT – She thanked me". */
const DASHED_NAMES = '[Ss]ituation|SITUATION|[Tt]ask|TASK|[Aa]ctions?|ACTIONS?|[Rr]esults?|RESULTS?';
const LETTER_DASH = new RegExp(String.raw`^(?:([STAR])[ \t]*[–—-]|(${DASHED_NAMES})(?:[ \t]*[–—][ \t]*|[ \t]+-))[ \t]*(?=\S)`);
const BOLD_LETTER_DASH = new RegExp(String.raw`^([STAR]|${DASHED_NAMES})(?:\*\*|__|\*|_)[ \t]*[–—-][ \t]+`);
/** A first letter in brackets and the rest of the name: "(P)roblem", "(A)ction". */
const BRACKETED_INITIAL = /^\(([A-Z])\)(\p{Ll}{2,})/u;
/** Bracketed letters before a label's name and its colon: "(S/T) Situation/Task:", "(R) Reflection:". */
const LETTERS_BEFORE_NAME = /^\([STARL](?:\/[STARL])?\)[ \t]+(?=(\p{Lu}[\p{L} \t/&-]{0,40}?)[ \t]*(?:\*\*|__|\*|_)?[ \t]*:)/u;
/** Emoji and their joiners before a label: "🎯 **Situation:**". */
const EMOJI_OPENING = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\uFE0F|\u200D)+[ \t]*/u;
const LABEL_OPENING = new RegExp(String.raw`^[ \t]*(?:(?:[-*+•◦▪‣]|\d{1,3}[.)])[ \t]+)?(?:[*_<|]|["“]?\((?:[STAR]|Situation|Task|Actions?|Results?)\)|[STAR][ \t]*[–—-]|(?:${DASHED_NAMES})[ \t]*[–—-]|>|\p{Extended_Pictographic})`, 'u');

/**
 * A label found on a line, offsets within the line: its name as read ("Situation" for
 * "**S**ituation"), where the name starts, where it ends when that is not `nameStart` plus the
 * name's length, and where the part's text starts.
 */
interface LabelFound {
  name: string;
  nameStart: number;
  nameEnd?: number;
  bodyStart: number;
}

/**
 * A STAR label at the start of a line, the many ways people write one: `Situation:`, `S:`,
 * `**Situation:**`, `**Situation**:`, `- **Situation**:` (then nested bullets), `* **S - Situation:**`,
 * `<strong>Situation</strong>:`, `(S)`, `S– text`, a bold label alone on its line (`**SITUATION**
 * (30 seconds)`), or a section name alone on its line. Offsets are within the line; a bounded
 * scan, so a long line costs no more than a short one.
 */
function labelAt(line: string): LabelFound | undefined {
  // Most lines are prose: no colon near the start, too long to be a name alone, and no bold,
  // HTML, "(S)" or "S–" opening. They cannot be labels.
  const colon = line.indexOf(':');
  if ((colon === -1 || colon > 64) && line.length > 60 && !equalsNearStart(line) && !LABEL_OPENING.test(line)) return undefined;
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  // "    - **Situation:** ...": an item of a nested list, as deep as it goes, or "    Situation:
  // ..." in a story told in an indented box (other indented code is already blanked, so a line
  // indented this far that is still read is one of these).
  if (isBlank(line.charCodeAt(at))) at = skipBlanks(line, at);
  // "> **Situation:** ...": a label inside a block quote.
  while (line.charCodeAt(at) === 62) at = skipBlanks(line, at + 1);
  // "| **Situation** | In my second year ... |": a table row whose first cell names the part.
  const tableRow = line.charCodeAt(at) === 124;
  if (tableRow) at = skipBlanks(line, at + 1);
  const marker = LIST_MARKER.exec(line.slice(at, at + 8));
  if (marker) at += marker[0].length;
  const emoji = line.charCodeAt(at) > 0x2000 ? EMOJI_OPENING.exec(line.slice(at, at + 16)) : null;
  if (emoji) at += emoji[0].length;
  const markup = OPEN_MARKUP.exec(line.slice(at, at + 8));
  if (markup) at += markup[0].length;
  while (isBlank(line.charCodeAt(at))) at++;
  // "(S/T) Situation/Task:", "(R) Reflection:": letters in brackets before a name and its colon,
  // where the name, not the letters, names the part (STARR's second R is the Reflection).
  // Any other phrase after the letters ("(S) Last March: ...") leaves the letter as the label.
  const lettered = line.charCodeAt(at) === 40 ? LETTERS_BEFORE_NAME.exec(line.slice(at, at + 64)) : null;
  if (lettered && partsNamed(lettered[1]).kind !== 'other') at += lettered[0].length;
  // '"(Situation) At the depot ...': a quoted answer that opens on its first marker.
  if ((line.charCodeAt(at) === 34 || line.charCodeAt(at) === 0x201c) && line.charCodeAt(at + 1) === 40) at++;
  const nameStart = at;
  // "(S) At my last job ...", "(Action) I mapped ..."
  const bracketed = line.charCodeAt(at) === 40 ? /^\(([STAR]|Situation|Task|Actions?|Results?)\)[ \t]/.exec(line.slice(at, at + 12)) : null;
  if (bracketed) return { name: bracketed[1], nameStart: at + 1, bodyStart: skipBlanks(line, at + bracketed[1].length + 2) };
  // "(P)roblem:": the first letter in brackets and the rest of the name after it.
  const bracketedInitial = line.charCodeAt(at) === 40 ? BRACKETED_INITIAL.exec(line.slice(at, at + 24)) : null;
  let end = at;
  if (!bracketedInitial) while (end < line.length && end - at < 48 && isNameChar(line.charCodeAt(end))) end++;
  let name = bracketedInitial ? bracketedInitial[1] + bracketedInitial[2] : line.slice(at, end).trimEnd();
  // "**S**ituation:": the first letter in bold and the rest of the name after it.
  const initial = markup && name.length === 1 ? BOLD_INITIAL_REST.exec(line.slice(end, end + 24)) : null;
  if (initial) name += initial[2];
  const nameEnd = at + name.length + (initial ? initial[1].length : 0) + (bracketedInitial ? 2 : 0);
  // "**S —** Our analytics ...": in bold, a dash before the closing markup ends the label as a colon would.
  const dashInBold = markup ? /[ \t]*[–—-]$/.exec(name) : null;
  const dashEnds = dashInBold !== null && name.length > dashInBold[0].length && CLOSE_MARKUP.test(line.slice(at + name.length, at + name.length + 9));
  if (dashEnds) name = name.slice(0, -dashInBold[0].length);
  if (name) {
    const single = name.length === 1;
    let colon = dashEnds;
    let after = skipBlanks(line, nameEnd);
    // A gloss in brackets before the colon: "Situation (S):", and "C (Context):", where the
    // bracket, not the letter, names the part.
    const gloss = line.charCodeAt(after) === 40 ? LABEL_GLOSS.exec(line.slice(after, after + 36)) : null;
    if (gloss && single && name === name.toUpperCase() && partsNamed(gloss[1]).kind !== 'other') {
      const glossStart = after + 1;
      return { name: gloss[1], nameStart: glossStart, nameEnd: glossStart + gloss[1].length, bodyStart: bodyAfterColon(line, after + gloss[0].length, markup !== null) };
    }
    // Any other gloss is skipped after a name ("Result (approximate):"), never after a letter: "A (see below):" is no label.
    if (gloss && !single) after += gloss[0].length - 1;
    // A part asked as a question: "**What was the situation?**".
    if (line.charCodeAt(after) === 63) after = skipBlanks(line, after + 1);
    if (!colon && line.charCodeAt(after) === 58) {
      colon = true;
      after = skipBlanks(line, after + 1);
    }
    // "**Situation.** We ...": in bold, a full stop before the closing markup ends the label as a colon would.
    else if (markup && line.charCodeAt(after) === 46 && CLOSE_MARKUP.test(line.slice(after + 1, after + 10))) {
      colon = true;
      after = skipBlanks(line, after + 1);
    }
    const closing = markup ? CLOSE_MARKUP.exec(line.slice(after, after + 9)) : null;
    if (closing) after = skipBlanks(line, after + closing[0].length);
    // A gloss after the bold name and before the colon: "**SITUATION** (30 sec):".
    const lateGloss = closing && !colon && !single && line.charCodeAt(after) === 40 ? LABEL_GLOSS.exec(line.slice(after, after + 36)) : null;
    if (lateGloss) {
      colon = true;
      after = skipBlanks(line, after + lateGloss[0].length);
    }
    // A table row's cell border ends its first cell as a colon would, and so does " = " in notes ("- Situation = Working at ...").
    if (!colon && (line.charCodeAt(after) === 58 || (tableRow && line.charCodeAt(after) === 124) || (line.charCodeAt(after) === 61 && isBlank(line.charCodeAt(after + 1))))) {
      colon = true;
      after = skipBlanks(line, after + 1);
    }
    const restEmpty = after >= line.length || NOTHING_AFTER_NAME.test(line.slice(after));
    // Without a colon: a bold label alone on its line, or a full section name alone on its line.
    const shaped = colon || (restEmpty && (markup !== null || (!single && !marker && /^\p{Lu}/u.test(name))));
    // Only a line shaped like a label pays for reading its name.
    if (shaped && (!single || name === name.toUpperCase()) && partsNamed(name).kind !== 'other') return { name, nameStart, bodyStart: colon ? after : line.length, ...(initial || bracketedInitial ? { nameEnd } : {}) };
  }
  // "S– During my second year ...": a single letter and a dash; in bold, "**S** — Our tracking ...".
  const dashed = (markup ? BOLD_LETTER_DASH : LETTER_DASH).exec(line.slice(nameStart, nameStart + 16));
  if (dashed) return { name: dashed[1] ?? dashed[2], nameStart, bodyStart: nameStart + dashed[0].length };
  return undefined;
}

/**
 * Whether " = " starts within the line's first 41 characters, as in notes ("- Situation = Working
 * at ..."). A search for "=" first: prose seldom holds one, and V8 searches backwards slowly.
 */
function equalsNearStart(line: string): boolean {
  const equals = line.indexOf('=');
  return equals !== -1 && equals <= 41 && line.lastIndexOf(' = ', 40) !== -1;
}

/** What may follow a label's name on its line and leave the rest empty: a gloss in brackets ("(30 seconds)") or an HTML line break (`<b>Result</b><br>`). */
const NOTHING_AFTER_NAME = /^(?:\([^()]{0,40}\)|<br[ \t]*\/?>)[ \t]*$/i;

/** A bracketed gloss after a label's name and before its colon: "(Context):", "(S)**:". */
const LABEL_GLOSS = /^\(([^()]{1,24})\)[ \t]*(?:\*\*|__|\*|_)?[ \t]*:/;

/** Where a label's text starts: after its colon (at `colon`), any closing markup and blanks. */
function bodyAfterColon(line: string, colon: number, bold: boolean): number {
  let after = skipBlanks(line, colon + 1);
  const closing = bold ? CLOSE_MARKUP.exec(line.slice(after, after + 9)) : null;
  if (closing) after = skipBlanks(line, after + closing[0].length);
  return after;
}

function skipBlanks(line: string, at: number): number {
  while (isBlank(line.charCodeAt(at))) at++;
  return at;
}

/**
 * An ATX heading as CommonMark reads it (up to 3 spaces, 1 to 6 `#`, a space or the line's end,
 * the text, an optional closing run of `#`), or undefined. A character scan, linear in the line:
 * a pattern with lazy groups and optional tails backtracks cubically on a long line of spaces.
 */
function atxHeading(line: string): { level: number; title: string; titleStart: number; noBreakSpace?: boolean } | undefined {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  let level = 0;
  while (line.charCodeAt(at + level) === 35) level++;
  if (level === 0 || level > 6) return undefined;
  at += level;
  // A no-break space after the #s (AltGr or Option and space): Markdown reads a paragraph, the
  // writer meant a heading. Read it as one, and let missing-section say how to mend it.
  const noBreakSpace = line.charCodeAt(at) === 0xa0;
  if (at < line.length && !isBlank(line.charCodeAt(at)) && !noBreakSpace) return undefined;
  if (noBreakSpace) at++;
  while (isBlank(line.charCodeAt(at))) at++;
  let end = line.length;
  while (end > at && isBlank(line.charCodeAt(end - 1))) end--;
  let closing = end;
  while (closing > at && line.charCodeAt(closing - 1) === 35) closing--;
  if (closing < end && (closing === at || isBlank(line.charCodeAt(closing - 1)))) {
    end = closing;
    while (end > at && isBlank(line.charCodeAt(end - 1))) end--;
  }
  return { level, title: line.slice(at, end), titleStart: at, ...(noBreakSpace ? { noBreakSpace } : {}) };
}

/**
 * Whether a heading names the prepared follow-up answers: "Follow-ups", "Follow-up questions",
 * "Followups", "Likely follow-ups". Such a section is kind `other`: never part of the Result.
 */
export function isFollowUpsTitle(title: string): boolean {
  return /^(?:likely |prepared |expected )?follow[- ]?ups?(?: questions| answers| q&a)?$/i.test(cleanTitle(title).replace(/^[^\p{L}]+/u, '').replace(/\s+/g, ' ').trim());
}

/** A story whose text could not be parsed: no front matter, no sections, the text as its prose. */
export function unparsedStory(text: string): Story {
  return { text, lines: new LineIndex(text), prose: text, frontMatter: emptyFrontMatter(), sections: [], comments: [], codeBlocks: [] };
}

/**
 * The kind of a heading or label, read the way people decorate them: `## 🎯 Result`,
 * `## 1. SITUATION:`, `### **S – Situation**`, `**Situation** (30 seconds)`, `<strong>Task</strong>`.
 */
function kindOf(title: string): SectionKind {
  const name = partName(title);
  return name === undefined ? 'other' : KIND_BY_NAME.get(name)!;
}

/** Stories repeat the same few headings and labels: remember each one's name (bounded in count and length, to stay small). */
const partNames = new Map<string, string | null>();

/** The name in `SECTION_NAMES` a heading or label spells, undecorated (see `kindOf`), if any. */
function partName(title: string): string | undefined {
  let name = partNames.get(title);
  if (name === undefined) {
    name = readPartName(title) ?? null;
    // A heading line can be long, and changes with each keystroke: only a title a part's name fits in is kept.
    if (title.length <= 64 && partNames.size < 10_000) partNames.set(title, name);
  }
  return name ?? undefined;
}

function readPartName(title: string): string | undefined {
  const plain = title
    .toLowerCase()
    .replace(/<\/?[a-z]+\s*>/g, ' ')
    .replace(/[*_`~\u00a0]/g, ' ')
    // a trailing "(30 seconds)"; after a lone letter, the name the letter stands for: "C (Context)"
    .replace(/^\s*(\p{L})\s*\(([^()]{2,24})\)\s*$|\([^()]{0,40}\)\s*$/u, (_gloss, letter: string | undefined, name: string | undefined) => (letter ? name! : ' '))
    .trim();
  const exact = normalizeTitle(plain);
  if (KIND_BY_NAME.has(exact)) return exact;
  const undecorated = plain
    .replace(/^[^\p{L}]+/u, '') // numbering, emoji, bullets
    // "s – situation"; any letter before the name it opens, as other layouts letter their parts: "c – context", "p - problem"
    .replace(/^(?:[star]|(\p{L})(?=\s*[-–—:.)]\s*\1))\s*[-–—:.)]\s*(?=\p{L}{2})/u, '')
    .replace(/^the\s+/, '');
  const name = normalizeTitle(undecorated);
  if (KIND_BY_NAME.has(name)) return name;
  // A name with a subtitle ("situation: why did we need this?", "result – where it ended up"),
  // asked as a question ("what was the situation?", "what did you do?", "what action did you
  // take?") or set as an instruction ("define the situation", "describe the result").
  const named = undecorated
    .replace(/\s*(?::|\s[-–—]\s).*$/, '')
    .replace(/\?$/, '')
    .replace(/^(?:(?:what|how) (?:was|were|is|are)|define|describe|explain|outline) (?:the |your |my |our )?/, '')
    .replace(/^(?:what|which) (\p{L}+) did (?:you|i|we) (?:take|do|get|see|achieve)$/u, '$1');
  const asked = normalizeTitle(named);
  return named !== undecorated && KIND_BY_NAME.has(asked) ? asked : undefined;
}

/**
 * The STAR parts a heading or label names: one kind, or a combined label's parts in order
 * ("Situation / Task", "S/T", "Situation or Task", "Action and Result", "Result / Reflect"), the first as `kind`
 * and the further STAR parts as `alsoKinds`. A combination that names anything but STAR parts and
 * a Learning is `other`.
 */
function partsNamed(title: string): { kind: SectionKind; alsoKinds?: StarKind[] } {
  const kind = kindOf(title);
  // "Situation — Task" reads as a name and its subtitle: two parts only if the subtitle is a part's name too.
  const dashed = kind !== 'other' && DASH_JOIN.test(title);
  if ((kind !== 'other' && !dashed) || !PARTS_JOINED.test(title)) return { kind };
  const named = cleanTitle(title)
    .split(PARTS_JOINER)
    .map((part) => kindOf(part));
  const parts = [...new Set(named)];
  // "Result and Learnings": the Result, with its lesson told in the same section.
  if (named.length < 2 || !parts.every((part) => part === 'learning' || isStarKind(part))) return { kind: dashed ? kind : 'other' };
  const also = parts.slice(1).filter(isStarKind);
  return also.length === 0 ? { kind: parts[0] } : { kind: parts[0], alsoKinds: also };
}

/** What joins two parts' names in one label: "Situation / Task", "S,T", "Action and Result", "Situation — Task". */
const PARTS_JOINED = /[/&+,]|\s[–—-]\s|\b(?:and|or)\b/i;
const PARTS_JOINER = /\s*(?:\/|&|\+|,|\s[–—-]\s|\band\b|\bor\b)\s*/i;
const DASH_JOIN = /\s[–—-]\s/;

/** A line that asks the interview question of a question-and-answer telling: "Q: Tell me about ...". */
const QUESTION_LINE = /^[ \t>*_-]*(?:q|question)[*_]*[ \t]*[:.][ \t]*\S/i;
/** The characters a `QUESTION_LINE` can open with, after its blanks: a quick test. */
const QUESTION_OPENING = new Set([113, 81, 62, 42, 95, 45]); // q Q > * _ -

/** What `cleanTitle` takes out starts with one of these. */
const MARKUP_OR_COLON = /[<*_`:]/;

function normalizeTitle(title: string): string {
  return title
    .replace(/[:.]/g, ' ')
    .replace(/[-–—]/g, ' ')
    .replace(/[’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanTitle(title: string): string {
  // Most titles hold no markup and no colon: nothing to take out.
  if (!MARKUP_OR_COLON.test(title)) return title.trim();
  return title.replace(/<\/?[a-zA-Z]+\s*>/g, '').replace(/[*_`]/g, '').replace(/:\s*$/, '').trim();
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
    out += text.slice(at, from);
    // One run of spaces for each line's stretch of the span, then its line break as it is.
    let run = from;
    for (let i = from; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      out += spaces(i - run) + (code === 10 ? '\n' : '\r');
      run = i + 1;
    }
    out += spaces(end - run);
    at = end;
  }
  return out + text.slice(at);
}

const SPACES = ' '.repeat(256);

/** `count` spaces: a slice of one string made once, for the short runs a line holds. */
function spaces(count: number): string {
  return count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

// ---- Queries rules share -------------------------------------------------------------------------

/**
 * The first section of a kind, if the story has one; where the story marks the part by its own
 * name too (`Action:`), that one: another layout's name for it (`Activity: Part-time job ...`
 * over `- Action: Bought a planner ...`) then names something else.
 */
export function sectionOf(story: Story, kind: SectionKind): Section | undefined {
  let first: Section | undefined;
  let marksTwice = false;
  // Asked many times a story: the names are compared only where the story marks the part twice.
  for (const section of story.sections) {
    if (section.kind !== kind) continue;
    if (first) marksTwice = true;
    else first = section;
  }
  if (!marksTwice || !isStarKind(kind) || OWN_NAME.test(first!.title)) return first;
  return story.sections.find((section) => section.kind === kind && OWN_NAME.test(section.title)) ?? first;
}

/** A part's own name, or its letter, in a section's title: "Action", "Results", "S", "**Task:**". */
const OWN_NAME = /^[^\p{L}]*(?:situation|tasks?|actions?|results?|[star])[^\p{L}]*$/iu;

/**
 * The section that tells a STAR part, where the writer marked the story's parts: its own section,
 * a combined one that names it too ("Situation / Task:"), or, for the Situation, the unmarked
 * opening before the first marked part (see `openingSituation`). Undefined when none does.
 */
export function partSection(story: Story, kind: StarKind): Section | undefined {
  return sectionOf(story, kind) ?? story.sections.find((s) => s.alsoKinds?.includes(kind)) ?? (kind === 'situation' ? openingSituation(story) : undefined);
}

/** The fewest words of an unmarked opening that tell a Situation: a sentence of setting. */
export const OPENING_SITUATION_WORDS = 12;

/**
 * The Situation of a story that marks its later parts but not its first: "We had a payments
 * application ... One morning calls started coming in." then "Task: ...". The prose between the
 * front matter (or title heading) and the first marked part, when it holds at least a sentence
 * (`OPENING_SITUATION_WORDS` words and a full stop). Headings are not counted. Undefined when the
 * story marks no part, marks a Situation, or opens with a marked part.
 */
function openingSituation(story: Story): Section | undefined {
  const first = firstStarPart(story);
  if (!first || first.kind === 'situation' || first.alsoKinds?.includes('situation')) return undefined;
  const end = story.lines.lineStart(first.line);
  const opening = story.prose.slice(story.frontMatter.bodyStart, end).replace(/^ {0,3}#{1,6}(?:[ \t].*)?$/gm, (heading) => ' '.repeat(heading.length));
  if (countWords(opening) < OPENING_SITUATION_WORDS || !/[.!?]/.test(opening)) return undefined;
  const bodyStart = story.frontMatter.bodyStart + opening.search(/\S/);
  const line = story.lines.positionAt(bodyStart).line;
  return { kind: 'situation', title: '', style: 'label', line, titleStart: bodyStart, titleEnd: story.lines.lineEnd(line), bodyStart, bodyEnd: end };
}

/**
 * A sentence that states a goal, an assignment, a role or a commitment: "my goal was to ...", any
 * duty named and then given as what to do ("my challenge was to ..."), "I had set myself the aim of
 * ...", "the head asked me to ...", "I was brought in to ...", "our team was tasked with ...", an
 * intention ("we set out to ..."), "I needed to ...", "I had to ...",
 * "I was responsible for ...", "my job was ...", "hired me to ...", "I led the move ...", "I was
 * one of five people ...", "I said I would own it", a goal handed over ("the director gave me one
 * objective"), a request asked as a question ("asked me one
 * question: could I fix ..."), an aim or a date set ("I was hoping to ...",
 * "we wanted the suite trusted again", "we were due to pour"), the duty as the subject ("tracking it
 * down was my job") or taken on ("I took the on-call for that team myself"). Spoken by the speaker
 * alone (`personal`), or by a group too: "our group was asked to ...", "five of us had to ...", "our
 * team of five had to ...", "we needed better hires".
 */
function goalStated(personal: boolean): RegExp {
  const [subject, object, owner, self] = personal ? ['I', 'me', 'my', 'myself'] : [String.raw`I|we|of us|(?:team|group|class|crew)(?: of \w+)?`, 'me|us', 'my|our|the', 'myself|ourselves|us'];
  return new RegExp(
    [
      // Qualified too: "my job for the spring was", "my role on the project is".
      String.raw`\b(?:${owner}) (?:goal|aim|objective|target|brief|job|role|task|responsibility|remit|assignment)(?: (?:for|on|in|at|during|over) (?:the |this |that |our |my )?[\w-]+)? (?:was|is)\b`,
      // Any duty or plan named and then given as what to do: "my challenge was to lead ...", "our brief is to".
      String.raw`\b(?:${owner}) [\w-]+ (?:was|is) to \w`,
      // The duty as the subject: "tracking it down was my job".
      String.raw`\b(?:was|is) (?:${owner}) (?:job|task|responsibility|remit)\b`,
      // A duty taken on: "I took the on-call for that team myself", "I took ownership of".
      String.raw`\b(?:${subject}) took (?:on|it on|ownership|responsibility)\b`,
      String.raw`\b(?:${subject}) took [^.!?]{1,60}\b(?:myself|ourselves)\b`,
      String.raw`\bset (?:${self}) (?:the |a )?(?:aim|goal|target|challenge)\b`,
      // An assignment, whoever gave it: "I was asked to", "I was brought in to turn it round", "our
      // team was tasked with", and for a group, "a group asked to", "asked our team to".
      personal ? String.raw`\bI was (?:${ASSIGNED}) (?:to|with)\b` : String.raw`\b(?:${ASSIGNED}) (?:to|with)\b`,
      String.raw`\b(?:${ASSIGNED}) (?:${object}${personal ? '' : String.raw`|(?:our|the|my) [\w-]+`}) (?:to|with)\b`,
      // A goal handed over: "the regional director gave me one objective for the year", "set us a target".
      String.raw`\b(?:gave|set|handed|left) (?:${object}) (?:(?:a|an|one|the|this|that|two|three|\w+['’]s) )?(?:[\w-]+ )?(?:objective|goal|target|aim|task|brief|mission|assignment)s?\b`,
      // A request asked as a question: "asked me whether I could ...", "asked me one question: could I fix ...".
      String.raw`\basked (?:${object}) (?:whether|if) (?:${subject}) (?:could|would|can)\b`,
      String.raw`\basked (?:${object})\b[^.!?:]{0,20}: (?:could|can|would|will) (?:I|we|you)\b`,
      String.raw`\b(?:${subject}) (?:needed|had) (?:a way )?to\b`,
      // A need of the speaker's or the group's: "we needed better hires", "I needed a way".
      String.raw`\b(?:${subject}) needed (?:a |an )?(?:way|plan|fix|solution|better|more|fewer|faster|new)\b`,
      // Outside a part named Situation, an organisation's need or wish is the group's goal: "the
      // food bank needed to raise £9,000", "nursing leaders wanted to make the handover quicker".
      ...(personal ? [] : [String.raw`\b(?:needed|wanted) to\b`]),
      String.raw`\b(?:${subject}) (?:wanted|hoped|set out|aimed|planned|intended|(?:was|were) (?:hoping|due|aiming|trying|planning|meant)) to\b`,
      String.raw`\b(?:${subject}) wanted (?:the|our|my|it|them)\b`,
      String.raw`\b(?:${subject}) (?:was|were) (?:responsible|accountable|in charge)\b`,
      String.raw`\bI led\b`,
      // A role held over the work: "I was the only developer looking after a florist's shop", "I was the project lead on the IT side";
      // a job alone, or a place in a team, is none ("I was a junior developer on a team of eight").
      String.raw`\bI was (?:the|a|an) (?:[\w-]+ ){0,2}(?:lead|leader|owner|manager|developer|engineer|officer|coordinator|analyst)s? (?:looking after|in charge of|responsible for|running|covering)\b`,
      String.raw`\bI was (?:the|a|an) (?:[\w-]+ ){0,2}(?:lead|leader|owner)s? (?:on|for)\b`,
      // The one manager of a piece of work: "I was the project manager for the refit" (not "a manager for a
      // chain", "the manager of a hotel", "the lead for the support team": a job, or a place in a team).
      String.raw`\bI was the (?:[\w-]+ ){0,2}(?:manager|coordinator|lead)s? (?:for|on) (?:the|our|this) (?!(?:[\w-]+ ){0,2}(?:team|group|crew|department|office|store|shop|branch|site|hotel|ward|unit|company|staff)s?\b)`,
      String.raw`\bI was one of\b`,
      String.raw`\b(?:${subject}) (?:said|promised|agreed|offered|volunteered) (?:to|(?:that )?(?:I|we) would)\b`,
    ].join('|'),
    'i',
  );
}

/** The verbs of an assignment given to someone: "asked", "tasked", "brought in", "hired". */
const ASSIGNED = String.raw`asked|tasked|charged|assigned|appointed|hired|brought in|drafted in`;

/** A goal or assignment of the speaker's own, or of any group (see `goalStated`). */
const OWN_GOAL_STATED = goalStated(true);
const GOAL_STATED = goalStated(false);

/**
 * Whether a text states a goal, an assignment or a role, the speaker's own or a group's ("the
 * practice manager asked me to lead ...", "our team was tasked with ...", "I was the only
 * developer looking after the shop"; see `goalStated`).
 */
export function statesGoal(text: string): boolean {
  return compiledNow(GOAL_STATED).test(text);
}

/**
 * The section that tells the Task of a story that marks no Task part, where its first part states
 * the goal, the assignment or the speaker's role too (see `goalStated`). In a layout with no Task
 * part (Context, Action, Result; What happened, What I did; a brag entry; the unmarked opening, a
 * "Challenge:" paragraph included) a group's goal tells it; under a part named Situation, whose
 * layout has a Task to mark, only the speaker's own does ("my director asked me to ...", "I led
 * ..."), since "our team was asked to" leaves the speaker's part untold. A heading of no part
 * STAR Coach reads right after the first part ("## The challenge" after "## Background") is read
 * as a layout with no Task part too: its section tells the Task where it states a goal. Undefined
 * when a Task is marked, or when the first part gives the setting alone.
 */
export function taskToldInSituation(story: Story): Section | undefined {
  if (partSection(story, 'task')) return undefined;
  const situation = partSection(story, 'situation');
  if (!situation) return undefined;
  if (compiledNow(/^(?:s|situation)\b/i.test(situation.title) ? OWN_GOAL_STATED : GOAL_STATED).test(sectionProse(story, situation))) return situation;
  const next = story.sections.find((s) => s.line > situation.line);
  const setting = next !== undefined && ((next.kind === 'other' && next.style === 'heading') || next.kind === 'situation');
  return setting && compiledNow(GOAL_STATED).test(sectionProse(story, next)) ? next : undefined;
}

/**
 * The part of the story a content rule reads for a STAR kind: its section, or, in a story where
 * no STAR section could be found at all, the part of the telling that plays it (so the rules
 * still check what is there): the whole body, except for the Result, which is how the story
 * ends (see `closingPart`). In a story that tells it all under its Situation's heading (see
 * `tellingUnderSituation`), the Action is that telling and the Result how the telling ends, the
 * heading their anchor. None in a draft.
 */
export function starPart(story: Story, kind: StarKind): Section | undefined {
  const section = partSection(story, kind);
  // A draft with no STAR section has no part to check: a lone "# Title" is not a Result.
  if (section || isDraft(story)) return section;
  if (!hasNoStarSections(story)) {
    const telling = kind === 'action' || kind === 'result' ? tellingUnderSituation(story) : undefined;
    if (!telling) return undefined;
    return { ...telling, kind, bodyStart: kind === 'result' ? closingPart(story, telling.bodyStart, telling.bodyEnd) : telling.bodyStart };
  }
  const bodyStart = kind === 'result' ? closingPart(story, story.frontMatter.bodyStart, story.text.length) : story.frontMatter.bodyStart;
  // Findings on the part show on its first line of text, not on the blank line after the front matter.
  const shownAt = Math.max(bodyStart, firstNonSpace(story.prose, bodyStart));
  const line = story.lines.positionAt(shownAt).line;
  return { kind, title: '', style: 'heading', line, titleStart: shownAt, titleEnd: story.lines.lineEnd(line), bodyStart, bodyEnd: story.text.length };
}

/**
 * The Situation of a story that marks it alone ("## What happened", the whole telling, then at
 * most a lesson or a short version: no other STAR part) and tells a whole story under it (see
 * `longEnoughToTell`), with no label or heading of a name not read (see `unreadLabelLines`), which
 * could mark a part of its own. Such a story is read as one telling, as a story with no part marked is.
 */
export function tellingUnderSituation(story: Story): Section | undefined {
  // Asked by each content rule of a story that lacks its Action or Result: answered once a story.
  if (tellings.has(story)) return tellings.get(story);
  let situation: Section | undefined;
  for (const section of story.sections) {
    if (section.kind === 'situation' && !section.alsoKinds) situation ??= section;
    else if (isStarKind(section.kind)) return undefined;
  }
  const telling = situation && longEnoughToTell(sectionProse(story, situation)) && unreadLabelLines(story).length === 0 ? situation : undefined;
  tellings.set(story, telling);
  return telling;
}

const tellings = new WeakMap<Story, Section | undefined>();

/**
 * A line shaped like a label whose name STAR Coach does not read as a part: a bold name with a
 * colon, a dash or alone on its line (`**Recovery:**`, `- **The mistake:** ...`, `**Improve** - ...`,
 * `**What changed**`), after an emoji or not (`🌟 **What was happening?**`), or closed by a full stop
 * inside the bold (`**Strategy.** I got quotes`), a capitalised name of up to three words (`&` and
 * `(s)` within) before a colon or a spaced dash (`Assessment: ...`, `Analysis - I sorted ...`,
 * `Challenges & Solution(s) Provided: ...`): every shape a part's own name is read in, or a heading
 * of no part after the story's first marked part (`## The call I owned`; headings before it are
 * titles). Group 1, 2 or 3 is the name.
 */
const LABEL_NAME = String.raw`\p{Lu}\p{Ll}+(?:\(s\))?(?:[ \t](?:&[ \t])?\p{L}+(?:\(s\))?){0,2}`;
const LABEL_SHAPED = new RegExp(
  String.raw`^[ \t]{0,3}(?:>[ \t]*)?(?:[-*+][ \t]+)?(?:\p{Extended_Pictographic}\uFE0F?[ \t]*)?(?:(?:\*\*|__)([^*_:\n]{2,40}?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*(?::|$|[-–—][ \t]+\S))|(?:\*\*|__)(${LABEL_NAME})\.(?:\*\*|__)[ \t]+\S|(${LABEL_NAME})(?:[ \t]*:|[ \t]+[-–—])[ \t]+\S)`,
  'u',
);

/**
 * The zero-based lines of labels and headings in the story that name no part STAR Coach reads
 * (see `LABEL_SHAPED`): a part may be told under such a name ("Recommendation" in SBAR, "Recovery"
 * in a mistake story, "What changed"), so no part is named missing where one stands. One pass over
 * the body's lines; each line is tested at its start only.
 */
export function unreadLabelLines(story: Story): number[] {
  // Asked by missing-section and by missing-personal-role of the same story: read once.
  const known = unreadLines.get(story);
  if (known) return known;
  const starSections = story.sections.filter((s) => s.kind !== 'other');
  const firstPartLine = starSections.length > 0 ? starSections[0].line : story.lines.lineCount;
  const read = new Set(story.sections.filter((s) => s.kind !== 'other').map((s) => s.line));
  const unread = story.sections.filter((s) => s.kind === 'other' && s.style === 'heading' && s.line > firstPartLine).map((s) => s.line);
  const bodyLine = story.lines.positionAt(story.frontMatter.bodyStart).line;
  for (let line = bodyLine; line < story.lines.lineCount; line++) {
    if (read.has(line)) continue;
    const text = story.prose.slice(story.lines.lineStart(line), story.lines.lineEnd(line));
    const label = LABEL_SHAPED.exec(text);
    if (label && !/^q(?:uestion)?$/i.test((label[1] ?? label[2] ?? label[3]).trim())) unread.push(line);
  }
  unreadLines.set(story, unread);
  return unread;
}

const unreadLines = new WeakMap<Story, number[]>();

/**
 * The zero-based lines of headings underlined with `-` that STAR Coach does not read as sections
 * (`The team`, then `--------`): a line of text after a blank line, over its underline. Found by
 * the underlines alone, so a story without one costs one search of its text.
 */
export function setextHeadingLines(story: Story): number[] {
  const lines: number[] = [];
  const prose = story.prose;
  for (let at = prose.indexOf('\n-', story.frontMatter.bodyStart); at !== -1; at = prose.indexOf('\n-', at + 2)) {
    const underline = story.lines.positionAt(at + 1).line;
    if (underline < 2 || !SETEXT_UNDERLINE.test(story.lines.lineText(underline))) continue;
    const [above, before] = [story.lines.lineText(underline - 1), story.lines.lineText(underline - 2)];
    if (above.trim() !== '' && before.trim() === '' && !story.sections.some((s) => s.line === underline - 1)) lines.push(underline - 1);
  }
  return lines;
}

/**
 * The text that tells the Action of a story that marks none, where a label or heading of no part
 * read stands in its place (`Method:`, `## The first five minutes`, `**Improve** - ...`, a line
 * underlined with `---`): from the first such marker after the last marked Situation or Task (or
 * the unmarked opening) up to the marked Result, or the story's end; with none there, from the
 * first after the Result (an incident write-up's `## Timeline`) to the end. Where missing-section
 * leaves the Action unnamed, missing-personal-role reads this as the Action. Undefined
 * where the story marks its Action, marks no part at all, or has no such marker there.
 */
export function unmarkedAction(story: Story): Section | undefined {
  if (partSection(story, 'action') || hasNoStarSections(story)) return undefined;
  const setup = [partSection(story, 'situation'), partSection(story, 'task')].filter((s): s is Section => s !== undefined);
  const after = Math.max(-1, ...setup.map((s) => s.line));
  const result = partSection(story, 'result');
  const before = result && result.line > after ? result.line : story.lines.lineCount;
  const ownHeadings = story.sections.filter((s) => s.kind === 'other' && s.style === 'heading').map((s) => s.line);
  const all = [...unreadLabelLines(story), ...ownHeadings, ...setextHeadingLines(story)];
  let markers = all.filter((line) => line > after && line < before);
  let end = before;
  // None before the Result: an incident write-up's "## Timeline" after its "## Impact".
  if (markers.length === 0 && result) {
    markers = all.filter((line) => line > result.line);
    end = story.lines.lineCount;
  }
  if (markers.length === 0) return undefined;
  const line = Math.min(...markers);
  const bodyStart = story.lines.lineStart(line);
  const bodyEnd = end < story.lines.lineCount ? story.lines.lineStart(end) : story.text.length;
  return { kind: 'action', title: '', style: 'heading', line, titleStart: bodyStart, titleEnd: story.lines.lineEnd(line), bodyStart, bodyEnd };
}

/** A table's delimiter row, under its header: `|---|:---:|`, `--- | ---`. */
const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;

/** Whether `content` (line `line`, its first character at `first`) is a table's header row: a row with a delimiter row under it. */
function isTableHeader(lines: LineIndex, line: number, content: string, first: number): boolean {
  return content.charCodeAt(first) === 124 /* | */ && line + 1 < lines.lineCount && TABLE_DELIMITER_ROW.test(lines.lineText(line + 1));
}

/** A blank line: where a paragraph ends. */
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n\s*(?=\S)/g;
/** A sentence's end and the next one's start. */
const SENTENCE_BREAK = /[.!?]["”’)]?\s+(?=\S)/g;

/**
 * A paragraph that tells the lesson or the plan for next time, not the outcome: "I learned to
 * ...", "What I learned: ...", "What we took away:", "Takeaways:", "My biggest lesson was ...",
 * "Looking back, ...", "That night taught me ...", "Next attempt: pin the library ...", "Follow-ups: ...".
 */
const LESSON_OPENING = /^(?:(?:what )?I (?:learned|learnt|realised|realized)|what (?:I|we) (?:learned|learnt|took away)\b|(?:key )?takeaways?[ \t]*:|(?:the |my |one |our )?(?:[\p{L}'’]+ ){0,2}lessons?\b|looking back|in hindsight|next time\b|(?:next (?:attempt|try|steps?)|follow[- ]?ups?)[ \t]*:|since then|now I|(?:[\p{L}'’]+ ){1,3}taught (?:me|us)\b)/iu;

/**
 * A moral, closing a telling on a line of its own: one short sentence of general truth, said of
 * everyone, always or never (`MORAL_CUE`), with no person, no time, nothing named and nothing past
 * ("Failure cannot outlast someone who refuses to stop.", "Nobody remembers the easy quarters.").
 * "Customers are happier now", "Complaints are down" and "The team still uses it" tell an outcome.
 */
const MORAL = /^[^\d.!?\n]{1,120}[.!]?$/;
/** What a moral says of everyone, always or never: "cannot", "will", "always", "someone who". */
const MORAL_CUE = /\b(?:can(?:not|['’]t)?|must|should|will|won['’]t|always|never|every(?:one|body|thing)|no one|nobody|anyone|anybody|someone|somebody|those who|whoever|whatever)\b/i;
const NOT_A_MORAL = /\b(?:I|me|my|we|us|our|you|your|the|this|that|these|those|it|its|they|their|he|his|she|her|now|today|still|since|yet|again)\b/i;
/** Whether a telling's last paragraph is a moral (`MORAL`), told as no event: the lesson, not the outcome. "Time will tell." waits for the outcome (`OUTCOME_PENDING`). */
function isMoral(paragraph: string): boolean {
  const line = paragraph.trim();
  return MORAL.test(line) && MORAL_CUE.test(line) && !NOT_A_MORAL.test(line) && !OUTCOME_PENDING.test(line) && countWords(line) <= 15 && !tellsPastEvent(line);
}

/**
 * Where the Result of a telling with no part marked (the story's text from `start` to `end`)
 * starts, an offset in the story: its last paragraph (with the one before, when the last tells the
 * lesson or is a moral: `isMoral`), or in a telling of one paragraph, its second half of sentences. A number in the setup
 * ("three deadlines in the same week") measures no outcome.
 */
function closingPart(story: Story, start: number, end: number): number {
  const body = story.prose.slice(start, end).trimEnd();
  const paragraphs: number[] = [];
  for (const match of matchesOf(body, PARAGRAPH_BREAK)) paragraphs.push(match.index + match[0].length);
  if (paragraphs.length > 0) {
    const last = paragraphs[paragraphs.length - 1];
    const before = paragraphs[paragraphs.length - 2];
    // The lesson's label over its list ("What we took away:", then the bullets) is the lesson too.
    if (before !== undefined && LESSON_OPENING.test(body.slice(before, before + 40)) && /:[ \t*_]*$/.test(body.slice(before, last).trimEnd())) {
      return start + (paragraphs[paragraphs.length - 3] ?? body.search(/\S/));
    }
    const closing = LESSON_OPENING.test(body.slice(last, last + 40)) || isMoral(body.slice(last)) ? (before ?? body.search(/\S/)) : last;
    return start + closing;
  }
  const first = body.search(/\S/);
  const starts = [first];
  for (const match of matchesOf(body, SENTENCE_BREAK)) starts.push(match.index + match[0].length);
  return start + starts[Math.floor(starts.length / 2)];
}

/**
 * Words that say the outcome is not known yet: "I will find out then", "we haven't decided yet",
 * "We'll see.", "it's too early to tell", "time will tell", "nobody has told us anything yet".
 * Not "I'll know to start earlier" (a lesson) or "we'll see them again" ("see" with an object).
 */
const OUTCOME_PENDING =
  /\b(?:(?:I|we)(?: will|['’]ll) (?:find out(?=[ \t]*(?:[.!,;]|$| then\b| soon\b| (?:if|whether|how|what|when)\b))|see(?=[ \t]*(?:[.!,;]|$| (?:if|whether|how|what)\b)))|(?:have|has)(?:n['’]t| not)(?: yet)? (?:decided|found out)\b|remains? to be seen\b|too (?:early|soon) to (?:tell|say|know)\b|time will tell\b|(?:don['’]t|do not) know yet\b|not (?:known|decided|settled) yet\b|told (?:us |me )?(?:anything|nothing)(?: official)? yet\b)/i;

/**
 * Where a story read as one telling (no part marked, or all told under its Situation) ends by
 * saying its outcome is not known yet: its last sentence, in its own words (quotations left out),
 * says so (`OUTCOME_PENDING`), and the sentence before it in the ending, if any, tells nothing past
 * ("Thursday is the first lesson with the new plan. Whether any of it survives, I will find out
 * then."). An outcome told before a caveat ("The class handed it in on time. Time will tell whether
 * it lasts.") is a Result, and so is an ending whose last paragraph is the lesson. Such a story
 * stops before its Result. The last sentence's offsets in the story; undefined for any other
 * story. Whether the ending measures something all the same is the caller's to judge.
 */
export function outcomePending(story: Story): { start: number; end: number } | undefined {
  const result = starPart(story, 'result');
  if (!result || partSection(story, 'result')) return undefined;
  const ending = blankQuotes(story.prose.slice(result.bodyStart, result.bodyEnd).trimEnd());
  // An ending read with the paragraph before its lesson (see closingPart) ends on the lesson.
  if (matchesOf(ending, PARAGRAPH_BREAK).length > 0) return undefined;
  const starts = [0, ...matchesOf(ending, SENTENCE_BREAK).map((m) => m.index + m[0].length)];
  const last = starts[starts.length - 1];
  if (!OUTCOME_PENDING.test(ending.slice(last))) return undefined;
  if (starts.length > 1 && tellsPastEvent(ending.slice(starts[starts.length - 2], last))) return undefined;
  return { start: result.bodyStart + last, end: result.bodyStart + ending.length };
}

/** Whether the story has no Situation, Task, Action or Result that STAR Coach could find. */
export function hasNoStarSections(story: Story): boolean {
  return firstStarPart(story) === undefined;
}

/** The story's first section that is Situation, Task, Action or Result, in the text's order; undefined when it marks none. */
export function firstStarPart(story: Story): Section | undefined {
  return story.sections.find((s) => isStarKind(s.kind));
}

/** The fewest sentences that can tell a whole story: the setting and the task, what was done, how it ended. */
const MIN_TELLING_SENTENCES = 3;
/**
 * Whether the story marks no part and is too short to tell its parts unmarked (under
 * `MIN_TELLING_SENTENCES` sentences): missing-section asks once for its parts, and no part can be
 * read from it, so unquantified-result has no Result to judge ("I rewrote the buffer." ends nothing).
 * False for a draft, which has no text at all.
 */
export function tooShortToTell(story: Story): boolean {
  if (!hasNoStarSections(story) || isDraft(story)) return false;
  return !longEnoughToTell(story.prose.slice(story.frontMatter.bodyStart));
}

/**
 * Whether a text can tell a whole story unmarked: `MIN_TELLING_SENTENCES` sentences or more, or
 * fewer that name at least three parts in words as they go ("the situation was that ..., the task
 * was to ..., what I did was ..., and the result was ...").
 */
export function longEnoughToTell(text: string): boolean {
  if (countSentences(text) >= MIN_TELLING_SENTENCES) return true;
  return new Set(matchesOf(text, PART_NAMED_IN_WORDS).map((named) => (named[1] ?? 'action').toLowerCase())).size >= 3;
}

/** A part named in the telling's own words: "the situation was", "the task was", "what I did was", "the result was". */
const PART_NAMED_IN_WORDS = /\b(?:the (situation|task|action|result)|what (?:I|we) did) (?:was|is)\b/gi;

/** A heading line: a title, never a sentence of the telling. */
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t].*)?$/gm;

/** The text with its heading lines blanked to spaces, same offsets: a heading is a title, not a sentence. */
export function withoutHeadings(text: string): string {
  return text.replace(HEADING_LINE, (heading) => ' '.repeat(heading.length));
}

/**
 * The sentences of a text, headings left out: runs of words ended by a full stop, a question or
 * exclamation mark, a new list item or the text's end (talking points in a list, "- sat down with
 * her, built 2 prototypes", are a sentence each).
 */
function countSentences(text: string): number {
  return text.replace(HEADING_LINE, '').split(/[.!?]+(?=\s|$)|\n[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]/).filter((sentence) => /[\p{L}\p{N}]/u.test(sentence)).length;
}

/** The prose of a section (code and comments blanked), same offsets as the story text. */
export function sectionProse(story: Story, section: Section): string {
  return story.prose.slice(section.bodyStart, section.bodyEnd);
}

const lowered = new WeakMap<Story, string>();
const unquoted = new WeakMap<Story, string>();

/**
 * The prose with quoted speech blanked: what others said is reported, not the speaker's own words.
 * A section told wholly as one quotation (an answer written as the candidate would say it) is
 * the speaker's own, and stays, as does a story with no section told wholly in quotations. Same
 * offsets as the text.
 */
export function proseWithoutQuotes(story: Story): string {
  let text = unquoted.get(story);
  if (text === undefined) {
    text = blankQuotes(story.prose);
    for (const section of story.sections) {
      const own = story.prose.slice(section.bodyStart, section.bodyEnd);
      if (!LETTER.test(text.slice(section.bodyStart, section.bodyEnd)) && LETTER.test(own)) text = text.slice(0, section.bodyStart) + own + text.slice(section.bodyEnd);
    }
    // So is a whole story told as quotations, paragraph by paragraph, with no part marked. Not one
    // after a lead-in label (`Example: "..."`): quotations inside such an answer (`He said, 'We
    // always ...'`) are others' words again, and would be read as the speaker's.
    const bodyStart = story.frontMatter.bodyStart;
    if (story.sections.length === 0 && !LETTER.test(text.slice(bodyStart)) && LETTER.test(story.prose.slice(bodyStart))) text = story.prose;
    unquoted.set(story, text);
  }
  return text;
}

const LETTER = /\p{L}/u;

/** The prose in lower case, made once per story, for fast trigger-word searches. */
export function lowerProse(story: Story): string {
  let lower = lowered.get(story);
  if (lower === undefined) lowered.set(story, (lower = sameLengthLowerCase(story.prose)));
  return lower;
}

/**
 * Lower case that keeps every offset: a few characters grow when lowered ("İ" becomes two), which
 * would shift every finding after them, so those are lowered one by one and kept at their length.
 */
export function sameLengthLowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const folded = char.toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

/** Word counts are asked for by several rules and the index: count each section once. */
const wordCounts = new WeakMap<Section, number>();

export function sectionWords(story: Story, section: Section | undefined): number {
  if (!section) return 0;
  let words = wordCounts.get(section);
  if (words === undefined) wordCounts.set(section, (words = countWords(sectionProse(story, section))));
  return words;
}

/**
 * Whether a section holds nothing told: no text, or only a placeholder for text to come ("TODO,
 * fill in once the numbers are back", "TBD", "[fill in the numbers]", "..."), which says the part
 * is not written yet.
 */
export function isEmptySection(story: Story, section: Section): boolean {
  const text = sectionProse(story, section).trim();
  if (text === '') return !toldInTextBox(story, section);
  if (PLACEHOLDER.test(text)) return true;
  if (text.includes('[') && PLACEHOLDER_FIGURE.test(text) && text.split(SENTENCE_BREAK).every((sentence) => PLACEHOLDER_FIGURE.test(sentence) || !LETTER.test(sentence))) return true;
  return onlySubLabels(text) && !toldInTextBox(story, section);
}

/**
 * A line that opens with a label of its own inside a part: in bold or as a list item ("- **Immediate
 * Outcomes**:", "**Metrics:**"), or a capitalised name of up to three words ("Impact:"); the rest
 * of the line is what it holds. A sentence ending in a colon ("The numbers after the change:") is told.
 */
const SUB_LABEL = /^[ \t]*(?:(?:[-*+][ \t]+(?:\*\*|__)?|\*\*|__)\p{L}[\p{L} \t'’&/()-]{0,40}?(?:\*\*|__)?|\p{Lu}\p{L}*(?:[ \t]\p{L}+){0,2})[ \t]*:(?:\*\*|__)?[ \t]*/u;

/**
 * Whether a part's text (trimmed) is only a template's labels, each with nothing or a placeholder
 * after it ("- **Immediate Outcomes**:" over "- **Metrics**: [fill in]"), and its guidance to the
 * writer ("- What came of it? Use numbers if you can." over "- Example: [add result]"; see
 * `isGuidanceLine`): the part is not written yet.
 */
function onlySubLabels(text: string): boolean {
  // Most parts hold neither a colon nor a "you": those are told, and need no split into lines.
  const guided = TO_THE_WRITER.test(text);
  const labelled = text.includes(':');
  if (!guided && !labelled) return false;
  let guidance = false;
  const unfilled = text.split('\n').every((line) => {
    if (guided && isGuidanceLine(line)) return (guidance = true);
    const held = line.replace(SUB_LABEL, '').trim();
    return held === '' || PLACEHOLDER.test(held);
  });
  // Blank lines and placeholders alone, with neither a label nor guidance, are for PLACEHOLDER to judge.
  return unfilled && (labelled || guidance);
}

/**
 * Whether a part's text is set in a fenced block with no language (or plain text), as notes are
 * pasted under a template's label ("**Action:**" then a fence holding "- Ran the report ..."):
 * Markdown shows it as code, but the part is told, not empty.
 */
function toldInTextBox(story: Story, section: Section): boolean {
  return story.codeBlocks.some(([start]) => start >= section.bodyStart && start < section.bodyEnd && TEXT_FENCE_INFO.test(story.lines.lineText(story.lines.positionAt(start).line)));
}

/**
 * A template's figure left to fill in: "from [X seconds] to [Y seconds]", "a [Z%] improvement",
 * "[ADDITIONAL IMPACT - ...]". A part each of whose sentences holds one is unfilled; one that tells
 * a sentence of its own ("Viewers liked it. This moved [metric] from [X] to [Y].") is told.
 */
const PLACEHOLDER_FIGURE = /\[(?:[XYZN](?:[ %]|\])|[A-Z]{2,}(?: [A-Z]{2,})+\b)/;
/** A part's text that only holds its place: a placeholder word opening it ("TODO", "[fill in]"), an instruction in brackets alone ("[add result]", "[your numbers]"), or dots alone. */
const PLACEHOLDER = /^(?:[-*+][ \t]+)?(?:[[(<]?(?:TODO|TBD|TBC|FIXME|XXX)\b|[[(<](?:[Tt]o be (?:confirmed|added|written)|[Ff]ill in)\b|\[(?:[Aa]dd|[Ii]nsert|[Ee]nter|[Ww]rite|[Dd]escribe|[Yy]our)\b[^\]\n]*\][ \t]*$|(?:\.{3}|…)[ \t]*$)/;

/**
 * A template's prompt, written so that it is no content: an HTML comment, which the parser blanks
 * like any other. A section that holds only its prompt is unfilled, so it keeps its missing-section
 * finding, satisfies no content rule and leaves its story a draft. `--` inside the prompt would end
 * the comment early, so it becomes a dash.
 */
export function promptComment(prompt: string): string {
  return `<!-- ${prompt.replace(/--+/g, '–')} -->`;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Whether the story is a draft: its body holds no word outside its headings and labels (only
 * template prompts, which are comments, or nothing at all). A draft counts toward no LP until
 * something is written in it. A story that could not be parsed keeps its text as prose, so it is
 * never a draft.
 */
export function isDraft(story: Story): boolean {
  const first = story.sections[0];
  const beforeSections = story.prose.slice(0, first ? story.lines.lineStart(first.line) : story.text.length);
  return !WORD_CHARACTER.test(beforeSections) && story.sections.every((section) => !WORD_CHARACTER.test(sectionProse(story, section)));
}

const TOLD_KINDS: ReadonlySet<SectionKind> = new Set([...STAR_KINDS, 'learning']);

/** The words of the full telling: Situation, Task, Action, Result and Learning. */
export function fullStoryWords(story: Story): number {
  let words = 0;
  for (const section of story.sections) if (TOLD_KINDS.has(section.kind)) words += sectionWords(story, section);
  return words;
}
