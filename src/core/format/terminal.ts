import { storiesText, type CoverageStatus, type LpCoverage, type Readiness } from '../coverage';
import type { JsonFinding } from './json';
import { plural } from './words';

const SEVERITY_LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const NO_PAINT: Paint = { red: (t) => t, yellow: (t) => t, green: (t) => t, dim: (t) => t, bold: (t) => t };

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
/** Colours for a terminal: SGR sequences, the only control sequences STAR Coach prints. */
export const ANSI_PAINT: Paint = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };

/** C0 controls but tab, DEL, and C1 controls: what a terminal may act on instead of showing. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * Text from a story or a file name made safe to print on a terminal: each control character
 * (C0 but tab, DEL, C1; newline and carriage return too, since the text is one field of one line)
 * is shown as `\x1b`-style escape instead of acting. An escape sequence in a title can then
 * neither clear the screen nor plant a hyperlink. Other text, tabs included, is unchanged.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** ESLint-style report: each file, its findings line by line, then a total. */
export function formatFindingsText(findings: readonly JsonFinding[], paint: Paint = NO_PAINT): string {
  if (findings.length === 0) return '';
  const byFile = new Map<string, JsonFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint.bold(printable(file)));
    const width = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) {
      const where = `${f.line}:${f.column}`.padEnd(width);
      const label = SEVERITY_LABEL[f.severity].padEnd(7);
      const severity = f.severity === 'error' ? paint.red(label) : f.severity === 'warning' ? paint.yellow(label) : paint.dim(label);
      out.push(`  ${paint.dim(where)}  ${severity}  ${printable(f.message)}  ${paint.dim(printable(f.rule))}`);
    }
    out.push('');
  }
  const count = (severity: JsonFinding['severity'][]) => findings.filter((f) => severity.includes(f.severity)).length;
  const errors = count(['error']);
  const summary = `${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${count(['warning'])} warnings, ${count(['information', 'hint'])} info)`;
  out.push(errors > 0 ? paint.red(paint.bold(`✖ ${summary}`)) : paint.yellow(paint.bold(`⚠ ${summary}`)));
  return `${out.join('\n')}\n`;
}

const MARK: Record<CoverageStatus, string> = { met: '✔', partial: '◐', none: '✖' };

/** A table a person takes in at a glance: each LP, its count against the goal, its stories. */
export function formatCoverageText(coverage: readonly LpCoverage[], readiness: Readiness, paint: Paint = NO_PAINT): string {
  const nameWidth = Math.max(...coverage.map((c) => c.lp.name.length));
  const colour = (status: CoverageStatus, text: string) => (status === 'met' ? paint.green(text) : status === 'partial' ? paint.yellow(text) : paint.red(text));
  const lines = [paint.bold(`${'Leadership Principle'.padEnd(nameWidth)}  Stories  (primary first; * = primary)`)];
  for (const c of coverage) {
    const bar = '█'.repeat(Math.min(c.count, c.goal)) + '░'.repeat(Math.max(0, c.goal - c.count));
    const titles = c.stories.map((s) => `${s.primary ? '*' : ''}${printable(s.story.title)}`).join('; ');
    lines.push(`${colour(c.status, MARK[c.status])} ${c.lp.name.padEnd(nameWidth)}  ${colour(c.status, bar)} ${`${c.count}/${c.goal}`.padEnd(5)} ${paint.dim(truncate(`${c.drafts > 0 ? `(+${plural(c.drafts, 'draft')}) ` : ''}${titles}`, 70))}`);
  }
  lines.push('');
  lines.push(paint.bold(`Readiness: ${storiesText(readiness)}, ${readiness.lpsAtGoal}/16 LPs at goal, ${readiness.lpsCovered}/16 with at least one story`));
  for (const item of readiness.items) {
    lines.push(`  ${item.met ? paint.green('✔') : paint.red('✖')} ${item.label.padEnd(44)} ${item.done}/${item.total}`);
  }
  const next = coverage.filter((c) => c.status !== 'met').sort((a, b) => a.count - b.count).slice(0, 4);
  if (next.length) lines.push('', `Write next: ${next.map((c) => `${c.lp.name} (${c.count}/${c.goal})`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
