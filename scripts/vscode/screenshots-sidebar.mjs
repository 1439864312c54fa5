// Screenshots of the STAR Coach sidebar for the README, in the real VS Code (code-server) with the
// packaged extension: the example bank plus one story just made by New Story, which is a draft.
// The side bar at 320 and 700 px, in the dark and the light theme.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { EXAMPLES, runCommand, startScreenshotSession } from './start.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'docs', 'images');
/** Widths, in px, of the side bar. */
const WIDTHS = [320, 700];
mkdirSync(OUT, { recursive: true });

// The bank: the examples, and the file New Story writes (from the compiled core: run `npm run compile-tests` first).
const require = createRequire(import.meta.url);
const { storyTemplate } = require(join(ROOT, 'out', 'src', 'core', 'templates.js'));
const { allLps } = require(join(ROOT, 'out', 'src', 'core', 'catalog', 'index.js'));
const bank = mkdtempSync(join(tmpdir(), 'star-coach-sidebar-'));
cpSync(EXAMPLES, bank, { recursive: true });
const diveDeep = allLps().filter((lp) => lp.id === 'dive-deep');
writeFileSync(join(bank, 'checkout-latency-regression.star.md'), storyTemplate({ title: 'Found the checkout latency regression', lps: diveDeep, level: 'L6' }));

const { port, browser, stop } = await startScreenshotSession();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(bank)}&payload=${encodeURIComponent(JSON.stringify([['skipWelcome', 'true']]))}`);
  await page.locator('.activitybar li[aria-label^="STAR Coach"]').click({ timeout: 90_000 });
  const lp = page.locator('.monaco-list-row', { hasText: 'Dive Deep' }).first();
  await lp.waitFor({ timeout: 30_000 });
  // The draft is checked after the counts: wait until the LP row says so.
  await page.locator('.monaco-list-row', { hasText: '1 draft' }).first().waitFor({ timeout: 30_000 });
  await lp.click();
  await page.locator('.monaco-list-row', { hasText: 'Found the checkout latency regression' }).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1000);
  for (const theme of ['dark', 'light']) {
    for (const width of WIDTHS) {
      await sideBarWidth(page, width);
      const box = await page.locator('.part.sidebar').boundingBox();
      const path = join(OUT, `sidebar-${width}-${theme}.png`);
      await page.screenshot({ path, clip: box });
      console.log(`Side bar at ${Math.round(box.width)} px (${theme}): ${path}`);
    }
    if (theme === 'dark') {
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      await page.waitForTimeout(1500);
    }
  }
} finally {
  await stop();
  rmSync(bank, { recursive: true, force: true });
}

/** Drags the sash at the side bar's edge until the side bar is `width` px wide. */
async function sideBarWidth(page, width) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const box = await page.locator('.part.sidebar').boundingBox();
    if (Math.round(box.width) === width) return;
    const edge = box.x + box.width;
    const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((all) => all.map((el) => { const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height }; }));
    const sash = sashes.filter((s) => s.height > 100).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
    await page.mouse.move(sash.x, sash.y);
    await page.waitForTimeout(300);
    await page.mouse.down();
    await page.mouse.move(sash.x + (width - box.width) / 2, sash.y, { steps: 5 });
    await page.mouse.move(sash.x + (width - box.width), sash.y, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(800);
  }
  const { width: got } = await page.locator('.part.sidebar').boundingBox();
  if (Math.abs(got - width) > 2) throw new Error(`The side bar is ${got} px wide, not ${width}`);
}
