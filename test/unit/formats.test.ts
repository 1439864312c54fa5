import * as assert from 'assert';
import { lintText } from '../../src/core/engine';
import { countWords } from '../../src/core/text';

const FRONT = '---\ntitle: T\nlps: [Ownership]\n---\n';
const rules = (body: string) => lintText(FRONT + body).findings.map((f) => f.ruleId);
const kinds = (body: string) => lintText(FRONT + body).story.sections.map((s) => s.kind);

/** Each way people write a story's parts, one story apiece: all four parts found, none reported missing. */
const FORMATS: Record<string, string> = {
  'emoji headings': '## 🌍 Situation\nS.\n## 🎯 Task\nT.\n## 🛠️ Action\nI did A.\n## 📈 Result\nUp 10%.\n',
  'numbered headings': '## 1. SITUATION:\nS.\n## 2. Task\nT.\n## 3. Action\nI did A.\n## 4. Result\nUp 10%.\n',
  'letter and name headings': '### **S – Situation**\nS.\n### **T – Task**\nT.\n### **A – Action**\nI did A.\n### **R – Result**\nUp 10%.\n',
  'setext headings': 'Situation\n---------\nS.\n\nTask\n----\nT.\n\nAction\n------\nI did A.\n\nResult\n------\nUp 10%.\n',
  'list-item bold labels with nested bullets': '- **Situation**:\n  - S.\n- **Task**:\n  - T.\n- **Action**:\n  - I did A.\n- **Result**:\n  - Up 10%.\n',
  'star list with bold labels': '* **S - Situation:** S.\n* **T - Task:** T.\n* **A - Action:** I did A.\n* **R - Result:** Up 10%.\n',
  'plain list labels': '- Situation: S.\n- Task: T.\n- Actions: I did A.\n- Results: Up 10%.\n',
  'bold label alone on its line': '**Situation**\nS.\n\n**Task**\nT.\n\n**Action**\nI did A.\n\n**Result**\nUp 10%.\n',
  'capitals with timings': '**SITUATION** (30 seconds)\n> S.\n\n**TASK** (15 seconds)\n> T.\n\n**ACTION** (90 seconds)\n> I did A.\n\n**RESULT** (30 seconds)\n> Up 10%.\n',
  'HTML bold labels': '- <strong> Situation </strong>: S.\n- <strong> Task </strong>: T.\n- <strong> Action </strong>: I did A.\n- <strong> Result </strong>: Up 10%.\n',
  'letter and dash': 'S– S.\nT– T.\nA– I did A.\nR– Up 10%.\n',
  'letters in brackets': '(S) S.\n(T) T.\n(A) I did A.\n(R) Up 10%.\n',
  'letters in brackets mid-line': 'Great question. (S) S was bad.\n\n(T) T.\n\n(A) I did A. (R) Up 10%.\n',
  'names in brackets mid-line': 'Thanks for asking! (Situation) S was bad. (Task) T was mine.\n(Action) I did A. (Result) Up 10%.\n',
  'labels inside one paragraph': 'Situation: S was bad. Task: T was mine. Action: I did A. Result: Up 10%.\n',
  'name alone on its line': 'Situation\nS.\n\nTask\nT.\n\nAction\nI did A.\n\nResult\nUp 10%.\n',
};

describe('story formats people publish', () => {
  for (const [name, body] of Object.entries(FORMATS)) {
    it(`reads ${name}`, () => {
      assert.deepStrictEqual(kinds(body).filter((k) => k !== 'other'), ['situation', 'task', 'action', 'result'], name);
      assert.ok(!rules(body).includes('missing-section'), name);
    });
  }

  it('reads "What I would do differently" and its kin as a Learning, not part of the Result', () => {
    for (const heading of ['## What I would do differently', "**What I'd Do Differently:**", '## Key takeaways', '## Looking back']) {
      assert.deepStrictEqual(kinds(`## Result\nIt failed.\n${heading}\nTest earlier.\n`).slice(-1), ['learning'], heading);
    }
  });

  it('points at a heading typed with a no-break space, and mends it', () => {
    const text = `${FRONT}## Situation\nS.\n## Task\nT.\n##\u00a0Action\nI did A.\n## Result\nUp 10%.\n`;
    const findings = lintText(text).findings.filter((f) => f.ruleId === 'missing-section');
    assert.strictEqual(findings.length, 1);
    assert.strictEqual(findings[0].range.start.line, 8);
    assert.deepStrictEqual(findings[0].fixes[0].edits[0].newText, ' ');
  });

  it('a story with no part marked says so once, and its content is still checked', () => {
    const findings = lintText(`${FRONT}We had a problem with the build and the team spent weeks on it. We fixed it together in the end and everyone was happy with how it went.\n`).findings;
    assert.strictEqual(findings.filter((f) => f.ruleId === 'missing-section').length, 1);
    assert.ok(findings.some((f) => f.ruleId === 'missing-personal-role'));
    assert.ok(findings.some((f) => f.ruleId === 'unquantified-result'));
  });
});

describe('precision on how people write', () => {
  it('"I was" and a state is not an action; "I was the one who" is', () => {
    assert.ok(rules('## Action\nI was too optimistic about the date, and by March I was burned out.\n## Result\nUp 10%.\n').includes('missing-personal-role'));
    assert.ok(!rules('## Action\nI was the one who made the call to roll back.\n## Result\nUp 10%.\n').includes('missing-personal-role'));
  });

  it('a short Action is checked too', () => {
    assert.ok(rules('## Action\nWe did it.\n## Result\nUp 10%.\n').includes('missing-personal-role'));
  });

  it('an answer told as one quotation is the speaker\'s own', () => {
    assert.ok(!rules('## Action\n"I met each of them separately, then set up a vote."\n## Result\nUp 10%.\n').includes('missing-personal-role'));
  });

  it('hypotheticals and unmeasured improvements are vague; narrative "would" and measured claims are not', () => {
    const vague = (body: string) => lintText(FRONT + body).findings.filter((f) => f.ruleId === 'vague-claim').length;
    assert.strictEqual(vague('## Action\nI would listen to the customer and I would fix it.\n'), 2);
    assert.strictEqual(vague('## Action\nI told her we would miss the date. I would have tested earlier.\n'), 0);
    assert.strictEqual(vague('## Result\nData quality improved dramatically, a significant increase in revenue.\n'), 2);
    assert.strictEqual(vague('## Result\nData quality improved dramatically, from 80% to 99% clean rows.\n'), 0);
  });

  it('situation-heavy leaves a margin around its aim', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const near = `## Situation\n${words(36)}\n## Action\nI ${words(47)}\n## Result\n${words(16)} 10%.\n`;
    assert.ok(!rules(near).includes('situation-heavy'), 'a 36% setup is near the aim');
    const heavy = `## Situation\n${words(60)}\n## Action\nI ${words(20)}\n## Result\n${words(18)} 10%.\n`;
    assert.ok(rules(heavy).includes('situation-heavy'));
  });
});

describe('front matter and text measures', () => {
  it('a byte order mark hides no heading', () => {
    assert.deepStrictEqual(lintText('\ufeff# Title\n## Situation\nS.\n').story.sections.map((s) => s.kind), ['other', 'situation']);
  });

  it('names the real problem: a field in the wrong case, or TOML front matter', () => {
    const messages = (text: string) => lintText(text).findings.filter((f) => f.ruleId === 'invalid-front-matter').map((f) => f.message);
    assert.deepStrictEqual(messages('---\nTitle: T\nLPs: [Ownership]\n---\n'), ['Front matter: "Title" should be written "title" (field names are lower case).', 'Front matter: "LPs" should be written "lps" (field names are lower case).']);
    assert.match(messages('+++\ntitle = "T"\n+++\n')[0], /TOML/);
  });

  it('counts CJK characters as spoken words, and emoji and arrows as none', () => {
    assert.strictEqual(countWords('我们把延迟降低了一半'), 10);
    assert.strictEqual(countWords('Latency → 50 ms 🚀🚀'), 3);
  });

  it('keeps finding offsets right after characters that grow when lowered', () => {
    const text = `${FRONT}## Action\nİİİİ we worked hard.\n`;
    const vague = lintText(text).findings.find((f) => f.ruleId === 'vague-claim')!;
    const lines = text.split('\n');
    assert.strictEqual(lines[vague.range.start.line].slice(vague.range.start.character, vague.range.end.character), 'worked hard');
  });
});
