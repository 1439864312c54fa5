import { parseDocument, YAMLParseError } from 'yaml';
import { findLp } from './catalog';
import { TARGET_LEVELS, type TargetLevel } from './catalog/schema';
import { RULES, type Rule } from './rules';
import { defaultOptions, type NumberOption, type OptionSpecs, type OptionValues } from './rules/rule';
import * as z from 'zod/mini';
import { described } from './validation';
import { SEVERITIES, type Severity } from './types';

const severitySetting = z.enum(['off', ...SEVERITIES]);

/** The largest config file read, in characters: a real one is a few hundred. */
export const MAX_CONFIG_CHARS = 64 * 1024;
/** Most lines in a config file. */
const MAX_CONFIG_LINES = 2000;
/**
 * Most keys and list items, counted before parsing as an upper bound (each needs a ':', ',' or
 * '?'): the YAML parser's duplicate-key check grows with the square of the keys of a map.
 */
const MAX_CONFIG_ENTRIES = 1000;
/** Most aliases the YAML may expand: plenty for reuse, too few for a "billion laughs". */
const MAX_ALIASES = 100;
/** Unknown keys named in a message; the rest are counted. */
const KEYS_SHOWN = 5;

/** A number from `min` to `max` (whole if `integer`), with a message that says so. */
function bounded(min: number, max: number, unit: string, integer = false) {
  const error = (issue: { input?: unknown }) => `must be from ${min} to ${max}${unit ? ` ${unit}` : ''}, not ${String(issue.input)}`;
  return (integer ? z.int() : z.number()).check(z.gte(min, { error }), z.lte(max, { error }));
}

/** A rule option as a config may set it: within its declared bounds, its default shown. */
function optionSchema(spec: NumberOption) {
  return described(z.optional(z._default(bounded(spec.min, spec.max, spec.unit, spec.integer), spec.default)), spec.description);
}

/** The loop plan's settings: how many distinct stories each LP gets, for which LPs and level. */
const planSchema = described(
  z._default(
    z.strictObject({
      examplesPerLp: described(z._default(bounded(1, 5, 'stories', true), 2), 'Distinct stories the loop plan prepares for each Leadership Principle.'),
      lps: described(
        z.optional(
          z
            .array(z.string().check(z.refine((name) => findLp(name) !== undefined, { error: (issue) => `is not a Leadership Principle: ${String(issue.input)}` })))
            .check(z.minLength(1, 'lps is empty: leave it out to plan all 16 Leadership Principles')),
        ),
        'The Leadership Principles to plan for (names or ids), in order; all 16 when left out.',
      ),
      level: described(z.optional(z.enum(TARGET_LEVELS, { error: 'level must be L6 or L7' })), 'The level you interview for: stories written at it are planned first.'),
    }),
    { examplesPerLp: 2 },
  ),
  'The loop plan (star-coach plan): a distinct story for each slot.',
);

/** A rule's setting: true/false, a severity or "off", or an object with a severity and the rule's options. */
function ruleSettingSchema(rule: Rule) {
  const options = Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, spec]) => [name, optionSchema(spec)]));
  const withOptions = z.strictObject({ severity: described(z.optional(severitySetting), 'Severity, or "off".'), ...options });
  return described(z.optional(z.union([z.boolean(), severitySetting, withOptions])), `${rule.description} Default: ${rule.defaultSeverity}.`);
}

export const configSchema = described(
  z.strictObject({
    $schema: z.optional(z.string()),
    wordsPerMinute: described(z._default(bounded(60, 400, 'words a minute'), 150), 'Speaking pace used to estimate how long a story takes to tell.'),
    storiesPerLp: described(z._default(bounded(1, 20, 'stories', true), 3), 'How many stories each Leadership Principle needs to count as covered.'),
    plan: planSchema,
    rules: described(
      z._default(z.strictObject(Object.fromEntries(RULES.map((rule) => [rule.id, ruleSettingSchema(rule)]))), {}),
      'Turn rules on or off, set their severity and options.',
    ),
  }),
  'STAR Coach configuration (.starcoach.yaml or .starcoach.json at the workspace root).',
);

export type ConfigInput = z.input<typeof configSchema>;

export interface RuleSettings {
  severity: Severity | 'off';
  /** The rule's declared options, each at its default unless a config set it. */
  options: Record<string, number>;
}

/** The loop plan's settings with LP names resolved to ids. */
export interface PlanSettings {
  examplesPerLp: number;
  /** LP ids in plan order; undefined means all 16. */
  lpIds?: string[];
  targetLevel?: TargetLevel;
}

export interface ResolvedConfig {
  wordsPerMinute: number;
  storiesPerLp: number;
  plan: PlanSettings;
  rules: ReadonlyMap<string, RuleSettings>;
}

/**
 * The settings for linting from a config object (as read from .starcoach.yaml, or merged with
 * editor settings): each rule's severity and options, defaults filled in. Throws a ZodError by
 * design when the input does not match `configSchema` (a wrong type, an unknown key, a number out
 * of range): callers holding a user's file use `readConfigText`, which turns that into a message.
 */
export function resolveConfig(input: unknown = {}): ResolvedConfig {
  const parsed = z.parse(configSchema, input ?? {});
  const rules = new Map<string, RuleSettings>();
  for (const rule of RULES) {
    const setting = (parsed.rules as Record<string, unknown>)[rule.id];
    let severity: Severity | 'off' = rule.defaultSeverity;
    let overrides: Record<string, unknown> = {};
    if (setting === false) severity = 'off';
    else if (typeof setting === 'string') severity = setting as Severity | 'off';
    else if (setting && typeof setting === 'object') {
      const { severity: given, ...rest } = setting as { severity?: Severity | 'off' };
      if (given) severity = given;
      overrides = rest;
    }
    // The schema has checked the overrides against the rule's declared options.
    const options = { ...defaultOptions(rule.options), ...(overrides as Record<string, number>) };
    rules.set(rule.id, { severity, options });
  }
  const lpIds = parsed.plan.lps ? [...new Set(parsed.plan.lps.map((name) => findLp(name)!.id))] : undefined;
  const plan: PlanSettings = { examplesPerLp: parsed.plan.examplesPerLp, ...(lpIds ? { lpIds } : {}), ...(parsed.plan.level ? { targetLevel: parsed.plan.level } : {}) };
  return { wordsPerMinute: parsed.wordsPerMinute, storiesPerLp: parsed.storiesPerLp, plan, rules };
}

export const DEFAULT_CONFIG: ResolvedConfig = resolveConfig();

/** A rule's options as a config resolved them, typed by the rule's declaration. */
export function ruleOptions<Specs extends OptionSpecs>(config: ResolvedConfig, rule: Rule<Specs>): OptionValues<Specs> {
  return { ...defaultOptions(rule.options), ...config.rules.get(rule.id)?.options } as OptionValues<Specs>;
}

/**
 * `message` names the file (the CLI prints it as it is); `detail` is the same problem as a phrase
 * without the file name, for a sentence that names the file its own way (the editor's notice).
 */
export type ConfigResult = { ok: true; config: ResolvedConfig; raw: Record<string, unknown> } | { ok: false; message: string; detail: string };

/**
 * Reads a .starcoach.yaml or .starcoach.json text (`fileName` picks the syntax and names the file
 * in messages). A bad file gives `{ ok: false, message }`, never a throw: too large or too many
 * keys (checked before parsing), not valid YAML or JSON, aliases that do not resolve or expand too
 * far, or values that do not fit the schema (the first problem, naming a few unknown keys at most).
 */
export function readConfigText(text: string, fileName: string): ConfigResult {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return { ok: false, message: `${fileName} ${tooLarge}`, detail: `it ${tooLarge}` };
  const json = fileName.endsWith('.json');
  let raw: unknown;
  try {
    raw = (json ? JSON.parse(text) : parseYamlConfig(text)) ?? {};
  } catch (error) {
    const syntax = `not valid ${json ? 'JSON' : 'YAML'}`;
    return { ok: false, message: `${fileName} is ${syntax}: ${firstLine(error)}`, detail: duplicateKey(error, text) ?? `it is ${syntax} (${withoutTrailingColon(firstLine(error))})` };
  }
  try {
    const parsed = z.safeParse(configSchema, raw);
    if (!parsed.success) {
      const { where, what } = describeIssue(parsed.error.issues[0]);
      return { ok: false, message: `${fileName}: ${where}: ${what}`, detail: issuePhrase(where, what) };
    }
    return { ok: true, config: resolveConfig(raw), raw: raw as Record<string, unknown> };
  } catch (error) {
    // Not expected once the schema has passed; a message all the same, never a throw.
    return { ok: false, message: `${fileName} cannot be used: ${firstLine(error)}`, detail: withoutTrailingColon(firstLine(error)) };
  }
}

/** "storiesPerLp appears twice (line 3)" for the yaml library's duplicate key error, naming the key from the text. */
function duplicateKey(error: unknown, text: string): string | undefined {
  if (!(error instanceof YAMLParseError) || error.code !== 'DUPLICATE_KEY' || !error.linePos) return undefined;
  const { line, col } = error.linePos[0];
  const key = /^\s*([^:#]+?)\s*:/.exec((text.split(/\r?\n/)[line - 1] ?? '').slice(col - 1))?.[1];
  return key ? `${key.length > 40 ? `${key.slice(0, 39)}…` : key} appears twice (line ${line})` : undefined;
}

/** "storiesPerLp must be from 1 to 20", "unknown key foo in rules": the key named once, in a phrase. */
function issuePhrase(where: string, what: string): string {
  if (where === 'top level') return what;
  if (what.startsWith('must ')) return `${where} ${what}`;
  if (what.startsWith('unknown key')) return `${what} in ${where}`;
  return `${where}: ${what}`;
}

/** A parser's first line without the colon that introduced its excerpt of the text. */
function withoutTrailingColon(text: string): string {
  return text.replace(/\s*:\s*$/, '');
}

/** Why a config text is too large to parse, or undefined: a quick count, before any parser sees it. */
function sizeProblem(text: string): string | undefined {
  if (text.length > MAX_CONFIG_CHARS) return `is ${Math.ceil(text.length / 1024)} KB, too large for a config file (the limit is ${MAX_CONFIG_CHARS / 1024} KB)`;
  let lines = 1;
  let entries = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) lines++;
    else if (c === 0x3a || c === 0x2c || c === 0x3f) entries++; // ':' ',' '?'
  }
  if (lines > MAX_CONFIG_LINES) return `has ${lines} lines, too many for a config file (the limit is ${MAX_CONFIG_LINES})`;
  if (entries > MAX_CONFIG_ENTRIES) return `has room for ${entries} keys or list items, too many for a config file (the limit is ${MAX_CONFIG_ENTRIES})`;
  return undefined;
}

/** YAML to plain values; parse errors and bad aliases throw, warnings are not printed. */
function parseYamlConfig(text: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.toJS({ maxAliasCount: MAX_ALIASES });
}

/** One schema problem in words: where, and what; unknown keys are named, a few at most. */
function describeIssue(issue: z.core.$ZodIssue, at: readonly PropertyKey[] = []): { where: string; what: string } {
  const path = [...at, ...issue.path];
  const where = path.length ? path.map(String).join('.') : 'top level';
  if (issue.code === 'invalid_union') {
    // A rule setting: report the problem of the form the value was written in (an object of options, say).
    const inside = issue.errors.map((errors) => errors[0]).filter((first) => first && first.path.length > 0);
    if (inside.length === 1) return describeIssue(inside[0], path);
    return { where, what: `must be true, false, one of ${severitySetting.options.join(', ')}, or an object of the rule's options` };
  }
  if (issue.code === 'unrecognized_keys') {
    const shown = issue.keys.slice(0, KEYS_SHOWN).map((key) => (key.length > 40 ? `${key.slice(0, 39)}…` : key));
    const more = issue.keys.length > KEYS_SHOWN ? ` and ${issue.keys.length - KEYS_SHOWN} more` : '';
    return { where, what: `unknown key${issue.keys.length === 1 ? '' : 's'} ${shown.join(', ')}${more}` };
  }
  return { where, what: issue.message };
}

export const CONFIG_FILE_NAMES = ['.starcoach.yaml', '.starcoach.yml', '.starcoach.json'] as const;

/** The JSON schema for the config file, generated from the rules' metadata. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' });
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
