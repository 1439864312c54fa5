// How far two labellers of the same held-out set agree, each blind to the other: the ceiling a rule or
// the matcher can be judged against. A set holds its second labelling beside its first:
// labels-second.json in a story set's folder, second-<split>.json beside the match labels.

/** One rule's two labellings compared, over the stories both labelled true or false. */
export interface RuleAgreement {
  /** Stories both labellers marked true, only the first, only the second, and neither. */
  both: number;
  onlyFirst: number;
  onlySecond: number;
  neither: number;
  /** Stories left out because either label is null. */
  unlabelled: number;
  /** The share of stories labelled alike, 0 to 1; null with no story. */
  agreement: number | null;
  /** Cohen's kappa: agreement beyond what chance gives, 1 for full agreement; null where undefined (no story, or one label everywhere). */
  kappa: number | null;
}

/**
 * Compares two labellings of a yes-or-no field, story by story (keyed by `key`). Each label is true,
 * false, or null (unsure: the story is left out). Throws when the two do not label the same stories.
 */
export function agreementOn<Label>(first: readonly Label[], second: readonly Label[], key: (label: Label) => string, field: (label: Label) => boolean | null): RuleAgreement {
  const seconds = new Map(second.map((label) => [key(label), label]));
  if (seconds.size !== first.length || first.some((label) => !seconds.has(key(label)))) {
    throw new Error(`the two labellings cover different items (${first.length} and ${second.length})`);
  }
  const counts = { both: 0, onlyFirst: 0, onlySecond: 0, neither: 0, unlabelled: 0 };
  for (const label of first) {
    const a = field(label);
    const b = field(seconds.get(key(label)) as Label);
    if (a === null || b === null) counts.unlabelled++;
    else if (a && b) counts.both++;
    else if (a) counts.onlyFirst++;
    else if (b) counts.onlySecond++;
    else counts.neither++;
  }
  const n = counts.both + counts.onlyFirst + counts.onlySecond + counts.neither;
  if (n === 0) return { ...counts, agreement: null, kappa: null };
  const agreement = (counts.both + counts.neither) / n;
  const firstYes = (counts.both + counts.onlyFirst) / n;
  const secondYes = (counts.both + counts.onlySecond) / n;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  return { ...counts, agreement, kappa: chance === 1 ? null : (agreement - chance) / (1 - chance) };
}

const figure = (value: number | null) => (value === null ? '-' : value.toFixed(2));

/** One row of the agreement table, as printed. */
export function agreementRow(name: string, a: RuleAgreement): string {
  const cells = [name.padEnd(22), a.both, a.onlyFirst, a.onlySecond, a.neither].map((cell, i) => (i === 0 ? cell : String(cell).padStart(i === 1 ? 5 : 6)));
  return `${cells.join(' ')} ${figure(a.agreement).padStart(9)} ${figure(a.kappa).padStart(6)}${a.unlabelled ? `   (${a.unlabelled} unsure left out)` : ''}`;
}

export const AGREEMENT_HEADER = `${'field'.padEnd(22)}  both  first second neither agreement  kappa`;
