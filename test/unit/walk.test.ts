import * as assert from 'assert';
import { globMatcher } from '../../src/core/glob';
import { DEFAULT_FILES_EXCLUDE, excludePatterns, filesExcludeFromSettings } from '../../src/core/filesExclude';
import { findConfigFile, type LookupFs } from '../../src/core/lookup';
import { newWalkSeen, walkStories, type Listed, type WalkFs, type WalkSeen } from '../../src/core/walk';

/** A file tree in memory: folders are objects, files are strings, links are { link: absolute target path }. */
type Tree = { [name: string]: Tree | string | { link: string } };
type Node = Tree | string | { link: string } | undefined;
const isLink = (node: Node): node is { link: string } => typeof node === 'object' && 'link' in node && typeof node.link === 'string';

/**
 * The tree as a file system, paths '/'-separated from its top (''). Resolving follows links as a
 * real file system does, and gives up (as ELOOP) after 40 of them.
 */
function fakeFs(tree: Tree, options: { unreadable?: string[]; links?: boolean } = {}): WalkFs<string> & { lists: string[] } {
  const resolve = (path: string, hops = 0): { real: string; node: Node } => {
    let real = '';
    let node: Node = tree;
    for (const name of path.split('/').filter(Boolean)) {
      if (typeof node !== 'object' || isLink(node)) return { real: `${real}/${name}`, node: undefined };
      node = node[name];
      real = real ? `${real}/${name}` : name;
      if (isLink(node)) {
        if (hops > 40) throw Object.assign(new Error('ELOOP'), { code: 'ELOOP' });
        ({ real, node } = resolve(node.link, hops + 1));
      }
    }
    return { real, node };
  };
  const lists: string[] = [];
  return {
    lists,
    list: async (path) => {
      await new Promise((wake) => setTimeout(wake, Math.random() * 3)); // folders answer out of order
      lists.push(path);
      if (options.unreadable?.includes(path)) throw new Error('EACCES');
      const { node } = resolve(path);
      if (typeof node !== 'object' || isLink(node)) throw new Error('ENOTDIR');
      return Object.entries(node).map(([name, child]): Listed => {
        let target: Node = child;
        try {
          target = isLink(child) ? resolve(child.link).node : child;
        } catch {
          target = undefined;
        }
        return { name, kind: typeof target === 'string' ? 'file' : target === undefined ? 'other' : 'folder', link: isLink(child) };
      });
    },
    child: (folder, name) => (folder ? `${folder}/${name}` : name),
    realPath: options.links === false ? undefined : async (path) => {
      const { real, node } = resolve(path);
      if (node === undefined) throw new Error('ENOENT');
      return `/${real}`;
    },
  };
}

async function walk(tree: Tree, options: { excludes?: string[]; unreadable?: string[]; root?: string; concurrency?: number; links?: boolean; seen?: WalkSeen } = {}): Promise<string[]> {
  const found: string[] = [];
  const root = options.root ?? '';
  await walkStories(root, root, {
    ...fakeFs(tree, options),
    excluded: globMatcher(options.excludes ?? []),
    found: (story) => found.push(story),
    concurrency: options.concurrency,
    seen: options.seen,
  });
  return found.sort();
}

const BANK: Tree = {
  'a.star.md': '',
  'notes.md': '',
  stories: { 'b.STAR.md': '', deep: { deeper: { 'c.star.md': '' } }, drafts: { 'd.star.md': '' } },
  node_modules: { 'e.star.md': '' },
  '.git': { 'f.star.md': '' },
  '.stories': { 'g.star.md': '' },
};

describe('story walk', () => {
  it('finds every story in nested folders, listed several at a time', async () => {
    for (const concurrency of [1, 2, 8]) {
      assert.deepStrictEqual(await walk(BANK, { concurrency }), ['.git/f.star.md', '.stories/g.star.md', 'a.star.md', 'node_modules/e.star.md', 'stories/b.STAR.md', 'stories/deep/deeper/c.star.md', 'stories/drafts/d.star.md']);
    }
  });

  it('skips excluded folders and files, matched from the workspace folder; a dot folder only when excluded', async () => {
    assert.deepStrictEqual(await walk(BANK, { excludes: ['**/node_modules', '**/.git', 'stories/drafts', '**/c.star.md'] }), ['.stories/g.star.md', 'a.star.md', 'stories/b.STAR.md']);
    assert.deepStrictEqual(await walk(BANK, { excludes: excludePatterns(DEFAULT_FILES_EXCLUDE) }), ['.stories/g.star.md', 'a.star.md', 'stories/b.STAR.md', 'stories/deep/deeper/c.star.md', 'stories/drafts/d.star.md']);
    // A walk that starts inside the folder still matches paths from the folder's top.
    assert.deepStrictEqual(await walk(BANK, { root: 'stories', excludes: ['stories/drafts'] }), ['stories/b.STAR.md', 'stories/deep/deeper/c.star.md']);
  });

  it('skips a folder it cannot list and goes on with the rest', async () => {
    assert.deepStrictEqual(await walk(BANK, { unreadable: ['stories/deep'], excludes: ['**/node_modules', '**/.git', '**/.stories'] }), ['a.star.md', 'stories/b.STAR.md', 'stories/drafts/d.star.md']);
  });

  it('follows a link to a folder once, a loop of links ends, and each story counts once', async () => {
    const tree: Tree = { bank: { 'a.star.md': '', back: { link: 'bank' }, up: { link: '' } }, shared: { link: 'bank' } };
    const fs = fakeFs(tree);
    const found: string[] = [];
    await walkStories('', '', { ...fs, excluded: () => false, found: (s) => found.push(s) });
    assert.deepStrictEqual(found, ['bank/a.star.md'], 'the path without a link is kept');
    assert.deepStrictEqual(fs.lists.sort(), ['', 'bank'], 'each real folder is listed once');
  });

  it('reaches a story outside the root through a link to a folder, once however many links lead there', async () => {
    const tree: Tree = { elsewhere: { team: { 'x.star.md': '' } }, ws: { one: { link: 'elsewhere/team' }, two: { link: 'elsewhere' }, 'x-link.star.md': { link: 'elsewhere/team/x.star.md' } } };
    const found = await walk(tree, { root: 'ws' });
    assert.strictEqual(found.length, 1, found.join());
    assert.match(found[0], /^ws\/(one|two\/team)\/x\.star\.md$|^ws\/x-link\.star\.md$/);
  });

  it('takes a linked story file, and skips a link to nothing', async () => {
    const tree: Tree = { 'real.star.md': '', 'alias.star.md': { link: 'real.star.md' }, notes: { 'n.star.md': { link: 'gone.star.md' }, 'outside.star.md': { link: 'other/o.star.md' } }, other: { 'o.star.md': '' } };
    const found: string[] = [];
    const skipped: string[] = [];
    await walkStories('', '', { ...fakeFs(tree), excluded: () => false, found: (s) => found.push(s), skipped: (p) => skipped.push(p) });
    assert.deepStrictEqual(found.sort(), ['other/o.star.md', 'real.star.md'], 'each story once, under its own path');
    assert.deepStrictEqual(skipped, ['notes/n.star.md']);
  });

  it('walks sharing what they reached count a story once across them', async () => {
    const tree: Tree = { a: { 's.star.md': '' }, b: { link: 'a' } };
    const seen = newWalkSeen();
    assert.deepStrictEqual([...(await walk(tree, { root: 'a', seen })), ...(await walk(tree, { root: 'b', seen }))], ['a/s.star.md']);
  });

  it('without link resolution, a link inside a linked folder is not followed, so a loop still ends', async () => {
    const tree: Tree = { bank: { 'a.star.md': '', back: { link: 'bank' } }, shared: { link: 'bank' } };
    assert.deepStrictEqual(await walk(tree, { links: false }), ['bank/a.star.md', 'bank/back/a.star.md', 'shared/a.star.md']);
  });

  it('stops when cancelled', async () => {
    const found: string[] = [];
    await walkStories('', '', { ...fakeFs(BANK), excluded: () => false, found: (s) => found.push(s), cancelled: () => found.length > 0 });
    assert.strictEqual(found.length, 1);
  });
});

describe('config lookup', () => {
  const files = new Set(['/home/me/repo/.starcoach.yml', '/home/me/repo/.starcoach.json', '/home/me/.starcoach.yaml', '/home/me/repo/other/.starcoach.json']);
  const fs: LookupFs<string> = {
    child: (folder, name) => `${folder === '/' ? '' : folder}/${name}`,
    parent: (place) => (place === '/' ? undefined : place.slice(0, place.lastIndexOf('/')) || '/'),
    isFile: async (place) => files.has(place),
  };
  it('takes the folder\'s own file, yaml before yml before json, else the nearest above', async () => {
    assert.strictEqual(await findConfigFile(fs, '/home/me/repo'), '/home/me/repo/.starcoach.yml');
    assert.strictEqual(await findConfigFile(fs, '/home/me/repo/stories/deep'), '/home/me/repo/.starcoach.yml');
    assert.strictEqual(await findConfigFile(fs, '/home/me/repo/other'), '/home/me/repo/other/.starcoach.json');
    assert.strictEqual(await findConfigFile(fs, '/home/you'), undefined);
    assert.strictEqual(await findConfigFile(fs, '/home/me'), '/home/me/.starcoach.yaml');
  });
});

describe('files.exclude', () => {
  it('reads a workspace settings file with comments and trailing commas, over VS Code\'s defaults', () => {
    const text = '{\n  // hide drafts\n  "files.exclude": { "**/drafts": true, "**/.git": false, /* kept */ "a//b": true, },\n  "editor.tabSize": 2,\n}\n';
    const { setting, problem } = filesExcludeFromSettings(text);
    assert.strictEqual(problem, undefined);
    assert.deepStrictEqual(excludePatterns(setting).sort(), ['**/.DS_Store', '**/.hg', '**/.svn', '**/Thumbs.db', '**/drafts', '**/node_modules', 'a//b']);
  });

  it('falls back to the defaults, with a reason, for text that is not JSON', () => {
    const { setting, problem } = filesExcludeFromSettings('{ "files.exclude": ');
    assert.deepStrictEqual(setting, DEFAULT_FILES_EXCLUDE);
    assert.match(problem ?? '', /not valid JSON/);
  });

  it('ignores a `when` condition and values of the wrong type', () => {
    assert.deepStrictEqual(excludePatterns({ '**/*.js': { when: '$(basename).ts' }, x: 'yes', y: true }), ['**/node_modules', 'y']);
    assert.deepStrictEqual(excludePatterns(null), ['**/node_modules']);
  });
});
