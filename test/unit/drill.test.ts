import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { allQuestions } from '../../src/core/catalog';
import { drillQuestions, preparedFollowUps } from '../../src/core/drill/followUps';
import { lintText } from '../../src/core/engine';
import { parseStory, sectionOf } from '../../src/core/parse/story';
import { ROOT } from './helpers';

const STORY = `---
title: Moved billing to the new database
lps: [Ownership, Dive Deep]
level: L7
outcome: success
---

## Situation
Billing ran on a database that was out of support.

## Task
I owned the migration.

## Action
We migrated the database over two weekends. I wrote the replay tool and we cut over region by region.

## Result
Checkout errors fell by 40% and we saved $120K a year. No data was lost.

## Follow-ups
- Q: How did you measure the 40% drop? / A: From the checkout error dashboard, four weeks before and after.
- **Q:** Who paid for the second weekend?
  **A:** The platform budget; I asked the director for it.
- Q: What was the hardest call?
`;

describe('follow-up drills', () => {
  it('asks about each figure of the Result once, a change whole, up to four', () => {
    const story = parseStory('---\ntitle: T\nlps: [Dive Deep]\n---\n## Situation\nSlow pages.\n## Task\nI owned it.\n## Action\nI profiled it.\n## Result\nP99 fell from 500 ms to 50 ms, errors dropped 40% and we saved $2M a year across 12 teams.\n');
    assert.deepStrictEqual(
      drillQuestions(story).filter((q) => q.kind === 'number').map((q) => q.question),
      ['from 500 ms to 50 ms', '40%', '$2M a year', '12 teams'].map((figure) => `How did you measure "${figure}", and what was it compared with?`),
    );
  });

  it('probes with the follow-ups of the primary LP\'s bank questions nearest the story, not the first in the bank', () => {
    const probes = (file: string) => drillQuestions(parseStory(readFileSync(join(ROOT, 'examples', file), 'utf8'))).filter((q) => q.kind === 'probe').map((q) => q.question);
    const questionOf = (probe: string) => allQuestions().find((q) => q.followUps.includes(probe))!.text;
    // Broad responsibility's first bank question is about an unfair model; this story moves batch jobs to cut carbon.
    const carbon = probes('carbon-aware-batch-scheduling.star.md');
    assert.ok(carbon.length > 0 && carbon.every((p) => /carbon/.test(questionOf(p))), carbon.join(' | '));
    // Earn Trust's, about a hard stakeholder; this story is a mistake that hurt users.
    const mistake = probes('offline-diary-migration-failure.star.md');
    assert.ok(mistake.length > 0 && mistake.every((p) => /mistake/.test(questionOf(p))), mistake.join(' | '));
  });

  it('a Follow-ups section is not part of the Result, and its Q/A lines are not STAR labels', () => {
    const story = parseStory(STORY);
    assert.deepStrictEqual(story.sections.map((s) => s.kind), ['situation', 'task', 'action', 'result', 'other']);
    const result = sectionOf(story, 'result')!;
    assert.ok(!story.text.slice(result.bodyStart, result.bodyEnd).includes('Follow-ups'));
    const ruleIds = lintText(STORY).findings.map((f) => f.ruleId);
    assert.ok(!ruleIds.includes('missing-section'), ruleIds.join(', '));
  });

  it('reads prepared answers on one line, on the next line, and questions without an answer', () => {
    assert.deepStrictEqual(
      preparedFollowUps(parseStory(STORY)).map(({ question, answer }) => [question, answer]),
      [
        ['How did you measure the 40% drop?', 'From the checkout error dashboard, four weeks before and after.'],
        ['Who paid for the second weekend?', 'The platform budget; I asked the director for it.'],
        ['What was the hardest call?', ''],
      ],
    );
  });

  it('asks about each number of the Result, each "we" of the Action, learning, L7 scope, then probes, with prepared answers attached', () => {
    const questions = drillQuestions(parseStory(STORY), { probes: ['What would you measure next time?'] });
    assert.deepStrictEqual(
      questions.map((q) => [q.kind, q.question, q.prepared ?? null]),
      [
        ['number', 'How did you measure "40%", and what was it compared with?', 'From the checkout error dashboard, four weeks before and after.'],
        ['number', 'How did you measure "$120K a year", and what was it compared with?', null],
        ['we', 'What was your own part when "we migrated the database over two weekends"?', null],
        ['we', 'What was your own part when "we cut over region by region"?', null],
        ['learning', 'Looking back, what would you do differently?', null],
        ['scope', 'Who above you had to agree, and how did you convince them?', null],
        ['probe', 'What would you measure next time?', null],
        ['prepared', 'Who paid for the second weekend?', 'The platform budget; I asked the director for it.'],
        ['prepared', 'What was the hardest call?', null],
      ],
    );
  });

  it('asks a failure story what it would do differently, and takes probes from the bank by default', () => {
    const text = readFileSync(join(ROOT, 'examples', 'offline-diary-migration-failure.star.md'), 'utf8');
    const questions = drillQuestions(parseStory(text));
    assert.ok(questions.some((q) => q.kind === 'learning' && /do differently, and have you done it since/.test(q.question)));
    assert.ok(questions.filter((q) => q.kind === 'probe').length >= 2);
  });

  it('never throws on hostile text', () => {
    for (const text of ['', '## Follow-ups\n- A: answer before any question\n', '## Result\n' + '9'.repeat(5000), '## Action\n' + 'we '.repeat(3000)]) {
      assert.ok(Array.isArray(drillQuestions(parseStory(text), { probes: [] })));
    }
  });
});
