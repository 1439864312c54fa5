// Screenshots for the README, taken in the real VS Code (code-server) with the packaged extension
// installed as a user would: squiggles and the Problems panel, the quick-fix menu, a hover, the
// sidebar, the Level Expectations pages, a mock question, the walkthrough, and first the loop plan.
// `node scripts/vscode/screenshots.mjs plan` takes only the loop plan's.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { EXAMPLES, runCommand, startScreenshotSession } from './start.mjs';
import { drillShot } from './screenshotDrill.mjs';
import { frameWith } from './start.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'docs', 'images');
/** Widths, in px, of the narrow Level Expectations screenshots. */
const NARROW = [700, 320];
/** The loop plan's screenshots, and Which Story's on the same bank (see planShots). */
const PLAN_SHOTS = ['plan-view-dark', 'plan-page-dark', 'plan-print', 'which-story-dark', 'which-story-lp-dark'];
/**
 * The loop plan's bank: the example stories with the two banks the matching is scored on, 43
 * stories in one folder, enough to fill every slot of the default plan and give some a backup.
 */
const PLAN_BANK = join(tmpdir(), 'star-coach-plan-bank');
const PLAN_BANK_SOURCES = [EXAMPLES, join(ROOT, 'test', 'fixtures', 'match', 'bank-2'), join(ROOT, 'test', 'fixtures', 'match', 'team-bank')];
mkdirSync(OUT, { recursive: true });

const only = process.argv[2];
if (only !== undefined && only !== 'plan') throw new Error(`Usage: screenshots.mjs [plan], not ${only}`);

const { port, browser, stop } = await startScreenshotSession();
try {
  await planShots();
  if (only === 'plan') console.log(`Wrote ${PLAN_SHOTS.map((n) => `docs/images/${n}.png`).join(', ')}`);
  else await allShots(await openWindow(EXAMPLES));
} finally {
  await stop();
}

/** A new window on the folder with its story streaming-search-relevance open, once its findings show. */
async function openWindow(folder) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const story = join(folder, 'streaming-search-relevance.star.md');
  const payload = [['openFile', `vscode-remote://127.0.0.1:${port}${story}`], ['skipWelcome', 'true']];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.waitForSelector('.squiggly-warning', { timeout: 90_000 });
  await page.waitForTimeout(1500);
  return page;
}

/** Every screenshot but the loop plan's, in the order the README shows them, on the example bank. */
async function allShots(page) {
  await runCommand(page, 'View: Show Explorer');
  await page.waitForTimeout(1000);
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { timeout: 20_000 });
  // Open the Result's finding from the Problems panel: the editor scrolls to it.
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'The Result has no number' }).dblclick();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(OUT, 'diagnostics.png') });

  // The rule's name in the Problems panel opens the rule's documentation, shipped with the extension.
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'The Result has no number' }).locator('a.monaco-link, .code-link').first().click();
  await page.locator('.tab', { hasText: 'Preview rules.md' }).first().waitFor({ timeout: 20_000 });
  await frameWith(page, 'h2#unquantified-result', 60_000);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(OUT, 'rule-docs.png') });
  await page.keyboard.press('Control+W');
  await page.locator('.tab', { hasText: 'streaming-search-relevance' }).first().click();
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'The Result has no number' }).dblclick();
  await page.waitForTimeout(800);

  // The quick-fix menu on that finding (the cursor is on it).
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget', { timeout: 20_000 });
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(OUT, 'quick-fix.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  await page.waitForTimeout(500);

  // A hover on the first LP in the front matter.
  const lp = page.locator('.view-line', { hasText: 'lps:' }).first();
  const box = await lp.boundingBox();
  await page.mouse.move(box.x + 150, box.y + box.height / 2);
  await page.waitForSelector('.monaco-hover-content', { timeout: 20_000 });
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(OUT, 'hover.png') });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');

  // The coverage sidebar, with one LP open.
  // The badge over the icon (LPs below goal) takes the pointer: the click goes to the icon beneath it.
  await page.locator('.activitybar [aria-label^="STAR Coach"]').first().click({ force: true });
  const diveDeep = page.locator('.monaco-list-row', { hasText: 'Dive Deep' }).first();
  await diveDeep.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  await diveDeep.click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(OUT, 'sidebar.png') });

  await page.keyboard.press('Control+J');
  // Level Expectations: the readiness view, then one LP, in the dark theme and then the light one.
  await runCommand(page, 'STAR Coach: Show Level Expectations');
  let view = await webview(page, 'Readiness');
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, 'readiness-dark.png') });
  await view.locator('.nav-item', { hasText: 'Invent and Simplify' }).click();
  view = await webview(page, 'Invent and Simplify');
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, 'expectations-dark.png') });
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(OUT, 'expectations-light.png') });

  // The same page in a narrow editor, 700 and 320 px wide, light and then dark: nothing scrolls sideways.
  await narrowShots(page, 'Invent and Simplify', 'light');
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await narrowShots(page, 'Invent and Simplify', 'dark');
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');

  // A reload restores the panel at the same LP (the serializer, not retainContextWhenHidden).
  await page.waitForTimeout(2000);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(EXAMPLES)}`);
  await webview(page, 'Invent and Simplify', 60_000).catch(async (error) => {
    await page.screenshot({ path: '/tmp/reload.png' });
    throw error;
  });
  console.log('After a reload the panel came back at Invent and Simplify.');
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');

  // A mock question, started from the LP's page: the countdown running, then the first follow-up.
  view = await webview(page, 'Invent and Simplify', 60_000);
  await view.locator('button[data-action="mock"]').click();
  const mock = await frameWith(page, 'main.mock');
  await page.waitForTimeout(3500);
  await page.screenshot({ path: join(OUT, 'mock.png') });
  await mock.locator('button[data-action="done"]').click();
  await mock.locator('button[data-action="tell"]').click();
  await mock.locator('.probes li').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, 'mock-follow-ups.png') });
  await mock.locator('button[data-action="cancel"]').click();
  await drillShot(page);

  // The getting-started walkthrough (focus back on the workbench: keys typed in a webview stay there).
  await page.locator('.tab', { hasText: 'streaming-search-relevance' }).first().click();
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.waitForTimeout(800);
  await page.keyboard.type('Get Started with STAR Coach');
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.locator('.getting-started-step', { hasText: 'Create your first story' }).first().waitFor({ timeout: 20_000 }).catch(async (e) => { await page.screenshot({ path: '/tmp/wt.png' }); throw e; });
  await page.waitForTimeout(1500);
  // Steps already done are ticked: the bank has stories, and its coverage was read above (completionEvents onContext:...).
  for (const step of ['Create your first story', 'Read your coverage']) {
    const ticked = await page.locator('.getting-started-step', { hasText: step }).first().locator('.codicon-getting-started-step-checked').count();
    if (ticked !== 1) throw new Error(`The walkthrough does not tick "${step}", though this bank has done it`);
  }
  await page.screenshot({ path: join(OUT, 'walkthrough.png') });
  const shots = [...PLAN_SHOTS, 'diagnostics', 'rule-docs', 'quick-fix', 'hover', 'sidebar', 'readiness-dark', 'expectations-dark', 'expectations-light', ...NARROW.flatMap((w) => [`expectations-${w}-light`, `expectations-${w}-dark`]), 'mock', 'mock-follow-ups', 'drill-dark', 'walkthrough'];
  console.log(`Wrote ${shots.map((n) => `docs/images/${n}.png`).join(', ')}`);
}

/**
 * The loop plan, in the dark theme, in a window of its own on PLAN_BANK: the sidebar's Loop Plan
 * view (the other views folded), the plan page of Level Expectations, and that page as its print
 * styles lay it out on paper.
 */
async function planShots() {
  rmSync(PLAN_BANK, { recursive: true, force: true });
  mkdirSync(PLAN_BANK);
  for (const folder of PLAN_BANK_SOURCES) for (const file of readdirSync(folder).filter((f) => f.endsWith('.star.md'))) copyFileSync(join(folder, file), join(PLAN_BANK, file));
  const page = await openWindow(PLAN_BANK);
  await page.locator('.tab', { hasText: 'streaming-search-relevance' }).first().click();
  await page.locator('.tab.active', { hasText: 'streaming-search-relevance' }).first().waitFor({ timeout: 10_000 });
  await runCommand(page, 'STAR Coach: Focus on Loop Plan View');
  const header = (title) => page.locator('.pane-header', { hasText: title }).first();
  await header('Loop Plan').waitFor({ timeout: 30_000 });
  /** Opens or folds a view of the side bar, and waits until it has. */
  const fold = async (title, open) => {
    for (let attempt = 0; attempt < 20 && ((await header(title).getAttribute('aria-expanded')) === 'true') !== open; attempt++) {
      if (attempt % 5 === 0) await header(title).click();
      await page.waitForTimeout(200);
    }
  };
  await fold('LP Coverage', false);
  await fold('Stories', false);
  await fold('Loop Plan', true);
  await page.locator('.monaco-list-row', { hasText: 'Customer Obsession 1' }).first().waitFor({ timeout: 30_000 });
  // A wider side bar, so that the stories' titles read whole, and the view's title actions shown.
  const bar = await page.locator('.part.sidebar').boundingBox();
  const sashX = bar.x + bar.width + 1;
  await page.mouse.move(sashX, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(sashX + 330, bar.y + bar.height / 2, { steps: 10 });
  await page.mouse.up();
  await header('Loop Plan').hover();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(OUT, 'plan-view-dark.png') });
  // The side bar and its views as they were.
  await page.mouse.move(sashX + 330, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(sashX, bar.y + bar.height / 2, { steps: 10 });
  await page.mouse.up();
  await fold('LP Coverage', true);
  await fold('Stories', true);
  await fold('Loop Plan', false);

  await runCommand(page, 'STAR Coach: Show Loop Plan Page');
  const view = await webview(page, 'Loop Plan');
  await view.locator('.plan-lp').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(OUT, 'plan-page-dark.png') });
  // On paper: the page's print styles, as Chromium applies them when printing.
  await view.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(800);
  const box = await page.locator('iframe.webview.ready').first().boundingBox();
  await page.screenshot({ path: join(OUT, 'plan-print.png'), clip: box });
  await page.emulateMedia({ media: 'screen' });
  await whichStoryShots(page);
  await page.close();
}

/**
 * Which Story for a question worded afresh: the ranked stories with the LPs read from the
 * question, then the stories ranked again once the quick pick's button has named its LP.
 */
async function whichStoryShots(page) {
  await runCommand(page, 'STAR Coach: Which Story for This Question?');
  await page.waitForSelector('.quick-input-widget input', { timeout: 20_000 });
  await page.waitForTimeout(500);
  await page.keyboard.type('Tell me about a time senior leaders worried your proposal would cost them their own plans. How did you win them over?');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, 'which-story-dark.png') });
  await page.locator('.quick-input-widget .quick-input-titlebar .action-label[aria-label*="Name the LP"]').click();
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Customer Obsession' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.type('think big');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input[placeholder*="Asked under Think Big"]').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, 'which-story-lp-dark.png') });
  await page.keyboard.press('Escape');
}

/**
 * Screenshots of the Level Expectations page alone at each width in NARROW: the side bar closed,
 * the browser sized until the page's frame is exactly that wide. Fails if the page scrolls sideways.
 */
async function narrowShots(page, heading, theme) {
  const size = page.viewportSize();
  await runCommand(page, 'View: Close Primary Side Bar');
  await page.waitForTimeout(800);
  const frame = await webview(page, heading);
  for (const width of NARROW) {
    let extra = 58;
    let box;
    for (let attempt = 0; attempt < 4; attempt++) {
      await page.setViewportSize({ width: width + extra, height: size.height });
      await page.waitForTimeout(1200);
      box = await page.locator('iframe.webview.ready').first().boundingBox();
      if (Math.round(box.width) === width) break;
      extra += width - Math.round(box.width);
    }
    const { scrollWidth, clientWidth } = await frame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    if (scrollWidth > clientWidth) throw new Error(`At ${width} px the Level Expectations page scrolls sideways (${scrollWidth} > ${clientWidth})`);
    // At 700 px the top of the page (list and page side by side); at 320 px the stories and rounds, the tables that used to overflow.
    if (width < 400) await frame.locator('#stories-h').evaluate((heading) => heading.scrollIntoView());
    else await frame.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, `expectations-${width}-${theme}.png`), clip: { ...box, height: Math.min(box.height, 760) } });
    console.log(`Level Expectations at ${Math.round(box.width)} px (${theme}): ${scrollWidth} px of content, no sideways scroll.`);
  }
  await page.setViewportSize(size);
  await page.waitForTimeout(800);
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.waitForTimeout(800);
}


/** The Level Expectations webview's frame, once its page heading reads `heading`. */
async function webview(page, heading, timeout = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    for (const frame of page.frames()) {
      const text = await frame.locator('main h1').first().textContent({ timeout: 200 }).catch(() => null);
      if (text === heading) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`The Level Expectations page "${heading}" did not appear`);
}
