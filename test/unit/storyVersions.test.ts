import * as assert from 'assert';
import { DEFAULT_CONFIG, resolveConfig } from '../../src/core/config';
import { lintText } from '../../src/core/engine';
import { StoryVersions } from '../../src/core/storyVersions';

const STORY = '---\ntitle: Cut latency\nlps: [Ownership]\n---\n## Situation\nThe page was slow.\n## Action\nWe fixed it.\n## Result\nIt got better.\n';

/** A document's text, counting how often a feature had to read it. */
function document(text: string) {
  const read = { count: 0 };
  return { read, text: () => (read.count++, text) };
}

describe('one parse and one lint per document version', () => {
  it('parses a version once, whoever asks first, and lints it once per config', () => {
    const versions = new StoryVersions();
    const doc = document(STORY);
    const story = versions.story('a', 1, doc.text);
    assert.strictEqual(versions.story('a', 1, doc.text), story, 'the second feature gets the same story');
    const findings = versions.lint('a', 1, doc.text, DEFAULT_CONFIG);
    assert.strictEqual(versions.lint('a', 1, doc.text, DEFAULT_CONFIG), findings);
    assert.deepStrictEqual(findings, lintText(STORY).findings);
    assert.strictEqual(doc.read.count, 2, 'text read once to parse, once to lint (the lint reuses the parse)');
    const other = resolveConfig({ rules: { 'missing-personal-role': 'off' } });
    assert.notStrictEqual(versions.lint('a', 1, doc.text, other), findings, 'another config lints again');
    assert.strictEqual(versions.findingsIfKnown('a', 1, other)?.some((f) => f.ruleId === 'missing-personal-role'), false);
  });

  it('starts over when the version moves on, and forgets a closed document', () => {
    const versions = new StoryVersions();
    const first = versions.story('a', 1, () => STORY);
    const second = versions.story('a', 2, () => STORY.replace('We fixed it.', 'I fixed it.'));
    assert.notStrictEqual(second, first);
    assert.strictEqual(versions.findingsIfKnown('a', 1, DEFAULT_CONFIG), undefined);
    versions.remember('a', 2, DEFAULT_CONFIG, []);
    assert.deepStrictEqual(versions.findingsIfKnown('a', 2, DEFAULT_CONFIG), [], 'findings from the worker are kept for their version');
    versions.forget('a');
    assert.strictEqual(versions.findingsIfKnown('a', 2, DEFAULT_CONFIG), undefined);
  });

  it('keeps the most recently used documents only', () => {
    const versions = new StoryVersions(2);
    const a = versions.story('a', 1, () => STORY);
    versions.story('b', 1, () => STORY);
    versions.story('a', 1, () => STORY); // a is now the most recent
    versions.story('c', 1, () => STORY); // b goes
    assert.strictEqual(versions.story('a', 1, () => STORY), a);
    const doc = document(STORY);
    versions.story('b', 1, doc.text);
    assert.strictEqual(doc.read.count, 1, 'b was parsed again');
  });

  it('lints a story it could not parse through the engine guard, so the finding says why', () => {
    const versions = new StoryVersions();
    const hostile = `---\ntitle: x\nlps: *nope\n---\n## Situation\n`;
    versions.story('h', 1, () => hostile);
    assert.deepStrictEqual(versions.lint('h', 1, () => hostile, DEFAULT_CONFIG), lintText(hostile).findings);
  });
});
