import * as vscode from 'vscode';
import { parseFrontMatter } from '../../core/parse/frontMatter';
import { storySkeletons, type StorySkeleton } from '../../core/snippets';
import { STORY_SELECTOR } from '../constants';

/**
 * The STAR skeletons (`star`, `star-<lp-id>`, `star-<lp-id>-l7`) as completions in `*.star.md`
 * files only: a contributed snippet file would offer them in every Markdown file. They are offered
 * where a story has no front matter yet, on a line that holds only the word being typed; Markdown
 * turns automatic suggestions off, so Ctrl+Space (on a Mac too) lists them.
 */
export function registerSkeletons(context: vscode.ExtensionContext): void {
  let skeletons: StorySkeleton[] | undefined;
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(STORY_SELECTOR, {
      provideCompletionItems(document, position) {
        const before = document.lineAt(position.line).text.slice(0, position.character);
        if (!/^[\w-]*$/.test(before)) return undefined;
        // A skeleton brings its own front matter: only a story without one takes it.
        if (parseFrontMatter(document.getText()).present) return undefined;
        const range = new vscode.Range(position.line, 0, position.line, position.character);
        skeletons ??= storySkeletons();
        return skeletons.map((skeleton, index) => {
          const item = new vscode.CompletionItem({ label: skeleton.prefix, description: skeleton.description }, vscode.CompletionItemKind.Snippet);
          item.insertText = new vscode.SnippetString(skeleton.body);
          item.documentation = new vscode.MarkdownString().appendCodeblock(skeleton.body.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_m, text: string) => text.replace(/\\(.)/g, '$1')), 'markdown');
          item.range = range;
          item.sortText = String(index).padStart(3, '0');
          return item;
        });
      },
    }),
  );
}
