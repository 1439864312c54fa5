import * as assert from 'assert';
import { allLps, allQuestions, allRounds, roundWeights } from '../../src/core/catalog';
import { SELF_CHECKS } from '../../src/core/practice/log';
import type { DrillState } from '../../src/core/practice/drill';
import { formatClock, renderMock, renderStoryDrill, type MockModel } from '../../src/core/views/mockPage';
import { CoverageIndex, summarize } from '../../src/core/coverage';
import { lintText } from '../../src/core/engine';
import { escapeHtml, html } from '../../src/core/views/html';
import { renderExpectations, type PageModel } from '../../src/core/views/expectationsPage';
import { fromWebviewSchema, toWebviewSchema } from '../../src/core/views/protocol';

const HOSTILE = [
  '<img src=x onerror="document.documentElement.dataset.tampered=1">',
  '</script><script>document.documentElement.dataset.tampered=1</script>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  'javascript:alert(1)',
  '`${x}` & done',
];

function bank(stories: Array<[string, string]>): CoverageIndex {
  const index = new CoverageIndex();
  for (const [id, frontMatter] of stories) {
    const { story, findings } = lintText(`---\n${frontMatter}\n---\n## Situation\nS.\n## Task\nT.\n## Action\nI did it.\n## Result\nCut cost by 10%.\n`);
    index.upsert(summarize(id, story, findings));
  }
  return index;
}

function model(index: CoverageIndex, page: string, extra: Partial<PageModel> = {}): PageModel {
  return { page, targetLevel: 'L6', coverage: index.coverage(3), readiness: index.readiness(3), ...extra };
}

/** Every tag name in the output, to prove no story text became markup. */
function tags(markup: string): Set<string> {
  return new Set([...markup.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
}

/** Every attribute name in the markup's tags (values, which hold escaped text, removed first). */
function attributeNames(markup: string): Set<string> {
  const names = new Set<string>();
  for (const [tag] of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const m of tag.replace(/"[^"]*"/g, '""').matchAll(/\s([a-zA-Z-:]+)(?==)/g)) names.add(m[1].toLowerCase());
  }
  return names;
}

const PAGE_TAGS = new Set(['nav', 'ul', 'li', 'button', 'span', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'div', 'section', 'article', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'line']);

describe('html helper', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    assert.strictEqual(escapeHtml(`<a href="x" title='y'>&\``), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  });

  it('escapes interpolated values, passes nested html and joins arrays', () => {
    const inner = html`<b>${'<i>'}</b>`;
    assert.strictEqual(html`<p title="${'"x"'}">${inner}${['<', html`<br>`]}${undefined}${false}${0}</p>`.text, '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;<br>0</p>');
  });
});

describe('Level Expectations page', () => {
  it('shows hostile titles as text on the LP page and in the readiness view', () => {
    const index = bank(HOSTILE.map((title, i) => [`file:///s${i}.star.md`, `title: ${JSON.stringify(title)}\nlps: [Dive Deep, ${JSON.stringify(title)}]\ntags: [${JSON.stringify(title)}]`]));
    for (const page of ['dive-deep', 'readiness']) {
      const out = renderExpectations(model(index, page)).text;
      for (const tag of tags(out)) assert.ok(PAGE_TAGS.has(tag), `unexpected <${tag}> on ${page}`);
      for (const attribute of attributeNames(out)) assert.ok(!/^(on|href|src|style)/.test(attribute), `unexpected ${attribute}= on ${page}`);
    }
    const lpPage = renderExpectations(model(index, 'dive-deep')).text;
    for (const title of HOSTILE) assert.ok(lpPage.includes(escapeHtml(title)), title);
  });

  it('escapes hostile story ids inside attributes', () => {
    const index = bank([['file:///a"><img src=x onerror=alert(1)>.star.md', 'title: Fine\nlps: [Frugality]']]);
    const out = renderExpectations(model(index, 'frugality')).text;
    assert.ok(out.includes('data-story="file:///a&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.star.md"'));
    assert.ok(!tags(out).has('img'));
  });

  it('renders every LP with both levels, the target highlighted, and its stories', () => {
    const index = bank([['file:///a.star.md', 'title: Alpha\nlevel: L7\nlps: [Ownership, Frugality]']]);
    for (const lp of allLps()) {
      const out = renderExpectations(model(index, lp.id, { targetLevel: 'L7' })).text;
      for (const point of [...lp.expectations.L6, ...lp.expectations.L7, ...lp.listenFor, ...lp.pitfalls, ...lp.phrases]) assert.ok(out.includes(escapeHtml(point)), `${lp.id}: ${point}`);
      assert.match(out, /<article class="level target" aria-label="L7, your target level">/);
      assert.match(out, new RegExp(`data-page="${lp.id}" data-focus="nav:${lp.id}" aria-current="page"`));
    }
    const ownership = renderExpectations(model(index, 'ownership')).text;
    assert.match(ownership, /data-story="file:\/\/\/a.star.md"[^>]*>Alpha<\/button>/);
    assert.match(ownership, /<td data-label="Level">L7<\/td>\s*<td data-label="Role">primary<\/td>/);
    assert.match(renderExpectations(model(index, 'frugality')).text, /<td data-label="Role">secondary<\/td>/);
    assert.match(renderExpectations(model(index, 'think-big')).text, /No story claims Think Big yet/);
  });

  it('offers a new story and a mock question for the LP', () => {
    const out = renderExpectations(model(bank([]), 'ownership')).text;
    assert.match(out, /data-action="new-story" data-lp="ownership"/);
    assert.match(out, /data-action="mock" data-lp="ownership"/);
  });

  it('lists the LPs that need stories next, fewest first, with a bar each', () => {
    const index = bank([
      ['1', 'lps: [Ownership]'], ['2', 'lps: [Ownership]'], ['3', 'lps: [Ownership]'],
      ['4', 'lps: [Frugality]'], ['5', 'lps: [Frugality]'], ['6', 'lps: [Earn Trust]'],
    ]);
    const out = renderExpectations(model(index, 'readiness')).text;
    const next = [...out.matchAll(/data-focus="next:([a-z-]+)"/g)].map((m) => m[1]);
    assert.strictEqual(next.length, 5);
    assert.ok(!next.includes('ownership') && !next.includes('frugality') && !next.includes('earn-trust'), next.join());
    assert.strictEqual((out.match(/<svg class="bar"/g) ?? []).length, 16);
    assert.match(out, /class="fill met" x="0" y="1" width="100.00"/);
    assert.match(out, /1 of 16 Leadership Principles at the goal of 3/);
  });

  it('shows practice counts when there is a log', () => {
    const index = bank([['s', 'title: Alpha\nlps: [Ownership]']]);
    const practice = { byLp: new Map([['ownership', 2]]), byStory: new Map([['s', 1]]) };
    const out = renderExpectations(model(index, 'ownership', { practice })).text;
    assert.match(out, /practised 2 times/);
    assert.match(out, /<td data-label="Practised">once<\/td>/);
    const readiness = renderExpectations(model(index, 'readiness', { practice })).text;
    assert.match(readiness, /1 of 16 practised in mock questions/);
    assert.match(readiness, /data-focus="chart:ownership"[\s\S]*?<span class="practised">practised 2 times<\/span>/);
    assert.match(readiness, /data-focus="chart:frugality"[\s\S]*?<span class="practised">not practised<\/span>/);
  });
});

describe('mock question page', () => {
  const question = allQuestions().find((q) => q.id === 'dive-deep-02')!;
  const base: MockModel = { question, phase: 'answer', clock: '2:00', progress: 0, paused: false, timeUp: false, suggestedStory: null, stories: [] };
  const drill: DrillState = {
    asked: [
      { kind: 'number', question: 'How did you measure "40%"?', answered: true, prepared: 'From the dashboard.' },
      { kind: 'we', question: 'What was your own part?', answered: false },
    ],
    total: 3,
    finished: false,
  };

  it('shows hostile story titles, ids, reasons and follow-ups as text in every phase', () => {
    const stories = HOSTILE.map((title, i) => ({ id: `file:///${i}${title}.star.md`, title, reasons: [title, 'primary LP Dive Deep'], practised: i }));
    const hostileDrill: DrillState = { asked: HOSTILE.map((text) => ({ kind: 'prepared' as const, question: text, answered: true, prepared: text })), total: HOSTILE.length, finished: true };
    const pages = [
      ...(['answer', 'story', 'follow-ups', 'self-check', 'saved'] as const).map((phase) => renderMock({ ...base, phase, stories, suggestedStory: stories[1].id, toldTitle: HOSTILE[0], drill: hostileDrill }).text),
      renderStoryDrill({ id: stories[0].id, title: HOSTILE[0], lpIds: ['dive-deep'], drill: hostileDrill, saved: false }).text,
    ];
    for (const out of pages) {
      for (const tag of tags(out)) assert.ok(PAGE_TAGS.has(tag) || ['ol', 'form', 'fieldset', 'legend', 'label', 'input', 'select', 'option'].includes(tag), `<${tag}>`);
      for (const attribute of attributeNames(out)) assert.ok(!/^(on|href|src|style)/.test(attribute), `${attribute}=`);
    }
  });

  it('lists the stories with their reasons, and asks which story was told with the best one chosen', () => {
    const stories = [
      { id: 's1', title: 'One', reasons: ['primary LP Dive Deep', 'shares "metrics"'], practised: 0 },
      { id: 's2', title: 'Two', reasons: [], practised: 2 },
    ];
    const answer = renderMock({ ...base, stories }).text;
    assert.match(answer, /Your stories for this question/);
    assert.match(answer, /One<\/button> <span class="meta">not practised yet<\/span> <span class="reasons">primary LP Dive Deep · shares &quot;metrics&quot;<\/span>/);
    assert.match(answer, /Two<\/button> <span class="meta">practised 2 times<\/span> <span class="reasons">no match<\/span>/);
    const story = renderMock({ ...base, phase: 'story', stories, suggestedStory: 's1' }).text;
    assert.match(story, /<option value="s1" selected>One<\/option>/);
    assert.match(story, /<option value="s2">Two<\/option>/);
    assert.match(story, /data-action="tell"/);
  });

  it('shows the follow-ups asked so far, a prepared answer under each one answered, and the next step', () => {
    const page = renderMock({ ...base, phase: 'follow-ups', toldTitle: 'One', drill }).text;
    assert.strictEqual((page.match(/<li data-kind=/g) ?? []).length, 2);
    assert.match(page, /How did you measure &quot;40%&quot;\?<\/span><p class="prepared"><span class="meta">Your prepared answer:<\/span> From the dashboard\.<\/p>/);
    assert.match(page, /What was your own part\?<\/span><\/li>/, 'nothing under the question not yet answered');
    assert.match(page, /data-action="answered"/);
    assert.doesNotMatch(page, /data-action="next-follow-up"/);
    const answered = renderMock({ ...base, phase: 'follow-ups', toldTitle: 'One', drill: { ...drill, asked: drill.asked.map((a) => ({ ...a, answered: true })) } }).text;
    assert.match(answered, /data-action="next-follow-up"/);
    assert.match(answered, /No prepared answer in the story/);
    const check = renderMock({ ...base, phase: 'self-check', toldTitle: 'One' }).text;
    for (const item of SELF_CHECKS) assert.match(check, new RegExp(`name="${item.id}"`));
    assert.match(check, /The story I told: One/);
  });

  it('offers pause or resume while answering, and formats the clock', () => {
    assert.match(renderMock(base).text, /data-action="pause"/);
    assert.match(renderMock({ ...base, paused: true }).text, /data-action="resume"[\s\S]*Paused|Paused[\s\S]*data-action="resume"/);
    assert.deepStrictEqual([formatClock(120), formatClock(61.2), formatClock(0.4), formatClock(-3)], ['2:00', '1:02', '0:01', '0:00']);
  });

  it('drills a story with no question: its follow-ups, then a save', () => {
    const page = renderStoryDrill({ id: 'file:///a.star.md', title: 'Moved billing', lpIds: ['ownership'], level: 'L7', drill, saved: false }).text;
    assert.match(page, /data-page="drill"/);
    assert.match(page, /Drill · Ownership · L7/);
    assert.match(page, /data-action="save-drill"/);
    assert.doesNotMatch(page, /data-clock/, 'no countdown');
    const saved = renderStoryDrill({ id: 'file:///a.star.md', title: 'Moved billing', lpIds: ['ownership'], drill, saved: true }).text;
    assert.match(saved, /Saved to your practice log: 1 follow-up answered aloud\./);
  });
});

describe('catalog for the Level Expectations page', () => {
  it('fills every LP completely: both levels, signals, pitfalls and openers', () => {
    for (const lp of allLps()) {
      assert.ok(lp.expectations.L6.length >= 3 && lp.expectations.L7.length >= 3, lp.id);
      assert.ok(lp.listenFor.length >= 3 && lp.pitfalls.length >= 3 && lp.phrases.length >= 3, lp.id);
      const all = [...lp.expectations.L6, ...lp.expectations.L7, ...lp.listenFor, ...lp.pitfalls];
      assert.strictEqual(new Set(all).size, all.length, `${lp.id} repeats a point`);
    }
  });

  it('holds the round weights of the brief, naming only real LPs', () => {
    assert.deepStrictEqual(
      allRounds().map((r) => [r.name, r.lpShare.L6, r.lpShare.L7]),
      [['Coding', 30, 40], ['System Design', 40, 50], ['Behavioral', 100, 100], ['Bar Raiser', 100, 100], ['Hiring Manager', 70, 80]],
    );
    const ids = new Set(allLps().map((lp) => lp.id));
    for (const round of allRounds()) for (const id of round.focus) assert.ok(ids.has(id), id);
    assert.deepStrictEqual(roundWeights('dive-deep').filter((w) => w.focus).map((w) => w.round.id), ['coding', 'behavioral', 'bar-raiser']);
  });
});

describe('webview protocol', () => {
  it('accepts the messages the page sends and refuses anything else', () => {
    assert.ok(fromWebviewSchema.safeParse({ type: 'navigate', page: 'ownership' }).success);
    assert.ok(fromWebviewSchema.safeParse({ type: 'ready' }).success);
    assert.ok(!fromWebviewSchema.safeParse({ type: 'navigate', page: 'ownership', extra: 1 }).success);
    assert.ok(!fromWebviewSchema.safeParse({ type: 'run', command: 'workbench.action.terminal.new' }).success);
    assert.ok(!fromWebviewSchema.safeParse({ type: 'open-story', story: 42 }).success);
    assert.ok(!toWebviewSchema.safeParse({ type: 'show', page: 'x' }).success);
  });
});
