import { Document, Scalar, YAMLSeq, type ToStringOptions } from 'yaml';

/**
 * YAML written by STAR Coach itself (a new story's front matter, an LP name completed into `lps`):
 * every value goes through the `yaml` library's own stringifier, so a title such as
 * `Fixed it: the #1 bug` is quoted rather than read back as a map or cut at a comment.
 */

/** One line per value, never folded: a story's front matter is read line by line too. */
const OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0, blockQuote: false, flowCollectionPadding: false };

/** Line breaks, tabs and other control characters: written double-quoted, as escapes. */
const NEEDS_ESCAPES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function scalarNode(value: string | number | boolean): Scalar {
  const node = new Scalar(value);
  if (typeof value === 'string' && NEEDS_ESCAPES.test(value)) node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

function render(node: Scalar | YAMLSeq): string {
  const document = new Document();
  document.contents = node;
  return document.toString(OPTIONS).replace(/\n$/, '');
}

/** A scalar as it reads after `key: ` on one line: plain when that is safe, quoted otherwise. */
export function yamlScalar(value: string | number | boolean): string {
  return render(scalarNode(value));
}

/** A flow list on one line, `[Dive Deep, "Are Right, A Lot"]`, each item quoted only when it must be. */
export function yamlFlowList(values: readonly string[]): string {
  const list = new YAMLSeq();
  list.flow = true;
  for (const value of values) list.items.push(scalarNode(value));
  return render(list);
}

/** One item as it must be written inside a flow list (`,`, `[` and `]` need quotes there). */
export function yamlFlowItem(value: string): string {
  return yamlFlowList([value]).slice(1, -1);
}

export interface FrontMatterFields {
  title: string;
  /** LP names, the primary first. */
  lps: readonly string[];
  level: string;
  outcome: string;
}

/**
 * Wraps a value already written as YAML: the identity for a file, a `${n:value}` tab stop for a
 * snippet. Only the story template's own placeholders pass through it, never a user's value unescaped.
 */
export type Slot = (index: number, yaml: string) => string;

const plain: Slot = (_index, yaml) => yaml;

/**
 * The `---` block of a new story, without a trailing newline. With a `slot`, the title, outcome
 * and (when no LP is given) the LP list become tab stops 1, 2 and 8, as the snippets number them.
 */
export function frontMatterText(fields: FrontMatterFields, slot: Slot = plain): string {
  const lps = fields.lps.length > 0 ? yamlFlowList(fields.lps) : `[${slot(8, yamlFlowItem('Dive Deep'))}]`;
  return ['---', `title: ${slot(1, yamlScalar(fields.title))}`, `lps: ${lps}`, `level: ${yamlScalar(fields.level)}`, `outcome: ${slot(2, yamlScalar(fields.outcome))}`, '---'].join('\n');
}
