import * as assert from 'assert';
import { spawn } from 'child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { allLps, allQuestions } from '../../src/core/catalog';
import { QUESTION_CATEGORIES, QUESTION_LEVELS, QUESTION_ROUNDS } from '../../src/core/catalog/schema';
import { entryLine, parsePracticeLog, practiceCounts, type PracticeEntry } from '../../src/core/practice/log';
import { forTargetLevel, pickQuestion, questionWeight, seededRandom, type PickContext } from '../../src/core/practice/pick';
import { appendPracticeEntry, readPracticeLog } from '../../src/node/practiceLog';

const entry = (n: number, extra: Partial<PracticeEntry> = {}): PracticeEntry => ({
  date: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  questionId: `ownership-0${(n % 7) + 1}`,
  lps: ['ownership'],
  story: 'stories/a.star.md',
  seconds: n,
  limit: 120,
  checks: { quantified: true, saidI: n % 2 === 0 },
  source: 'cli',
  ...extra,
});

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 3));
}

describe('question bank', () => {
  it('has at least 6 questions for every LP, with 2 or 3 follow-ups each', () => {
    for (const lp of allLps()) {
      const primary = allQuestions().filter((q) => q.lps[0] === lp.id);
      assert.ok(primary.length >= 6, `${lp.id}: ${primary.length}`);
      assert.ok(primary.some((q) => q.level !== 'L7') && primary.some((q) => q.level !== 'L6'), `${lp.id} covers both levels`);
    }
    assert.ok(allQuestions().length >= 96);
    for (const q of allQuestions()) assert.ok(q.followUps.length >= 2 && q.followUps.length <= 3, q.id);
  });

  it('tags every question with real LPs, a level, a round and a category', () => {
    const ids = new Set(allLps().map((lp) => lp.id));
    for (const q of allQuestions()) {
      for (const id of q.lps) assert.ok(ids.has(id), `${q.id}: ${id}`);
      assert.strictEqual(new Set(q.lps).size, q.lps.length, q.id);
      assert.ok((QUESTION_LEVELS as readonly string[]).includes(q.level));
      assert.ok((QUESTION_ROUNDS as readonly string[]).includes(q.round));
      assert.ok((QUESTION_CATEGORIES as readonly string[]).includes(q.category));
      assert.ok(q.id.startsWith(`${q.lps[0]}-`), `${q.id} is named after its primary LP`);
    }
    for (const category of QUESTION_CATEGORIES) assert.ok(allQuestions().some((q) => q.category === category), category);
    for (const round of QUESTION_ROUNDS) assert.ok(allQuestions().some((q) => q.round === round), round);
  });

  it('has no duplicate or near-duplicate questions or follow-ups', () => {
    const questions = allQuestions();
    assert.strictEqual(new Set(questions.map((q) => q.id)).size, questions.length);
    const sets = questions.map((q) => words(q.text));
    for (let i = 0; i < questions.length; i++) {
      for (let j = i + 1; j < questions.length; j++) {
        const shared = [...sets[i]].filter((w) => sets[j].has(w)).length;
        const jaccard = shared / (sets[i].size + sets[j].size - shared);
        assert.ok(jaccard < 0.5, `${questions[i].id} and ${questions[j].id} are near-duplicates (${jaccard.toFixed(2)})`);
      }
    }
    const probes = questions.flatMap((q) => q.followUps.map((f) => f.toLowerCase()));
    assert.strictEqual(new Set(probes).size, probes.length, 'a follow-up repeats word for word');
  });
});

describe('picking a mock question', () => {
  const noPractice = { practicedLps: new Map<string, number>(), practicedQuestions: new Map<string, number>() };

  it('favours the LPs with the fewest stories (fixed seed, 20,000 picks)', () => {
    // Every LP has 3 stories except Think Big (none) and Frugality (1).
    const stories = new Map(allLps().map((lp) => [lp.id, 3]));
    stories.set('think-big', 0);
    stories.set('frugality', 1);
    const context: PickContext = { stories, ...noPractice, random: seededRandom(42) };
    const byLp = new Map<string, number>();
    const picks = 20_000;
    for (let i = 0; i < picks; i++) {
      const lp = pickQuestion(allQuestions(), {}, context)!.lps[0];
      byLp.set(lp, (byLp.get(lp) ?? 0) + 1);
    }
    // Weights: 1 for Think Big, 1/4 for Frugality, 1/16 for each of the 14 others (7 questions each).
    const share = (id: string) => (byLp.get(id) ?? 0) / picks;
    const expected = { thinkBig: 1 / (1 + 0.25 + 14 / 16), frugality: 0.25 / (1 + 0.25 + 14 / 16) };
    assert.ok(Math.abs(share('think-big') - expected.thinkBig) < 0.02, `Think Big ${share('think-big')} vs ${expected.thinkBig}`);
    assert.ok(Math.abs(share('frugality') - expected.frugality) < 0.02, `Frugality ${share('frugality')}`);
    assert.ok(share('think-big') > 10 * share('ownership'), 'an empty LP comes up far more often than a covered one');
  });

  it('counts practice too, and prefers questions not yet practised', () => {
    const stories = new Map(allLps().map((lp) => [lp.id, 0]));
    const practicedLps = new Map(allLps().map((lp) => [lp.id, lp.id === 'earn-trust' ? 0 : 6]));
    const practicedQuestions = new Map([['earn-trust-01', 3]]);
    const context: PickContext = { stories, practicedLps, practicedQuestions, random: seededRandom(7) };
    const picked = Array.from({ length: 5000 }, () => pickQuestion(allQuestions(), {}, context)!);
    const earnTrust = picked.filter((q) => q.lps[0] === 'earn-trust');
    assert.ok(earnTrust.length / picked.length > 0.5, `Earn Trust ${earnTrust.length}`);
    const first = earnTrust.filter((q) => q.id === 'earn-trust-01').length;
    const second = earnTrust.filter((q) => q.id === 'earn-trust-02').length;
    assert.ok(first < second * 0.7, `practised question ${first} vs fresh ${second}`);
  });

  it('asks less about an LP whose stories were rehearsed with their follow-ups than one only answered', () => {
    const stories = new Map(allLps().map((lp) => [lp.id, 1]));
    // Two sessions each on Earn Trust and Frugality; Earn Trust's told a story and answered its follow-ups.
    const practicedLps = new Map([['earn-trust', 2], ['frugality', 2]]);
    const counts = practiceCounts([
      entry(1, { lps: ['earn-trust'], followUps: ['What was your own part?'] }),
      entry(2, { lps: ['earn-trust'], followUps: ['How did you measure it?'] }),
      entry(3, { lps: ['frugality'] }),
      entry(4, { lps: ['frugality'], story: null, followUps: ['Why?'] }),
    ]);
    const weight = (id: string) => questionWeight(allQuestions().find((q) => q.lps[0] === id)!, { stories, practicedLps, practicedQuestions: new Map(), rehearsedLps: counts.rehearsedByLp });
    // Readiness 1 + 2/2 + 2/2 = 3 against 1 + 2/2 = 2: weights 1/16 and 1/9.
    assert.strictEqual(weight('earn-trust'), 1 / 16);
    assert.strictEqual(weight('frugality'), 1 / 9);
  });

  it('honours the LP, level and category filters, and never repeats the excluded question', () => {
    const context: PickContext = { stories: new Map(), ...noPractice, random: seededRandom(1) };
    for (let i = 0; i < 300; i++) {
      const q = pickQuestion(allQuestions(), { lpId: 'dive-deep', level: 'L7' }, { ...context, exclude: 'dive-deep-01' })!;
      assert.ok(q.lps[0] === 'dive-deep' && q.level !== 'L6' && q.id !== 'dive-deep-01', q.id);
      assert.strictEqual(pickQuestion(allQuestions(), { category: 'return-to-office' }, context)!.category, 'return-to-office');
    }
    assert.strictEqual(pickQuestion(allQuestions(), { lpId: 'no-such-lp' }, context), undefined);
  });

  it('asks only questions that fit the target level, unless a level is chosen', () => {
    const context: PickContext = { stories: new Map(), ...noPractice, random: seededRandom(7) };
    const levels = (filter: Parameters<typeof forTargetLevel>[0], target: 'L6' | 'L7') => {
      const seen = new Set<string>();
      for (let i = 0; i < 400; i++) seen.add(pickQuestion(allQuestions(), forTargetLevel(filter, target), context)!.level);
      return [...seen].sort();
    };
    // "Surprise Me", an LP (Think Big has three L7-only questions) and a category, at each target.
    for (const filter of [{}, { lpId: 'think-big' }, { category: 'core' as const }]) {
      assert.deepStrictEqual(levels(filter, 'L6'), ['L6', 'both'], JSON.stringify(filter));
      assert.deepStrictEqual(levels(filter, 'L7'), ['L7', 'both'], JSON.stringify(filter));
    }
    assert.deepStrictEqual(levels({ level: 'L7' }, 'L6'), ['L7', 'both'], 'a level chosen in the picker wins');
  });
});

describe('practice log', () => {
  it('skips a damaged line with its number, and keeps every good entry', () => {
    const text = `${JSON.stringify(entry(1))}\nnot json\n\n${JSON.stringify({ ...entry(2), seconds: -1 })}\n${JSON.stringify(entry(3))}\n{"date":"2026-01`;
    const log = parsePracticeLog(text);
    assert.deepStrictEqual(log.entries.map((e) => e.seconds), [1, 3]);
    assert.deepStrictEqual(log.damaged, [2, 4, 6]);
  });

  it('starts every entry on a fresh line, so a line cut short by a crash never takes the next entry with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-coach-log-'));
    const file = join(dir, '.star-coach', 'practice.jsonl');
    return (async () => {
      await appendPracticeEntry(file, entry(1));
      appendFileSync(file, JSON.stringify(entry(2)).slice(0, 40)); // the crash: half a line, no newline
      await appendPracticeEntry(file, entry(3));
      const text = readFileSync(file, 'utf8');
      assert.strictEqual(text, `\n${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2)).slice(0, 40)}\n${JSON.stringify(entry(3))}\n`);
      const log = await readPracticeLog(file);
      assert.deepStrictEqual(log.entries.map((e) => e.seconds), [1, 3]);
      assert.deepStrictEqual(log.damaged, [3], 'the empty first line is skipped, the cut line is reported');
    })();
  });

  it('reads the empty lines between entries as nothing, and a log of old entries followed by new ones', () => {
    const old = `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`;
    const log = parsePracticeLog(`${old}${entryLine(entry(3))}${entryLine(entry(4))}\n\n  \n`);
    assert.deepStrictEqual(log.entries.map((e) => e.seconds), [1, 2, 3, 4]);
    assert.deepStrictEqual(log.damaged, []);
  });

  it('loses no entry when four processes append at once', async function () {
    this.timeout(20000);
    const dir = mkdtempSync(join(tmpdir(), 'star-coach-log-'));
    const file = join(dir, 'practice.jsonl');
    const module = join(__dirname, '..', '..', 'src', 'node', 'practiceLog.js');
    const script = `const { appendPracticeEntry } = require(${JSON.stringify(module)});
      (async () => { const id = Number(process.argv[1]); for (let i = 0; i < 150; i++) await appendPracticeEntry(${JSON.stringify(file)}, { ...${JSON.stringify(entry(0))}, questionId: 'w' + id, seconds: i }); })();`;
    await Promise.all(
      [1, 2, 3, 4].map(
        (id) => new Promise<void>((resolve, reject) => spawn(process.execPath, ['-e', script, String(id)], { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${id} exited ${code}`))))),
      ),
    );
    const log = await readPracticeLog(file);
    assert.deepStrictEqual(log.damaged, []);
    assert.strictEqual(log.entries.length, 600);
    for (const id of [1, 2, 3, 4]) {
      assert.deepStrictEqual(log.entries.filter((e) => e.questionId === `w${id}`).map((e) => e.seconds), Array.from({ length: 150 }, (_, i) => i), `writer ${id} in order, complete`);
    }
  });

  it('counts sessions per LP, story and question', () => {
    const counts = practiceCounts([entry(1), entry(2, { lps: ['ownership', 'dive-deep'], story: null }), entry(8)]);
    assert.deepStrictEqual([...counts.byLp], [['ownership', 3], ['dive-deep', 1]]);
    assert.deepStrictEqual([...counts.byStory], [['stories/a.star.md', 2]]);
    assert.strictEqual(counts.byQuestion.get('ownership-02'), 2);
  });

  it('refuses to write an invalid entry', () => {
    assert.throws(() => entryLine({ ...entry(1), seconds: -5 }));
  });

  it('still reads every entry written before the drills (exact old lines), beside the new ones with the story and follow-ups', () => {
    // Lines as the mock wrote them before `followUps` existed, byte for byte.
    const oldLines = [
      '{"date":"2026-03-01T09:00:00.000Z","questionId":"dive-deep-02","lps":["dive-deep","customer-obsession"],"story":"stories/strong.star.md","seconds":95,"limit":120,"checks":{"quantified":true,"saidI":true,"showedLp":false,"endedWithResult":true},"source":"vscode"}',
      '{"date":"2026-03-02T09:00:00.000+01:00","questionId":"frugality-01","lps":["frugality"],"story":null,"seconds":120,"limit":120,"checks":{},"source":"cli"}',
    ];
    const mock = entry(3, { followUps: ['How did you measure "40%", and what was it compared with?'] });
    const drill = entry(4, { questionId: null, lps: ['dive-deep'], seconds: 0, limit: 0, checks: {}, followUps: [] });
    const log = parsePracticeLog(`${oldLines.join('\n')}\n${entryLine(mock)}${entryLine(drill)}`);
    assert.deepStrictEqual(log.damaged, []);
    assert.deepStrictEqual(log.entries.map((e) => [e.questionId, e.story, e.followUps ?? 'absent']), [
      ['dive-deep-02', 'stories/strong.star.md', 'absent'],
      ['frugality-01', null, 'absent'],
      [mock.questionId, 'stories/a.star.md', mock.followUps],
      [null, 'stories/a.star.md', []],
    ]);
    assert.deepStrictEqual(JSON.parse(oldLines[0]), log.entries[0], 'an old entry reads back unchanged, with no field added');
  });

  it('counts rehearsals (a story told and follow-ups answered), and no question for a story drill', () => {
    const counts = practiceCounts([
      entry(1), // an old entry: no follow-ups recorded
      entry(2, { lps: ['ownership', 'dive-deep'], followUps: ['What was your own part?'] }),
      entry(3, { lps: ['dive-deep'], story: null, followUps: ['Why?'] }), // no story named: not a rehearsal
      entry(4, { questionId: null, lps: ['dive-deep'], followUps: ['How did you measure it?'] }),
    ]);
    assert.deepStrictEqual([...counts.rehearsedByLp], [['ownership', 1], ['dive-deep', 2]]);
    assert.deepStrictEqual([...counts.byLp], [['ownership', 2], ['dive-deep', 3]]);
    assert.deepStrictEqual([...counts.byQuestion.keys()].sort(), ['ownership-02', 'ownership-03', 'ownership-04'], 'the story drill has no question to count');
  });
});
