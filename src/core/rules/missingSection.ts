import { answerOpening, countCollectiveVoice, findPersonalAction, noEventSentence, tellsNothing, tellsNoEvent, withoutHypotheticals } from '../language/personal';
import { countWords, quoteForMessage, sentenceAround } from '../text';
import { storyHasQuantity } from '../language/quantities';
import { firstStarPart, hasNoStarSections, outcomePending, starPart, isStarKind, OPENING_SITUATION_WORDS, isDraft, isEmptySection, longEnoughToTell, partSection, SETEXT_UNDERLINE, setextHeadingLines, sectionProse, SECTION_TITLES, STAR_KINDS, statesGoal, taskToldInSituation, tellingUnderSituation, tooShortToTell, unreadLabelLines, withoutHeadings, type Section, type StarKind, type Story } from '../parse/story';
import { insertSectionEdit } from './fixes';
import { defineRule, type RuleIssue } from './rule';

export const SECTION_PROMPTS: Record<StarKind, string> = {
  situation: 'Where and when was this, and what was at stake? Two or three sentences.',
  task: 'What were you, personally, responsible for?',
  action: 'What did you do, step by step? Say "I", and name the decisions you made.',
  result: 'What changed, in numbers? From X to Y, and what it meant for the customer or the business.',
};

/** The message of the one finding a story gets when none of its STAR parts is marked. */
export const NO_PARTS_FOUND =
  'STAR Coach could not find the Situation, Task, Action and Result in this story. Mark each part with a heading (## Situation) or a label (Situation:), so that each can be checked on its own.';

export const missingSection = defineRule({
  id: 'missing-section',
  description: 'Situation, Task, Action or Result is absent or empty.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  docs:
    'Interviewers listen for all four parts of STAR. A missing Task leaves your own responsibility unclear; a missing Result leaves the story without an ending. The rule speaks only where the story marks its parts in a way STAR Coach reads with confidence, and names a part as missing only then: a story whose layout it cannot read gets one hint to mark its parts, never a false "no Task". A part named missing on a layout STAR Coach did not read is the worst alarm it can raise, so it names one only where it read the layout whole: the parts it reads come in STAR order; no heading of the story\'s own (`## Timeline`, `### 1. Build the right team`, a line underlined with `---`) stands before the first part it reads, after some text or at the level of the parts\' own headings, or after the last part; no label or heading of a name it does not read stands where a missing Action or Result would be; and the missing part is not told under another one (a goal, a duty or an assignment in the first part tells the Task: `my challenge was to ...`, `my job for the spring was to ...`, `our team was tasked with ...`, `the manager asked our team to ...`, `we set out to ...`). Where any of these fails, it names nothing missing. Write each part as a `## Situation` heading or a `Situation:` (or `S:`) label line (`<b>Result</b><br>` in HTML counts too); a table row whose first cell names the part (`| **Situation** | ... |`) counts too, and so do names or letters on one line between separators (`Challenge: ... | Action: ... | Result: ...`, `S: ...; T: ... – A: ...`), and so do a label in a nested list item or after a pasted bullet (`• S: ...`), a bold first letter or one in brackets (`**S**ituation:`, `(P)roblem:`), a letter and a dash before the name it stands for (`C – Context`, `P - Problem:`), a bold name with no colon (`**Task** I had to ...`), a name glossed in brackets (`C (Context):`, `Situation (S):`, `**SITUATION** (30 sec):`) or after its letters in brackets (`(S/T) Situation/Task:`, `(R) Reflection:`), a heading asked as a question or set as an instruction (`What action did you take?`, `Define the situation`), a marker opening a quoted answer (`"(Situation) At the depot ...`), a marker closing its part mid-sentence (`... a fortnight from release (Situation) when ...`) or before the next sentence, in a story whose last marker ends it (`... late deliveries. (Situation) I sat down ... again." (Result)`), and the names of other layouts and of notes: Context, Background, Problem (`(Problem)` closing it too), Challenge (Challenge, Action, Result), Where (a notes entry\'s `Where:` line), What happened or Why it mattered for the Situation; Goal, Target, Objective, Aim, Purpose, Scope or Aims and objectives for the Task (a part\'s name in the plural names it too: `Tasks`, `Actions`, `Results`); Behaviour (SBI), Activity, Approach, My contributions, What we built, Remediation, Mitigation, Actions taken or Methods for the Action (where the story marks `Action:` itself, another layout\'s name above it, `Activity: Weekend job ...`, names something else); Outcome, Impact or How it went for the Result, and What happened after the setting, after a later part (`What I did`, then `What happened`) or after headings of your own that tell steps, yours or the group\'s. Letters in a column of their own count (`S,T  Civil eng. society ...`, `A    met the builders`), and notes in a plain fenced block under a part\'s label tell that part. `My role` is the Task, or the Action after a Goal; `Response` is the Action, or the Result after an Action. A story written inside a fenced block with no language, or in an indented block under a heading, its parts labelled (`S: ...`), is read as the story, not as code. A label or heading of no part STAR Coach reads, in any shape a part\'s own name is read in (`**Recovery:**`, `Recommendation:`, `## The call I owned`, `**What changed**`, `**Strategy.** ...`, `Analysis - ...`, `Challenges & Solution(s) Provided: ...`), standing where the Action or the Result would be makes the rule unsure of the layout, and that part is not named missing; one before the Action (`Obstacle:`, `## Tension`) leaves a missing Task named, as such a line names a complication far more often than a goal, unless its name says, in your own voice, what was yours to do (`My responsibility:`, `## My part`, `Our brief:`), which may well be the Task. A subtitle alone on its line under its own part\'s heading (`### Situation`, then `**Context and Background:**`) is a line of that part. One label may name two parts (`Situation / Task:`, `Situation or Task`, `Situation — Task`, `Action and Result:`); a label under the heading of its own part or of a later one (`- **Impact:** ...` or `- Target: 99.9%` under `## Result`) is a line of that part; `A:` after a `Q:` line is the answer, not an Action; an unmarked opening paragraph before the first marked part is the Situation; text on which no part is marked, standing before the first marked part, may tell any part that comes before that one (the setting and a brief, `Brief from the area manager: get it out of the bottom ten`, before bullets and `Impact:`; key points under names of their own before `Outcome:`), so none of those is named missing, the Action only where you take a step there or the group acts there (`we`, `the team`; a setting alone before `Impact:` leaves it named); notes kept in a code block of three lines or more (`S:` ... `R:` in a `python` fence, or drawn as an ASCII tree) are not read, and no part they may tell is named missing; a title, a topic line, a table, a line of links or the question asked (`Tell me about a time ...`, however it is set) tells no part, nor do fewer than a sentence\'s words ending in a full stop; and where no Task is marked, a first part that states the goal, the assignment or your role (`my goal was ...`, `my director asked me to ...`, `I was responsible for ...`, a goal handed over: `the director gave me one objective`, a role held over the work: `I was the only developer looking after the shop`, `I was the project manager for the refit`; where the first part is not named Situation (Context, Action, Result; What happened, What I did; an unmarked opening), a group\'s or an organisation\'s too: `we were asked to ...`, `we were due to ...`, `the food bank needed to raise ...`) tells the Task, and so does a heading of no part read right after it that states the goal (`## The challenge`: `We needed better hires ...`). A story that marks its Situation alone and then, at most, its lesson (`## What happened`, `## What I learned`), with no label of an unread name, is read as one telling, as a story with no part marked is: nothing is named missing, and the other rules read its Action and Result from the telling. A part that only holds its place (`TODO`, `TBD`, `[fill in ...]`, `[add result]`, or a template\'s own labels with nothing or a placeholder after each: `- **Immediate Outcomes**:`, `- **Metrics**: [fill in]`, and its guidance to you: `- What came of it? Use numbers if you can.`), or whose every sentence holds a template\'s figure left to fill in (`from [X seconds] to [Y seconds]`), is empty. A story told under headings of its own around the parts read (`## The event`, `## What we built`, `## What we did well`, `## How it ended`; a lesson is no part read, so `## How it was received` between `## What happened` and `## What I learned` is one) is not told any part is missing; a heading between two parts read (`## Obstacles` between the Situation and the Action) is a further part of a layout read, and a level-1 heading or one above the parts\' level that opens the story (`## 2024 H1`, then `### Nightly ledger job` over labelled notes) is its title. Nor is a story whose first part, its Task, opens on its scene (`The task: At a cleaning firm I was responsible for ...`) or tells the setting before it states the goal (`Objective:` `Our clinic received a hundred referrals a month by fax. The practice manager asked me to ...`) told it has no Situation; a request asked as a question (`asked me one question: could I fix ...`) tells the Task. A story with no part marked that tells no event (an answer told as habits, a stance or what you would or will do: `I always make sure I listen`, `I would apologise first`, `If my captain tells me to, I will do it`; the question asked above it is no telling, and a past verb inside a habit, `the guests affected`, `keep the team informed`, `a lot of lost time`, `was it for a good reason?`, `I look into why it happened`, `I note when each was set`, a past told as a habit, `I always asked them to speak first`, a supposition, `if I were the lead`, the question reported, `They asked me: "..."`, a state listed with qualities, `stay calm, professional and focused`, and a past valued now, `grateful for the values my teachers gave me`, tells no event either) has no Task and no Result, as nothing happened, and no Situation unless it opens on the scene it imagines or stands in (`If a donor rang to complain ...`, `In my current role ...`): each is named missing, quoting the sentence that shows it, with the advice to pick one occasion and tell it. An outcome told before a caveat (`The class handed it in on time. Time will tell whether it lasts.`) is a Result, and is judged; a story read as one telling whose last sentence says its outcome is not known yet (`Whether any of it survives, I will find out then`, `we haven\'t decided yet`, `We\'ll see.`, `too early to tell`), after nothing told as past in its ending (`Thursday is the first lesson with the new plan.`), and that measures nothing there, has its Result named missing, quoting that sentence, with the advice to tell what has come of it so far or pick a story whose ending you know. Any other story with no part marked at all is read as one telling: from three sentences on (a list item counts as one), or in fewer that name three parts in words as they go (`the situation was ..., the task was ..., what I did was ..., and the result was ...`), nothing is reported missing and the other rules read its parts from the telling; a shorter one is asked, once, to mark its parts, unless a code block makes it long enough (a story kept as objects named after its parts in a `js` fence).',
  findIssues(story) {
    const issues: RuleIssue[] = [];
    for (const section of story.sections) {
      if (section.notAHeading !== 'no-break-space') continue;
      const lineStart = story.lines.lineStart(section.line);
      const space = story.text.indexOf('\u00a0', lineStart);
      issues.push({
        message: `Markdown does not read "${story.lines.lineText(section.line).trim()}" as a heading: a no-break space follows the #s. Type an ordinary space there.`,
        start: lineStart,
        end: story.lines.lineEnd(section.line),
        fixes: [{ title: 'Replace the no-break space with a space', edits: [{ start: space, end: space + 1, newText: ' ' }], kind: 'fix' }],
      });
    }
    // A story told with no part marked is read as one telling, which the content rules check
    // part by part (see `starPart`): from three sentences on (the setting and the task, what was
    // done, how it ended; a list item is a sentence) it can tell all four parts, and nothing is
    // reported missing. A shorter one cannot, and which parts it lacks is a guess: one finding,
    // not four, and no inserted skeleton. Only a draft (headings and nothing told) gets the four.
    // Short is judged on the whole text, code blocks too: a story told inside a block STAR Coach
    // does not read as prose (objects named after the parts in a `js` fence) may mark its parts
    // there, and is not asked to mark them.
    if (hasNoStarSections(story) && !isDraft(story)) {
      const telling = story.prose.slice(story.frontMatter.bodyStart);
      if (tellsNoEvent(telling)) return [...issues, ...noEventIssues(telling, anchorOf(story))];
      // A story too short to tell its parts is asked once to mark them, and nothing more.
      if (tooShortToTell(story) && !longEnoughToTell(story.text.slice(story.frontMatter.bodyStart))) return [...issues, { message: NO_PARTS_FOUND, ...anchorOf(story) }];
      return [...issues, ...pendingIssues(story)];
    }
    // "## What happened", the whole telling, then "## What I learned": a story that marks its
    // Situation alone, with no label or heading of an unread name, tells its parts under that one
    // heading, and is read as one telling, as a story with no part marked is.
    if (tellingUnderSituation(story)) return [...issues, ...pendingIssues(story)];
    const sections = STAR_KINDS.map((kind) => partSection(story, kind) ?? (kind === 'task' ? taskToldInSituation(story) : undefined));
    // A part is named missing only where the story's layout is read whole (see `layoutUnsure`):
    // where a part may be told out of STAR Coach's sight, none is.
    const missing = STAR_KINDS.filter((kind, i) => !sections[i] && !(kind === 'situation' && settingToldInTask(story)));
    let unread: number[] | undefined;
    let unmarked: ReadonlySet<StarKind> | undefined;
    const named =
      missing.length > 0 && !layoutUnsure(story)
        ? missing.filter((kind) => !(unmarked ??= toldUnmarked(story)).has(kind) && !mayStandFor(story, kind, (unread ??= unreadLabelLines(story))))
        : [];
    STAR_KINDS.forEach((kind, i) => {
      const section = sections[i];
      const title = SECTION_TITLES[kind];
      if (!section) {
        if (!named.includes(kind)) return;
        issues.push({
          message: `The story has no ${title}. ${SECTION_PROMPTS[kind]}`,
          ...anchorOf(story),
          fixes: [{ title: `Insert ${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title} section`, edits: [insertSectionEdit(story, kind, SECTION_PROMPTS[kind])], kind: 'fix' }],
        });
      } else if (isEmptySection(story, section)) {
        issues.push({ message: `The ${title} is empty. ${SECTION_PROMPTS[kind]}`, start: section.titleStart, end: section.titleEnd });
      }
    });
    return issues;
  },
});

/**
 * The findings for a story with no part marked that tells no event (`tellsNoEvent`: an answer told
 * as habits, a stance or what the speaker would do): it has no Task and no Result, as nothing
 * happened, and no Situation unless its answer opens on the scene it imagines ("If a donor rang to
 * complain ...", "In my current role ..."). One finding a part, each quoting the sentence that
 * shows no event was told; no fix, as no edit can tell one. `telling` is the story's prose after
 * its front matter.
 */
function noEventIssues(telling: string, anchor: { start: number; end: number }): RuleIssue[] {
  const shown = noEventSentence(telling);
  const quoted = shown ? ` ("${quoteForMessage(telling, shown.start, shown.end)}")` : '';
  const why = `It tells what you do or would do${quoted}, not one time it happened: pick one occasion and tell it.`;
  const kinds = STAR_KINDS.filter((kind) => kind !== 'action' && !(kind === 'situation' && opensOnScene(telling)));
  return kinds.map((kind) => ({ message: `The story has no ${SECTION_TITLES[kind]}. ${why} ${SECTION_PROMPTS[kind]}`, ...anchor }));
}

/**
 * The finding for a story read as one telling that stops before its outcome (`outcomePending`:
 * "Whether any of it survives, I will find out then") and measures none in its ending: it has no
 * Result yet. Quotes the sentence that says so; no fix, as no edit can tell what came of it.
 */
function pendingIssues(story: Story): RuleIssue[] {
  const pending = outcomePending(story);
  const ending = pending && starPart(story, 'result');
  // What the speaker would do measures nothing that happened ("I would expect the pass rate to rise from 60% to 80%").
  if (!pending || !ending || storyHasQuantity(story, withoutHypotheticals(sectionProse(story, ending)))) return [];
  const quoted = quoteForMessage(story.prose, pending.start, pending.end);
  return [
    {
      message: `The story has no Result. It stops before its outcome ("${quoted}"). Tell what has come of it so far, or pick a story whose ending you know. ${SECTION_PROMPTS.result}`,
      start: pending.start,
      end: pending.end,
    },
  ];
}

/** An answer's opening that sets the scene it imagines or stands in: "If a patient's family disagreed ...", "When a guest complains", "In my current role ...". */
const IMAGINED_SCENE = /^(?:if|when|whenever|suppose|imagine|say)\b/i;

/**
 * Whether a telling's answer (`answerOpening`: after the question asked and a lead-in label)
 * opens on a scene: one it imagines (`IMAGINED_SCENE`) or one it stands in (`SCENE_OPENING`).
 * Such an answer tells its Situation, whatever it then does with it.
 */
function opensOnScene(telling: string): boolean {
  const opening = answerOpening(telling);
  return opening !== undefined && (IMAGINED_SCENE.test(opening) || SCENE_OPENING.test(opening));
}

/** Where to show a story-wide finding: the title line of the front matter, or the first line. Found only for a finding: most stories have none. */
function anchorOf(story: Story): { start: number; end: number } {
  const title = story.frontMatter.valueRanges.get('title');
  if (title) return title;
  const firstLine = story.lines.positionAt(story.frontMatter.bodyStart).line;
  return { start: story.lines.lineStart(firstLine), end: story.lines.lineEnd(firstLine) };
}

/**
 * Whether STAR Coach may have misread the story's layout, so that no part is named missing: the
 * story is told under headings of its own outside the parts read (see `toldUnderOwnHeadings`), or
 * its marked parts come out of STAR order (a Situation marked after the Action).
 */
function layoutUnsure(story: Story): boolean {
  return toldUnderOwnHeadings(story) || outOfOrder(story);
}

/** Whether the story's marked STAR parts come out of STAR order: a part marked after one that follows it. */
function outOfOrder(story: Story): boolean {
  let reached = -1;
  for (const section of story.sections) {
    const at = STAR_KINDS.indexOf(section.kind as StarKind);
    if (at === -1) continue;
    if (at < reached) return true;
    reached = Math.max(reached, at);
    for (const also of section.alsoKinds ?? []) reached = Math.max(reached, STAR_KINDS.indexOf(also));
  }
  return false;
}

/**
 * Whether a label of no part read stands where the missing part would be told: after the last
 * marked part told before it in STAR order and before the first marked part told after it. Then
 * the layout is not read with confidence, and the part is not named missing. Before the Action,
 * only a label naming, in the speaker's own voice, what was theirs to do counts (`My
 * responsibility:`, `## My part`, `Our brief`; see OWN_VOICE_LABEL): any other label between the
 * setting and the Action names a complication far more often than a renamed part ("Obstacle:",
 * "Tension", "Topic:"), and a goal told under it is read where it is told (see
 * `taskToldInSituation`).
 */
function mayStandFor(story: Story, kind: StarKind, unreadLines: readonly number[]): boolean {
  if (kind === 'situation' || kind === 'task') unreadLines = unreadLines.filter((line) => OWN_VOICE_LABEL.test(story.lines.lineText(line)));
  const order = STAR_KINDS.indexOf(kind);
  let after = -1;
  let before = Infinity;
  for (const other of STAR_KINDS) {
    const section = partSection(story, other);
    if (!section || other === kind) continue;
    if (STAR_KINDS.indexOf(other) < order) after = Math.max(after, section.line);
    else before = Math.min(before, section.line);
  }
  return unreadLines.some((line) => line > after && line < before);
}

/**
 * The parts that text the story does not mark may tell, read once for every part missing: those
 * that come before the story's first marked part in STAR order (every part, where none is
 * marked), when enough telling to hold a part stands before that first marked part: `OPENING_SITUATION_WORDS` words
 * and a full stop, as an opening Situation needs, outside lines that tell nothing (the question
 * asked, `Tell me about a time ...` however it is set, a heading, a table). Unmarked text holds
 * whichever parts it tells, and STAR Coach cannot know which: an opening paragraph may give the
 * setting and the brief ("Brief from the area manager: get it out of the bottom ten") before
 * bullets and an `Impact:` line. It can tell the Action only where the speaker takes a step there
 * ("- Rebuilt the rota") or the group acts ("we", "the team": "We moved the stock"): a setting with
 * neither before `Impact:` leaves the Action named missing. (A setting told of the group, "Our
 * team ran the payments service", spares it too: the cost of never calling a step told as "we"
 * missing.) Notes in a block of code of three lines or more (`S:`, `T:`, `A:`, `R:` notes in a
 * `python` fence, or drawn as an ASCII tree) are not read at all, so they may hold any of those
 * parts; a command on a line or two is no telling.
 */
function toldUnmarked(story: Story): ReadonlySet<StarKind> {
  const first = firstStarPart(story);
  const before: StarKind[] = first ? STAR_KINDS.slice(0, STAR_KINDS.indexOf(first.kind as StarKind) + 1) : [...STAR_KINDS];
  const none = new Set<StarKind>();
  const end = first ? story.lines.lineStart(first.line) : story.text.length;
  const start = story.frontMatter.bodyStart;
  if (start >= end) return none;
  // Words in code, blanked in the prose (a story told in a plain fence is read as prose, and counted there).
  let code = 0;
  let codeLines = 0;
  for (const [blockStart, blockEnd] of story.codeBlocks) {
    const [from, to] = [blockStart, Math.min(blockEnd, end)];
    if (from >= to || countWords(story.prose.slice(from, to)) > 0) continue;
    code += countWords(story.text.slice(from, to));
    codeLines += story.text.slice(from, to).split('\n').filter((line) => LETTER.test(line)).length;
  }
  if (code >= OPENING_SITUATION_WORDS && codeLines >= NOTES_LINES) return new Set(before);
  const opening = withoutHeadings(story.prose.slice(start, end))
    .split('\n')
    .filter((line) => !tellsNothing(line))
    .join('\n');
  if (countWords(opening) < OPENING_SITUATION_WORDS || !/[.!](?:["”’)*_]*)(?:\s|$)/.test(opening)) return none;
  const step = before.includes('action') && (findPersonalAction(opening) !== undefined || countCollectiveVoice(opening) > 0);
  return new Set(before.filter((kind) => kind !== 'action' || step));
}

/** Lines of code, with words, that make notes rather than a command. */
const NOTES_LINES = 3;
/** A letter: a code line with one holds words. A constant, as the bundler writes this literal as `new RegExp(...)`, made anew at each call. */
const LETTER = /\p{L}/u;

/**
 * Whether the story is told under headings of its own, outside the parts STAR Coach reads: a
 * heading of no part read (`## Timeline`, `### 1. Build the right team`, `## The event` beside
 * `## What we built`) standing before the first marked STAR part or after the last (a lesson is
 * none: `## How it was received` before `## What I learned` stands after the last). Such a heading
 * carries a part of the telling STAR Coach cannot place, so no part is named missing. Not counted:
 * a level-1 heading; a title, one that opens the body before any text at a level no marked part's
 * heading has (`## 2024 H1` then `### Nightly ledger job` over labelled notes); and one between two
 * marked parts, a further part of a layout read (`## Obstacles` or `## Tension` between the
 * Situation and the Action).
 */
function toldUnderOwnHeadings(story: Story): boolean {
  // The STAR parts alone: a lesson is none, so a heading of the story's own before it and after the last part read tells what cannot be placed.
  const parts = story.sections.filter((s) => isStarKind(s.kind));
  if (parts.length === 0) return false;
  const [first, last] = [parts[0].line, parts[parts.length - 1].line];
  const partLevels = new Set(parts.filter((s) => s.style === 'heading').map((s) => headingLevel(story, s)));
  const textLine = firstTextLine(story);
  const own = (line: number, level: number) => (line < first || line > last) && level > 1 && (line > textLine || partLevels.has(level));
  return story.sections.some((s) => s.kind === 'other' && s.style === 'heading' && own(s.line, headingLevel(story, s))) || setextHeadingLines(story).some((line) => own(line, 2));
}

/** A heading's level: its number of `#`, or 2 for a heading underlined with `-`. */
function headingLevel(story: Story, heading: Section): number {
  const hashes = HASHES.exec(story.lines.lineText(heading.line))![1].length;
  return hashes || 2;
}

/** The zero-based line of the body's first text that is not a heading (ATX or setext), or the line count. */
function firstTextLine(story: Story): number {
  let line = story.lines.positionAt(story.frontMatter.bodyStart).line;
  for (; line < story.lines.lineCount; line++) {
    const text = story.prose.slice(story.lines.lineStart(line), story.lines.lineEnd(line));
    if (text.trim() === '' || ATX_HEADING.test(text)) continue;
    // A setext heading's text, and its underline.
    if (SETEXT_UNDERLINE.test(text) || (line + 1 < story.lines.lineCount && SETEXT_UNDERLINE.test(story.lines.lineText(line + 1)))) continue;
    break;
  }
  return line;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A label or heading that names, in the speaker's own voice, what was theirs to do: `My responsibility:`, `## My part`, `- **Our brief:**`. */
const OWN_VOICE_LABEL = /^[ \t>#*_+-]*(?:my|our) (?:role|responsibilit(?:y|ies)|part|share|brief|job|task|remit|goal|aim|objective|mission|assignment|duty|duties)\b/i;
const HASHES = /^ {0,3}(#*)/;

/** A part that opens on its scene: "At a facilities-management firm I ...", "During my placement", "Last spring". */
const SCENE_OPENING = /^\s*(?:(?:at|in|with) (?:a|an|my|our|the|\p{Lu})|during|while (?:working|at|I was)|last (?:year|spring|summer|autumn|fall|winter|month|quarter)|back in|in (?:19|20)\d\d)\b/iu;

/**
 * Whether a story with no Situation opens with its Task, and the Task tells the setting too: it
 * opens on its scene ("**The task:** At a facilities-management firm I was responsible for our bid
 * ..."), or its first sentence, one of setting (`OPENING_SITUATION_WORDS` words at least), states
 * no goal and a later one does (`**Objective**` "Our clinic received around a hundred referrals a
 * month by fax. The practice manager asked me to lead a move ..."). The setting is told there, and
 * the Situation is not named missing.
 */
function settingToldInTask(story: Story): boolean {
  const first = firstStarPart(story);
  if (first?.kind !== 'task') return false;
  const prose = sectionProse(story, first);
  if (SCENE_OPENING.test(prose)) return true;
  const opening = prose.search(LETTER);
  if (opening === -1) return false;
  const end = sentenceAround(prose, opening).end;
  // A sentence of setting, as an unmarked opening needs (OPENING_SITUATION_WORDS): "It was hard." sets no scene.
  return countWords(prose.slice(0, end)) >= OPENING_SITUATION_WORDS && !statesGoal(prose.slice(0, end)) && statesGoal(prose.slice(end));
}
