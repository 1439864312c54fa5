// The Level Expectations page script. It never builds markup itself: the extension sends the page
// already escaped, and this script swaps it in, keeps focus and state, and turns clicks into messages.
import { toWebviewSchema, type FromWebview } from '../core/views/protocol';
import { actionTarget, app, swapPage, vsCodeApi, type VsCodeApi } from './common';

/** Starts the Level Expectations page: pages from the extension in, the user's clicks and keys out. */
export function startExpectationsPage(): void {
  const vscode = vsCodeApi<FromWebview>();

  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = toWebviewSchema.safeParse(event.data);
    if (!parsed.success) return;
    swapPage(parsed.data.page, parsed.data.html);
    vscode.setState({ page: parsed.data.page });
    vscode.postMessage(rendered(parsed.data.page));
  });

  app.addEventListener('click', (event) => {
    const target = actionTarget(event);
    if (!target) return;
    const { action, page, lp, story } = target.dataset;
    if (action === 'navigate' && page) vscode.postMessage({ type: 'navigate', page });
    else if (action === 'open-story' && story) vscode.postMessage({ type: 'open-story', story });
    else if (action === 'new-story' && lp) vscode.postMessage({ type: 'new-story', lp });
    else if (action === 'mock' && lp) vscode.postMessage({ type: 'mock', lp });
    else if (action === 'open-sheet') vscode.postMessage({ type: 'open-sheet' });
    else if (action === 'print') print(vscode);
  });

  // Arrow keys move through the page list, like a list in the editor.
  app.addEventListener('keydown', (event) => {
    const item = (event.target as Element).closest<HTMLElement>('.nav-item');
    if (!item || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const items = [...app.querySelectorAll<HTMLElement>('.nav-item')];
    const at = items.indexOf(item);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : at + (event.key === 'ArrowDown' ? 1 : -1);
    items[Math.max(0, Math.min(items.length - 1, next))]?.focus();
    event.preventDefault();
  });

  // The page itself is the extension's to choose: the state set above is what VS Code hands the
  // panel's serializer after a reload.
  vscode.postMessage({ type: 'ready' });
}

/**
 * Prints the page (its print styles in media/webview.css leave the cheat sheet alone on the paper).
 * VS Code's webview frames are sandboxed without `allow-modals`, so `window.print()` is ignored
 * there and no `beforeprint` follows: then the extension opens the sheet where it can be printed.
 */
function print(vscode: VsCodeApi<FromWebview>): void {
  let printing = false;
  const started = () => (printing = true);
  window.addEventListener('beforeprint', started, { once: true });
  window.print();
  window.removeEventListener('beforeprint', started);
  if (!printing) vscode.postMessage({ type: 'print' });
}

/** What the page shows once swapped in, for the extension to check. */
function rendered(page: string): FromWebview {
  const foreign = app.querySelectorAll('img, script, iframe, object, embed, a[href^="javascript:" i], [onerror], [onload], [onclick]').length;
  return {
    type: 'rendered',
    page,
    storyTitles: [...app.querySelectorAll<HTMLElement>('[data-action="open-story"]')].map((b) => b.textContent ?? ''),
    foreignElements: foreign,
    tampered: document.documentElement.dataset.tampered !== undefined,
  };
}
