import { allQuestions, type Question } from '../catalog';
import { resolveLpEntries } from '../lpEntries';
import { FAILURE_REPORTED, LEARNING_STATED } from '../language/phrases';
import { figurePhrase, findAllQuantities } from '../language/quantities';
import { contentStems } from '../match/words';
import { matchesOf } from '../text';
import { isEmptySection, isFollowUpsTitle, proseWithoutQuotes, sectionOf, sectionProse, starPart, type Story } from '../parse/story';

export type DrillKind = 'number' | 'we' | 'learning' | 'scope' | 'probe' | 'prepared';

/** One follow-up question to answer aloud, and the user's own prepared answer when the story keeps one. */
export interface DrillQuestion {
  kind: DrillKind;
  question: string;
  /** The answer from the story's `## Follow-ups` section, shown after the user has answered aloud. */
  prepared?: string;
}

/** A question and answer the user wrote in the story's `## Follow-ups` section. */
export interface PreparedFollowUp {
  question: string;
  /** Empty when the question has no answer yet. */
  answer: string;
  /** Zero-based line of the question. */
  line: number;
}

/** Most questions of one kind: a drill is a few minutes, not an interrogation. */
const MOST_PER_KIND = 4;
/** Generic probes taken from the question bank. */
const BANK_PROBES = 3;
/** "we migrated the database": a step told for the group, with the few words after it that say what it was. */
const WE_DID = /\b[Ww]e\s+([a-z][a-z'-]*(?:[ \t]+(?!and\b|but\b|so\b|then\b|while\b|because\b)[A-Za-z0-9][\w'’%$-]*){0,5})/g;

/**
 * The prepared follow-ups of a story: in a `## Follow-ups` section, each `- Q: question / A: answer`
 * on one line, or `- Q: question` with `A: answer` on the lines after it (an answer may run over
 * several lines, up to the next question). Bold markers around Q and A are allowed.
 */
export function preparedFollowUps(story: Story): PreparedFollowUp[] {
  const section = story.sections.find((s) => s.kind === 'other' && isFollowUpsTitle(s.title));
  if (!section) return [];
  const found: PreparedFollowUp[] = [];
  let current: PreparedFollowUp | undefined;
  let inAnswer = false;
  const firstLine = story.lines.positionAt(section.bodyStart).line;
  const lastLine = story.lines.positionAt(section.bodyEnd).line;
  for (let line = firstLine; line <= lastLine && line < story.lines.lineCount; line++) {
    const start = Math.max(section.bodyStart, story.lines.lineStart(line));
    const end = Math.min(section.bodyEnd, story.lines.lineEnd(line));
    if (end <= start) continue;
    const text = story.prose.slice(start, end).trim();
    const question = /^(?:[-*+]\s+)?(?:\*\*|__)?Q(?:uestion)?\s*[:.](?:\*\*|__)?\s*(.*)$/i.exec(text);
    if (question) {
      const [asked, answered] = splitInline(question[1]);
      current = { question: asked, answer: answered ?? '', line };
      inAnswer = answered !== undefined;
      found.push(current);
      continue;
    }
    const answer = /^(?:[-*+]\s+)?(?:\*\*|__)?A(?:nswer)?\s*[:.](?:\*\*|__)?\s*(.*)$/i.exec(text);
    if (answer && current) {
      current.answer = joinWords(current.answer, answer[1]);
      inAnswer = true;
    } else if (current && text) {
      if (inAnswer) current.answer = joinWords(current.answer, text);
      else current.question = joinWords(current.question, text);
    }
  }
  return found.filter((f) => f.question !== '');
}

/** "How did you measure it? / A: With the dashboard." as question and answer. */
function splitInline(text: string): [string, string | undefined] {
  const at = /\s\/\s*(?:\*\*|__)?A(?:nswer)?\s*[:.](?:\*\*|__)?\s*/i.exec(text);
  return at ? [text.slice(0, at.index).trim(), text.slice(at.index + at[0].length).trim()] : [text.trim(), undefined];
}

function joinWords(a: string, b: string): string {
  return a && b ? `${a} ${b.trim()}` : a || b.trim();
}

export interface DrillOptions {
  /** Generic probes to add; by default the question bank's follow-ups for the story's primary LP. */
  probes?: readonly string[];
}

/**
 * The follow-ups an interviewer would ask about this story, in the order a drill asks them: how
 * each number in the Result was measured, what the user's own part was in each "we ..." of the
 * Action, what they would do differently (a failure, or no Learning), who above them had to agree
 * (an L7 story), then generic probes. A prepared answer from the story's `## Follow-ups` section
 * is attached to the question it answers (most shared words), and prepared questions no generated
 * one matches come last, so nothing the user wrote is left out.
 */
export function drillQuestions(story: Story, options: DrillOptions = {}): DrillQuestion[] {
  const questions: DrillQuestion[] = [];
  const seen = new Set<string>();
  /** Adds the question unless it was asked already; whether it was added. */
  const add = (kind: DrillKind, question: string): boolean => {
    const key = question.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    questions.push({ kind, question });
    return true;
  };
  const result = starPart(story, 'result');
  const resultProse = result ? sectionProse(story, result) : '';
  let numbers = 0;
  for (const quantity of findAllQuantities(resultProse)) {
    if (numbers === MOST_PER_KIND) break;
    // "zero" or "twice" alone is no figure to defend; a number with digits is.
    if (!/\d/.test(resultProse.slice(quantity.start, quantity.end))) continue;
    // Both figures of "from 500 ms to 50 ms" quote the same change: it is asked about once.
    const phrase = figurePhrase(resultProse, quantity.start, quantity.end);
    if (add('number', `How did you measure "${phrase}", and what was it compared with?`)) numbers++;
  }
  const action = starPart(story, 'action');
  if (action) {
    const prose = proseWithoutQuotes(story).slice(action.bodyStart, action.bodyEnd);
    let we = 0;
    for (const match of matchesOf(prose, WE_DID)) {
      if (we === MOST_PER_KIND) break;
      add('we', `What was your own part when "we ${match[1].trim()}"?`);
      we++;
    }
  }
  const learning = sectionOf(story, 'learning');
  const hasLearning = (learning !== undefined && !isEmptySection(story, learning)) || LEARNING_STATED.test(resultProse);
  const failure = story.frontMatter.meta.outcome === 'failure' || story.frontMatter.meta.outcome === 'mixed' || FAILURE_REPORTED.test(resultProse);
  if (failure) add('learning', 'What would you do differently, and have you done it since?');
  else if (!hasLearning) add('learning', 'Looking back, what would you do differently?');
  if (story.frontMatter.meta.level === 'L7' || story.frontMatter.meta.level === 'L8') add('scope', 'Who above you had to agree, and how did you convince them?');
  for (const probe of options.probes ?? bankProbes(story)) add('probe', probe);
  return attachPrepared(questions, preparedFollowUps(story));
}

/**
 * The question bank's follow-ups for the story's primary LP, the first few, from its questions
 * nearest the story first: those sharing the most words (stemmed) with the story's telling, then
 * in bank order. A story about moving batch jobs to cut carbon is probed with the carbon question's
 * follow-ups, not with the first question's about an unfair model.
 */
function bankProbes(story: Story): string[] {
  const primary = resolveLpEntries(story.frontMatter.lpEntries).find((entry) => entry.lp)?.lp?.id;
  if (!primary) return [];
  const told = new Set(contentStems(story.prose.slice(story.frontMatter.bodyStart)));
  const { stemsOf, rarity } = questionWords();
  const shared = (stems: ReadonlySet<string>) => [...stems].reduce((sum, stem) => sum + (told.has(stem) ? rarity.get(stem)! : 0), 0);
  const questions = allQuestions()
    .filter((question) => question.lps[0] === primary)
    .map((question) => ({ question, shared: shared(stemsOf.get(question)!) }))
    // A stable sort: equal shares keep bank order.
    .sort((a, b) => b.shared - a.shared);
  const probes: string[] = [];
  for (const { question } of questions) {
    for (const followUp of question.followUps) if (!probes.includes(followUp)) probes.push(followUp);
    if (probes.length >= BANK_PROBES) break;
  }
  return probes.slice(0, BANK_PROBES);
}

let questionWordsCache: { stemsOf: Map<Question, Set<string>>; rarity: Map<string, number> } | undefined;

/**
 * Each bank question's words (its text and follow-ups, stemmed), and each word's rarity over the
 * bank (log of questions over questions holding it): "carbon" tells a question apart, "team" does
 * not. Made once.
 */
function questionWords(): { stemsOf: Map<Question, Set<string>>; rarity: Map<string, number> } {
  if (questionWordsCache) return questionWordsCache;
  const stemsOf = new Map(allQuestions().map((question) => [question, new Set(contentStems(`${question.text} ${question.followUps.join(' ')}`))]));
  const holding = new Map<string, number>();
  for (const stems of stemsOf.values()) for (const stem of stems) holding.set(stem, (holding.get(stem) ?? 0) + 1);
  const rarity = new Map([...holding].map(([stem, n]) => [stem, Math.log(stemsOf.size / n)]));
  return (questionWordsCache = { stemsOf, rarity });
}

const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'you', 'your', 'did', 'do', 'what', 'how', 'was', 'were', 'is', 'it', 'with', 'that', 'this', 'we', 'i']);

function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9%$]+/).filter((w) => w.length > 1 && !STOP.has(w)));
}

/** Gives each prepared answer to the generated question sharing most of its words (half at least), or adds it as its own question. */
function attachPrepared(questions: DrillQuestion[], prepared: readonly PreparedFollowUp[]): DrillQuestion[] {
  for (const item of prepared) {
    const words = contentWords(item.question);
    let best: DrillQuestion | undefined;
    let bestShare = 0;
    for (const question of questions) {
      if (question.prepared !== undefined) continue;
      const theirs = contentWords(question.question);
      let shared = 0;
      for (const word of words) if (theirs.has(word)) shared++;
      const share = shared / Math.max(1, Math.min(words.size, theirs.size));
      if (share > bestShare) [best, bestShare] = [question, share];
    }
    if (best && bestShare >= 0.5 && item.answer) best.prepared = item.answer;
    else questions.push({ kind: 'prepared', question: item.question, ...(item.answer ? { prepared: item.answer } : {}) });
  }
  return questions;
}
