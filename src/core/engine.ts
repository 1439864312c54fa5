import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { readDirectives } from './directives';
import { parseStory, unparsedStory, type Story } from './parse/story';
import { RULES } from './rules';
import type { OffsetFix, RuleIssue } from './rules/rule';
import type { Finding, Fix, Severity } from './types';

export interface LintResult {
  story: Story;
  findings: Finding[];
}

/**
 * Lints one story text (any string; offsets and positions in UTF-16 code units, lines as VS Code
 * counts them). Never throws: this is the one guard every path from text to findings goes through,
 * and whatever fails inside it becomes one `invalid-front-matter` finding on the first line (none
 * when that rule is off), so one hostile story never stops a bank. `parsed`, when given, is the
 * story already parsed from this same text.
 */
export function lintText(text: string, config: ResolvedConfig = DEFAULT_CONFIG, parsed?: Story): LintResult {
  try {
    const story = parsed ?? parseStory(text);
    return { story, findings: lintStory(story, config) };
  } catch (error) {
    return unreadable(text, config, error);
  }
}

/**
 * Lints many story texts, each exactly as `lintText` would (same findings, same guard), in the
 * texts' order. Each rule runs over every story before the next rule starts: a bank checked this
 * way keeps one rule's code and patterns hot at a time, which costs less than running every rule
 * on one story after another (see `LINT_CHUNK_STORIES`). Never throws.
 */
export function lintTexts(texts: readonly string[], config: ResolvedConfig = DEFAULT_CONFIG): LintResult[] {
  const results = new Array<LintResult>(texts.length);
  const stories: Story[] = [];
  const at: number[] = [];
  const suppressions: Suppressions[] = [];
  texts.forEach((text, i) => {
    try {
      const story = parseStory(text);
      suppressions.push(readSuppressions(story));
      stories.push(story);
      at.push(i);
    } catch (error) {
      results[i] = unreadable(text, config, error);
    }
  });
  const issues = findAllIssues(stories, suppressions, config);
  stories.forEach((story, k) => {
    try {
      results[at[k]] = { story, findings: reportedFindings(story, suppressions[k], issues[k]) };
    } catch (error) {
      results[at[k]] = unreadable(story.text, config, error);
    }
  });
  return results;
}

/**
 * How many stories to give `lintTexts` at once when a whole bank is linted. Measured on the bench's
 * 1,000 varied stories (median µs a story): one by one 346, 16 at a time 320, 64 at a time 287,
 * 256 at a time 276, all 1,000 at once 270; past 256 the gain is small and more parsed stories
 * stay alive at once.
 */
const LINT_CHUNK_STORIES = 256;

/** A bank's items (stories, files) in the chunks `lintTexts` is best given (`LINT_CHUNK_STORIES` each, in order). */
export function* lintChunks<Item>(items: Iterable<Item>): Generator<Item[]> {
  let chunk: Item[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === LINT_CHUNK_STORIES) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The guard's answer for a text that could not be linted: one `invalid-front-matter` finding, or none when that rule is off. */
function unreadable(text: string, config: ResolvedConfig, error: unknown): LintResult {
  const story = unparsedStory(text);
  const severity = config.rules.get('invalid-front-matter')?.severity ?? 'error';
  if (severity === 'off') return { story, findings: [] };
  const reason = firstLine(error instanceof Error ? error.message : String(error));
  const message = `STAR Coach could not read this story (${reason}). Look for unusual YAML in its front matter (anchors, aliases, tags); the rest of the bank is checked as usual.`;
  return { story, findings: [{ ruleId: 'invalid-front-matter', severity, message, range: story.lines.lineRange(0), fixes: [] }] };
}

function firstLine(message: string): string {
  const line = message.split(/\r?\n|\r/)[0].trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

/**
 * Findings one rule reports in one story, at most: past it, one more finding says how many more
 * there are. A story with a phrase repeated a thousand times needs the first few pointed out, not
 * a thousand squiggles that cost the editor time on every keystroke.
 */
export const MAX_FINDINGS_PER_RULE = 20;

/** Every rule's id, for rules that check text naming rules. */
const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/**
 * Runs every rule that is on over a parsed story, honouring inline directives and the per-rule
 * cap, and returns the findings in document order (positions as in `lintText`). A rule that throws
 * gives one finding that says so; this function itself is only called inside `lintText`'s guard.
 */
export function lintStory(story: Story, config: ResolvedConfig = DEFAULT_CONFIG): Finding[] {
  const suppressions = readSuppressions(story);
  return reportedFindings(story, suppressions, findAllIssues([story], [suppressions], config)[0]);
}

/** What one rule found in one story, at the severity it reports at; undefined when the rule is off. */
type RuleIssues = { severity: Severity; issues: readonly RuleIssue[] } | undefined;

/**
 * Each story's issues, rule by rule (in `RULES` order), each rule run over every story before the
 * next one (see `lintTexts`), except on a story whose directives turn it off for the whole file.
 * A rule that throws on a story gives that story one issue saying so.
 */
function findAllIssues(stories: readonly Story[], suppressions: readonly Suppressions[], config: ResolvedConfig): RuleIssues[][] {
  const issues = stories.map(() => new Array<RuleIssues>(RULES.length));
  RULES.forEach((rule, r) => {
    const settings = config.rules.get(rule.id);
    const severity = settings?.severity ?? rule.defaultSeverity;
    if (severity === 'off') return;
    const context = { wordsPerMinute: config.wordsPerMinute, ruleIds: RULE_IDS };
    stories.forEach((story, k) => {
      if (suppressions[k].file(rule.id)) return;
      try {
        issues[k][r] = { severity, issues: rule.findIssues(story, settings?.options ?? {}, context) };
      } catch (error) {
        issues[k][r] = { severity, issues: [{ message: `STAR Coach could not check ${rule.id}: ${String(error)}`, start: 0, end: 0 }] };
      }
    });
  });
  return issues;
}

/** A story's findings from its rules' issues: directives honoured, the cap applied, in document order. */
function reportedFindings(story: Story, suppressions: Suppressions, issuesByRule: readonly RuleIssues[]): Finding[] {
  const findings: Finding[] = [];
  RULES.forEach((rule, r) => {
    const found = issuesByRule[r];
    if (!found) return;
    const { severity, issues } = found;
    let reported = 0;
    for (const [i, issue] of issues.entries()) {
      const range = story.lines.range(issue.start, Math.max(issue.start, issue.end));
      if (suppressions.line(rule.id, range.start.line)) continue;
      if (reported === MAX_FINDINGS_PER_RULE) {
        const more = issues.slice(i).filter((rest) => !suppressions.line(rule.id, story.lines.positionAt(rest.start).line)).length;
        const message = `${more} more like this from here on: only the first ${MAX_FINDINGS_PER_RULE} of each kind are shown one by one. ${issue.message}`;
        findings.push({ ruleId: rule.id, severity, message, range, fixes: [] });
        break;
      }
      findings.push({ ruleId: rule.id, severity, message: issue.message, range, fixes: (issue.fixes ?? []).map((fix) => toFix(story, fix)) });
      reported++;
    }
  });
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function toFix(story: Story, fix: OffsetFix): Fix {
  return {
    title: fix.title,
    edits: fix.edits.map((edit) => ({ range: story.lines.range(edit.start, edit.end), newText: edit.newText, ...(edit.select ? { select: edit.select } : {}) })),
    kind: fix.kind,
  };
}

// ---- Inline suppression: <!-- star-coach-disable[-next-line|-line|-file] [rule-id ...] --> -----------

interface Suppressions {
  file(ruleId: string): boolean;
  line(ruleId: string, line: number): boolean;
}

function readSuppressions(story: Story): Suppressions {
  const directives = readDirectives(story).map((d) => ({ ...d, names: new Set(d.ids.map((id) => id.id)) }));
  const names = (d: (typeof directives)[number], ruleId: string) => d.names.size === 0 || d.names.has(ruleId);
  // Per rule, made once: the lines it is off on by a -line or -next-line directive, and the
  // disable/enable switches in document order, so each finding costs a lookup, not a pass.
  const byRule = new Map<string, { lines: Set<number>; switches: Array<{ line: number; disabled: boolean }> }>();
  const forRule = (ruleId: string) => {
    let found = byRule.get(ruleId);
    if (found) return found;
    found = { lines: new Set(), switches: [] };
    for (const d of directives) {
      if (!names(d, ruleId)) continue;
      if (d.kind === 'disable-line') for (let line = d.line; line <= d.endLine; line++) found.lines.add(line);
      else if (d.kind === 'disable-next-line') found.lines.add(d.endLine + 1);
      else if (d.kind === 'disable' || d.kind === 'enable') found.switches.push({ line: d.line, disabled: d.kind === 'disable' });
    }
    byRule.set(ruleId, found);
    return found;
  };
  return {
    file: (ruleId) => directives.some((d) => d.kind === 'disable-file' && names(d, ruleId)),
    line(ruleId, line) {
      if (directives.length === 0) return false;
      const { lines, switches } = forRule(ruleId);
      if (lines.has(line)) return true;
      // The last switch at or before the line decides.
      let low = 0;
      let high = switches.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (switches[mid].line <= line) low = mid + 1;
        else high = mid;
      }
      return low > 0 && switches[low - 1].disabled;
    },
  };
}

/** Why a file cannot be linted as a story, or undefined when it can. */
export function unreadableReason(text: string): string | undefined {
  if (text.length > MAX_STORY_CHARS) return `it is ${(text.length / 1024 / 1024).toFixed(1)} MB, too large to be a story (the limit is 1 MB)`;
  if (text.includes('\u0000')) return 'it is a binary file, not text';
  return undefined;
}

/** Longest text, in UTF-16 code units (1 MB of plain text), read as a story; past it a file is skipped with a message. */
export const MAX_STORY_CHARS = 1024 * 1024;

/**
 * Largest story file, in bytes, worth reading: UTF-8 takes at most 3 bytes for each UTF-16 code
 * unit, so a larger file cannot hold a story under `MAX_STORY_CHARS` and is refused unread.
 */
export const MAX_STORY_FILE_BYTES = MAX_STORY_CHARS * 3;

/**
 * Texts longer than this many UTF-16 code units are linted off the editor's thread: even linear
 * work on them can take longer than the 50 ms a keystroke may wait on a slow machine.
 */
export const LARGE_STORY_CHARS = 64 * 1024;
