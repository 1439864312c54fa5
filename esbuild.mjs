// Bundles the CLI, the programmatic API, the extension and its webview scripts with esbuild.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'fs';
import { join, relative, resolve, sep } from 'path';

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

/** The browser build's resolution of `./x` to its `.web.ts` sibling, as a plugin. */
const webSiblings = { name: 'web-siblings', setup: (build) => build.onResolve({ filter: /^\.\.?\// }, webSibling) };

/**
 * For the Node builds: zod probes `navigator` to spot Cloudflare Workers before it compiles a
 * schema. Node 21 and later define `navigator`, and VS Code's extension host answers every read
 * of it by logging "PendingMigrationError: navigator is now a global in nodejs". Nothing of ours
 * in Node needs `navigator`, so the bundles read it as undefined, as on Node 20.
 */
const node = { ...common, define: { navigator: 'undefined' } };

const CORE = resolve('src/core');

/** Every module of the core (src/core/**, .ts and .json), as paths relative to it with `/`. */
function coreModules(folder = CORE) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return coreModules(path);
    return /\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative(CORE, path).split(sep).join('/')] : [];
  });
}

/** The file an import of `path` from `folder` names, when it is a module of the core. */
function coreModuleOf(folder, path) {
  const full = resolve(folder, path);
  if (!full.startsWith(CORE + sep)) return undefined;
  const file = [`${full}.ts`, join(full, 'index.ts'), full].find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
  return file && relative(CORE, file).split(sep).join('/');
}

/**
 * The extension host and its worker thread share one copy of the core (dist/core.js) instead of
 * bundling it twice: it holds the YAML parser, the catalog and the engine, most of both bundles.
 * An import of a core module from outside the core becomes that module's namespace in core.js, so
 * each module keeps its own names, and state (caches, the catalog) exists once per thread.
 */
const sharedCore = {
  name: 'shared-core',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const module = args.namespace === 'file' ? coreModuleOf(args.resolveDir, args.path) : undefined;
      return module ? { path: module, namespace: 'core' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'core' }, (args) => ({
      contents: `module.exports = require('./core.js').modules[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/**
 * The core modules the extension and its worker thread import (found by bundling them once, in
 * memory, with each core module left out): dist/core.js exports only those, and what they import,
 * so that modules only the CLI uses (its terminal and SARIF formats, the lint cache's file) stay
 * out of the .vsix. In watch mode, every module, as the imports change while it runs.
 */
async function coreModulesImported() {
  const used = new Set();
  const record = {
    name: 'record-core',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const module = args.namespace === 'file' ? coreModuleOf(args.resolveDir, args.path) : undefined;
        if (!module) return undefined;
        used.add(module);
        return { path: module, external: true };
      });
    },
  };
  const entries = ['src/extension/extension.ts', 'src/node/storyWorker.ts'];
  await Promise.all([
    ...entries.map((entry) => esbuild.build({ ...node, entryPoints: [entry], write: false, external: ['vscode'], plugins: [record] })),
    // The web extension, with its `.web.ts` siblings, which may import core modules of their own.
    esbuild.build({ ...node, platform: 'browser', entryPoints: [entries[0]], write: false, external: ['vscode'], plugins: [webSiblings, record] }),
  ]);
  return [...used].sort();
}

/**
 * The entry of dist/core.js: each core module's namespace under its path, for the desktop extension
 * and its worker thread; and the extension for vscode.dev and github.dev, whose host loads one file
 * and lends it no `require` but `vscode`'s. So the package holds the core once, for the three hosts.
 * The web extension is `require`d inside `activate`, which makes esbuild wrap its modules in lazy
 * initialisers: the desktop host and the worker thread, which read only `modules`, never run them
 * (nor `require('vscode')`, which the worker thread could not answer). Its imports of core modules
 * read them from `modules` (see `webCore`), so the core's own modules stay unwrapped, as in the
 * builds that import them directly: wrapped, their constants would become variables set at start-up.
 */
const CORE_MODULES = watch ? coreModules() : await coreModulesImported();

/** A module of core.js that holds each core module's namespace once the entry has run. */
const CORE_REGISTRY = 'star-coach:core-registry';

/**
 * For core.js: an import of a core module from outside the core (the web extension's) reads that
 * module's namespace from the registry the entry fills, as the desktop bundles read it from core.js
 * (`sharedCore`); imports inside the core are bundled as usual.
 */
const webCore = {
  name: 'web-core',
  setup(build) {
    build.onResolve({ filter: /^star-coach:core-registry$/ }, () => ({ path: 'registry', namespace: 'core-registry' }));
    build.onLoad({ filter: /.*/, namespace: 'core-registry' }, () => ({ contents: 'export const registry = {};', loader: 'js' }));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace !== 'file' || args.resolveDir.startsWith(CORE + sep) || args.resolveDir === CORE) return undefined;
      const module = coreModuleOf(args.resolveDir, args.path);
      return module ? { path: module, namespace: 'core-ref' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'core-ref' }, (args) => ({
      contents: `module.exports = require('${CORE_REGISTRY}').registry[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};
const coreEntry = {
  contents: [
    `import { registry } from '${CORE_REGISTRY}';`,
    ...CORE_MODULES.map((module, i) => `import * as m${i} from './${module}';`),
    `export const modules = { ${CORE_MODULES.map((module, i) => `${JSON.stringify(module)}: m${i}`).join(', ')} };`,
    `Object.assign(registry, modules);`,
    `export function activate(context) { return require('../extension/extension').activate(context); }`,
    `export function deactivate() {}`,
  ].join('\n'),
  resolveDir: CORE,
  sourcefile: 'core-modules.js',
  loader: 'js',
};

const builds = [
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/api.ts'], outfile: 'dist/api.js' },
  // The core, shared by the desktop extension, its worker thread and the web extension: built for
  // the browser (no Node APIs), where a module with a `.web.ts` sibling (file reads, the practice
  // log's append) is replaced by it, which uses vscode.workspace.fs. Node runs it as it is.
  {
    ...node,
    platform: 'browser',
    target: 'es2022',
    stdin: coreEntry,
    outfile: 'dist/core.js',
    external: ['vscode'],
    plugins: [webSiblings, webCore],
  },
  // The extension: vscode is provided by the editor at run time.
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './core.js'], plugins: [sharedCore] },
  // The story index's worker thread, beside the extension that starts it.
  { ...node, entryPoints: ['src/node/storyWorker.ts'], outfile: 'dist/storyWorker.js', external: ['./core.js'], plugins: [sharedCore] },
  // The webview pages' one script runs in the browser sandbox of a webview.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/pages.ts'], outfile: 'dist/webview/pages.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
