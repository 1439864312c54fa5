import type { z } from 'zod';
import type { Story } from '../parse/story';
import type { FixKind, Severity } from '../types';

/** A text edit by offsets into the story text; the engine turns it into a range. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface OffsetFix {
  title: string;
  edits: OffsetEdit[];
  /** See `Fix.kind`: a safe fix, or a suggestion the user must finish. */
  kind: FixKind;
}

/** What a rule reports: a message at offsets of the story text, with fixes as data. */
export interface RuleIssue {
  message: string;
  start: number;
  end: number;
  fixes?: OffsetFix[];
}

/** Settings every rule may read. */
export interface SharedSettings {
  /** Speaking pace used to turn words into minutes. */
  wordsPerMinute: number;
  /** The year it is now, for rules about recency; the clock's year when absent (tests give one). */
  currentYear?: number;
}

export type RuleTag = 'structure' | 'front-matter' | 'impact' | 'ownership' | 'tone' | 'length' | 'level' | 'lp';

export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** A rule that is `off` by default runs only when a config turns it on. */
  defaultSeverity: Severity | 'off';
  tags: readonly RuleTag[];
  /** A short paragraph for the docs: why interviewers care, and how to fix it. */
  docs: string;
  /** The rule's own options, with defaults; they appear in the config schema. */
  options?: z.ZodType<Options>;
  check(story: Story, options: Options, settings: SharedSettings): RuleIssue[];
}

/** Helps type a rule's options from its schema. */
export function defineRule<Options extends Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
