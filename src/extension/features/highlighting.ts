import * as vscode from 'vscode';
import { voiceMarks } from '../../core/language/personal';
import { findAllQuantities } from '../../core/language/quantities';
import { sectionProse } from '../../core/parse/story';
import { STORY_SELECTOR } from '../constants';
import type { StoryModel } from '../model';

/**
 * STAR highlighting on top of Markdown's own, in .star.md files only: section headings and labels,
 * metrics in the Result, and "I" against "we" in the Action. Semantic tokens can be limited to a
 * file pattern, which a TextMate injection into Markdown cannot, so README.md stays untouched.
 */
export const LEGEND = new vscode.SemanticTokensLegend(['starSection', 'starMetric', 'starFirstPerson', 'starCollective']);
const [SECTION, METRIC, MINE, COLLECTIVE] = [0, 1, 2, 3];

export function registerHighlighting(context: vscode.ExtensionContext, model: StoryModel): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSemanticTokensProvider(
      STORY_SELECTOR,
      {
        provideDocumentSemanticTokens(document) {
          const story = model.storyOf(document);
          const tokens: Array<[number, number, number]> = [];
          for (const section of story.sections) {
            if (section.kind !== 'other') tokens.push([section.titleStart, section.titleEnd, SECTION]);
            const prose = sectionProse(story, section);
            if (section.kind === 'result' || section.kind === 'short' || section.kind === 'action') {
              for (const q of findAllQuantities(prose)) tokens.push([section.bodyStart + q.start, section.bodyStart + q.end, METRIC]);
            }
            if (section.kind === 'action') {
              const { mine, collective } = voiceMarks(prose);
              for (const [s, e] of mine) tokens.push([section.bodyStart + s, section.bodyStart + e, MINE]);
              for (const [s, e] of collective) tokens.push([section.bodyStart + s, section.bodyStart + e, COLLECTIVE]);
            }
          }
          tokens.sort((a, b) => a[0] - b[0]);
          const builder = new vscode.SemanticTokensBuilder(LEGEND);
          let lastEnd = -1;
          for (const [start, end, type] of tokens) {
            if (start < lastEnd) continue; // tokens must not overlap
            const from = document.positionAt(start);
            const to = document.positionAt(end);
            if (from.line !== to.line) continue; // a token stays on one line
            builder.push(from.line, from.character, to.character - from.character, type, 0);
            lastEnd = end;
          }
          return builder.build();
        },
      },
      LEGEND,
    ),
  );
}
