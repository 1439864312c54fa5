/** One scalar of a list, with its offsets in the YAML source. */
export interface FastItem {
  value: string;
  start: number;
  end: number;
}

/** One top-level field as the scanner read it. */
export interface FastField {
  key: string;
  value: unknown;
  /** Offsets of the value in the YAML source. */
  start: number;
  end: number;
  /** For lists: each scalar item, and whether the list is a flow list ([a, b]). */
  items?: FastItem[];
  flow?: boolean;
}

const UNSURE = Symbol('unsure');

/**
 * The fastest path for front matter: a line scanner for the shape nearly every story has
 * (`key: value`, `key: [a, "b"]`, `key:` then `- item` lines, comments, blank lines). It reads
 * nothing else: any character or layout it is not sure of makes it decline, and the caller falls
 * back to yaml's full parser, which also explains what is wrong. The differential test holds it to
 * `parseDocument(...).toJS()`, values and ranges.
 */
export function scanSimpleYaml(source: string): FastField[] | undefined {
  if (source.includes('\t')) return undefined;
  const fields: FastField[] = [];
  const seen = new Set<string>();
  let lineStart = 0;
  let pendingList: { field: FastField; indent: number } | undefined;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    // A CRLF line end reads as an LF one (offsets stay the source's); a lone CR is the parser's.
    const line = source.slice(lineStart, source.charCodeAt(lineEnd - 1) === 0x0d && lineEnd > lineStart ? lineEnd - 1 : lineEnd);
    if (line.includes('\r')) return undefined;
    const at = lineStart;
    lineStart = lineEnd + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (line.charCodeAt(0) === 0x20 || line.startsWith('-')) {
      // Only a block list item under a key whose value was left empty.
      if (!pendingList || !trimmed.startsWith('- ')) return undefined;
      const indent = line.length - trimmed.length;
      if (pendingList.field.items!.length === 0) pendingList.field.start = at + indent;
      else if (indent !== pendingList.indent) return undefined;
      pendingList.indent = indent;
      const item = scalarAt(source, at + indent + 2, at + line.length);
      if (!item || typeof item.value !== 'string') return undefined;
      pendingList.field.items!.push({ value: item.value, start: item.start, end: item.end });
      continue;
    }
    if (pendingList) closeList(pendingList.field);
    pendingList = undefined;
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) || seen.has(key)) return undefined;
    seen.add(key);
    const afterColon = colon + 1;
    if (afterColon < line.length && line.charCodeAt(afterColon) !== 0x20) return undefined;
    const valueStart = at + afterColon + (afterColon < line.length ? 1 : 0);
    const rest = stripComment(source, valueStart, at + line.length);
    if (rest === undefined) return undefined;
    if (rest.start === rest.end) {
      // An empty value: null, unless list items follow.
      const field: FastField = { key, value: null, start: at + afterColon, end: at + afterColon, items: [], flow: false };
      fields.push(field);
      pendingList = { field, indent: -1 };
      continue;
    }
    if (source.charCodeAt(rest.start) === 0x5b /* [ */) {
      const field = flowList(source, key, rest.start, rest.end);
      if (!field) return undefined;
      fields.push(field);
      continue;
    }
    const value = scalarAt(source, rest.start, rest.end);
    if (!value) return undefined;
    fields.push({ key, value: value.value, start: value.start, end: value.end });
  }
  if (pendingList) closeList(pendingList.field);
  return fields;
}

/** An empty value with no items is null; with items, a block list from its first "-" to its last item. */
function closeList(field: FastField): void {
  const items = field.items!;
  if (items.length === 0) {
    delete field.items;
    delete field.flow;
    return;
  }
  field.value = items.map((i) => i.value);
  field.end = items[items.length - 1].end;
}

/** The value's text without trailing spaces and a trailing comment; undefined when unsure. */
function stripComment(source: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = start;
  while (s < end && source.charCodeAt(s) === 0x20) s++;
  let e = end;
  const first = source.charCodeAt(s);
  if (first === 0x22 /* " */ || first === 0x27 /* ' */) {
    const close = source.lastIndexOf(String.fromCharCode(first), end - 1);
    if (close <= s) return undefined;
    const after = source.slice(close + 1, end);
    if (after.trim() !== '' && !/^ +#/.test(after)) return undefined;
    e = close + 1;
  } else if (first !== 0x5b) {
    const hash = source.indexOf(' #', s);
    if (hash >= 0 && hash < end) e = hash;
  } else {
    const close = source.lastIndexOf(']', end - 1);
    if (close < s) return undefined;
    const after = source.slice(close + 1, end);
    if (after.trim() !== '' && !/^ +#/.test(after)) return undefined;
    e = close + 1;
  }
  while (e > s && source.charCodeAt(e - 1) === 0x20) e--;
  return { start: s, end: e };
}

function flowList(source: string, key: string, start: number, end: number): FastField | undefined {
  if (source.charCodeAt(end - 1) !== 0x5d /* ] */) return undefined;
  const inner = source.slice(start + 1, end - 1);
  const items: FastItem[] = [];
  if (inner.trim() !== '') {
    let at = start + 1;
    for (const part of splitFlow(inner)) {
      if (part === undefined) return undefined;
      const lead = part.length - part.trimStart().length;
      const text = part.trim();
      if (text === '') return undefined;
      const s = at + lead;
      const item = scalarAt(source, s, s + text.length, true);
      if (!item || typeof item.value !== 'string') return undefined;
      items.push({ value: item.value, start: item.start, end: item.end });
      at += part.length + 1;
    }
  }
  return { key, value: items.map((i) => i.value), start, end, items, flow: true };
}

/** Splits a flow list's inside on commas outside quotes; undefined entries mean "unsure". */
function splitFlow(inner: string): Array<string | undefined> {
  const parts: Array<string | undefined> = [];
  let from = 0;
  let quote = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x2c /* , */) {
      parts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  if (quote) return [undefined];
  parts.push(inner.slice(from));
  return parts;
}

const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** One scalar occupying exactly [start, end): quoted without escapes, or plain and unambiguous. */
function scalarAt(source: string, start: number, end: number, inFlow = false): { value: unknown; start: number; end: number } | undefined {
  const text = source.slice(start, end);
  if (text === '') return undefined;
  const first = text.charCodeAt(0);
  if (first === 0x22 /* " */) {
    if (text.length < 2 || !text.endsWith('"') || text.slice(1, -1).includes('"') || text.includes('\\')) return undefined;
    return { value: text.slice(1, -1), start, end };
  }
  if (first === 0x27 /* ' */) {
    if (text.length < 2 || !text.endsWith("'")) return undefined;
    const body = text.slice(1, -1);
    if (body.replace(/''/g, '').includes("'")) return undefined;
    return { value: body.replace(/''/g, "'"), start, end };
  }
  if (INDICATOR.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #') || (inFlow && /[[\]{}:]/.test(text))) return undefined;
  if (text !== text.trim()) return undefined;
  const value = corePlain(text);
  return value === UNSURE ? undefined : { value, start, end };
}

/** YAML 1.2 core schema for plain scalars; anything unusual is left to the full parser. */
function corePlain(text: string): unknown {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (/^[-+]?[0-9]+$/.test(text)) return /^[-+]?[0-9]{1,15}$/.test(text) ? Number(text) : UNSURE;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return Number(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE]|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|^0[ox]/.test(text)) return UNSURE;
  return text;
}
