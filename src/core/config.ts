import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RULES, type Rule } from './rules';
import { SEVERITIES, type Severity } from './types';

const severitySetting = z.enum(['off', ...SEVERITIES]);

/** A rule's setting: true/false, a severity or "off", or an object with a severity and the rule's options. */
function ruleSettingSchema(rule: Rule) {
  const base = z.object({ severity: severitySetting.optional().describe('Severity, or "off".') });
  const withOptions = rule.options instanceof z.ZodObject ? base.extend(rule.options.partial().shape) : base;
  return z
    .union([z.boolean(), severitySetting, withOptions.strict()])
    .optional()
    .describe(`${rule.description} Default: ${rule.defaultSeverity}.`);
}

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    wordsPerMinute: z.number().positive().max(400).default(150).describe('Speaking pace used to estimate how long a story takes to tell.'),
    storiesPerLp: z.number().int().positive().max(20).default(3).describe('How many stories each Leadership Principle needs to count as covered.'),
    rules: z
      .object(Object.fromEntries(RULES.map((rule) => [rule.id, ruleSettingSchema(rule)])))
      .strict()
      .default({})
      .describe('Turn rules on or off, set their severity and options.'),
  })
  .strict()
  .describe('STAR Coach configuration (.starcoach.yaml or .starcoach.json at the workspace root).');

export type ConfigInput = z.input<typeof configSchema>;

export interface RuleSettings {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  wordsPerMinute: number;
  storiesPerLp: number;
  rules: ReadonlyMap<string, RuleSettings>;
}

export function resolveConfig(input: unknown = {}): ResolvedConfig {
  const parsed = configSchema.parse(input ?? {});
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
    const options = rule.options ? (rule.options.parse(overrides) as Record<string, unknown>) : {};
    rules.set(rule.id, { severity, options });
  }
  return { wordsPerMinute: parsed.wordsPerMinute, storiesPerLp: parsed.storiesPerLp, rules };
}

export const DEFAULT_CONFIG: ResolvedConfig = resolveConfig();

export type ConfigResult = { ok: true; config: ResolvedConfig; raw: Record<string, unknown> } | { ok: false; message: string };

/** Reads a .starcoach.yaml or .starcoach.json text; a bad file gives a clear message, never a throw. */
export function readConfigText(text: string, fileName: string): ConfigResult {
  let raw: unknown;
  try {
    raw = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { ok: false, message: `${fileName} is not valid ${fileName.endsWith('.json') ? 'JSON' : 'YAML'}: ${firstLine(error)}` };
  }
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'top level';
    const unknown = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return { ok: false, message: `${fileName}: ${where}: ${issue.message}${unknown}` };
  }
  return { ok: true, config: resolveConfig(raw ?? {}), raw: (raw ?? {}) as Record<string, unknown> };
}

export const CONFIG_FILE_NAMES = ['.starcoach.yaml', '.starcoach.yml', '.starcoach.json'] as const;

/** The JSON schema for the config file, generated from the rules' metadata. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' });
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
