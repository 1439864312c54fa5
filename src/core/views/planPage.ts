import { plural } from '../format/words';
import type { Story } from '../parse/story';
import { gapReason, noLpNote, sameStoryNote, type LoopPlan, type PlanSlot } from '../plan/plan';
import type { StoryProfile } from '../plan/profile';
import { digestStory } from '../plan/sheet';
import { times } from '../practice/log';
import { html, type Html } from './html';
import { htmlDocument } from './shell';

/** The id of the Loop Plan page in the Level Expectations panel. */
export const PLAN_PAGE = 'plan';

/** What the Loop Plan page shows: the workspace's plan and the parsed stories it names. */
export interface PlanPageModel {
  plan: LoopPlan;
  /** The parsed story of a planned or backup story's id, for its one-line digests. */
  storyOf(file: string): Story | undefined;
}

/**
 * The Loop Plan page: the slots of each LP with the planned story and its backup, each with a line
 * per STAR part and its key numbers (the cheat sheet of `formatSheet`, as a page), the gaps and
 * the new story that would close one, and buttons to print it or open it as Markdown. Every
 * workspace value goes through `html`. `plan` undefined: the plan is still being made.
 * `standalone`: for a page of its own in a browser (see `printablePlan`), with no buttons.
 */
export function renderPlanPage(model: PlanPageModel | undefined, standalone = false): Html {
  const actions = standalone
    ? html`<p class="meta no-print">Press Ctrl+P (⌘P on a Mac) to print it.</p>`
    : html`<div class="actions no-print">
    <button type="button" data-action="print" data-focus="print">Print Cheat Sheet</button>
    <button type="button" class="secondary" data-action="open-sheet" data-focus="open-sheet">Open as Markdown</button>
  </div>`;
  const head = (summary: Html | string) => html`<header class="page-head">
  <h1 tabindex="-1">Loop Plan</h1>
  <p class="summary">${summary}</p>
  ${actions}
</header>`;
  if (!model) return html`${head('Planning…')}`;
  const { plan } = model;
  const filled = plan.slots.length - plan.uncovered.length;
  const lps = groupByLp(plan.slots);
  return html`${head(`${filled} of ${plural(plan.slots.length, 'slot')} filled with distinct stories · ${plan.uncovered.length === 0 ? 'no gaps' : plural(plan.uncovered.length, 'gap')}`)}
<p class="meta no-print">No story is planned twice: interviewers compare notes in the debrief. A slot takes a story that claims its LP, first as its primary one, quantified, recent, at your level and practised; a backup stands by where the bank has one.</p>
${plan.uncovered.length > 0 ? renderGaps(plan) : ''}
${plan.sameStory.length > 0 || plan.noLp.length > 0 ? html`<section class="plan-notes" aria-label="What the plan left out">${plan.sameStory.map((group) => html`<p>${sameStoryNote(group)}</p>`)}${plan.noLp.length > 0 ? html`<p>${noLpNote(plan.noLp)}</p>` : ''}</section>` : ''}
<section aria-labelledby="slots-h">
  <h2 id="slots-h">Slots</h2>
  <div class="plan-lps">${lps.map(({ name, slots }) => html`<article class="plan-lp" aria-label="${name}">
    <h3>${name}</h3>
    <ol class="slots" role="list">${slots.map((slot) => renderSlot(slot, model, standalone))}</ol>
  </article>`)}</div>
</section>`;
}

function renderGaps(plan: LoopPlan): Html {
  // By LP: those with no story at all, then those a story short.
  const missing = new Map<string, { name: string; empty: number; slots: number }>();
  for (const slot of plan.slots) {
    const entry = missing.get(slot.lp.id) ?? { name: slot.lp.name, empty: 0, slots: 0 };
    entry.slots++;
    if (!slot.story) entry.empty++;
    missing.set(slot.lp.id, entry);
  }
  const none = [...missing.values()].filter((m) => m.empty > 0 && m.empty === m.slots);
  const short = [...missing.values()].filter((m) => m.empty > 0 && m.empty < m.slots);
  const line = (label: string, lps: typeof none) => (lps.length > 0 ? html`<li><span class="part">${label}:</span> ${lps.map((m) => (m.slots - m.empty > 0 && m.empty > 1 ? `${m.name} (${m.empty} short)` : m.name)).join(', ')}</li>` : '');
  return html`<section class="gaps" aria-labelledby="gaps-h">
  <h2 id="gaps-h">Gaps</h2>
  <p>${plural(plan.uncovered.length, 'slot has', 'slots have')} no story: each says why below.</p>
  <ul class="gap-lps">${line('No story yet', none)}${line('A story short', short)}</ul>
  ${plan.suggestion ? html`<p class="suggestion"><span class="tag">Next story</span> ${plan.suggestion.text}</p>` : ''}
</section>`;
}

function renderSlot(slot: PlanSlot, model: PlanPageModel, standalone: boolean): Html {
  const label = `${slot.lp.name}, story ${slot.slot}`;
  if (!slot.story) {
    return html`<li class="slot gap" aria-label="${label}: a gap"><span class="slot-no">${slot.slot}</span><div class="pick wide"><span class="gap-text">Gap: ${gapReason(slot)}</span></div></li>`;
  }
  const key = `${slot.lp.id}:${slot.slot}`;
  if (!slot.backup) {
    return html`<li class="slot" aria-label="${label}"><span class="slot-no">${slot.slot}</span>
    <div class="pick wide">${renderStory(slot.story, model, standalone, key)}<p class="no-backup"><span class="role">Backup</span> none left in the bank</p></div>
  </li>`;
  }
  return html`<li class="slot" aria-label="${label}"><span class="slot-no">${slot.slot}</span>
    <div class="pick">${renderStory(slot.story, model, standalone, key)}</div>
    <div class="pick backup"><span class="role">Backup</span> ${renderStory(slot.backup, model, standalone, `${key}:backup`)}</div>
  </li>`;
}

function renderStory(profile: StoryProfile, model: PlanPageModel, standalone: boolean, focus: string): Html {
  const story = model.storyOf(profile.summary.id);
  const digests = story ? digestStory(story) : [];
  const title = standalone
    ? html`<strong class="title">${profile.summary.title}</strong>`
    : html`<button type="button" class="link" data-action="open-story" data-story="${profile.summary.id}" data-focus="story:${focus}">${profile.summary.title}</button>`;
  return html`${title}
      <span class="practised">${profile.practiced === 0 ? 'not practised yet' : `practised ${times(profile.practiced)}`}</span>
      ${digests.length > 0 ? html`<ul class="digest">${digests.map((d) => html`<li><span class="part">${d.part}:</span> ${d.line}${d.numbers.length > 0 ? html` <strong class="numbers">${d.numbers.join(', ')}</strong>` : ''}</li>`)}</ul>` : ''}`;
}

/** The plan's slots by LP, in plan order. */
function groupByLp(slots: readonly PlanSlot[]): Array<{ name: string; slots: PlanSlot[] }> {
  const groups: Array<{ id: string; name: string; slots: PlanSlot[] }> = [];
  for (const slot of slots) {
    const last = groups[groups.length - 1];
    if (last?.id === slot.lp.id) last.slots.push(slot);
    else groups.push({ id: slot.lp.id, name: slot.lp.name, slots: [slot] });
  }
  return groups;
}

/**
 * The Loop Plan page as a document of its own, to open in a browser and print (VS Code does not
 * print from its pages): `stylesheet` is media/webview.css, whose print styles lay out the sheet.
 * A `default-src 'none'` policy lets only that inline stylesheet apply; nothing runs.
 */
export function printablePlan(model: PlanPageModel, stylesheet: string): string {
  return htmlDocument({
    csp: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';",
    title: 'Loop plan cheat sheet',
    head: `<style>${stylesheet.replace(/<\//g, '<\\/')}</style>`,
    body: `<div id="app" class="expectations printable"><main id="page" data-page="${PLAN_PAGE}">${renderPlanPage(model, true).text}</main></div>`,
  });
}
