/// <reference lib="dom" />
// What both page scripts share: the VS Code handle, and swapping in a page that the extension has
// already escaped while keeping the user's place.

export interface VsCodeApi<Message> {
  postMessage(message: Message): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi<Message>(): VsCodeApi<Message>;

export function vsCodeApi<Message>(): VsCodeApi<Message> {
  return acquireVsCodeApi<Message>();
}

export const app = document.getElementById('app') as HTMLElement;

/**
 * Replaces the page. A live update of the same page keeps focus where it was; a new page moves
 * focus to its heading, so a screen reader announces it.
 */
export function swapPage(page: string, markup: string): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset.focus;
  const samePage = app.querySelector('main')?.dataset.page === page;
  app.innerHTML = markup;
  const keep = focused ? app.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`) : null;
  if (samePage && keep) keep.focus();
  else if (!samePage) app.querySelector<HTMLElement>('h1')?.focus();
}

/** The element a click acted on, when it carries a data-action. */
export function actionTarget(event: Event): HTMLElement | null {
  return (event.target as Element).closest<HTMLElement>('[data-action]');
}
