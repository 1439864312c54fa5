import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { parseStory, type Story } from './parse/story';
import { RULES } from './rules';
import type { OffsetFix } from './rules/rule';
import type { Finding, Fix } from './types';

export interface LintResult {
  story: Story;
  findings: Finding[];
}

/** Lints one story text. Never throws: a rule that fails reports that it could not check. */
export function lintText(text: string, config: ResolvedConfig = DEFAULT_CONFIG): LintResult {
  const story = parseStory(text);
  return { story, findings: lintStory(story, config) };
}

export function lintStory(story: Story, config: ResolvedConfig = DEFAULT_CONFIG): Finding[] {
  const suppressions = readSuppressions(story);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const settings = config.rules.get(rule.id);
    const severity = settings?.severity ?? rule.defaultSeverity;
    if (severity === 'off' || suppressions.file(rule.id)) continue;
    let issues;
    try {
      issues = rule.check(story, settings?.options ?? {}, { wordsPerMinute: config.wordsPerMinute });
    } catch (error) {
      issues = [{ message: `STAR Coach could not check ${rule.id}: ${String(error)}`, start: 0, end: 0 }];
    }
    for (const issue of issues) {
      const range = story.lines.range(issue.start, Math.max(issue.start, issue.end));
      if (suppressions.line(rule.id, range.start.line)) continue;
      findings.push({ ruleId: rule.id, severity, message: issue.message, range, fixes: (issue.fixes ?? []).map((fix) => toFix(story, fix)) });
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function toFix(story: Story, fix: OffsetFix): Fix {
  return {
    title: fix.title,
    edits: fix.edits.map((edit) => ({ range: story.lines.range(edit.start, edit.end), newText: edit.newText })),
    ...(fix.preferred ? { preferred: true } : {}),
  };
}

// ---- Inline suppression: <!-- star-coach-disable[-next-line|-line|-file] [rule-id ...] --> -----------

const DIRECTIVE = /^star-coach-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/;

interface Suppressions {
  file(ruleId: string): boolean;
  line(ruleId: string, line: number): boolean;
}

interface Directive {
  kind: string;
  /** Rule ids it names; empty means every rule. */
  ids: Set<string>;
  line: number;
  endLine: number;
}

function readSuppressions(story: Story): Suppressions {
  const directives: Directive[] = [];
  for (const comment of story.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const ids = new Set((match[2] ?? '').split(/[\s,]+/).filter(Boolean));
    directives.push({ kind: match[1], ids, line: story.lines.positionAt(comment.start).line, endLine: story.lines.positionAt(comment.end).line });
  }
  const names = (d: Directive, ruleId: string) => d.ids.size === 0 || d.ids.has(ruleId);
  return {
    file: (ruleId) => directives.some((d) => d.kind === 'disable-file' && names(d, ruleId)),
    line(ruleId, line) {
      let disabled = false;
      for (const d of directives) {
        if (!names(d, ruleId)) continue;
        if (d.kind === 'disable-line' && line >= d.line && line <= d.endLine) return true;
        if (d.kind === 'disable-next-line' && line === d.endLine + 1) return true;
        if (d.kind === 'disable' && d.line <= line) disabled = true;
        if (d.kind === 'enable' && d.line <= line) disabled = false;
      }
      return disabled;
    },
  };
}

/** Why a file cannot be linted as a story, or undefined when it can. */
export function unreadableReason(text: string): string | undefined {
  if (text.length > MAX_STORY_CHARS) return `it is ${(text.length / 1024 / 1024).toFixed(1)} MB, too large to be a story (the limit is 1 MB)`;
  if (text.includes('\u0000')) return 'it is a binary file, not text';
  return undefined;
}

export const MAX_STORY_CHARS = 1024 * 1024;
