// For contributors with internet: the same integration suite in desktop VS Code, downloaded by
// @vscode/test-electron. CI and offline machines use run-tests.mjs (code-server) instead.
import { mkdtempSync, cpSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { runTests } from '@vscode/test-electron';

const root = resolve(import.meta.dirname, '..', '..');
const workspace = mkdtempSync(join(tmpdir(), 'star-coach-workspace-'));
cpSync(join(root, 'test', 'integration', 'workspace'), workspace, { recursive: true });
await runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
  launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
});
