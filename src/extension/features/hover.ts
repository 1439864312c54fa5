import * as vscode from 'vscode';
import type { Lp } from '../../core/catalog';
import { resolveLpEntries } from '../../core/lpEntries';
import { SETTINGS, STORY_SELECTOR } from '../constants';
import type { StoryModel } from '../model';

/** Hover on an LP in the front matter: its definition, and what L6 and L7 answers show. */
export function registerHover(context: vscode.ExtensionContext, model: StoryModel): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(STORY_SELECTOR, {
      provideHover(document, position) {
        const story = model.storyOf(document);
        const offset = document.offsetAt(position);
        const entry = resolveLpEntries(story.frontMatter.lpEntries).find((e) => offset >= e.start && offset <= e.end);
        if (!entry?.lp) return undefined;
        const target = vscode.workspace.getConfiguration(SETTINGS.section).get<string>(SETTINGS.targetLevel, 'L6');
        return new vscode.Hover(lpMarkdown(entry.lp, target), new vscode.Range(document.positionAt(entry.start), document.positionAt(entry.end)));
      },
    }),
  );
}

export function lpMarkdown(lp: Lp, targetLevel: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(lp.name)}**\n\n${escape(lp.definition)}\n\n`);
  for (const level of ['L6', 'L7'] as const) {
    md.appendMarkdown(`**${level}${level === targetLevel ? ' (your target)' : ''}**\n\n`);
    for (const point of lp.expectations[level]) md.appendMarkdown(`- ${escape(point)}\n`);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown(`Openers: ${lp.phrases.map((p) => `_${escape(p)}_`).join(' · ')}`);
  return md;
}

/** Catalog text is ours, but keep Markdown from reading it as markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
