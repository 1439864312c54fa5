import { readdirSync } from 'fs';
import Mocha from 'mocha';
import { join } from 'path';
import { config } from 'zod/mini';

// The tests read the catalog through the core, with zod from node_modules: without its compiler,
// zod never probes `navigator`, which VS Code reports as a PendingMigrationError. The extension's
// own bundles read no `navigator` at all (esbuild.mjs); the extension host log test checks them.
config({ jitless: true });

/** The extension-test entry: VS Code (code-server or @vscode/test-electron) calls run(). */
export function run(): Promise<void> {
  // The measurement and the multi-root suite each run in a workspace of their own.
  const grep = process.env.STAR_COACH_MEASURE_SCAN === '1' ? process.env.STAR_COACH_TEST_GREP ?? 'measurement' : process.env.STAR_COACH_MULTI_ROOT === '1' ? 'multi-root' : process.env.STAR_COACH_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
