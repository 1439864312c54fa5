import { z } from 'zod';

const kebabId = z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'a kebab-case id');
const sentence = z.string().trim().min(1);

export const lpSchema = z.strictObject({
  id: kebabId,
  name: sentence,
  aliases: z.array(sentence),
  summary: sentence.max(120),
  definition: sentence,
  signals: z.array(z.string().regex(/^[a-z0-9' -]+$/, 'a lowercase word or phrase')).min(8),
  /** Openers that signal the LP, each ending in "...". */
  phrases: z.array(sentence.regex(/\.\.\.$/, 'an opener ending in "..."')).min(3),
  /** What an interviewer expects an answer at each level to show. */
  expectations: z.strictObject({ L6: z.array(sentence).min(3), L7: z.array(sentence).min(3) }),
});

export const catalogSchema = z.strictObject({
  lps: z.array(lpSchema).length(16),
});

export type Lp = z.infer<typeof lpSchema>;
