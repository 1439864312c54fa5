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
  'labels on one line between separators': 'Situation: S was bad | Task: T was mine | Action: I did A | Result: Up 10%\n',
  'labels on one line between dots': 'Situation: S was bad · Task: T was mine · Action: I did A · Result: Up 10%\n',
  'letters on one line between bars': 'S: S was bad |T: T was mine |A: I did A |R: Up 10%\n',
  'letters on one line between semicolons': 'S: S was bad; T: T was mine; A: I did A; R: Up 10%\n',
  'names on one line between spaced dashes': 'Situation: S was bad – Task: T was mine – Action: I did A – Result: Up 10%\n',
  'name alone on its line': 'Situation\nS.\n\nTask\nT.\n\nAction\nI did A.\n\nResult\nUp 10%.\n',
  'letters in brackets closing each part': 'In my last year, S was bad (S). T was mine (T). I did A (A). It went up 10% (R).\n',
  'names in brackets closing each part, mid-sentence': 'While I was new there (Situation), S was bad and T was mine (Task).\nI did A (Action). It went up 10% (Result).\n',
  'names in brackets closing each part, a new sentence after each': 'S was bad. (Situation) T was mine. (Task) I did A. (Action) It went up 10%. (Result)\n',
  'a quoted answer under its question, names in brackets closing each part': '**Describe a problem you solved.**\n\n"S was bad. (Situation) T was mine. (Task) I did A. (Action) It went up 10%." (Result)\n',
  'bare names with no colon': 'Situation There are 7 of us.\nTask We had to do T.\nAction I did A.\nResult Up 10%.\n',
  'bold letter and dash': '**S** — S.\n\n**T** — T.\n\n**A** — I did A.\n\n**R** — Up 10%.\n',
  'names in capitals and a dash': 'SITUATION – S.\n\nTASK – T.\n\nACTION – I did A.\n\nRESULT – Up 10%.\n',
  'lower-case names and a dash in a list': '* situation - S.\n* task - T.\n* action - I did A.\n* result - Up 10%.\n',
  'emoji before bold labels': '🎯 **Situation:** S.\n\n📌 **Task:** T.\n\n🔧 **Action:** I did A.\n\n🏆 **Result:** Up 10%.\n',
  'labels in a block quote': '> **Situation:** S.\n>\n> **Task:** T.\n>\n> **Action:** I did A.\n>\n> **Result:** Up 10%.\n',
  'numbered headings with a subtitle': '## 1. SITUATION: Why we needed it\nS.\n## 2. TASK: What we chose\nT.\n## 3. IN ACTION: Building it\nI did A.\n## 4. RESULT – Where it ended up\nUp 10%.\n',
  'parts asked as questions': '**What was the situation?**\nS.\n\n**What was your task?**\nT.\n\n**What did you do?**\nI did A.\n\n**What was the result?**\nUp 10%.\n',
  'parts titled in words': '**The situation**\n\nS.\n\n**What we had to do**\n\nT.\n\n**What we did**\n\nI did A.\n\n**How it turned out**\n\nUp 10%.\n',
};

/** Prose that looks like one of those shapes once, and is prose. */
const NOT_PARTS: Record<string, string> = {
  'one option in brackets': '## Situation\nS.\n## Task\nT.\n## Action\nI weighed two plans and chose plan (A). I wrote it up.\n## Result\nUp 10%.\n',
  'a line opening with a part name': '## Situation\nS.\n## Task\nT.\n## Action\nI did A.\nResult Tracking was the name of the tool I wrote.\n## Result\nUp 10%.\n',
  'a goal line inside the Task': '## Situation\nS.\n## Task\nGoal: cut the cost.\n## Action\nI did A.\n## Result\nUp 10%.\n',
};

describe('story formats people publish', () => {
  for (const [name, body] of Object.entries(FORMATS)) {
    it(`reads ${name}`, () => {
      assert.deepStrictEqual(kinds(body).filter((k) => k !== 'other'), ['situation', 'task', 'action', 'result'], name);
      assert.ok(!rules(body).includes('missing-section'), name);
    });
  }

  for (const [name, body] of Object.entries(NOT_PARTS)) {
    it(`reads ${name} as prose, not a part`, () => {
      assert.deepStrictEqual(kinds(body), ['situation', 'task', 'action', 'result'], name);
    });
  }

  it('a part closed by its marker runs from the previous marker, and its body is its own', () => {
    const story = lintText(`${FRONT}Great question. I was new there (S). The migration was mine (T).\n\nI wrote the plan (A).\n`).story;
    const bodies = story.sections.map((s) => [s.kind, story.text.slice(s.bodyStart, s.bodyEnd).trim()]);
    assert.deepStrictEqual(bodies, [['situation', 'Great question. I was new there'], ['task', 'The migration was mine'], ['action', 'I wrote the plan']]);
  });

  it('reads markers as closing their parts only when the last one ends the telling and no marker of another scheme stands', () => {
    // The last marker has text after it: the markers open their parts.
    assert.deepStrictEqual(kinds('S was bad. (Task) T was mine. (Action) I did A. (Result) It went up 10%.\n'), ['task', 'action', 'result']);
    // "(C)" of Context, Action, Result is no STAR marker: the story is read as one telling, and its
    // Context is not named missing.
    const car = 'The open rate had slid to 11% (C) → I rebuilt the list into five segments (A) → the open rate rose to 26% (R).\n';
    assert.deepStrictEqual(kinds(car), []);
    // A draft whose markers open their parts, the last left empty: the parts do not shift by one,
    // and the Result is named missing.
    const draft = '(Situation) Our depot ran late every week. (Task) I had to fix the loading order. (Action) I walked the yard with each driver. (Result)\n';
    assert.deepStrictEqual(kinds(draft), ['situation', 'task', 'action']);
    assert.ok(lintText(FRONT + draft).findings.some((f) => f.message.startsWith('The story has no Result')));
    // Closing markers in a hard-wrapped telling, the first opening a line after the setting: still closing.
    assert.deepStrictEqual(kinds('The committee was short of funds and the ball was at risk.\n(Situation) As treasurer I had to find the money. (Task) I wrote to 40 firms and ran a raffle. (Action) The ball sold out and we cleared £2,000. (Result)\n').filter((k) => k !== 'other'), ['situation', 'task', 'action', 'result']);
    // A long run of blanks after the last marker is read at once (the end alone is searched).
    assert.deepStrictEqual(kinds(`S was bad. (Situation) T was mine. (Task) I did A. (Action) It went up 10%. (Result)${' '.repeat(300_000)}x\n`).filter((k) => k !== 'other'), ['situation', 'task', 'action', 'result']);
  });

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

  it('a story with no part marked is measured on how it ends, not on numbers in its setup', () => {
    const fires = (body: string) => rules(body).includes('unquantified-result');
    // One paragraph: the second half of its sentences.
    assert.ok(fires('I had three deadlines in one week and 2 group projects. I made a schedule. I broke each piece into steps. I handed everything in on time.\n'));
    assert.ok(!fires('I had three deadlines in one week. I made a schedule. I broke each piece into steps. I handed all three in, two days early.\n'));
    // Several paragraphs: the last one.
    assert.ok(fires('In 2021 five of us had a report to write.\n\nWe split the work and met 12 times.\n\nWe handed it in on time and got good feedback.\n'));
    assert.ok(!fires('We had a report to write.\n\nWe split the work.\n\nIt scored 72%, the best mark in the year.\n'));
    // A last paragraph that tells the lesson: the outcome is told just before it.
    assert.ok(!fires('We had a report to write.\n\nIt scored 72%, the best mark in the year.\n\nI learned to split the work on day one.\n'));
    assert.ok(fires('We had 3 reports to write.\n\nWe handed them in.\n\nLooking back, I would split the work on day one.\n'));
  });

  it('a story with no part marked says so once, and its telling is still checked for a personal role; its Result waits until it can be found', () => {
    const findings = lintText(`${FRONT}We had a problem with the build and the team spent weeks on it. We fixed it together in the end and everyone was happy with how it went.\n`).findings;
    assert.strictEqual(findings.filter((f) => f.ruleId === 'missing-section').length, 1);
    assert.ok(findings.some((f) => f.ruleId === 'missing-personal-role'));
    // Under three sentences the parser cannot say where the Result starts ("I read up on it and
    // wrote a buffer" may be the Action): an absent Result is missing-section's, not a Result with no number.
    assert.ok(!findings.some((f) => f.ruleId === 'unquantified-result'));
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

  it('what one would do is no action, and the message says so with the sentence', () => {
    const [finding] = lintText(`${FRONT}## Action\n"I would listen first. Then I would make a new one myself."\n## Result\nUp 10%.\n`).findings.filter((f) => f.ruleId === 'missing-personal-role');
    assert.strictEqual(finding.message, 'It tells what you would do, not what you did: "I would listen first." Tell this story\'s steps in the past tense, as "I listened", "I fixed": your decision, your analysis, your code.');
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
