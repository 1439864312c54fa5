import { lpById, type Question } from '../catalog';
import { CATEGORY_LABELS, ROUND_LABELS } from '../catalog/schema';
import { SELF_CHECKS, times } from '../practice/log';
import { html, type Html } from './html';

export type MockPhase = 'answer' | 'follow-ups' | 'self-check' | 'saved';

export interface MockStory {
  id: string;
  title: string;
  level?: string;
  practised: number;
}

export interface MockModel {
  question: Question;
  phase: MockPhase;
  /** "1:42" */
  clock: string;
  /** Percent of the time used, 0-100. */
  progress: number;
  paused: boolean;
  timeUp: boolean;
  /** How many follow-up probes are shown. */
  revealed: number;
  /** Stories that claim the question's LPs, best match first. */
  stories: readonly MockStory[];
  /** After saving: sessions logged for the question's primary LP. */
  practisedLp?: number;
}

/** The mock question page for one phase. Every value goes through `html`. */
export function renderMock(model: MockModel): Html {
  const { question } = model;
  const lps = question.lps.map((id) => lpById(id)?.name ?? id);
  return html`<main id="page" class="mock" data-page="${model.phase}">
<header class="page-head">
  <p class="meta">${lps.join(' · ')} · ${question.level === 'both' ? 'L6 and L7' : question.level} · ${ROUND_LABELS[question.round]} round · ${CATEGORY_LABELS[question.category]}</p>
  <h1 tabindex="-1">${question.text}</h1>
</header>
${renderTimer(model)}
${renderPhase(model)}
<section aria-labelledby="stories-h">
  <h2 id="stories-h">Your stories for ${lps.join(', ')}</h2>
  ${
    model.stories.length === 0
      ? html`<p class="empty">No story claims these LPs yet. Answer from memory, then write it down as a new story.</p>`
      : html`<ul class="mock-stories">${model.stories.map(
          (s) => html`<li><button type="button" class="link" data-action="open-story" data-story="${s.id}" data-focus="story:${s.id}">${s.title}</button> <span class="meta">${[s.level, s.practised > 0 ? `practised ${times(s.practised)}` : 'not practised yet'].filter(Boolean).join(' · ')}</span></li>`,
        )}</ul>`
  }
</section>
</main>`;
}

function renderTimer(model: MockModel): Html {
  const state = model.timeUp ? 'Time is up' : model.paused ? 'Paused' : model.phase === 'answer' ? 'Answer aloud' : 'Done';
  return html`<div class="timer${model.timeUp ? ' up' : ''}" role="timer" aria-label="Time left">
  <span class="clock" data-clock>${model.clock}</span>
  <svg class="bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="0" width="100" height="4"></rect><rect class="fill" data-progress x="0" y="0" width="${model.progress.toFixed(1)}" height="4"></rect></svg>
  <span class="state" data-state>${state}</span>
</div>`;
}

function button(action: string, label: string, secondary = true): Html {
  return html`<button type="button"${secondary ? html` class="secondary"` : ''} data-action="${action}" data-focus="action:${action}">${label}</button>`;
}

function renderPhase(model: MockModel): Html {
  const { question } = model;
  const common = html`${button('another', 'Another Question')}${button('cancel', 'Cancel')}`;
  if (model.phase === 'answer') {
    return html`<p>Tell your story out loud, as in the room: situation and task briefly, then what you did, then the result with its numbers.</p>
<div class="actions">${button('done', 'I’m Done', false)}${model.paused ? button('resume', 'Resume') : button('pause', 'Pause')}${common}</div>`;
  }
  if (model.phase === 'follow-ups') {
    const more = model.revealed < question.followUps.length;
    return html`<section aria-labelledby="probes-h">
  <h2 id="probes-h">Follow-up questions</h2>
  <p>Answer each one aloud before you reveal the next.</p>
  <ol class="probes" aria-live="polite">${question.followUps.slice(0, model.revealed).map((f) => html`<li>${f}</li>`)}</ol>
</section>
<div class="actions">${more ? button('next-follow-up', model.revealed === 0 ? 'Show the First Follow-up' : 'Next Follow-up', false) : button('self-check', 'Check Myself', false)}${more ? button('self-check', 'Skip to Self-check') : ''}${common}</div>`;
  }
  if (model.phase === 'self-check') {
    return html`<form class="self-check" aria-labelledby="check-h">
  <h2 id="check-h">Self-check</h2>
  <fieldset><legend>In my answer…</legend>
  ${SELF_CHECKS.map((c) => html`<label><input type="checkbox" name="${c.id}" data-focus="check:${c.id}"> ${c.label}</label>`)}
  </fieldset>
  <label class="story-pick">The story I told
    <select name="story" data-focus="story-pick">
      ${model.stories.map((s) => html`<option value="${s.id}">${s.title}</option>`)}
      <option value="">Another story, or none</option>
    </select>
  </label>
</form>
<div class="actions">${button('save', 'Save to Practice Log', false)}${common}</div>`;
  }
  return html`<p class="saved" role="status">Saved to your practice log.${model.practisedLp !== undefined ? ` ${lpById(question.lps[0])?.name ?? question.lps[0]}: practised ${times(model.practisedLp)}.` : ''}</p>
<div class="actions">${button('another', 'Another Question', false)}${button('cancel', 'Close')}</div>`;
}

/** "m:ss" for a number of seconds. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
