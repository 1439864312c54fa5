import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { allLps } from '../../src/core/catalog';
import { lintText } from '../../src/core/engine';
import { storySkeletons } from '../../src/core/snippets';
import { ROOT } from './helpers';

/** The text a snippet inserts when every tab stop keeps its placeholder. */
function expand(body: string): string {
  return body.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_match, text: string) => text.replace(/\\(.)/g, '$1'));
}

describe('story skeletons', () => {
  const skeletons = storySkeletons();

  it('offers star, star-<lp-id> and star-<lp-id>-l7 for every LP, once each', () => {
    const prefixes = skeletons.map((s) => s.prefix);
    assert.strictEqual(new Set(prefixes).size, prefixes.length);
    assert.deepStrictEqual(prefixes.slice(0, 3), ['star', `star-${allLps()[0].id}`, `star-${allLps()[0].id}-l7`]);
    assert.strictEqual(prefixes.length, 1 + 2 * allLps().length);
  });

  it('inserts a story whose front matter is valid and whose LP is the one named', () => {
    for (const skeleton of skeletons) {
      const { story } = lintText(expand(skeleton.body));
      assert.deepStrictEqual(story.frontMatter.problems, [], skeleton.prefix);
      assert.strictEqual(story.frontMatter.meta.title, 'Story title', skeleton.prefix);
      const lp = allLps().find((l) => skeleton.prefix === `star-${l.id}` || skeleton.prefix === `star-${l.id}-l7`);
      assert.deepStrictEqual(story.frontMatter.meta.lps, [lp?.name ?? 'Dive Deep'], skeleton.prefix);
      assert.strictEqual(story.frontMatter.meta.level, skeleton.prefix.endsWith('-l7') ? 'L7' : 'L6', skeleton.prefix);
    }
  });

  it('is not contributed as a snippet file, which would reach every Markdown file', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.contributes.snippets, undefined);
  });
});
