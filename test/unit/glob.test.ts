import * as assert from 'assert';
import { globMatcher } from '../../src/core/glob';

/** Each pattern with paths it must exclude and paths it must keep, as files.exclude reads them. */
const CASES: Array<[pattern: string, matches: string[], keeps: string[]]> = [
  ['**/.git', ['.git', 'a/.git', 'a/b/.git'], ['.github', 'a/.gitignore', 'git']],
  ['**/node_modules', ['node_modules', 'x/node_modules'], ['node_modules2', 'my_node_modules']],
  ['drafts', ['drafts'], ['a/drafts', 'drafts2']],
  ['drafts/**', ['drafts', 'drafts/a.star.md', 'drafts/x/y.star.md'], ['draftsx', 'a/drafts']],
  ['stories/**/old', ['stories/old', 'stories/a/old', 'stories/a/b/old'], ['stories/older', 'old']],
  ['**/*.tmp.star.md', ['a.tmp.star.md', 'x/y/a.tmp.star.md'], ['a.star.md', 'a.tmp.star.mdx']],
  ['*.star.md', ['a.star.md', '.hidden.star.md'], ['x/a.star.md']],
  ['**/archive-?', ['archive-1', 'x/archive-b'], ['archive-10', 'archive-']],
  ['**/{old,attic}', ['old', 'a/attic'], ['older', 'a/at']],
  ['**/{old,a{b,c}}/x', ['old/x', 'ab/x', 'z/ac/x'], ['ad/x', 'old/y']],
  ['**/year-[0-9]', ['year-1', 'a/year-9'], ['year-a', 'year-10']],
  ['**/v[!0-9]', ['va', 'a/vx'], ['v1', 'v/']],
  ['**/a.b', ['a.b'], ['axb']],
  ['**/(x)+', ['(x)+'], ['x', 'xx']],
  ['./top', ['top'], ['a/top']],
  ['**', ['anything', 'a/b/c'], []],
];

describe('files.exclude globs', () => {
  for (const [pattern, matches, keeps] of CASES) {
    it(`reads ${pattern}`, () => {
      const excluded = globMatcher([pattern]);
      for (const path of matches) assert.ok(excluded(path), `${pattern} should match ${path}`);
      for (const path of keeps) assert.ok(!excluded(path), `${pattern} should not match ${path}`);
    });
  }

  it('combines patterns and ignores blank ones', () => {
    const excluded = globMatcher(['**/.git', ' ', 'drafts/**']);
    assert.ok(excluded('drafts/a.star.md'));
    assert.ok(excluded('x/.git'));
    assert.ok(!excluded('stories/a.star.md'));
    assert.strictEqual(globMatcher([])('anything'), false);
  });

  it('treats an unclosed brace or bracket as a literal character', () => {
    assert.ok(globMatcher(['a{b'])('a{b'));
    assert.ok(globMatcher(['a[b'])('a[b'));
  });
});
