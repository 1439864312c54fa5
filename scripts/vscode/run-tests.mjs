// Runs the integration tests inside a real VS Code extension host, offline: code-server (the real
// VS Code server and web workbench) driven by Debian's chromium through playwright-core. The tests
// themselves are an ordinary mocha suite (out/test/integration/index.js), the same one that
// @vscode/test-electron runs for contributors who can download VS Code (npm run test:electron).
import { spawn } from 'child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { format } from 'util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CODE_SERVER, ensureVsCode, NODE24 } from './setup.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TIMEOUT_MS = 8 * 60 * 1000;
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** STAR Coach's own id: a webview frame names the extension it belongs to. */
const EXTENSION_ID = `${PACKAGE.publisher}.${PACKAGE.name}`;

export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Starts code-server on 127.0.0.1 with a throwaway profile; resolves when it listens. */
export async function startCodeServer({ port, smokeTestDriver, extensionsDir, userSettings = {} }) {
  const home = mkdtempSync(join(tmpdir(), 'star-coach-vscode-'));
  // STAR_COACH_USER_DATA keeps one profile across runs (measure-first-scans --reopened): the
  // extension's storage for the workspace, and so its lint cache, carries over.
  const userData = process.env.STAR_COACH_USER_DATA ?? join(home, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'workbench.enableExperiments': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      // The extension activates at start-up in a workspace of stories; its walkthrough must not
      // open in front of the editors the tests drive.
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      // VS Code in the browser saves edits after a second by default (desktop VS Code does not):
      // a slow test would then write its edits into the fixture stories the next tests read.
      'files.autoSave': 'off',
      'chat.disableAIFeatures': true,
      'security.workspace.trust.enabled': false,
      'git.enabled': false,
      ...userSettings,
    }),
  );
  writeFileSync(join(home, 'config.yaml'), 'auth: none\ncert: false\n');
  const tmp = join(home, 'tmp');
  mkdirSync(tmp);
  const args = [
    CODE_SERVER,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', join(home, 'config.yaml'),
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir ?? join(home, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const child = spawn(NODE24, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: tmp, HOME: home },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() - started > 60_000) throw new Error(`code-server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL'); // its whole group: the file watcher too
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true });
  };
  return { home, stop, output: () => output };
}

/** What the workbench's console says when one of its scripts threw: a TypeError and its kin. */
const WORKBENCH_ERROR = /\b(?:TypeError|ReferenceError|RangeError)\b|is not a function|Cannot read propert(?:y|ies) of (?:undefined|null)/;

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function main() {
  ensureVsCode();
  // A workspace's storage in code-server is named after its URI, port included: a profile kept
  // across runs (STAR_COACH_USER_DATA) finds it again only on the same port and folder.
  const port = process.env.STAR_COACH_PORT ? Number(process.env.STAR_COACH_PORT) : await freePort();
  // The tests write into their workspace: give them a copy (or another folder: --workspace DIR).
  // STAR_COACH_WORKSPACE keeps the copy in one place across runs (measure-first-scans --reopened).
  const keptWorkspace = process.env.STAR_COACH_WORKSPACE;
  const workspace = keptWorkspace ?? mkdtempSync(join(tmpdir(), 'star-coach-workspace-'));
  const given = process.argv.indexOf('--workspace');
  // --multi-root: two folders in a .code-workspace, for the multi-root suite.
  const multiRoot = process.argv.includes('--multi-root');
  let open = `folder=${encodeURIComponent(workspace)}`;
  if (multiRoot) {
    process.env.STAR_COACH_MULTI_ROOT = '1';
    cpSync(join(ROOT, 'test', 'integration', 'workspace'), join(workspace, 'first'), { recursive: true });
    cpSync(join(ROOT, 'test', 'integration', 'workspace-second'), join(workspace, 'second'), { recursive: true });
    writeFileSync(join(workspace, 'bank.code-workspace'), JSON.stringify({ folders: [{ path: 'first' }, { path: 'second' }] }));
    open = `workspace=${encodeURIComponent(join(workspace, 'bank.code-workspace'))}`;
  } else {
    cpSync(given !== -1 ? resolve(process.argv[given + 1]) : join(ROOT, 'test', 'integration', 'workspace'), workspace, { recursive: true });
  }
  const server = await startCodeServer({ port, smokeTestDriver: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  let exitCode = 1;
  const finish = async (code) => {
    exitCode = code;
    await browser.close().catch(() => undefined);
    server.stop();
    if (!keptWorkspace) rmSync(workspace, { recursive: true, force: true });
    process.exit(exitCode);
  };
  const timer = setTimeout(() => {
    console.error(`Integration tests timed out after ${TIMEOUT_MS / 1000} s.\n${server.output()}`);
    void finish(1);
  }, TIMEOUT_MS);
  try {
    const page = await browser.newPage();
    // A script error thrown in the workbench (a tree, a view, an editor) appears in its console and
    // nowhere else, not in the extension host log: the run fails on one, even when every test passed.
    const workbenchErrors = [];
    // With the top of its stack, so that an error can be traced to the view or widget that threw it.
    // A webview of another extension (VS Code's own Markdown preview, which a rule's docs link
    // opens) runs in a frame of its own: its errors are that extension's, said but not counted.
    page.on('pageerror', (error) => {
      const stack = (error.stack ?? String(error)).split('\n').slice(0, 5).join('\n    ');
      const webviewOf = /\/webview\/browser\/pre\/index\.html\?[^\s)]*\bextensionId=([^&\s)]+)/.exec(stack)?.[1];
      if (webviewOf && webviewOf !== EXTENSION_ID) console.log(`A webview of ${webviewOf} threw (not counted): ${stack}`);
      else workbenchErrors.push(stack);
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (/Timed out waiting for authentication provider/.test(line)) return;
      if (WORKBENCH_ERROR.test(line)) workbenchErrors.push(line.split('\n')[0]);
      (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      clearTimeout(timer);
      if (code === 0 && workbenchErrors.length > 0) {
        console.error(`The tests passed, but the workbench threw ${workbenchErrors.length} script error(s):\n${workbenchErrors.map((e) => `  ${e}`).join('\n')}`);
        code = 1;
      }
      void finish(code);
    });
    const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(join(ROOT, 'out', 'test', 'integration', 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`http://127.0.0.1:${port}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  } catch (error) {
    console.error(error);
    clearTimeout(timer);
    await finish(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
