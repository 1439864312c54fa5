import type { Story } from '../parse/story';
import type { FixKind, Severity } from '../types';

/** A text edit by offsets into the story text; the engine turns it into a range. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
  /** See `TextEdit.select`: what of `newText` to select once applied. */
  select?: { start: number; end: number };
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
  /** The id of every rule, this one included, for rules that check text naming rules. */
  ruleIds: readonly string[];
  /** The year it is now, for rules about recency; the clock's year when absent (tests give one). */
  currentYear?: number;
}

export type RuleTag = 'structure' | 'front-matter' | 'impact' | 'ownership' | 'tone' | 'length' | 'level' | 'lp' | 'directive';

/**
 * A numeric option of a rule, declared once: the config schema, its bounds and the docs are built
 * from it, and the rule's findIssues receives the value (the default unless a config sets it).
 */
export interface NumberOption {
  /** One sentence for the docs and the config schema, naming the unit. */
  description: string;
  default: number;
  /** The smallest and largest value a config may set, inclusive. */
  min: number;
  max: number;
  /** The unit in messages: "minutes", "words"; empty for a plain count. */
  unit: string;
  /** Whole numbers only. */
  integer?: boolean;
  /** The editor setting (`starCoach.<name>`) that also sets this option; one a user set wins over the config file. */
  editorSetting?: string;
}

/** A rule's options by name. */
export type OptionSpecs = Record<string, NumberOption>;

/** The values a rule's findIssues receives: one number per declared option. */
export type OptionValues<Specs extends OptionSpecs> = { [Name in keyof Specs]: number };

/** A rule's options at their defaults: `{ maxMinutes: 3, ... }`, `{}` for a rule without options. */
export function defaultOptions<Specs extends OptionSpecs>(specs: Specs | undefined): OptionValues<Specs> {
  return Object.fromEntries(Object.entries(specs ?? {}).map(([name, spec]) => [name, spec.default])) as OptionValues<Specs>;
}

export interface Rule<Specs extends OptionSpecs = OptionSpecs> {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** A rule that is `off` by default runs only when a config turns it on. */
  defaultSeverity: Severity | 'off';
  tags: readonly RuleTag[];
  /** A short paragraph for the docs: why interviewers care, and how to fix it. */
  docs: string;
  /** The rule's own options; they appear in the config schema and the docs. */
  options?: Specs;
  findIssues(story: Story, options: OptionValues<Specs>, settings: SharedSettings): RuleIssue[];
}

/** Helps type a rule's findIssues from its declared options. */
export function defineRule<Specs extends OptionSpecs>(rule: Rule<Specs>): Rule<Specs> {
  return rule;
}
