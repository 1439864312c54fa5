import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import * as z from 'zod/mini';
import '../validation';
import { scanSimpleYaml, type FastField } from './yamlLines';

export const LEVELS = ['L4', 'L5', 'L6', 'L7', 'L8'] as const;
export type Level = (typeof LEVELS)[number];
export const OUTCOMES = ['success', 'failure', 'mixed'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The years a story's `year` may name. */
export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2100;

/**
 * What people write, made canonical before validation: `level: 7` or `l7` is L7, `outcome: Failure`
 * is failure, `year: "2024"` is 2024, and a blank optional field (`company:` left empty in a
 * template) is absent. Plain code here keeps the zod schemas simple, which keeps them fast.
 */
export function normalizeField(key: string, value: unknown): unknown {
  if (value === null && key !== 'title' && key !== 'lps') return undefined;
  switch (key) {
    case 'level':
      return typeof value === 'number' ? `L${value}` : typeof value === 'string' ? value.trim().toUpperCase() : value;
    case 'outcome':
      return typeof value === 'string' ? value.trim().toLowerCase() : value;
    case 'year':
      return typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : value;
    case 'company':
    case 'role':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    default:
      return value;
  }
}

/** One string, read as a list of one. */
const oneString = (params?: { error: string }) => z.pipe(z.string(params), z.transform((value: string) => [value]));
const stringList = z.union([oneString(), z.array(z.string())]);

/** One schema per field, so that a bad field never hides the good ones. */
export const frontMatterFields = {
  title: z.string({ error: 'title must be text, for example: title: Cut checkout latency' }).check(z.trim(), z.minLength(1, 'title is empty')),
  lps: z
    .union([oneString(), z.array(z.string({ error: 'each LP must be text' }))], {
      error: 'lps must be an LP name or a list of them, for example: lps: [Dive Deep, Deliver Results]',
    })
    .check(z.refine((list) => list.length > 0, 'lps is empty: name at least one Leadership Principle')),
  level: z.optional(z.enum(LEVELS, { error: 'level must be one of L4, L5, L6, L7, L8' })),
  outcome: z.optional(z.enum(OUTCOMES, { error: 'outcome must be success, failure or mixed' })),
  tags: z.optional(stringList),
  company: z.optional(z.string({ error: 'company must be text' })),
  role: z.optional(z.string({ error: 'role must be text' })),
  year: z.optional(z.int({ error: 'year must be a year, for example: year: 2024' }).check(z.gte(FIRST_YEAR), z.lte(LAST_YEAR))),
} as const;

/** A value only a field's zod schema can judge: of another type, or one the schema refuses. */
const ASK_THE_SCHEMA = Symbol('ask the schema');

/** A string or a list of strings as `stringList` outputs it; undefined for anything else. */
function stringsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/**
 * For each field of `frontMatterFields`, its normalised value as the field's schema outputs it,
 * when the value already has the field's type and the schema would take it; `ASK_THE_SCHEMA`
 * otherwise. Front matter the line scanner reads is nearly always typed so: this checks it
 * without running zod. The tests hold each to its schema.
 */
const typedValue: { readonly [K in keyof Fields]: (value: unknown) => unknown } = {
  title: (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : ASK_THE_SCHEMA),
  lps: (value) => {
    const list = stringsOf(value);
    return list !== undefined && list.length > 0 ? list : ASK_THE_SCHEMA;
  },
  level: (value) => ((LEVELS as readonly unknown[]).includes(value) ? value : ASK_THE_SCHEMA),
  outcome: (value) => ((OUTCOMES as readonly unknown[]).includes(value) ? value : ASK_THE_SCHEMA),
  tags: (value) => stringsOf(value) ?? ASK_THE_SCHEMA,
  company: (value) => (typeof value === 'string' ? value : ASK_THE_SCHEMA),
  role: (value) => (typeof value === 'string' ? value : ASK_THE_SCHEMA),
  year: (value) => (Number.isInteger(value) && (value as number) >= FIRST_YEAR && (value as number) <= LAST_YEAR ? value : ASK_THE_SCHEMA),
};

const FIELD_KEYS = Object.keys(frontMatterFields) as (keyof Fields)[];

/**
 * The meta of scanned front matter (fields as `scanSimpleYaml` reads them, no key twice) whose
 * every value is typed (see `typedValue`): what `z.safeParse(wholeSchema, ...)` of its normalised
 * fields outputs, keys in the same order (the schema's fields in its order, then the user's own as
 * written), built without zod. Undefined when any value, a missing title or lps, or a key named
 * `__proto__` needs the schema's judgement.
 */
export function typedMeta(fields: readonly FastField[]): StoryMeta | undefined {
  // One pass over the fields: the schema's typed values by their place in FIELD_KEYS, the user's own aside.
  const typed: unknown[] = new Array(FIELD_KEYS.length);
  let own: FastField[] | undefined;
  for (const field of fields) {
    const at = FIELD_KEYS.indexOf(field.key as keyof Fields);
    if (at === -1) {
      if (field.key === '__proto__') return undefined;
      (own ??= []).push(field);
      continue;
    }
    const value = normalizeField(field.key, field.value);
    if (value === undefined) continue;
    typed[at] = typedValue[FIELD_KEYS[at]](value);
    if (typed[at] === ASK_THE_SCHEMA) return undefined;
  }
  if (REQUIRED.some((key) => typed[FIELD_KEYS.indexOf(key)] === undefined)) return undefined;
  const meta: Record<string, unknown> = {};
  for (let at = 0; at < FIELD_KEYS.length; at++) if (typed[at] !== undefined) meta[FIELD_KEYS[at]] = typed[at];
  for (const field of own ?? []) {
    const value = normalizeField(field.key, field.value);
    if (value !== undefined) meta[field.key] = value;
  }
  return meta as StoryMeta;
}

/**
 * Sets a field as the object's own property, whatever its name: a plain assignment to a key
 * named `__proto__` would replace the object's prototype instead.
 */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function normalizeAll(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    const value = normalizeField(key, raw[key]);
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}

/** The schema of a known field; a key such as `constructor` or `toString` is a user's own field. */
function fieldSchema(key: string): z.ZodMiniType | undefined {
  return Object.hasOwn(frontMatterFields, key) ? (frontMatterFields[key as keyof Fields] as z.ZodMiniType) : undefined;
}

/**
 * Front matter past these sizes is not a story's: it is refused with a finding before it reaches
 * yaml, whose duplicate-key check takes time quadratic in the number of keys.
 */
export const FRONT_MATTER_MAX_CHARS = 16 * 1024;
export const FRONT_MATTER_MAX_LINES = 400;

type Fields = typeof frontMatterFields;

/** Unknown keys are the user's own: kept, never an error. */
const wholeSchema = z.looseObject(frontMatterFields);
export type StoryMeta = { [K in keyof Fields]?: z.output<Fields[K]> } & { [key: string]: unknown };

const REQUIRED: readonly (keyof Fields)[] = ['title', 'lps'];

export interface FrontMatterProblem {
  message: string;
  /** Offsets into the whole story text. */
  start: number;
  end: number;
}

export interface LpEntry {
  value: string;
  start: number;
  end: number;
  /** Inside a flow list ([a, b]), where a name with a comma needs quotes. */
  inFlowList: boolean;
}

export interface FrontMatter {
  /** Whether the file opens with a --- block. */
  present: boolean;
  /** Offsets of the whole block, fences included (0..0 when absent). */
  start: number;
  end: number;
  /** Offset just after the block's closing line, where the story body begins. */
  bodyStart: number;
  meta: StoryMeta;
  lpEntries: LpEntry[];
  problems: FrontMatterProblem[];
  /** Offsets of each top-level key's value, for precise ranges (level, outcome, ...). */
  valueRanges: Map<string, { start: number; end: number }>;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** No front matter at all: what a story that could not be read is given. */
export function emptyFrontMatter(bodyStart = 0): FrontMatter {
  return { present: false, start: 0, end: 0, bodyStart, meta: {}, lpEntries: [], problems: [], valueRanges: new Map() };
}

export function parseFrontMatter(text: string): FrontMatter {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = lineEndAt(text, bom);
  const result = emptyFrontMatter(bom);
  if (!FENCE.test(text.slice(bom, firstLineEnd))) {
    const toml = /^\+\+\+[ \t]*$/.test(text.slice(bom, firstLineEnd));
    result.problems.push({
      message: toml
        ? 'This front matter is TOML (+++). STAR Coach reads YAML between --- lines: write it as ---, title: ..., lps: [...], ---.'
        : 'No front matter: start the story with a --- block that gives at least its title and lps.',
      start: bom,
      end: firstLineEnd,
    });
    return result;
  }
  result.present = true;
  result.start = bom;
  const yamlStart = afterLineBreak(text, firstLineEnd);
  let closeStart = -1;
  for (let at = yamlStart; at < text.length; ) {
    const end = lineEndAt(text, at);
    const first = text.charCodeAt(at);
    if ((first === 45 /* - */ || first === 46) /* . */ && CLOSE.test(text.slice(at, end))) {
      closeStart = at;
      break;
    }
    at = afterLineBreak(text, end);
  }
  if (closeStart === -1) {
    result.end = result.bodyStart = text.length;
    result.problems.push({
      message: 'The front matter never closes: add a line with --- after its last field.',
      start: bom,
      end: firstLineEnd,
    });
    return result;
  }
  const closeEnd = lineEndAt(text, closeStart);
  result.end = closeEnd;
  result.bodyStart = afterLineBreak(text, closeEnd);
  // yaml breaks lines at CRLF and LF only; a lone CR (as VS Code also breaks) becomes LF, same length.
  const source = text.slice(yamlStart, closeStart);
  readYaml(source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source, yamlStart, { start: bom, end: firstLineEnd }, result);
  return result;
}

/** The end of the line's content from `from`: the next CR or LF, or the text's end. */
function lineEndAt(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) return at;
  }
  return text.length;
}

/** The offset after the line break at `end` (CRLF, CR or LF), as VS Code breaks lines. */
function afterLineBreak(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

function readYaml(source: string, base: number, opening: { start: number; end: number }, into: FrontMatter): void {
  // A source of fewer characters than the line limit has fewer lines too: only a longer one is counted.
  const lineCount = source.length < FRONT_MATTER_MAX_LINES ? 0 : countLines(source);
  if (source.length > FRONT_MATTER_MAX_CHARS || lineCount > FRONT_MATTER_MAX_LINES) {
    const size = source.length > FRONT_MATTER_MAX_CHARS ? `${Math.ceil(source.length / 1024)} KB` : `${lineCount} lines`;
    into.problems.push({ message: `The front matter is too long to be read (${size}; a story's front matter has at most ${FRONT_MATTER_MAX_LINES} lines and ${FRONT_MATTER_MAX_CHARS / 1024} KB). Move notes into the story's body.`, ...opening });
    return;
  }
  if (readPlain(source, base, into)) return;
  let doc: Document;
  try {
    doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    into.problems.push({ message: `The front matter is not valid YAML: ${firstLine(String(error))}`, ...opening });
    return;
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors.slice(0, 3)) {
      const [start, end] = error.pos;
      into.problems.push({
        message: `The front matter is not valid YAML: ${firstLine(error.message)}`,
        start: base + start,
        end: base + Math.max(end, start + 1),
      });
    }
    return;
  }
  if (doc.contents === null) {
    into.problems.push({ message: 'The front matter is empty: give at least title and lps.', ...opening });
    return;
  }
  if (!isMap(doc.contents)) {
    into.problems.push({ message: 'The front matter must be a set of "key: value" fields.', ...rangeOf(doc.contents, base, opening) });
    return;
  }
  let raw: Record<string, unknown>;
  try {
    raw = normalizeAll(doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>);
  } catch (error) {
    // An alias to no anchor, or aliases past the limit that keeps a "billion laughs" small.
    into.problems.push({ message: `The front matter could not be read: ${firstLine(error instanceof Error ? error.message : String(error))}. Write the values out instead of using YAML anchors and aliases.`, ...opening });
    return;
  }
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.value && typeof pair.value === 'object' && 'range' in pair.value) {
      into.valueRanges.set(String(pair.key.value), rangeOf(pair.value as Node, base, opening));
    }
  }
  // The common case, a valid block, takes one pass of the whole schema; only a failure is
  // re-checked field by field, so that one bad field never hides the good ones.
  const whole = z.safeParse(wholeSchema, raw);
  if (whole.success) {
    into.meta = whole.data as StoryMeta;
    into.lpEntries = lpEntriesOf(doc, base);
    return;
  }
  const meta: StoryMeta = {};
  for (const [key, value] of Object.entries(raw)) {
    const schema = fieldSchema(key);
    if (!schema) {
      setOwn(meta, key, value);
      continue;
    }
    const parsed = z.safeParse(schema, value);
    if (parsed.success) {
      if (parsed.data !== undefined) setOwn(meta, key, parsed.data);
    } else {
      const issue = parsed.error.issues[0];
      const node = doc.getIn([key, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')], true) as Node | undefined;
      const where = node && typeof node === 'object' && 'range' in node ? rangeOf(node, base, opening) : into.valueRanges.get(key) ?? opening;
      into.problems.push({ message: `Front matter: ${issue.message}.`, ...where });
    }
  }
  for (const key of REQUIRED) {
    if (!Object.hasOwn(raw, key) || raw[key] === undefined || raw[key] === null) {
      // "Title:" or "LPS:": field names are read exactly, so say which one was meant.
      const misCased = Object.keys(raw).find((written) => written !== key && written.toLowerCase() === key);
      const example = key === 'title' ? 'title: Cut checkout latency before peak' : 'lps: [Dive Deep, Deliver Results]';
      const message = misCased
        ? `Front matter: "${misCased}" should be written "${key}" (field names are lower case).`
        : `Front matter: ${key} is missing (for example: ${example}).`;
      into.problems.push({ message, ...(into.valueRanges.get(misCased ?? key) ?? into.valueRanges.get(key) ?? opening) });
    }
  }
  into.meta = meta;
  into.lpEntries = lpEntriesOf(doc, base);
}

/** The fast path: plain front matter that validates as a whole. Anything else takes the full parser. */
function readPlain(source: string, base: number, into: FrontMatter): boolean {
  const fields = scanSimpleYaml(source);
  if (!fields || fields.length === 0) return false;
  const meta = typedMeta(fields) ?? schemaMeta(fields);
  if (!meta) return false;
  into.meta = meta;
  for (const field of fields) {
    into.valueRanges.set(field.key, { start: base + field.start, end: base + Math.max(field.end, field.start + 1) });
    if (field.key !== 'lps') continue;
    const items = field.items ?? (typeof field.value === 'string' ? [{ value: field.value, start: field.start, end: field.end }] : []);
    into.lpEntries = items.map((item) => ({ value: item.value, start: base + item.start, end: base + item.end, inFlowList: field.flow === true }));
  }
  return true;
}

/** The meta of scanned front matter as the whole schema reads it; undefined when it refuses any field. */
function schemaMeta(fields: readonly FastField[]): StoryMeta | undefined {
  const raw: Record<string, unknown> = {};
  for (const field of fields) setOwn(raw, field.key, field.value);
  const whole = z.safeParse(wholeSchema, normalizeAll(raw));
  return whole.success ? (whole.data as StoryMeta) : undefined;
}

function lpEntriesOf(doc: Document, base: number): LpEntry[] {
  const node = doc.get('lps', true) as Node | undefined;
  if (isScalar(node) && typeof node.value === 'string' && node.range) {
    return [{ value: node.value, start: base + node.range[0], end: base + node.range[1], inFlowList: false }];
  }
  if (!isSeq(node)) return [];
  const inFlowList = node.flow === true;
  const entries: LpEntry[] = [];
  for (const item of node.items) {
    if (isScalar(item) && typeof item.value === 'string' && item.range) {
      entries.push({ value: item.value, start: base + item.range[0], end: base + item.range[1], inFlowList });
    }
  }
  return entries;
}

function rangeOf(node: Node, base: number, fallback: { start: number; end: number }): { start: number; end: number } {
  if (!node.range) return fallback;
  const [start, valueEnd] = node.range;
  return { start: base + start, end: base + Math.max(valueEnd, start + 1) };
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) lines++;
  }
  return lines;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').trim();
}
