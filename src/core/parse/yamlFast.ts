import { CST, Parser } from 'yaml';
import { corePlain, scanSimpleYaml, UNSURE } from './yamlLines';

/**
 * Reads the usual front matter straight from yaml's own parser (its CST), skipping the composer
 * that builds a full Document: about a third of the cost of `parseDocument`, on every keystroke.
 * It takes only the plain shape stories use (top-level keys with scalars or lists of scalars) and
 * returns undefined for anything else: anchors, tags, nested maps, block scalars, unusual numbers,
 * duplicate keys or any error. The caller then uses `parseDocument`, which explains problems
 * precisely. A differential test holds this to `parseDocument(...).toJS()`.
 */

export interface FastItem {
  value: string;
  start: number;
  end: number;
}

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

const QUIET = new Set(['space', 'newline', 'comment']);
const SCALARS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

export function readPlainYaml(source: string): FastField[] | undefined {
  return scanSimpleYaml(source) ?? readPlainCst(source);
}

function readPlainCst(source: string): FastField[] | undefined {
  let document: CST.Document | undefined;
  for (const token of new Parser().parse(source)) {
    if (token.type === 'document' && !document) document = token;
    else if (!QUIET.has(token.type)) return undefined;
  }
  if (!document || !document.start.every((t) => QUIET.has(t.type)) || document.end?.some((t) => !QUIET.has(t.type))) return undefined;
  const map = document.value;
  if (!map || map.type !== 'block-map') return undefined;
  const fields: FastField[] = [];
  const seen = new Set<string>();
  for (const item of map.items) {
    // Keys start at column 0 (no leading space): the composer rejects misaligned keys.
    if (!item.start.every((t) => t.type === 'newline' || t.type === 'comment') || !item.key || !SCALARS.has(item.key.type)) return undefined;
    if (columnOf(source, item.key.offset) !== 0) return undefined;
    // A key must sit on one line: "k:x" followed by "title: ..." is one two-line key, an error.
    if ('source' in item.key && item.key.source.includes('\n')) return undefined;
    if (!item.sep || !item.sep.every((t) => t.type === 'map-value-ind' || QUIET.has(t.type)) || !item.sep.some((t) => t.type === 'map-value-ind')) return undefined;
    const key = scalar(item.key);
    if (!key || typeof key.value !== 'string' || seen.has(key.value)) return undefined;
    seen.add(key.value);
    const field = fieldOf(source, key.value, item.value, item.sep[item.sep.length - 1]);
    if (!field) return undefined;
    fields.push(field);
  }
  return fields;
}

function fieldOf(source: string, key: string, token: CST.Token | undefined, sepEnd: CST.SourceToken): FastField | undefined {
  if (!token) {
    const at = sepEnd.offset + sepEnd.source.length;
    return { key, value: null, start: at, end: at };
  }
  if (SCALARS.has(token.type)) {
    const value = scalar(token);
    return value && { key, value: value.value, start: value.start, end: value.end };
  }
  if (token.type === 'flow-collection') {
    if (token.start.source !== '[' || token.end.length === 0 || token.end[0].source !== ']') return undefined;
    if (!quietTail(token.end.slice(1))) return undefined;
    const items: FastItem[] = [];
    for (const [i, entry] of token.items.entries()) {
      if (entry.key || entry.sep || !entry.start.every((t) => t.type === 'comma' || QUIET.has(t.type))) return undefined;
      // One comma between items, none before the first: "[a, , b]" is an error for the composer.
      if (entry.start.filter((t) => t.type === 'comma').length !== (i === 0 ? 0 : 1)) return undefined;
      const value = entry.value && scalar(entry.value);
      if (!value || typeof value.value !== 'string') return undefined;
      items.push({ value: value.value, start: value.start, end: value.end });
    }
    return { key, value: items.map((i) => i.value), start: token.offset, end: token.end[0].offset + 1, items, flow: true };
  }
  if (token.type === 'block-seq') {
    const items: FastItem[] = [];
    const columns = new Set<number>();
    for (const entry of token.items) {
      const indicator = entry.start.find((t) => t.type === 'seq-item-ind');
      if (entry.key || entry.sep || !indicator) return undefined;
      columns.add(columnOf(source, indicator.offset));
      if (!entry.start.every((t) => t.type === 'seq-item-ind' || QUIET.has(t.type))) return undefined;
      const value = entry.value && scalar(entry.value);
      if (!value || typeof value.value !== 'string') return undefined;
      items.push({ value: value.value, start: value.start, end: value.end });
    }
    if (items.length === 0 || columns.size !== 1) return undefined;
    return { key, value: items.map((i) => i.value), start: token.offset, end: items[items.length - 1].end, items, flow: false };
  }
  return undefined;
}

function scalar(token: CST.Token): { value: unknown; start: number; end: number } | undefined {
  if (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar') return undefined;
  if (token.end && !quietTail(token.end)) return undefined;
  let failed = false;
  const resolved = CST.resolveAsScalar(token, false, () => (failed = true));
  if (failed || !resolved) return undefined;
  const [start, end] = resolved.range;
  if (resolved.type !== 'PLAIN') return { value: resolved.value, start, end };
  const value = corePlain(resolved.value);
  return value === UNSURE ? undefined : { value, start, end };
}

/** Only spaces, newlines and comments follow, and a comment only after a space ("x#y" is an error). */
function quietTail(tokens: readonly CST.SourceToken[]): boolean {
  return tokens.every((t, i) => QUIET.has(t.type) && (t.type !== 'comment' || tokens[i - 1]?.type === 'space'));
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}
