// The packaged extension, installed as a user would: builds the .vsix (`npm run package`), installs
// it offline into a fresh code-server, opens a copy of the example bank in headless chromium and
// checks through the UI that a story shows its problems and the sidebar shows coverage.
import { execFileSync } from 'child_process';
import { cpSync, mkdtempSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, freePort, startCodeServer } from './run-tests.mjs';
import { CHROMIUM, CODE_SERVER, NODE24, ensureVsCode } from './setup.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
ensureVsCode();
execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const vsix = join(ROOT, 'star-coach.vsix');
console.log(`Packaged star-coach.vsix: ${(statSync(vsix).size / 1024).toFixed(0)} KB`);

const home = mkdtempSync(join(tmpdir(), 'star-coach-smoke-'));
const extensionsDir = join(home, 'extensions');
execFileSync(NODE24, [CODE_SERVER, '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'ignore', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
const bank = join(home, 'bank');
cpSync(join(ROOT, 'examples'), bank, { recursive: true });

const port = await freePort();
const server = await startCodeServer({ port, extensionsDir });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
let failed = false;
const check = async (what, run) => {
  try {
    await run();
    console.log(`  ✔ ${what}`);
  } catch (error) {
    failed = true;
    console.log(`  ✘ ${what}: ${error.message.split('\n')[0]}`);
  }
};
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const story = join(bank, 'streaming-search-relevance.star.md');
  const payload = [['openFile', `vscode-remote://127.0.0.1:${port}${story}`], ['skipWelcome', 'true']];
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(bank)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  console.log('The installed .vsix in a fresh code-server:');
  await check('the story shows its problems as squiggles', () => page.waitForSelector('.squiggly-warning', { timeout: 90_000 }));
  await check('the Problems panel lists them from star-coach', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'The Result has no number' }).first().waitFor({ timeout: 20_000 });
  });
  await check('the sidebar shows coverage of the 16 LPs', async () => {
    await page.locator('.activitybar li[aria-label^="STAR Coach"]').click();
    await page.locator('.monaco-list-row', { hasText: 'Dive Deep' }).filter({ hasText: '2/3' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-list-row', { hasText: 'Customer Obsession' }).filter({ hasText: '1/3' }).first().waitFor({ timeout: 10_000 });
  });
  if (failed) await page.screenshot({ path: join(home, 'failure.png') }).then(() => console.log(`  screenshot: ${join(home, 'failure.png')}`));
} finally {
  await browser.close();
  server.stop();
}
process.exit(failed ? 1 : 0);
