import { allLps, allRounds, lpById, roundWeights } from '../catalog';
import type { Paint } from './terminal';
import { NO_PAINT } from './terminal';

/** `star-coach catalog --format json`: every LP with all its fields and its round weights, and the rounds. */
export function catalogJson(): unknown {
  return {
    lps: allLps().map((lp) => ({
      ...lp,
      rounds: roundWeights(lp.id).map(({ round, focus }) => ({ round: round.id, lpShare: round.lpShare, focus })),
    })),
    rounds: allRounds(),
  };
}

/** `star-coach catalog`: the same, for reading in a terminal. */
export function formatCatalogText(paint: Paint = NO_PAINT): string {
  const out: string[] = [];
  const list = (title: string, items: readonly string[]) => out.push(`  ${paint.bold(title)}`, ...items.map((item) => `    - ${item}`));
  for (const lp of allLps()) {
    out.push(`${paint.bold(lp.name)} ${paint.dim(`(${lp.id})`)}`, `  ${lp.summary}`);
    list('L6, team scope', lp.expectations.L6);
    list('L7, organisation and company scope', lp.expectations.L7);
    list('Interviewers listen for', lp.listenFor);
    list('Pitfalls', lp.pitfalls);
    list('Openers', lp.phrases);
    const weighs = roundWeights(lp.id).filter((w) => w.focus).map((w) => w.round.name);
    out.push(`  ${paint.bold('Weighs most in')}: ${weighs.join(', ')}`, '');
  }
  out.push(paint.bold('LP share of each round (L6 / L7)'));
  const width = Math.max(...allRounds().map((r) => r.name.length));
  for (const round of allRounds()) {
    const focus = round.focus.length === 0 ? 'all 16' : round.focus.map((id) => lpById(id)?.name ?? id).join(', ');
    out.push(`  ${round.name.padEnd(width)}  ${`${round.lpShare.L6}%`.padStart(4)} / ${`${round.lpShare.L7}%`.padStart(4)}  ${paint.dim(focus)}`);
  }
  return `${out.join('\n')}\n`;
}
