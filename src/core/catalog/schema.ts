import * as z from 'zod/mini';
import '../validation';

const kebabId = z.string().check(z.regex(/^[a-z]+(?:-[a-z]+)*$/, 'a kebab-case id'));
/** Non-empty text after trimming, with any further checks. */
const sentence = (...checks: z.core.$ZodCheck<string>[]) => z.string().check(z.trim(), z.minLength(1), ...checks);

/** The two levels STAR Coach coaches for, and so the two columns of every expectation. */
export const TARGET_LEVELS = ['L6', 'L7'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

export const lpSchema = z.strictObject({
  id: kebabId,
  name: sentence(),
  aliases: z.array(sentence()),
  summary: sentence(z.maxLength(120)),
  definition: sentence(),
  signals: z.array(z.string().check(z.regex(/^[a-z0-9' -]+$/, 'a lowercase word or phrase'))).check(z.minLength(8)),
  /** Openers that signal the LP, each ending in "...". */
  phrases: z.array(sentence(z.regex(/\.\.\.$/, 'an opener ending in "..."'))).check(z.minLength(3)),
  /** What an interviewer expects an answer at each level to show. */
  expectations: z.strictObject({ L6: z.array(sentence()).check(z.minLength(3)), L7: z.array(sentence()).check(z.minLength(3)) }),
  /** What interviewers listen for while the story is told: short noun phrases. */
  listenFor: z.array(sentence(z.maxLength(90))).check(z.minLength(3)),
  /** Common ways a story for this LP falls short. */
  pitfalls: z.array(sentence()).check(z.minLength(3)),
});

export const catalogSchema = z.strictObject({
  lps: z.array(lpSchema).check(z.length(16)),
});

export type Lp = z.infer<typeof lpSchema>;

const share = z.int().check(z.minimum(0), z.maximum(100));

/** One interview round: how much of its evaluation rests on the LPs, and which LPs it leans on. */
export const roundSchema = z.strictObject({
  id: kebabId,
  name: sentence(),
  /** Percent of the round's evaluation that is LP-based, per level. */
  lpShare: z.strictObject({ L6: share, L7: share }),
  /** LP ids this round evaluates most; empty means all 16 evenly. */
  focus: z.array(kebabId),
  note: sentence(),
});

export const roundsSchema = z.strictObject({ rounds: z.array(roundSchema).check(z.minLength(1)) });
export type Round = z.infer<typeof roundSchema>;

export const QUESTION_ROUNDS = ['behavioral', 'hiring-manager', 'bar-raiser', 'technical'] as const;
export const QUESTION_CATEGORIES = ['core', 'ai-ml-leadership', 'sustainability-esg', 'return-to-office'] as const;
export const QUESTION_LEVELS = ['L6', 'L7', 'both'] as const;

/** How rounds and categories read on screen. */
export const ROUND_LABELS: Record<(typeof QUESTION_ROUNDS)[number], string> = { behavioral: 'Behavioral', 'hiring-manager': 'Hiring manager', 'bar-raiser': 'Bar raiser', technical: 'Technical' };
export const CATEGORY_LABELS: Record<(typeof QUESTION_CATEGORIES)[number], string> = {
  core: 'Core',
  'ai-ml-leadership': 'AI/ML leadership',
  'sustainability-esg': 'Sustainability and ESG',
  'return-to-office': 'Return to office',
};

export const questionSchema = z.strictObject({
  /** Stable id: the primary LP's id, a dash, and a two-digit number ("ownership-03"). */
  id: z.string().check(z.regex(/^[a-z]+(?:-[a-z]+)*-\d{2}$/, 'an id like "ownership-03"')),
  text: sentence(z.regex(/[?.]$/, 'a question ending in "?" or "."')),
  /** LP ids, primary first. */
  lps: z.array(kebabId).check(z.minLength(1), z.maxLength(3)),
  level: z.enum(QUESTION_LEVELS),
  round: z.enum(QUESTION_ROUNDS),
  category: z.enum(QUESTION_CATEGORIES),
  followUps: z.array(sentence(z.regex(/[?.]$/))).check(z.minLength(2), z.maxLength(3)),
});

export const questionBankSchema = z.strictObject({ questions: z.array(questionSchema).check(z.minLength(96)) });
export type Question = z.infer<typeof questionSchema>;
