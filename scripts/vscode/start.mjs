// npm start: VS Code with STAR Coach on the bundled example story bank. Desktop `code` when it is
// installed; otherwise code-server (the real VS Code in the browser) on a printed 127.0.0.1 address.
import { execFileSync, spawn, spawnSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { BROWSER_ARGS, freePort, startCodeServer } from './run-tests.mjs';
import { CHROMIUM, CODE_SERVER, ensureVsCode, NODE24 } from './setup.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXAMPLES = join(ROOT, 'examples');

/** The user settings the README's screenshots are taken with: the dark theme, nothing in the way. */
export const SCREENSHOT_SETTINGS = { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.commandCenter.enabled': false };

/** Runs a command of the workbench by its title, through the command palette (a playwright page). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: 20_000 });
  await page.keyboard.type(title);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
}

/** The webview frame that holds an element matching the selector. */
export async function frameWith(page, selector, timeout = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    for (const frame of page.frames()) if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    await page.waitForTimeout(250);
  }
  throw new Error(`No webview shows ${selector}`);
}

/**
 * What every screenshot script starts with: VS Code (code-server) with the packaged extension and
 * the screenshot settings, and a headless browser. `stop()` closes both.
 */
export async function startScreenshotSession() {
  // Loaded here: starting VS Code for a person needs no browser driver.
  const { chromium } = await import('playwright-core');
  ensureVsCode();
  const extensionsDir = installPackagedExtension();
  const port = await freePort();
  const server = await startCodeServer({ port, extensionsDir, userSettings: SCREENSHOT_SETTINGS });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  return { port, browser, stop: async () => { await browser.close(); server.stop(); } };
}

/** Packages the extension and installs it into a fresh extensions folder, as a user would. */
export function installPackagedExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'star-coach-ext-'));
  const vsix = join(dir, 'star-coach.vsix');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: ROOT, stdio: 'ignore' });
  const extensionsDir = join(dir, 'extensions');
  execFileSync(NODE24, [CODE_SERVER, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: 'ignore',
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
  });
  return extensionsDir;
}

async function main() {
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
    console.log('Opening desktop VS Code with STAR Coach on examples/ ...');
    spawn('code', [`--extensionDevelopmentPath=${ROOT}`, EXAMPLES], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  ensureVsCode({ browser: false });
  const extensionsDir = installPackagedExtension();
  const port = Number(process.env.PORT) || (await freePort());
  const server = await startCodeServer({ port, extensionsDir });
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`\nSTAR Coach is running in VS Code (code-server) on the example story bank:\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(EXAMPLES)}\n\nOpen that address in a browser. Ctrl+C stops it.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
