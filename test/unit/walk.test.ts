import * as assert from 'assert';
import { globMatcher } from '../../src/core/glob';
import { walkStories, type Listed } from '../../src/core/walk';

/** A file tree in memory: folders are objects, files are strings, links are { link: target path }. */
type Tree = { [name: string]: Tree | string | { link: string } };

function lister(tree: Tree, unreadable: string[] = []) {
  const at = (path: string): Tree => path.split('/').filter(Boolean).reduce<Tree>((node, name) => {
    const next = node[name];
    return (typeof next === 'object' && 'link' in next ? at(next.link as string) : next) as Tree;
  }, tree);
  return async (path: string): Promise<Listed[]> => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3)); // folders answer out of order
    if (unreadable.includes(path)) throw new Error('EACCES');
    return Object.entries(at(path)).map(([name, node]) => {
      const link = typeof node === 'object' && 'link' in node;
      const target = link ? at((node as { link: string }).link) : node;
      return { name, kind: typeof target === 'string' ? 'file' : 'folder', link };
    });
  };
}

async function walk(tree: Tree, options: { excludes?: string[]; unreadable?: string[]; root?: string; concurrency?: number } = {}): Promise<string[]> {
  const found: string[] = [];
  const root = options.root ?? '';
  await walkStories(root, root, {
    list: lister(tree, options.unreadable),
    child: (folder, name) => (folder ? `${folder}/${name}` : name),
    excluded: globMatcher(options.excludes ?? []),
    found: (story) => found.push(story),
    concurrency: options.concurrency,
  });
  return found.sort();
}

const BANK: Tree = {
  'a.star.md': '',
  'notes.md': '',
  stories: { 'b.STAR.md': '', deep: { deeper: { 'c.star.md': '' } }, drafts: { 'd.star.md': '' } },
  node_modules: { 'e.star.md': '' },
  '.git': { 'f.star.md': '' },
};

describe('story walk', () => {
  it('finds every story in nested folders, listed several at a time', async () => {
    for (const concurrency of [1, 2, 8]) {
      assert.deepStrictEqual(await walk(BANK, { concurrency }), ['.git/f.star.md', 'a.star.md', 'node_modules/e.star.md', 'stories/b.STAR.md', 'stories/deep/deeper/c.star.md', 'stories/drafts/d.star.md']);
    }
  });

  it('skips excluded folders and files, matched from the workspace folder', async () => {
    assert.deepStrictEqual(await walk(BANK, { excludes: ['**/node_modules', '**/.git', 'stories/drafts', '**/c.star.md'] }), ['a.star.md', 'stories/b.STAR.md']);
    // A walk that starts inside the folder still matches paths from the folder's top.
    assert.deepStrictEqual(await walk(BANK, { root: 'stories', excludes: ['stories/drafts'] }), ['stories/b.STAR.md', 'stories/deep/deeper/c.star.md']);
  });

  it('skips a folder it cannot list and goes on with the rest', async () => {
    assert.deepStrictEqual(await walk(BANK, { unreadable: ['stories/deep'], excludes: ['**/node_modules', '**/.git'] }), ['a.star.md', 'stories/b.STAR.md', 'stories/drafts/d.star.md']);
  });

  it('follows a link to a folder once, and a loop of links ends', async () => {
    const tree: Tree = { bank: { 'a.star.md': '', back: { link: 'bank' } }, shared: { link: 'bank' } };
    assert.deepStrictEqual(await walk(tree), ['bank/a.star.md', 'bank/back/a.star.md', 'shared/a.star.md']);
  });

  it('stops when cancelled', async () => {
    const found: string[] = [];
    await walkStories('', '', { list: lister(BANK), child: (f, n) => (f ? `${f}/${n}` : n), excluded: () => false, found: (s) => found.push(s), cancelled: () => found.length > 0 });
    assert.strictEqual(found.length, 1);
  });
});
