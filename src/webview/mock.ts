// The mock question page script: swaps in pages the extension rendered, updates the countdown on
// each tick, and sends the user's actions back. It builds no markup of its own.
import { fromMockSchema, toMockSchema, MOCK_ACTIONS, type FromMock } from '../core/views/protocol';
import { actionTarget, app, swapPage, vsCodeApi } from './common';

/** Starts the mock question page: pages and clock ticks from the extension in, the user's actions out. */
export function startMockPage(): void {
  const vscode = vsCodeApi<FromMock>();

  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = toMockSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'show') {
      swapPage(message.page, message.html);
      vscode.postMessage({
        type: 'rendered',
        page: message.page,
        storyTitles: texts('.mock-stories [data-action="open-story"]'),
        storyReasons: texts('.mock-stories .reasons'),
        followUps: texts('.probes .probe'),
        prepared: texts('.probes .prepared:not(.none)'),
      });
      return;
    }
    // A tick can arrive just after the page changed to one with no clock (the follow-ups, a new
    // question): it is stale there, and ignored.
    const clock = app.querySelector('[data-clock]');
    if (clock) clock.textContent = message.clock;
    app.querySelector('[data-progress]')?.setAttribute('width', message.progress.toFixed(1));
  });

  app.addEventListener('click', (event) => {
    const target = actionTarget(event);
    const action = target?.dataset.action;
    if (!target || !action) return;
    if (action === 'open-story' && target.dataset.story) vscode.postMessage({ type: 'open-story', story: target.dataset.story });
    else if (action === 'save') vscode.postMessage(saveMessage());
    else if (action === 'tell') vscode.postMessage({ type: 'tell', story: app.querySelector<HTMLSelectElement>('form.story-told select[name="story"]')?.value || null });
    else if ((MOCK_ACTIONS as readonly string[]).includes(action)) vscode.postMessage(fromMockSchema.parse({ type: 'action', action }));
  });

  vscode.postMessage({ type: 'ready' });
}

/** The text of every element the selector finds, in order. */
function texts(selector: string): string[] {
  return [...app.querySelectorAll<HTMLElement>(selector)].map((e) => e.textContent ?? '');
}

function saveMessage(): FromMock {
  const form = app.querySelector<HTMLFormElement>('form.self-check');
  const checks: Record<string, boolean> = {};
  for (const box of form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []) checks[box.name] = box.checked;
  return { type: 'save', checks };
}
