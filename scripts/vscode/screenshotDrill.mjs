// The follow-up drill screenshot, in the real VS Code (code-server) with the packaged extension:
// "Drill This Story" on an example story that keeps prepared answers. screenshots.mjs calls
// drillShot with its page; run alone (node scripts/vscode/screenshotDrill.mjs, after npm run
// build), it starts its own session and takes only this shot.
import { mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { EXAMPLES, frameWith, runCommand, startScreenshotSession } from './start.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'docs', 'images');
const STORY = 'carbon-aware-batch-scheduling.star.md';

/** Prepared answers typed into the story (never saved): the drill shows them after each answer. */
const FOLLOW_UPS = `

## Follow-ups
- Q: How did you measure the 38% drop? / A: Metered compute hours per job times the grid's hourly carbon intensity, the twelve months before against the twelve after; the sustainability team recomputed it from the raw data.
- Q: Who above you had to agree? / A: The sustainability VP and the CFO; I brought them the job audit and a one-quarter build plan.
`;

/**
 * Opens the example story, adds prepared answers in the editor, runs "Drill This Story", answers
 * the first two follow-ups (one with a prepared answer, one without) and asks the third, then
 * writes docs/images/drill-dark.png. Leaves the story as it was on disk. `page` shows VS Code on
 * the examples folder, in the dark theme.
 */
export async function drillShot(page) {
  // Keys go to the workbench, not to a webview that had the focus: an open story's tab takes it back.
  const tab = page.locator('.tab', { hasText: '.star.md' }).first();
  if ((await tab.count()) > 0) await tab.click();
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 20_000 });
  await page.keyboard.type(STORY);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: STORY }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: STORY }).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(800);
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(FOLLOW_UPS);
  await runCommand(page, 'STAR Coach: Drill This Story');
  const drill = await frameWith(page, 'main[data-page="drill"]');
  for (const step of ['answered', 'next-follow-up', 'answered', 'next-follow-up']) {
    await drill.locator(`button[data-action="${step}"]`).click();
    await page.waitForTimeout(300);
  }
  await drill.locator('.probes li').nth(2).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(800);
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'drill-dark.png') });
  await drill.locator('button[data-action="cancel"]').click();
  await page.locator('.tab', { hasText: STORY }).first().click();
  await runCommand(page, 'File: Revert File');
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+W');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { port, browser, stop } = await startScreenshotSession();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const payload = [['skipWelcome', 'true']];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(EXAMPLES)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.locator('.activitybar').first().waitFor({ timeout: 90_000 });
    await page.waitForTimeout(3000);
    await drillShot(page).catch(async (error) => {
      await page.screenshot({ path: join(process.env.TMPDIR ?? '/tmp', 'drill-failed.png') });
      throw error;
    });
    console.log('Wrote docs/images/drill-dark.png');
  } finally {
    await stop();
  }
}
