import * as assert from 'assert';
import { resolveConfig } from '../../src/core/config';
import { lintText } from '../../src/core/engine';
import { CoverageIndex } from '../../src/core/coverage';
import type { Story } from '../../src/core/parse/story';
import { planLoop, planOptionsFrom } from '../../src/core/plan/plan';
import { profileStory, type StoryProfile } from '../../src/core/plan/profile';
import { renderExpectations, isPage } from '../../src/core/views/expectationsPage';
import { escapeHtml } from '../../src/core/views/html';
import { PLAN_PAGE, printablePlan, renderPlanPage } from '../../src/core/views/planPage';
import { fromWebviewSchema } from '../../src/core/views/protocol';

/** A bank of parsed, linted stories: `[id, front matter, Result]`, profiled as the editor profiles them. */
function bank(stories: Array<[string, string, string?]>, practised: Record<string, number> = {}): { profiles: StoryProfile[]; storyOf: (file: string) => Story | undefined } {
  const parsed = new Map<string, Story>();
  const profiles = stories.map(([id, frontMatter, result]) => {
    const { story, findings } = lintText(`---\n${frontMatter}\nyear: 2025\n---\n## Situation\nThe checkout was slow at peak.\n## Task\nI owned the fix.\n## Action\nI profiled the service and cached the prices.\n## Result\n${result ?? 'Latency fell by 40% and sales rose $2M.'}\n`);
    parsed.set(id, story);
    return profileStory(id, story, findings, { count: (file) => practised[file] ?? 0, lastTold: () => undefined });
  });
  return { profiles, storyOf: (file) => parsed.get(file) };
}

const options = { lpIds: ['frugality', 'dive-deep'], examplesPerLp: 2, currentYear: 2026 };

describe('Loop Plan page', () => {
  it('lists each LP\'s slots with the planned story, its backup, a digest line per STAR part with its numbers, and the gaps', () => {
    const { profiles, storyOf } = bank([
      ['file:///a.star.md', 'title: Cut the cloud bill\nlps: [Frugality]'],
      ['file:///b.star.md', 'title: Found the slow query\nlps: [Dive Deep]'],
      ['file:///c.star.md', 'title: Dropped a vendor\nlps: [Frugality]'],
      ['file:///d.star.md', 'title: Reused the old racks\nlps: [Frugality]'],
    ]);
    const plan = planLoop(profiles, options);
    const out = renderPlanPage({ plan, storyOf }).text;
    assert.match(out, /<h1 tabindex="-1">Loop Plan<\/h1>/);
    assert.match(out, /3 of 4 slots filled with distinct stories · 1 gap/);
    // Frugality has three claimers: two planned, the third a backup of one of them.
    const frugality = out.slice(out.indexOf('aria-label="Frugality"'), out.indexOf('aria-label="Dive Deep"'));
    for (const title of ['Cut the cloud bill', 'Dropped a vendor', 'Reused the old racks']) assert.ok(frugality.includes(`>${title}</button>`), title);
    assert.strictEqual((frugality.match(/<span class="role">Backup<\/span> <button/g) ?? []).length, 1);
    assert.match(frugality, /<p class="no-backup"><span class="role">Backup<\/span> none left in the bank<\/p>/);
    // Dive Deep: one story, one gap, and the new story that would close it.
    assert.match(out, /aria-label="Dive Deep, story 2: a gap"/);
    assert.match(out, /1 slot has no story: each says why below\.<\/p>\s*<ul class="gap-lps"><li><span class="part">A story short:<\/span> Dive Deep<\/li><\/ul>/);
    assert.match(out, /A story showing Dive Deep would complete the plan\./);
    // The digest: the Result's first sentence and its key numbers.
    assert.match(out, /<span class="part">Result:<\/span> Latency fell by 40% and sales rose \$2M\. <strong class="numbers">40%, \$2M<\/strong>/);
    assert.match(out, /data-action="open-story" data-story="file:\/\/\/b.star.md"/);
  });

  it('offers printing and the Markdown sheet, and says when a story was not practised', () => {
    const { profiles, storyOf } = bank([['s', 'title: Alpha\nlps: [Frugality]'], ['t', 'title: Beta\nlps: [Frugality]']], { t: 3 });
    const out = renderPlanPage({ plan: planLoop(profiles, options), storyOf }).text;
    assert.match(out, /<button type="button" data-action="print" data-focus="print">Print Cheat Sheet<\/button>/);
    assert.match(out, /data-action="open-sheet"/);
    assert.match(out, /<div class="actions no-print">/);
    assert.match(out, />Alpha<\/button>\s*<span class="practised">not practised yet<\/span>/);
    assert.match(out, />Beta<\/button>\s*<span class="practised">practised 3 times<\/span>/);
  });

  it('sums up the gaps by LP: those with no story, then those a story short', () => {
    const { profiles, storyOf } = bank([['s', 'title: Alpha\nlps: [Frugality]']]);
    const plan = planLoop(profiles, { lpIds: ['frugality', 'dive-deep', 'earn-trust'], examplesPerLp: 3, currentYear: 2026 });
    const out = renderPlanPage({ plan, storyOf }).text;
    assert.match(out, /8 slots have no story: each says why below\./);
    assert.match(out, /<li><span class="part">No story yet:<\/span> Dive Deep, Earn Trust<\/li><li><span class="part">A story short:<\/span> Frugality \(2 short\)<\/li>/);
  });

  it('says it is planning before the plan is made', () => {
    assert.match(renderPlanPage(undefined).text, /<p class="summary">Planning…<\/p>/);
  });

  it('shows hostile titles and ids as text', () => {
    const hostile = '<img src=x onerror="document.documentElement.dataset.tampered=1">';
    const { profiles, storyOf } = bank([[`file:///"><script>x</script>.star.md`, `title: ${JSON.stringify(hostile)}\nlps: [Frugality]`]]);
    const out = renderPlanPage({ plan: planLoop(profiles, options), storyOf }).text;
    assert.ok(!/<img|<script/i.test(out));
    assert.ok(out.includes(`>${escapeHtml(hostile)}</button>`));
    assert.ok(out.includes('data-story="file:///&quot;&gt;&lt;script&gt;x&lt;/script&gt;.star.md"'));
  });

  it('makes a page of its own to print in a browser: the stylesheet inline, nothing to run, no buttons', () => {
    const { profiles, storyOf } = bank([['s', 'title: Alpha\nlps: [Frugality]']]);
    const out = printablePlan({ plan: planLoop(profiles, options), storyOf }, '@media print { body { color: #000; } } /* </style><script>x</script> */');
    assert.match(out, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';">/);
    assert.match(out, /<style>@media print \{ body \{ color: #000; \} \} \/\* <\\\/style><script>x<\\\/script> \*\/<\/style>/);
    assert.strictEqual((out.match(/<\/style>/g) ?? []).length, 1);
    assert.match(out, /<strong class="title">Alpha<\/strong>/);
    assert.match(out, /Press Ctrl\+P/);
    assert.ok(!/<button|<script/.test(out.replace(/<style>[\s\S]*<\/style>/, '')));
  });

  it('is a page of the Level Expectations panel, listed after Readiness', () => {
    assert.ok(isPage(PLAN_PAGE));
    const index = new CoverageIndex();
    const page = (p: string) => renderExpectations({ page: p, targetLevel: 'L6', coverage: index.coverage(3), readiness: index.readiness(3) }).text;
    assert.match(page(PLAN_PAGE), /data-page="readiness"[^>]*>Readiness<\/button><\/li>\n<li><button type="button" class="nav-item" data-action="navigate" data-page="plan" data-focus="nav:plan" aria-current="page">Loop Plan</);
    assert.match(page(PLAN_PAGE), /<main id="page" data-page="plan"><header class="page-head">\s*<h1 tabindex="-1">Loop Plan/);
    assert.doesNotMatch(page('readiness'), /data-page="plan"[^>]*aria-current/);
  });

  it('asks for the Markdown sheet by a message the extension validates', () => {
    assert.ok(fromWebviewSchema.safeParse({ type: 'open-sheet' }).success);
    assert.ok(!fromWebviewSchema.safeParse({ type: 'open-sheet', file: '/etc/passwd' }).success);
  });
});

describe('the plan options from .starcoach.yaml', () => {
  it('take the plan\'s LPs, slots and level from the config, and the editor\'s level only when the config names none', () => {
    const config = resolveConfig({ plan: { examplesPerLp: 3, lps: ['Frugality', 'Earn Trust'], level: 'L7' } });
    assert.deepStrictEqual(planOptionsFrom(config.plan, 2026, 'L6'), { examplesPerLp: 3, lpIds: ['frugality', 'earn-trust'], targetLevel: 'L7', currentYear: 2026 });
    assert.deepStrictEqual(planOptionsFrom(resolveConfig().plan, 2026, 'L6'), { examplesPerLp: 2, targetLevel: 'L6', currentYear: 2026 });
    assert.deepStrictEqual(planOptionsFrom(resolveConfig().plan, 2026), { examplesPerLp: 2, currentYear: 2026 });
  });
});
