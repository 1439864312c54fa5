import * as vscode from 'vscode';
import type { Section, Story } from '../../core/parse/story';
import { STORY_SELECTOR } from '../constants';
import type { StoryModel } from '../model';

/**
 * The outline (document symbols) and folding, by STAR section. Markdown's own outline already lists
 * every heading, so STAR Coach adds symbols only for what it has none for: sections written as
 * labels (`Situation:`, `**Action:**`), with the title from the front matter above them. A story
 * written with headings shows each section once, from Markdown.
 */
export function registerOutline(context: vscode.ExtensionContext, model: StoryModel): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      STORY_SELECTOR,
      {
        provideDocumentSymbols(document) {
          const story = model.storyOf(document);
          const labels = story.sections.filter((section) => section.style === 'label');
          if (labels.length === 0) return [];
          const symbols: vscode.DocumentSymbol[] = [];
          const fm = story.frontMatter;
          if (fm.present) {
            const range = new vscode.Range(document.positionAt(fm.start), document.positionAt(fm.end));
            const title = typeof fm.meta.title === 'string' ? fm.meta.title : 'Front matter';
            symbols.push(new vscode.DocumentSymbol(title, 'front matter', vscode.SymbolKind.File, range, range));
          }
          for (const section of labels) {
            const selection = new vscode.Range(document.positionAt(section.titleStart), document.positionAt(section.titleEnd));
            const full = new vscode.Range(document.lineAt(section.line).range.start, document.positionAt(trimmedEnd(story, section)));
            const kind = section.kind === 'other' ? vscode.SymbolKind.String : vscode.SymbolKind.Namespace;
            symbols.push(new vscode.DocumentSymbol(section.title || section.kind, section.kind === 'other' ? '' : section.kind, kind, full.union(selection), selection));
          }
          return symbols;
        },
      },
      { label: 'STAR' },
    ),
    vscode.languages.registerFoldingRangeProvider(STORY_SELECTOR, {
      provideFoldingRanges(document) {
        const story = model.storyOf(document);
        const ranges: vscode.FoldingRange[] = [];
        const fm = story.frontMatter;
        if (fm.present) ranges.push(new vscode.FoldingRange(document.positionAt(fm.start).line, document.positionAt(fm.end).line));
        for (const section of story.sections) {
          const end = document.positionAt(trimmedEnd(story, section)).line;
          if (end > section.line) ranges.push(new vscode.FoldingRange(section.line, end, vscode.FoldingRangeKind.Region));
        }
        return ranges;
      },
    }),
  );
}

/** The end of a section without the blank lines before the next one. */
function trimmedEnd(story: Story, section: Section): number {
  let end = section.bodyEnd;
  while (end > section.bodyStart && /\s/.test(story.text[end - 1])) end--;
  return Math.max(end, section.titleEnd);
}
