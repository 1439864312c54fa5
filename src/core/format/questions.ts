import { lpById, type Question } from '../catalog';
import { NO_PAINT, type Paint } from './terminal';

/** `star-coach questions`: each question with its tags and follow-ups. */
export function formatQuestionsText(questions: readonly Question[], paint: Paint = NO_PAINT): string {
  const out: string[] = [];
  for (const q of questions) {
    const lps = q.lps.map((id) => lpById(id)?.name ?? id).join(', ');
    out.push(`${paint.bold(q.id)}  ${paint.dim(`${lps} · ${q.level === 'both' ? 'L6/L7' : q.level} · ${q.round} · ${q.category}`)}`, `  ${q.text}`, ...q.followUps.map((f) => `    → ${f}`), '');
  }
  out.push(`${questions.length} question${questions.length === 1 ? '' : 's'}`);
  return `${out.join('\n')}\n`;
}
