import * as assert from 'assert';
import fc from 'fast-check';
import { allLps } from '../../src/core/catalog';
import { CoverageIndex, storiesText, summarize } from '../../src/core/coverage';
import { lintText } from '../../src/core/engine';
import { fixText } from '../../src/core/fix';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { isDraft, parseStory, promptComment, STAR_KINDS } from '../../src/core/parse/story';
import { storySkeletons } from '../../src/core/snippets';
import { storyTemplate } from '../../src/core/templates';
import type { Level } from '../../src/core/parse/frontMatter';

/** The text a snippet inserts when every tab stop keeps its placeholder. */
function expand(body: string): string {
  return body.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_match, text: string) => text.replace(/\\(.)/g, '$1'));
}

/** Every untouched template: New Story for each LP at each level, and every skeleton completion. */
function untouchedTemplates(): Array<{ name: string; text: string }> {
  const levels: Level[] = ['L5', 'L6', 'L7', 'L8'];
  const fromNewStory = allLps().flatMap((lp) => levels.map((level) => ({ name: `New Story ${lp.id} ${level}`, text: storyTemplate({ title: 'Cut checkout latency', lps: [lp], level }) })));
  return [...fromNewStory, ...storySkeletons().map((s) => ({ name: `skeleton ${s.prefix}`, text: expand(s.body) }))];
}

/** The text with the body of the given STAR section (its prompt line) replaced by `content`. */
function fillSection(text: string, kind: string, content: string): string {
  const title = kind.charAt(0).toUpperCase() + kind.slice(1);
  return text.replace(new RegExp(`(## ${title}\\n\\n)<!--[^\\n]*-->`), (_m, head: string) => head + content);
}

const CONTENT_RULES = ['missing-personal-role', 'unquantified-result', 'vague-claim', 'blame-language', 'scope-below-level', 'situation-heavy', 'too-long'];

describe('a template is not a story', () => {
  const templates = untouchedTemplates();

  it('every untouched template is a draft: four empty STAR parts, no content rule satisfied or raised', () => {
    for (const { name, text } of templates) {
      const { story, findings } = lintText(text);
      assert.ok(isDraft(story), `${name} is a draft`);
      const empty = findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message.split('.')[0]);
      assert.deepStrictEqual(empty, ['The Situation is empty', 'The Task is empty', 'The Action is empty', 'The Result is empty'], name);
      const content = findings.filter((f) => CONTENT_RULES.includes(f.ruleId));
      assert.deepStrictEqual(content, [], `${name}: a prompt is no content to check`);
      const summary = summarize(name, story, findings);
      assert.strictEqual(summary.check!.draft, true, name);
      assert.strictEqual(summary.check!.quantified, false, `${name}: "From X to Y" is a prompt, not a result`);
    }
  });

  it('a story stops being a draft as soon as any part holds a word, and is checked for real then', () => {
    const template = storyTemplate({ title: 'Cut checkout latency', lps: [allLps().find((lp) => lp.id === 'ownership')!], level: 'L6' });
    for (const kind of [...STAR_KINDS, 'learning']) {
      const filled = fillSection(template, kind, 'We shipped it.');
      assert.notStrictEqual(filled, template, kind);
      assert.strictEqual(isDraft(parseStory(filled)), false, kind);
    }
    // The Action filled without "I": now the personal-role rule speaks, which it did not for the prompt.
    const action = lintText(fillSection(template, 'action', 'The team rewrote the cache and we shipped it over two sprints with care.'));
    assert.ok(action.findings.some((f) => f.ruleId === 'missing-personal-role'));
  });

  it('property: whatever prompt text a template carries, the section holding only it stays unfilled', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (prompt) => {
        const text = `---\ntitle: T\nlps: [Ownership]\n---\n## Situation\n\n${promptComment(prompt)}\n\n## Result\n\n${promptComment(prompt)}\n`;
        const { story, findings } = lintText(text);
        assert.ok(isDraft(story), JSON.stringify(prompt));
        assert.strictEqual(findings.filter((f) => f.ruleId === 'missing-section' && / is empty\./.test(f.message)).length, 2, JSON.stringify(prompt));
      }),
      { numRuns: 300 },
    );
  });

  it('front matter alone, headings alone or nothing at all is a draft; prose anywhere in the body is not', () => {
    assert.ok(isDraft(parseStory('---\ntitle: T\nlps: [Ownership]\n---\n')));
    assert.ok(isDraft(parseStory('---\ntitle: T\n---\n# Title\n\n## Situation\n\n## Task\n')));
    assert.ok(isDraft(parseStory('')));
    assert.ok(!isDraft(parseStory('---\ntitle: T\n---\nI cut the latency from 2 s to 300 ms.\n')), 'a story told without headings');
    assert.ok(!isDraft(parseStory('---\ntitle: T\n---\nA line before any heading.\n## Situation\n')));
    assert.ok(!isDraft(parseStory('Situation: we had 3 outages.\nTask: mine.\n')));
  });

  it('an inserted section selects exactly its prompt comment, in LF, CRLF and label stories', () => {
    for (const text of ['', '---\ntitle: T\nlps: [Ownership]\n---\n', '---\r\ntitle: T\r\n---\r\n## Result\r\nI cut 10%.\r\n', 'Situation: we had 3 outages.\nResult: I cut them to 1.\n']) {
      const fixes = lintText(text).findings.filter((f) => f.ruleId === 'missing-section').flatMap((f) => f.fixes);
      assert.ok(fixes.length > 0, JSON.stringify(text));
      for (const fix of fixes) {
        const [edit] = fix.edits;
        assert.ok(edit.select, fix.title);
        assert.match(edit.newText.slice(edit.select.start, edit.select.end), /^<!-- [^\r\n]+ -->$/, `${fix.title} in ${JSON.stringify(text)}`);
      }
    }
  });

  it('Fix All on an empty story inserts prompts, not content: it stays a draft', () => {
    const fixed = fixText('---\ntitle: Empty\nlps: [Ownership]\n---\n', DEFAULT_CONFIG).text;
    assert.match(fixed, /## Situation/);
    assert.ok(isDraft(parseStory(fixed)), fixed);
  });
});

describe('drafts in the coverage', () => {
  const ownership = (id: string, body: string) => {
    const { story, findings } = lintText(`---\ntitle: ${id}\nlps: [Ownership, Frugality]\n---\n${body}`);
    return summarize(id, story, findings);
  };
  const template = storyTemplate({ title: 'Empty', lps: [allLps().find((lp) => lp.id === 'ownership')!], level: 'L6' }).replace(/^---[\s\S]*?\n---\n/, '');

  it('two untouched templates and one story: Ownership counts 1 and lists 3, readiness names the 2 drafts apart', () => {
    const index = new CoverageIndex();
    index.upsert(ownership('draft-1', template));
    index.upsert(ownership('draft-2', template));
    index.upsert(ownership('real', '## Result\nI cut cost by 10%.\n'));
    const lp = index.coverage(3).find((c) => c.lp.id === 'ownership')!;
    assert.deepStrictEqual([lp.count, lp.drafts, lp.stories.length, lp.status], [1, 2, 3, 'partial']);
    assert.strictEqual(index.counts().get('frugality'), 1);
    const readiness = index.readiness(3);
    assert.deepStrictEqual([readiness.stories, readiness.drafts], [1, 2]);
    assert.strictEqual(storiesText(readiness), '1 story and 2 drafts');
    assert.deepStrictEqual(readiness.items.find((i) => i.id === 'quantified')!, { id: 'quantified', label: 'Every result quantified', done: 1, total: 1, met: true });
  });

  it('a draft filled in counts; emptied again, it stops counting; removed, it leaves no trace', () => {
    const index = new CoverageIndex();
    index.upsert(ownership('s', template));
    assert.strictEqual(index.counts().get('ownership'), 0);
    index.upsert(ownership('s', fillSection(template, 'result', 'I cut cost by 10%.')));
    assert.strictEqual(index.counts().get('ownership'), 1);
    index.upsert(ownership('s', template));
    assert.deepStrictEqual([index.counts().get('ownership'), index.coverage(3).find((c) => c.lp.id === 'ownership')!.drafts], [0, 1]);
    index.remove('s');
    const lp = index.coverage(3).find((c) => c.lp.id === 'ownership')!;
    assert.deepStrictEqual([lp.count, lp.drafts, index.readiness(3).drafts], [0, 0, 0]);
  });

  it('a story counted from its front matter alone counts until its check finds it a draft', () => {
    const index = new CoverageIndex();
    const checked = ownership('s', template);
    index.upsert({ ...checked, check: undefined });
    assert.strictEqual(index.counts().get('ownership'), 1);
    index.upsert(checked);
    assert.strictEqual(index.counts().get('ownership'), 0);
  });
});
