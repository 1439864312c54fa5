import * as assert from 'assert';
import { CoverageIndex } from '../../src/core/coverage';
import { configNotice, plural, sentence } from '../../src/core/format/words';
import { readConfigText } from '../../src/core/config';
import { renderExpectations } from '../../src/core/views/expectationsPage';

describe('wording', () => {
  it('agrees a count with its noun', () => {
    assert.strictEqual(plural(1, 'story', 'stories'), '1 story');
    assert.strictEqual(plural(0, 'story', 'stories'), '0 stories');
    assert.strictEqual(plural(2, 'Leadership Principle'), '2 Leadership Principles');
  });

  it('never writes "1 stories" on the pages, whatever the goal', () => {
    const index = new CoverageIndex();
    index.upsert({ id: 'a', title: 'A', lpIds: ['dive-deep'] });
    const coverage = index.coverage(1);
    const readiness = index.readiness(1);
    for (const page of ['readiness', 'dive-deep', 'ownership']) {
      const text = renderExpectations({ page, targetLevel: 'L6', coverage, readiness }).text;
      assert.doesNotMatch(text, /\b1 stories\b/, page);
      assert.match(text, page === 'readiness' ? /1 story · / : /of 1 story\b/, page);
    }
    assert.ok(readiness.items.some((item) => item.label === '1 story for each of the 16 LPs'));
  });

  it('makes a sentence: capital, one full stop, no dangling colon', () => {
    assert.strictEqual(sentence('map keys must be unique at line 2, column 1:'), 'Map keys must be unique at line 2, column 1.');
    assert.strictEqual(sentence('Done.'), 'Done.');
    assert.strictEqual(sentence('Why?'), 'Why?');
  });

  it('names the config file and the key once, and ends each sentence with a full stop', () => {
    const notice = (text: string) => {
      const result = readConfigText(text, '.starcoach.yaml');
      assert.ok(!result.ok);
      return configNotice('.starcoach.yaml', result.detail);
    };
    assert.strictEqual(notice('storiesPerLp: 100\n'), 'STAR Coach cannot use .starcoach.yaml: storiesPerLp must be from 1 to 20 stories, not 100. Stories are checked with the default rules until it is fixed.');
    assert.strictEqual(notice('storiesPerLp: 2\nstoriesPerLp: 3\n'), 'STAR Coach cannot use .starcoach.yaml: storiesPerLp appears twice (line 2). Stories are checked with the default rules until it is fixed.');
    assert.strictEqual(notice('rules:\n  nope: warning\n'), 'STAR Coach cannot use .starcoach.yaml: unknown key nope in rules. Stories are checked with the default rules until it is fixed.');
    for (const text of ['foo: 1\n', 'a: [\n', 'rules:\n  too-long: loud\n', 'rules:\n  too-long: { maxMinutes: 100 }\n']) {
      const sentences = notice(text);
      assert.match(sentences, /\. Stories are checked/, text);
      assert.doesNotMatch(sentences, /:\s*\./, text);
      const keys = sentences.match(/storiesPerLp|too-long|maxMinutes|foo/g) ?? [];
      assert.strictEqual(new Set(keys).size, keys.length, `each key once: ${sentences}`);
    }
  });
});
