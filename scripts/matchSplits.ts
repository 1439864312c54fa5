// The splits of the labelled questions (test/fixtures/match/labels.json) and which of them are
// sealed: read by the match evaluation (evalMatch.ts) and by the LP model's training
// (trainLpModel.ts), which must never learn from a sealed split.

/** Every split of labels.json, oldest first. */
export const SPLITS = ['tune', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12', 'heldout13', 'heldout14'] as const;
export type Split = (typeof SPLITS)[number];

/** Splits whose misses are never printed, even with --show-heldout, and that nothing is trained on: they measure, they are never tuned on. */
export const SEALED: ReadonlySet<Split> = new Set<Split>(['heldout14']);

/** The splits open for tuning and training, oldest first. */
export const OPEN_SPLITS: readonly Split[] = SPLITS.filter((split) => !SEALED.has(split));
