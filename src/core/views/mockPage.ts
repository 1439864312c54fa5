import { lpById, type Question } from '../catalog';
import { CATEGORY_LABELS, ROUND_LABELS } from '../catalog/schema';
import type { DrillState } from '../practice/drill';
import { SELF_CHECKS, times } from '../practice/log';
import { plural } from '../format/words';
import { html, type Html } from './html';

export type MockPhase = 'answer' | 'story' | 'follow-ups' | 'self-check' | 'saved';

/** A story as the mock view lists it: the matcher's result with its reasons. */
export interface MockStory {
  id: string;
  title: string;
  /** Why it ranks where it does, a few words each, most important first. */
  reasons: readonly string[];
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
  /** The story offered as told in the story phase (the best ranked), or null for none. */
  suggestedStory: string | null;
  /** The title of the story told, once chosen; null for another story or none. */
  toldTitle?: string | null;
  /** The follow-up drill, from the follow-ups phase on. */
  drill?: DrillState;
  /** The bank's stories for the question, best first, as the matcher ranks them. */
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
  <h2 id="stories-h">Your stories for this question</h2>
  ${
    model.stories.length === 0
      ? html`<p class="empty">No story in the workspace yet. Answer from memory, then write it down as a new story.</p>`
      : html`<ol class="mock-stories">${model.stories.map(
          (s) => html`<li><button type="button" class="link" data-action="open-story" data-story="${s.id}" data-focus="story:${s.id}">${s.title}</button> <span class="meta">${s.practised > 0 ? `practised ${times(s.practised)}` : 'not practised yet'}</span> <span class="reasons">${s.reasons.join(' · ') || 'no match'}</span></li>`,
        )}</ol>`
  }
</section>
</main>`;
}

/** What the "Drill This Story" page shows: the story and its drill. */
export interface StoryDrillModel {
  id: string;
  title: string;
  /** The story's LP ids, main first. */
  lpIds: readonly string[];
  level?: string;
  drill: DrillState;
  saved: boolean;
}

/** The "Drill This Story" page: the story's follow-ups, one at a time, and a save to the practice log. */
export function renderStoryDrill(model: StoryDrillModel): Html {
  const lps = model.lpIds.map((id) => lpById(id)?.name ?? id);
  const actions = model.saved
    ? html`<p class="saved" role="status">Saved to your practice log: ${plural(model.drill.asked.filter((f) => f.answered).length, 'follow-up', 'follow-ups')} answered aloud.</p>
<div class="actions">${button('cancel', 'Close', false)}</div>`
    : html`<div class="actions">${drillButtons(model.drill, button('save-drill', 'Save to Practice Log', !model.drill.finished))}${button('cancel', 'Close')}</div>`;
  return html`<main id="page" class="mock" data-page="${model.saved ? 'drill-saved' : 'drill'}">
<header class="page-head">
  <p class="meta">Drill · ${[...lps, model.level].filter(Boolean).join(' · ')}</p>
  <h1 tabindex="-1"><button type="button" class="link" data-action="open-story" data-story="${model.id}" data-focus="story:${model.id}">${model.title}</button></h1>
</header>
${renderDrill(model.drill, 'the follow-ups an interviewer would ask about this story')}
${actions}
</main>`;
}

/** The follow-ups asked so far, the one being asked last; a prepared answer under each one answered. */
function renderDrill(drill: DrillState, about: string): Html {
  return html`<section aria-labelledby="probes-h">
  <h2 id="probes-h">Follow-up questions</h2>
  <p>${drill.total === 0 ? 'No follow-ups to ask.' : `${plural(drill.total, 'question', 'questions')}: ${about}. Answer each one aloud, then say so to see your prepared answer.`}</p>
  <ol class="probes" aria-live="polite">${drill.asked.map(
    (f) => html`<li data-kind="${f.kind}"><span class="probe">${f.question}</span>${
      f.answered
        ? f.prepared
          ? html`<p class="prepared"><span class="meta">Your prepared answer:</span> ${f.prepared}</p>`
          : html`<p class="prepared none meta">No prepared answer in the story: add one under "## Follow-ups" as "- Q: ... / A: ...".</p>`
        : ''
    }</li>`,
  )}</ol>
</section>`;
}

/** "I Answered Aloud" while a question waits for its answer, "Next Follow-up" after; `last` once none is left. */
function drillButtons(drill: DrillState, last: Html): Html {
  const current = drill.asked[drill.asked.length - 1];
  if (current && !current.answered) return html`${button('answered', 'I Answered Aloud', false)}${last}`;
  if (!drill.finished) return html`${button('next-follow-up', 'Next Follow-up', false)}${last}`;
  return last;
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
  if (model.phase === 'story') {
    return html`<form class="story-told" aria-labelledby="told-h">
  <h2 id="told-h">Which story did you tell?</h2>
  <p>The follow-ups come from the story you told.</p>
  <label class="story-pick">The story I told
    <select name="story" data-focus="story-pick">
      ${model.stories.map((s) => html`<option value="${s.id}"${s.id === model.suggestedStory ? html` selected` : ''}>${s.title}</option>`)}
      <option value=""${model.suggestedStory === null ? html` selected` : ''}>Another story, or none</option>
    </select>
  </label>
</form>
<div class="actions">${button('tell', 'Ask Me the Follow-ups', false)}${common}</div>`;
  }
  if (model.phase === 'follow-ups' && model.drill) {
    const about = model.toldTitle ? `about "${model.toldTitle}", then the question's own` : 'the question\'s own';
    return html`${renderDrill(model.drill, about)}
<div class="actions">${drillButtons(model.drill, button('self-check', 'Check Myself', !model.drill.finished))}${common}</div>`;
  }
  if (model.phase === 'self-check') {
    return html`<form class="self-check" aria-labelledby="check-h">
  <h2 id="check-h">Self-check</h2>
  <fieldset><legend>In my answer…</legend>
  ${SELF_CHECKS.map((c) => html`<label><input type="checkbox" name="${c.id}" data-focus="check:${c.id}"> ${c.label}</label>`)}
  </fieldset>
  <p class="meta">The story I told: ${model.toldTitle ?? 'another story, or none'}</p>
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
