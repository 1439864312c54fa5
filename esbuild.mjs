// Bundles the CLI, the programmatic API, the extension and its webview scripts with esbuild.
import * as esbuild from 'esbuild';
import { existsSync } from 'fs';
import { join } from 'path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** `./x` resolves to `./x.web.ts` when that file exists (the browser build only). */
function webSibling(args) {
  const sibling = join(args.resolveDir, `${args.path}.web.ts`);
  return existsSync(sibling) ? { path: sibling } : undefined;
}

/**
 * For the Node builds: zod probes `navigator` to spot Cloudflare Workers before it compiles a
 * schema. Node 21 and later define `navigator`, and VS Code's extension host answers every read
 * of it by logging "PendingMigrationError: navigator is now a global in nodejs". Nothing of ours
 * in Node needs `navigator`, so the bundles read it as undefined, as on Node 20.
 */
const node = { ...common, define: { navigator: 'undefined' } };

const builds = [
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/api.ts'], outfile: 'dist/api.js' },
  // The extension: vscode is provided by the editor at run time.
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The story index's worker thread, beside the extension that starts it.
  { ...node, entryPoints: ['src/node/storyWorker.ts'], outfile: 'dist/storyWorker.js' },
  // The same extension for vscode.dev and github.dev: no Node APIs, so a module with a `.web.ts`
  // sibling (file reads, the practice log's append) is replaced by it, which uses vscode.workspace.fs.
  {
    ...common,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    plugins: [{ name: 'web-siblings', setup: (build) => build.onResolve({ filter: /^\.\.?\// }, webSibling) }],
  },
  // Webview page scripts run in the browser sandbox of a webview.
  ...['expectations', 'mock'].map((page) => ({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [`src/webview/${page}.ts`], outfile: `dist/webview/${page}.js` })),
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
