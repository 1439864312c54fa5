import { allRounds, lpById, roundWeights, type Lp, type TargetLevel } from '../catalog';
import { isDraftStory, problemCount, problemsText, storiesText, type CoverageStatus, type LpCoverage, type Readiness, type StorySummary } from '../coverage';
import { plural } from '../format/words';
import { times } from '../practice/log';
import { html, type Html } from './html';
import { PLAN_PAGE, renderPlanPage, type PlanPageModel } from './planPage';

/** The readiness overview, the loop plan (`PLAN_PAGE`), or one LP by id. */
export type Page = 'readiness' | typeof PLAN_PAGE | string;

export interface PageModel {
  page: Page;
  targetLevel: TargetLevel;
  coverage: readonly LpCoverage[];
  readiness: Readiness;
  /** Practice sessions per LP id and per story id, when a practice log exists. */
  practice?: { byLp: ReadonlyMap<string, number>; byStory: ReadonlyMap<string, number> };
  /** The loop plan, on the plan page (undefined there while it is being made). */
  plan?: PlanPageModel;
}

const STATUS_LABEL: Record<CoverageStatus, string> = { met: 'goal met', partial: 'below goal', none: 'no stories' };
const LEVEL_SCOPE: Record<TargetLevel, string> = { L6: 'Team scope', L7: 'Organisation and company scope' };

/** Whether a page id names a page: the readiness overview, the loop plan or an LP's id. */
export function isPage(value: string): boolean {
  return value === 'readiness' || value === PLAN_PAGE || lpById(value) !== undefined;
}

/** The whole panel body: navigation and the page. Every workspace value goes through `html`. */
export function renderExpectations(model: PageModel): Html {
  const lp = model.page === 'readiness' ? undefined : lpById(model.page);
  const coverage = lp && model.coverage.find((c) => c.lp.id === lp.id);
  const [id, content] = model.page === PLAN_PAGE ? [PLAN_PAGE, renderPlanPage(model.plan)] : lp && coverage ? [lp.id, renderLp(lp, coverage, model)] : ['readiness', renderReadiness(model)];
  return html`<nav aria-label="Pages">${renderNav(model)}</nav>
<main id="page" data-page="${id}">${content}</main>`;
}

function renderNav(model: PageModel): Html {
  const item = (page: string, label: string, extra: Html | string) =>
    html`<li><button type="button" class="nav-item" data-action="navigate" data-page="${page}" data-focus="nav:${page}"${model.page === page ? html` aria-current="page"` : ''}>${label}${extra}</button></li>`;
  return html`<ul class="nav" role="list">
${item('readiness', 'Readiness', '')}
${item(PLAN_PAGE, 'Loop Plan', '')}
${model.coverage.map((c) => item(c.lp.id, c.lp.name, html`<span class="count ${c.status}" aria-label="${c.count} of ${plural(c.goal, 'story', 'stories')}, ${STATUS_LABEL[c.status]}">${c.count}/${c.goal}</span>`))}
</ul>`;
}

function renderLp(lp: Lp, coverage: LpCoverage, model: PageModel): Html {
  const practiced = model.practice?.byLp.get(lp.id) ?? 0;
  return html`<header class="page-head">
  <h1 tabindex="-1">${lp.name}</h1>
  <p class="summary">${lp.summary}</p>
  <p class="meta"><span class="count ${coverage.status}">${coverage.count} of ${plural(coverage.goal, 'story', 'stories')}</span>${model.practice ? html` · ${practiced === 0 ? 'not practised yet' : `practised ${times(practiced)}`}` : ''}</p>
  <div class="actions">
    <button type="button" data-action="new-story" data-lp="${lp.id}" data-focus="new:${lp.id}">New Story for this LP</button>
    <button type="button" class="secondary" data-action="mock" data-lp="${lp.id}" data-focus="mock:${lp.id}">Start Mock Question</button>
  </div>
</header>
<p>${lp.definition}</p>
<section aria-labelledby="levels-h">
  <h2 id="levels-h">What each level shows</h2>
  <div class="levels">${(['L6', 'L7'] as const).map((level) => renderLevel(lp, level, model.targetLevel))}</div>
</section>
<div class="columns">
  <section aria-labelledby="listen-h"><h2 id="listen-h">Interviewers listen for</h2><ul>${lp.listenFor.map((s) => html`<li>${s}</li>`)}</ul></section>
  <section aria-labelledby="pitfalls-h"><h2 id="pitfalls-h">Pitfalls</h2><ul>${lp.pitfalls.map((s) => html`<li>${s}</li>`)}</ul></section>
</div>
<section aria-labelledby="phrases-h"><h2 id="phrases-h">Openers that signal it</h2><ul class="phrases">${lp.phrases.map((s) => html`<li>${s}</li>`)}</ul></section>
<section aria-labelledby="stories-h">
  <h2 id="stories-h">Your stories</h2>
  ${coverage.stories.length === 0 ? html`<p class="empty">No story claims ${lp.name} yet.</p>` : renderStories(coverage, model)}
</section>
<section aria-labelledby="rounds-h">
  <h2 id="rounds-h">Where it weighs</h2>
  ${renderRounds(lp.id)}
</section>`;
}

function renderLevel(lp: Lp, level: TargetLevel, target: TargetLevel): Html {
  const isTarget = level === target;
  return html`<article class="level${isTarget ? ' target' : ''}" aria-label="${level}${isTarget ? ', your target level' : ''}">
  <h3>${level} <span class="scope">${LEVEL_SCOPE[level]}</span>${isTarget ? html` <span class="tag">Your target</span>` : ''}</h3>
  <ul>${lp.expectations[level].map((s) => html`<li>${s}</li>`)}</ul>
</article>`;
}

function renderStories(coverage: LpCoverage, model: PageModel): Html {
  return html`<table class="stories">
  <thead><tr><th scope="col">Story</th><th scope="col">Level</th><th scope="col">Role</th><th scope="col">Status</th>${model.practice ? html`<th scope="col">Practised</th>` : ''}</tr></thead>
  <tbody>${coverage.stories.map(
    ({ story, primary }) => html`<tr>
    <td class="title"><button type="button" class="link" data-action="open-story" data-story="${story.id}" data-focus="story:${story.id}">${story.title}</button></td>
    <td data-label="Level">${story.level ?? '—'}</td>
    <td data-label="Role">${primary ? 'primary' : 'secondary'}</td>
    <td data-label="Status">${storyStatus(story)}</td>
    ${model.practice ? html`<td data-label="Practised">${(model.practice.byStory.get(story.id) ?? 0) === 0 ? 'not yet' : times(model.practice.byStory.get(story.id) ?? 0)}</td>` : ''}
  </tr>`,
  )}</tbody>
</table>`;
}

function storyStatus(story: StorySummary): Html {
  const chip = (ok: boolean, text: string) => html`<span class="chip ${ok ? 'ok' : 'todo'}">${ok ? '✓' : '✗'} ${text}</span>`;
  const check = story.check;
  if (!check) return html`<span class="chip">${problemsText(story)}</span>`;
  if (isDraftStory(story)) return html`<span class="chip todo">draft: not counted yet</span>`;
  return html`${chip(problemCount(story) === 0, problemsText(story))}${chip(check.quantified, 'quantified')}${check.isFailure ? chip(check.hasLearning, 'learning') : ''}${chip(check.hasShortVersion, 'short version')}`;
}

function renderRounds(lpId?: string): Html {
  const rows = lpId ? roundWeights(lpId) : allRounds().map((round) => ({ round, focus: false }));
  return html`<table class="rounds">
  <thead><tr><th scope="col">Round</th><th scope="col">LP share at L6</th><th scope="col">at L7</th><th scope="col">LPs evaluated most</th></tr></thead>
  <tbody>${rows.map(
    ({ round, focus }) => html`<tr${focus ? html` class="focus"` : ''}>
    <th scope="row">${round.name}</th><td data-label="LP share at L6">${round.lpShare.L6}%</td><td data-label="LP share at L7">${round.lpShare.L7}%</td>
    <td data-label="LPs evaluated most">${round.focus.length === 0 ? 'All 16' : round.focus.map((id) => lpById(id)?.name ?? id).join(', ')}${focus && lpId ? html` <span class="tag">this LP</span>` : ''}</td>
  </tr>`,
  )}</tbody>
</table>`;
}

function renderReadiness(model: PageModel): Html {
  const { readiness, coverage } = model;
  const next = [...coverage].filter((c) => c.status !== 'met').sort((a, b) => a.count - b.count).slice(0, 5);
  return html`<header class="page-head">
  <h1 tabindex="-1">Readiness</h1>
  <p class="summary">${storiesText(readiness)} · ${readiness.lpsAtGoal} of ${coverage.length} Leadership Principles at the goal of ${readiness.goal}${model.practice ? ` · ${sessions(model.practice.byLp, coverage)}` : ''}</p>
</header>
<section aria-labelledby="chart-h">
  <h2 id="chart-h">Coverage</h2>
  ${renderChart(coverage, readiness.goal, model.practice?.byLp)}
</section>
<div class="columns">
  <section aria-labelledby="next-h">
    <h2 id="next-h">Needs stories next</h2>
    ${next.length === 0 ? html`<p class="empty">Every LP has ${plural(readiness.goal, 'story', 'stories')}. Keep rehearsing.</p>` : html`<ul class="next">${next.map((c) => html`<li><button type="button" class="link" data-action="navigate" data-page="${c.lp.id}" data-focus="next:${c.lp.id}">${c.lp.name}</button> <span class="count ${c.status}">${c.count}/${c.goal}</span> <button type="button" class="secondary small" data-action="new-story" data-lp="${c.lp.id}" data-focus="next-new:${c.lp.id}" aria-label="New story for ${c.lp.name}">New story</button></li>`)}</ul>`}
  </section>
  <section aria-labelledby="checklist-h">
    <h2 id="checklist-h">Checklist</h2>
    <ul class="checklist">${readiness.items.map((item) => html`<li class="${item.met ? 'ok' : 'todo'}"><span aria-hidden="true">${item.met ? '✓' : '✗'}</span> ${item.label} <span class="figure">${item.done}/${item.total}</span></li>`)}</ul>
  </section>
</div>
<section aria-labelledby="rounds-h">
  <h2 id="rounds-h">How much each round rests on the LPs</h2>
  ${renderRounds()}
</section>`;
}

/** One bar per LP against the goal, in SVG so no inline style is needed under the CSP. */
function renderChart(coverage: readonly LpCoverage[], goal: number, practice?: ReadonlyMap<string, number>): Html {
  const scale = Math.max(goal, ...coverage.map((c) => c.count));
  const goalX = (goal / scale) * 100;
  return html`<ul class="chart" role="list">${coverage.map(
    (c) => html`<li>
    <button type="button" class="link" data-action="navigate" data-page="${c.lp.id}" data-focus="chart:${c.lp.id}">${c.lp.name}</button>
    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${c.count} of ${plural(goal, 'story', 'stories')}">
      <rect class="track" x="0" y="1" width="100" height="8"></rect>
      <rect class="fill ${c.status}" x="0" y="1" width="${((c.count / scale) * 100).toFixed(2)}" height="8"></rect>
      <line class="goal" x1="${goalX.toFixed(2)}" x2="${goalX.toFixed(2)}" y1="0" y2="10"></line>
    </svg>
    <span class="count ${c.status}">${c.count}/${goal}</span>
    ${practice ? html`<span class="practised">${(practice.get(c.lp.id) ?? 0) === 0 ? 'not practised' : `practised ${times(practice.get(c.lp.id) ?? 0)}`}</span>` : ''}
  </li>`,
  )}</ul>`;
}

/** "5 LPs practised in mock questions" for the summary line. */
function sessions(byLp: ReadonlyMap<string, number>, coverage: readonly LpCoverage[]): string {
  const practised = coverage.filter((c) => (byLp.get(c.lp.id) ?? 0) > 0).length;
  return `${practised} of ${coverage.length} practised in mock questions`;
}
