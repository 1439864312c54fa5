import * as assert from 'assert';
import { allQuestions } from '../../src/core/catalog';
import { lintText } from '../../src/core/engine';
import { BankTerms, storyTerms, storyWords, StoryMatcher } from '../../src/core/match/rank';
import { practiceHistory, profileStory } from '../../src/core/plan/profile';
import { DrillSession, StoryDrillSession, type TellableStory } from '../../src/core/practice/drill';
import { entryLine, parsePracticeLog, practiceEntrySchema, type PracticeEntry } from '../../src/core/practice/log';
import { MOCK_STORIES_SHOWN, MockSession, storiesForQuestion } from '../../src/core/practice/session';

/** A clock the test moves by hand, in milliseconds; it starts on 2026-11-29 10:00 UTC. */
function fakeClock() {
  let now = Date.UTC(2026, 10, 29, 10, 0, 0);
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const question = allQuestions().find((q) => q.id === 'dive-deep-02')!;

const LATENCY = `---
title: Found the slow fraud call behind healthy dashboards
lps: [Dive Deep, Customer Obsession]
level: L6
---
## Situation
The dashboards looked healthy but checkout conversion was slipping.
## Task
I owned the checkout service and suspected the averages hid something.
## Action
I pulled the raw request traces and found a synchronous fraud call on the slowest pages. We moved the call behind a queue.
## Result
P99 latency fell from 900 ms to 180 ms and conversion recovered 4%.
## Follow-ups
- Q: How did you measure "900 ms"? / A: From the load balancer logs, a week before and after.
`;

const SURVEY = `---
title: Read every support ticket for a month
lps: [Customer Obsession]
level: L6
---
## Situation
Support tickets doubled after a release.
## Task
I wanted to know what customers actually hit.
## Action
I read every ticket for a month and grouped them by cause.
## Result
Tickets fell 30% after we fixed the top three causes.
`;

const BUDGET = `---
title: Cut the logging bill
lps: [Frugality]
---
## Situation
Logging cost more than compute.
## Task
I had to halve it.
## Action
I sampled debug logs.
## Result
The bill fell 55%.
`;

/** The bank, profiled with a practice log as the editor and the terminal do. */
function bank(entries: readonly PracticeEntry[] = []): TellableStory[] {
  const history = practiceHistory(entries);
  return Object.entries({ 'stories/latency.star.md': LATENCY, 'stories/survey.star.md': SURVEY, 'stories/budget.star.md': BUDGET }).map(([file, text]) => {
    const { story, findings } = lintText(text);
    return { profile: profileStory(file, story, findings, history), story };
  });
}

describe('one mock session, in the core', () => {
  it('counts down, pauses and resumes, and ends the answer by itself when time is up', () => {
    const clock = fakeClock();
    const session = new MockSession(question, 120, undefined, clock.now);
    clock.advance(30_000);
    assert.strictEqual(session.remainingSeconds(), 90);
    session.pause();
    assert.strictEqual(session.paused, true);
    clock.advance(60_000); // paused time is not counted
    assert.strictEqual(session.remainingSeconds(), 90);
    session.resume();
    clock.advance(89_000);
    assert.strictEqual(session.tick(), false);
    assert.strictEqual(session.phase, 'answer');
    clock.advance(2_000);
    assert.strictEqual(session.tick(), true, 'the tick that ran out ends the answer');
    assert.deepStrictEqual([session.phase, session.timeUp, session.progressPercent()], ['story', true, 100]);
    assert.strictEqual(session.tick(), false, 'only once');
  });

  it('after the answer, asks which story was told (the best ranked offered), then drills that story, then the self-check', () => {
    const clock = fakeClock();
    const session = new MockSession(question, 120, { stories: bank() }, clock.now);
    assert.strictEqual(session.suggestedStory, 'stories/latency.star.md');
    session.tellStory('stories/latency.star.md'); // not before the answer is over
    assert.strictEqual(session.phase, 'answer');
    clock.advance(75_400);
    session.finishAnswer();
    assert.strictEqual(session.phase, 'story');
    session.toSelfCheck(); // not before the story is chosen
    assert.strictEqual(session.phase, 'story');
    session.tellStory('stories/latency.star.md');
    assert.strictEqual(session.phase, 'follow-ups');
    const drill = session.drill!;
    assert.deepStrictEqual(
      drill.questions.map((q) => [q.kind, q.question]),
      [
        // The change is asked about once, whole; the rate after it with what it counts.
        ['number', 'How did you measure "from 900 ms to 180 ms", and what was it compared with?'],
        ['number', 'How did you measure "4%", and what was it compared with?'],
        ['we', 'What was your own part when "we moved the call behind a queue"?'],
        ['learning', 'Looking back, what would you do differently?'],
        ...question.followUps.map((f) => ['probe', f]),
      ],
      "that story's numbers and \"we\", no Learning, then the question's own probes",
    );

    // One at a time; the prepared answer only after the question is answered aloud.
    assert.deepStrictEqual(drill.state().asked, [{ kind: 'number', question: drill.questions[0].question, answered: false }]);
    session.nextFollowUp(); // not before it is answered
    assert.strictEqual(drill.state().asked.length, 1);
    session.answeredFollowUp();
    assert.strictEqual(drill.state().asked[0].prepared, 'From the load balancer logs, a week before and after.');
    session.nextFollowUp();
    assert.deepStrictEqual(drill.state().asked.map((a) => a.answered), [true, false]);
    session.answeredFollowUp();
    clock.advance(500_000); // time spent on follow-ups is not the answer's
    session.toSelfCheck();
    assert.strictEqual(session.phase, 'self-check', 'the self-check may come before every follow-up is asked');
    session.answeredFollowUp(); // the drill is over
    assert.strictEqual(drill.drilled().length, 2);

    const entry = session.entry({ quantified: true, saidI: false, bogus: true }, 'stories/latency.star.md', 'cli', '2026-11-29T10:10:00.000Z');
    assert.deepStrictEqual(entry, {
      date: '2026-11-29T10:10:00.000Z',
      questionId: question.id,
      lps: question.lps,
      story: 'stories/latency.star.md',
      seconds: 75,
      limit: 120,
      checks: { quantified: true, saidI: false, showedLp: false, endedWithResult: false },
      source: 'cli',
      followUps: drill.questions.slice(0, 2).map((q) => q.question),
    });
    assert.deepStrictEqual(parsePracticeLog(entryLine(entry)).entries, [entry], 'the entry goes through the log unchanged');
    session.saved();
    assert.strictEqual(session.phase, 'saved');
  });

  it('drills another story than the best ranked when the user says so, and the question alone for none', () => {
    const other = new MockSession(question, 60, { stories: bank() }, fakeClock().now);
    other.finishAnswer();
    other.tellStory('stories/survey.star.md');
    assert.strictEqual(other.told?.profile.summary.title, 'Read every support ticket for a month');
    assert.ok(other.drill!.questions.some((q) => q.question === 'How did you measure "30%", and what was it compared with?'));
    assert.ok(!other.drill!.questions.some((q) => q.question.includes('900 ms')));

    for (const choice of [null, 'stories/not-in-the-bank.star.md']) {
      const none = new MockSession(question, 60, { stories: bank() }, fakeClock().now);
      none.finishAnswer();
      none.tellStory(choice);
      assert.strictEqual(none.told, null);
      assert.deepStrictEqual(none.drill!.questions.map((q) => q.question), question.followUps);
      assert.strictEqual(none.entry({}, null, 'vscode', '2026-11-29T10:00:00.000Z').story, null);
    }
  });

  it('logs no follow-up when none was answered aloud', () => {
    const session = new MockSession(question, 60, { stories: bank() }, fakeClock().now);
    session.finishAnswer();
    session.tellStory(session.suggestedStory);
    session.toSelfCheck();
    assert.deepStrictEqual(session.entry({}, 'stories/latency.star.md', 'cli', '2026-11-29T10:00:00.000Z').followUps, []);
  });

  it('refuses a countdown that is not a whole number of seconds', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) assert.throws(() => new MockSession(question, limit), RangeError, String(limit));
  });
});

describe('the stories a mock question lists', () => {
  it('are the matcher ranking itself, reasons included, at most a few', () => {
    const stories = bank();
    const now = new Date(fakeClock().now());
    const listed = storiesForQuestion(question, { stories, match: { targetLevel: 'L6' } }, now);
    const matcher = new StoryMatcher(stories.map(({ profile, story }) => ({ profile, text: storyWords(story) })));
    const ranked = matcher.rank(question.text, { targetLevel: 'L6', now }, MOCK_STORIES_SHOWN);
    assert.deepStrictEqual(listed.map((s) => [s.id, s.title, s.reasons]), ranked.map((r) => [r.file, r.title, r.reasons]));
    assert.deepStrictEqual(listed.map((s) => s.id), ['stories/latency.star.md', 'stories/survey.star.md', 'stories/budget.star.md']);
    assert.ok(listed[0].reasons.includes('primary LP Dive Deep'), listed[0].reasons.join('; '));
    assert.ok(listed[0].reasons.includes('at L6, your target'), listed[0].reasons.join('; '));
  });

  it('rank a bank read ahead as they rank it told, list a ranking given as it is, and drill the story told from the parsed few given', () => {
    const stories = bank();
    const clock = fakeClock();
    const terms = new BankTerms(stories.map(({ story }) => storyTerms(storyWords(story))));
    const readAhead = { profiles: stories.map((s) => s.profile), terms };
    const now = new Date(clock.now());
    const listed = storiesForQuestion(question, { stories, match: { targetLevel: 'L6' } }, now);
    assert.deepStrictEqual(storiesForQuestion(question, { stories: readAhead, match: { targetLevel: 'L6' } }, now), listed);
    // The editor lists only the ranked stories it could parse: here the best alone.
    const best = stories.find((s) => s.profile.summary.id === listed[0].id)!;
    const session = new MockSession(question, 60, { stories: [best], ranked: listed.slice(0, 1), match: { targetLevel: 'L6' } }, clock.now);
    assert.deepStrictEqual(session.stories, listed.slice(0, 1));
    session.finishAnswer();
    session.tellStory(best.profile.summary.id);
    assert.strictEqual(session.told, best);
    assert.ok(session.drill!.questions.some((q) => q.kind === 'number'), 'the follow-ups come from the story told');
  });

  it('say a story was told recently, from the story the practice log recorded, by the session clock', () => {
    const clock = fakeClock();
    const told = { date: '2026-11-28T09:00:00.000Z', questionId: 'dive-deep-01', lps: ['dive-deep'], story: 'stories/latency.star.md', seconds: 90, limit: 120, checks: {}, source: 'cli' as const, followUps: [] };
    const session = new MockSession(question, 60, { stories: bank([practiceEntrySchema.parse(told)]) }, clock.now);
    const latency = session.stories.find((s) => s.id === 'stories/latency.star.md')!;
    assert.ok(latency.reasons.includes('told yesterday'), latency.reasons.join('; '));
    assert.strictEqual(latency.practised, 1);
    clock.advance(30 * 86_400_000);
    const later = new MockSession(question, 60, { stories: bank([practiceEntrySchema.parse(told)]) }, clock.now);
    assert.ok(!later.stories[0].reasons.some((r) => r.startsWith('told')), 'a month later it no longer counts as recent');
  });

  it('is empty for an empty bank', () => {
    assert.deepStrictEqual(new MockSession(question, 60).stories, []);
  });
});

describe('a follow-up drill', () => {
  const questions = [
    { kind: 'number' as const, question: 'How did you measure it?', prepared: 'With the dashboard.' },
    { kind: 'we' as const, question: 'What was your part?' },
  ];

  it('asks one question at a time, reveals a prepared answer only once answered, and records what was answered', () => {
    const drill = new DrillSession(questions);
    assert.deepStrictEqual(drill.state(), { asked: [{ kind: 'number', question: 'How did you measure it?', answered: false }], total: 2, finished: false });
    drill.next();
    assert.strictEqual(drill.state().asked.length, 1, 'no next question before the answer');
    drill.answered();
    drill.answered(); // twice is once
    assert.deepStrictEqual(drill.state().asked[0], { kind: 'number', question: 'How did you measure it?', answered: true, prepared: 'With the dashboard.' });
    assert.deepStrictEqual(drill.drilled(), ['How did you measure it?']);
    drill.next();
    drill.next(); // no skipping ahead
    assert.deepStrictEqual(drill.state().asked.map((a) => a.answered), [true, false]);
    drill.answered();
    assert.deepStrictEqual([drill.finished, drill.state().asked[1].prepared], [true, undefined]);
    drill.next();
    assert.strictEqual(drill.state().asked.length, 2);
  });

  it('with nothing to ask is finished at once', () => {
    const drill = new DrillSession([]);
    drill.answered();
    assert.deepStrictEqual([drill.finished, drill.state().asked, drill.drilled()], [true, [], []]);
  });

  it('"Drill This Story" drills one story with no question, and logs the story and the follow-ups answered', () => {
    const story = bank()[0];
    const session = new StoryDrillSession(story);
    assert.strictEqual(session.drill.questions[0].question, 'How did you measure "from 900 ms to 180 ms", and what was it compared with?');
    assert.ok(session.drill.questions.some((q) => q.kind === 'probe'), 'the bank probes for its main LP');
    session.drill.answered();
    const entry = session.entry('stories/latency.star.md', 'vscode', '2026-11-29T10:00:00.000Z');
    assert.deepStrictEqual(entry, {
      date: '2026-11-29T10:00:00.000Z',
      questionId: null,
      lps: ['dive-deep', 'customer-obsession'],
      story: 'stories/latency.star.md',
      seconds: 0,
      limit: 0,
      checks: {},
      source: 'vscode',
      followUps: ['How did you measure "from 900 ms to 180 ms", and what was it compared with?'],
    });
    assert.deepStrictEqual(parsePracticeLog(entryLine(entry)).entries, [entry]);
    session.saved();
    assert.strictEqual(session.phase, 'saved');
  });
});
