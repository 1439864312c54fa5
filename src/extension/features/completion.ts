import * as vscode from 'vscode';
import { allLps } from '../../core/catalog';
import { resolveLpEntries } from '../../core/lpEntries';
import type { SectionKind } from '../../core/parse/story';
import { yamlFlowItem, yamlScalar } from '../../core/format/frontMatterText';
import { STORY_SELECTOR } from '../constants';
import type { StoryModel } from '../model';

/** LP names in the front matter's `lps`; opening phrases at the start of a line in Action and Result. */
export function registerCompletion(context: vscode.ExtensionContext, model: StoryModel): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(STORY_SELECTOR, {
      provideCompletionItems(document, position) {
        const story = model.storyOf(document);
        const offset = document.offsetAt(position);
        const fm = story.frontMatter;
        if (fm.present && offset > fm.start && offset < fm.bodyStart) {
          return currentKey(document, position) === 'lps' ? lpNames(document, position) : undefined;
        }
        // Code and comments are not the story's prose: no phrase belongs there.
        const inside = ([start, end]: readonly [number, number]) => offset > start && (offset < end || end === story.text.length);
        if (story.codeBlocks.some(inside) || story.comments.some((c) => inside([c.start, c.end]))) return undefined;
        const section = story.sections.find((s) => offset >= s.bodyStart && offset <= s.bodyEnd);
        if (!section || !PHRASE_SECTIONS.has(section.kind)) return undefined;
        const before = document.lineAt(position.line).text.slice(0, position.character);
        if (!/^\s*(?:[-*+]\s+)?[\p{L}']*$/u.test(before)) return undefined;
        const claimed = resolveLpEntries(fm.lpEntries).flatMap((e) => (e.lp ? [e.lp.id] : []));
        return openingPhrases(claimed, document, position);
      },
    }),
  );
}

const PHRASE_SECTIONS: ReadonlySet<SectionKind> = new Set(['action', 'result']);

/** The front matter key the cursor's line belongs to: its own, or the nearest above. */
function currentKey(document: vscode.TextDocument, position: vscode.Position): string | undefined {
  for (let line = position.line; line >= 0; line--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(document.lineAt(line).text);
    if (key) return key[1];
  }
  return undefined;
}

function lpNames(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  const line = document.lineAt(position.line).text;
  const inFlow = line.lastIndexOf('[', position.character) > line.lastIndexOf(']', position.character - 1);
  const word = document.getWordRangeAtPosition(position, /[\p{L}' -]+/u);
  return allLps().map((lp, index) => {
    const item = new vscode.CompletionItem(lp.name, vscode.CompletionItemKind.EnumMember);
    item.detail = lp.summary;
    // Written by the yaml library: a name with a comma is quoted inside [...], where a comma ends an item.
    item.insertText = inFlow ? yamlFlowItem(lp.name) : yamlScalar(lp.name);
    item.sortText = String(index).padStart(2, '0');
    item.filterText = `${lp.name} ${lp.id}`;
    if (word) item.range = new vscode.Range(word.start.translate(0, (document.getText(word).match(/^\s*/)?.[0].length ?? 0)), position);
    return item;
  });
}

function openingPhrases(claimed: readonly string[], document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  const typed = document.getWordRangeAtPosition(position, /[\p{L}']+/u);
  const items: vscode.CompletionItem[] = [];
  for (const lp of allLps()) {
    const mine = claimed.includes(lp.id);
    lp.phrases.forEach((phrase, i) => {
      const text = phrase.replace(/\.\.\.$/, ' ');
      const item = new vscode.CompletionItem({ label: phrase, description: lp.name }, vscode.CompletionItemKind.Text);
      item.insertText = new vscode.SnippetString(`${escapeSnippet(text)}$0`);
      // The story's own LPs first, then the rest in catalog order.
      item.sortText = `${mine ? 0 : 1}${String(allLps().indexOf(lp)).padStart(2, '0')}${i}`;
      if (typed) item.range = new vscode.Range(typed.start, position);
      items.push(item);
    });
  }
  return items;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
