import * as assert from 'assert';
import { allQuestions } from '../../src/core/catalog';
import { CoverageIndex, type StorySummary } from '../../src/core/coverage';
import { practiceEntrySchema } from '../../src/core/practice/log';
import { MockSession, storiesForQuestion } from '../../src/core/practice/session';

/** A clock the test moves by hand, in milliseconds. */
function fakeClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const question = allQuestions().find((q) => q.followUps.length === 3)!;

describe('one mock session, in the core', () => {
  it('counts down, pauses and resumes, and ends the answer by itself when time is up', () => {
    const clock = fakeClock();
    const session = new MockSession(question, 120, clock.now);
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
    assert.deepStrictEqual([session.phase, session.timeUp, session.revealed, session.progressPercent()], ['follow-ups', true, 1, 100]);
    assert.strictEqual(session.tick(), false, 'only once');
  });

  it('walks the phases in order and logs what happened', () => {
    const clock = fakeClock();
    const session = new MockSession(question, 120, clock.now);
    session.toSelfCheck(); // not before the answer is over
    assert.strictEqual(session.phase, 'answer');
    clock.advance(75_400);
    session.finishAnswer();
    clock.advance(500_000); // time spent on follow-ups is not the answer's
    for (let i = 0; i < 5; i++) session.nextFollowUp();
    assert.strictEqual(session.revealed, question.followUps.length, 'never past the last follow-up');
    session.toSelfCheck();
    assert.strictEqual(session.phase, 'self-check');
    const entry = session.entry({ quantified: true, saidI: false, bogus: true }, 'stories/a.star.md', 'cli', '2026-11-29T10:00:00.000Z');
    assert.deepStrictEqual(entry, {
      date: '2026-11-29T10:00:00.000Z',
      questionId: question.id,
      lps: question.lps,
      story: 'stories/a.star.md',
      seconds: 75,
      limit: 120,
      checks: { quantified: true, saidI: false, showedLp: false, endedWithResult: false },
      source: 'cli',
    });
    assert.ok(practiceEntrySchema.safeParse(entry).success);
    session.saved();
    assert.strictEqual(session.phase, 'saved');
  });

  it('refuses a countdown that is not a whole number of seconds', () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) assert.throws(() => new MockSession(question, limit), RangeError, String(limit));
  });

  it('ranks the stories for a question: both its LPs, then its main LP claimed first, then its other LP', () => {
    const index = new CoverageIndex();
    const [main, other] = question.lps.length > 1 ? question.lps : [question.lps[0], 'frugality'];
    const summary = (id: string, title: string, lpIds: string[]): StorySummary => ({ ...({} as StorySummary), id, title, lpIds, lps: [], unknownLps: [] } as StorySummary);
    index.upsert(summary('a', 'Both LPs', [other, main]));
    index.upsert(summary('b', 'Main LP first', [main]));
    index.upsert(summary('c', 'Other LP only', [other]));
    index.upsert(summary('d', 'Unrelated', ['invent-and-simplify'].filter((id) => !question.lps.includes(id))));
    const ranked = storiesForQuestion({ ...question, lps: [main, other] }, index, new Map([['b', 3]]));
    assert.deepStrictEqual(ranked.map((s) => s.id), ['a', 'b', 'c'], 'a: 4 + 1 + 2, b: 4 + 2, c: 1 + 2');
    assert.strictEqual(ranked[1].practised, 3);
  });
});
