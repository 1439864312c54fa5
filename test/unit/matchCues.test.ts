import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { bestOfThreeMs, ROOT } from './helpers';
import data from '../../src/core/match/cues.json';
import fc from 'fast-check';
import { allCues, cueTableSchema, questionCues, storyCueStrengths, readCompounds, uncovered, type Match } from '../../src/core/match/cues';
import { NO_LP_MODEL } from '../../src/core/match/lpModel';
import { questionLps as readQuestionLps, questionWordWeight } from '../../src/core/match/questionLps';
import { StoryMatcher, storyWords } from '../../src/core/match/rank';
import { Bm25Index } from '../../src/core/match/bm25';
import { americanSpelling, contentStems, PORTER_STEMMER, stemWord, textStems, withoutContrasts, words } from '../../src/core/match/words';
import { lintText } from '../../src/core/engine';
import { lpById } from '../../src/core/catalog';
import { profileStory } from '../../src/core/plan/profile';

/** The LPs read from the catalog's signals and the cue table alone: what these tests are about (the LP model is tested in lpModel.test.ts). */
const questionLps = (text: string) => readQuestionLps(text, PORTER_STEMMER, NO_LP_MODEL);

const now = new Date('2026-06-01T00:00:00Z');

function doc(id: string, title: string, lps: string, body: string) {
  const text = `---\ntitle: ${title}\nlps: [${lps}]\nlevel: L6\nyear: 2025\n---\n## Situation\n${body}\n## Task\nI owned it.\n## Action\nI led the work and checked each step myself.\n## Result\nSign-ups rose 12% in a month.\n`;
  const { story, findings } = lintText(text);
  return { profile: profileStory(id, story, findings), text: storyWords(story) };
}

/** Asserts that a question asks about the cue `id`. */
function asks(text: string, id: string): void {
  assert.ok(questionCues(text).includes(id), `${text}: ${questionCues(text).join()}`);
}

/** The strength of one cue in a story's text, 0 to 1. */
function strength(text: string, id: string): number {
  return storyCueStrengths(textStems(text).all)[allCues().findIndex((cue) => cue.id === id)];
}

describe('question cues', () => {
  it('keeps exactly the matches no longer match of another cue covers, comparing only nearby ones', () => {
    // The definition, every pair compared: what the windowed comparison must give.
    const byDefinition = (found: readonly Match[]) => found.filter((m) => !found.some((o) => o.cue !== m.cue && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
    const matches = fc
      .array(fc.record({ cue: fc.integer({ min: 0, max: 3 }), start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 })
      .map((list) => list.map(({ cue, start, length }) => ({ cue, start, end: start + length })).sort((a, b) => a.start - b.start));
    fc.assert(fc.property(matches, (found) => assert.deepStrictEqual(uncovered(found), byDefinition(found))), { numRuns: 2000 });
  });

  it('reads a question pasted as a whole page in time that grows with its length, not its square', () => {
    const readMs = (text: string) => bestOfThreeMs((question: string) => questionCues(question), text);
    for (const unit of ['I failed. ', 'we missed the deadline and the customer was angry. ', 'let the team down ']) {
      readMs(unit.repeat(500));
      const small = readMs(unit.repeat(1500));
      const large = readMs(unit.repeat(12_000));
      assert.ok(large < 24 * Math.max(small, 1), `"${unit.trim()}": ${small.toFixed(1)} ms for 1,500 times, ${large.toFixed(1)} ms for 12,000`);
    }
  });

  it('keeps a valid table: unique ids and labels, every phrase with a word, the failure cue present', () => {
    assert.doesNotThrow(() => cueTableSchema.parse(data));
    const cues = allCues();
    assert.strictEqual(new Set(cues.map((c) => c.id)).size, cues.length);
    assert.strictEqual(new Set(cues.map((c) => c.label)).size, cues.length);
    for (const cue of cues) for (const phrase of [...cue.ask, ...cue.tell]) assert.ok(words(phrase.replace(/[#*]/g, ' ')).some(Boolean), `${cue.id}: "${phrase}"`);
    // A phrase written twice ("didn't wait" and "did not wait", "well-being" and "wellbeing") would count a story's words twice.
    for (const cue of cues) for (const side of [cue.ask, cue.tell]) assert.strictEqual(new Set(side.map((phrase) => phrase.split(' ').map((part) => (/^[#*]$/.test(part) ? part : words(part).join(' '))).join(' '))).size, side.length, `${cue.id}: a phrase twice`);
    assert.ok(cues.some((c) => c.id === 'failure'));
    assert.throws(() => cueTableSchema.parse({ about: 'x', cues: [{ id: 'a', label: 'a', ask: ['Upper Case'], tell: ['x'] }] }));
    assert.throws(() => cueTableSchema.parse({ about: 'x', cues: [{ id: 'a', label: 'a', ask: ['# *'], tell: ['x'] }] }), 'a phrase of wildcards alone');
  });

  it('reads the themes a question asks about in everyday words', () => {
    assert.deepStrictEqual(questionCues('Tell me about a time you delivered under a tight deadline.'), ['time-pressure']);
    assert.ok(questionCues('Describe a conflict you had with a peer.').includes('disagreement'));
    assert.ok(questionCues('What is the biggest mistake you have made?').includes('failure'));
    assert.ok(questionCues('Tell me about a time you let a customer down.').includes('failure'), '"let * down": any one word');
    assert.ok(questionCues('How have you attracted candidates when hiring was hard?').includes('hiring'));
    assert.ok(questionCues('Tell me about a time you cut cloud costs.').includes('cost'));
    assert.deepStrictEqual(questionCues('xyzzy plugh'), []);
  });

  it('lets a longer phrase of one cue cover a shorter phrase of another', () => {
    const overruled = questionCues('Tell me about a time leadership made a call you believed was wrong.');
    assert.ok(overruled.includes('disagreement') && !overruled.includes('failure'), overruled.join());
    assert.ok(questionCues('Tell me about a decision that turned out wrong.').includes('failure'));
    const teams = questionCues('How did you get teams that did not report to you to change?');
    assert.ok(teams.includes('influence') && !teams.includes('growing-people'), teams.join());
    assert.ok(questionCues('Tell me about someone who used to report to you and struggled.').includes('growing-people'));
  });

  it('reads themes asked in words the table once lacked: a supplier, roles to fill, a shrinking team, a fixed date, minutes, outside customers, behaviour, use barred', () => {
    asks('How did you negotiate with a supplier?', 'cost');
    asks('How did you fill three roles in a quarter?', 'hiring');
    asks('What did you cut when your group shrank?', 'scarce-resources');
    asks('The date could not move. What did you drop?', 'time-pressure');
    asks('What did you decide in the first minutes of the outage?', 'acting-fast');
    asks('How did you sell an internal service to external customers?', 'big-idea');
    asks('What did you change after hearing about your behaviour in meetings?', 'candour');
    asks("How did you win back a customer's confidence?", 'candour');
    asks('What did you do for people who could not use the app?', 'responsibility');
    asks('Have you ever held a launch because pages got slower?', 'quality-bar');
  });

  it('reads themes asked in plain synonyms: the planet, waste, a security breach, an idea dropped, a fault owned, work not good enough', () => {
    asks('What have you done for the planet at work?', 'responsibility');
    asks('Where did you find capacity sitting idle?', 'cost');
    asks('Where was the business wasting money?', 'cost');
    asks('Tell me about a breach you handled.', 'security');
    asks('Tell me about a time you pulled the plug on a project.', 'failure');
    asks('When did you say something was your fault?', 'candour');
    asks('What shipped that you were not satisfied with?', 'quality-bar');
    asks('What did you do when a bug would only reproduce in production?', 'details');
    asks('Tell me about a time nobody had the expertise.', 'learning');
    asks('What did you do while everyone else was asleep?', 'acting-fast');
    // A word that only looks like a theme's: a build that went green is not about the environment; "opened" is not a job opening.
    assert.ok(!questionCues('How did you deal with builds rerun until they went green?').includes('responsibility'));
    assert.ok(!questionCues('Tell me about an idea that opened a new source of revenue.').includes('hiring'));
    asks('How did you fill your job openings?', 'hiring');
  });

  it('reads a failure asked as a cancellation, a wish or a replacement', () => {
    for (const text of ['Tell me about a project you had to cancel.', 'Tell me about a rollout you wished you had not done.', 'Tell me about a library you picked and later had to replace.']) {
      assert.ok(questionCues(text).includes('failure'), `${text}: ${questionCues(text).join()}`);
    }
  });

  it('reads a phrase as its theme, not as the theme of a word inside it', () => {
    const owned = questionCues('Tell me about a risk no group was responsible for.');
    assert.ok(owned.includes('beyond-role') && !owned.includes('responsibility'), owned.join());
    const doubted = questionCues('Tell me about a plan you thought was the wrong one.');
    assert.ok(doubted.includes('disagreement') && !doubted.includes('failure'), doubted.join());
    const model = questionCues('How did you find bias in a machine learning model?');
    assert.ok(model.includes('machine-learning') && model.includes('responsibility') && !model.includes('learning'), model.join());
    assert.ok(questionCues('What did you do to keep learning?').includes('learning'));
  });

  it('matches phrases on every word, stop words included, stemmed like the stories', () => {
    assert.deepStrictEqual(textStems('Delivered on time').all, ['deliv', 'on', 'time']);
    assert.deepStrictEqual(contentStems('Delivered on time'), ['deliv']);
    assert.ok(questionCues('Did it ship on time?').includes('time-pressure'), 'a phrase of stop words alone');
  });

  it('stems a text once for both lists: every word with "dollar" before a priced number, and the content words alone', () => {
    assert.deepStrictEqual(textStems('It cost $5 on-call, € 7 and 3$.'), { all: ['it', 'cost', 'dollar', '5', 'oncal', 'dollar', '7', 'and', '3'], content: ['cost', 'oncal'] });
    for (const dir of ['examples', 'test/fixtures/match/bank-2', 'test/fixtures/match/team-bank']) {
      for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.star.md'))) {
        const text = readFileSync(join(ROOT, dir, name), 'utf8');
        const spelled = words(text.replace(/[$€£](?=\s?\d)/g, ' dollar ')).filter(Boolean).map((word) => stemWord(word));
        assert.deepStrictEqual(textStems(text).all, spelled, name);
        assert.deepStrictEqual(textStems(text).content, words(text).filter((word) => contentStems(word).length > 0).map((word) => stemWord(word)), name);
      }
    }
  });

  it('measures how strongly a story shows a cue, with # for numbers in digits or words', () => {
    assert.strictEqual(strength('The certificate expired.', 'time-pressure'), 0.5, 'one phrase: half the evidence');
    const digits = strength('We shipped it 3 weeks before launch.', 'time-pressure');
    assert.strictEqual(digits, strength('We shipped it three weeks before launch.', 'time-pressure'));
    assert.ok(digits > strength('We shipped it several weeks before launch.', 'time-pressure'), '"several" is not a number: "# weeks before" does not match');
    assert.ok(strength('The deadline was due on a fixed date, and we were late.', 'time-pressure') > strength('The deadline moved.', 'time-pressure'));
    assert.ok(strength('The vendor contract cost $610K a year.', 'cost') > 0, 'a currency sign before a number reads as "dollar"');
    assert.strictEqual(strength('We mentored two engineers.', 'cost'), 0);
  });

  it('ranks the story that shows the asked theme above one that only shares a word', () => {
    const bank = [
      doc('billing', 'Delivered the billing rewrite', 'Deliver Results', 'The billing service needed a rewrite and I delivered it.'),
      doc('gift', 'Shipped gift cards for sales', 'Deliver Results', 'Sales wanted gift cards three weeks before the holidays, and the launch date could not move.'),
    ];
    const question = 'Tell me about a time you delivered under a tight deadline.';
    const ranked = new StoryMatcher(bank).rank(question, { now });
    assert.deepStrictEqual(ranked.map((r) => r.file), ['gift', 'billing']);
    assert.ok(ranked[0].reasons.includes('tells of time pressure'), ranked[0].reasons.join('; '));
    assert.ok(!ranked[1].reasons.some((r) => r.startsWith('tells of')), ranked[1].reasons.join('; '));
  });

  it('gives no points for a cue that every story of the bank shows alike', () => {
    const bank = [
      doc('a', 'Moved the search index', 'Ownership', 'Customers waited for results and customers complained.'),
      doc('b', 'Moved the billing index', 'Ownership', 'Customers waited for invoices and customers complained.'),
    ];
    const ranked = new StoryMatcher(bank).rank('Tell me about your customers.', { now });
    assert.strictEqual(ranked[0].score, ranked[1].score);
    assert.ok(ranked.every((r) => !r.reasons.some((reason) => reason.startsWith('tells of'))));
  });

  it('shares the cue points by how rare each theme is in the bank: a narrow theme asked beside a broad one leads', () => {
    const bank = [
      // Every story tells of customers; one alone of acting fast, in words the question does not use.
      doc('rollback', 'Reverted a bad config', 'Ownership', 'A config push broke checkout for customers; I rolled back immediately at 2 a.m.'),
      doc('survey', 'Reworked the sign-up form', 'Ownership', 'Customers wrote in, customers called and customers asked for a shorter sign-up form.'),
      doc('search', 'Moved the search index', 'Ownership', 'Customers waited for results.'),
      doc('billing', 'Moved the billing index', 'Ownership', 'Customers waited for invoices.'),
    ];
    const ranked = new StoryMatcher(bank).rank('Tell me about a time customers were affected and you had minutes to act.', { now });
    assert.deepStrictEqual(ranked.slice(0, 2).map((r) => r.file), ['rollback', 'survey'], JSON.stringify(ranked));
    assert.ok(ranked[0].reasons.includes('tells of acting fast'), ranked[0].reasons.join('; '));
  });

  it('weighs the words questions frame themselves with less than the words they ask about', () => {
    const weight = (word: string) => questionWordWeight(word);
    assert.ok(weight('team') < weight('holidai'), `team ${weight('team')}, holiday ${weight('holidai')}`);
    assert.ok(weight('xyzzy') === 1 && weight('team') > 0);
    // The discount is softened: the word questions use most still counts more than half.
    assert.ok(weight('team') > 0.5, `team ${weight('team')}`);
    const index = new Bm25Index([['team', 'holidai'], ['team']]);
    const plain = index.score(['team', 'holidai']);
    const weighted = index.score(['team', 'holidai'], (term) => (term === 'team' ? 0.5 : 1));
    assert.ok(weighted.scores[1] < plain.scores[1] && weighted.scores[0] < plain.scores[0]);
  });

  it('reads a compound as one term before its words: no theme or LP of its own words, its cue if it has one', () => {
    // "leaning on" relies, it does not spend little: neither the cost theme nor Frugality.
    const leaning = 'Tell me about a model you found leaning on something it should never have used.';
    assert.ok(!questionCues(leaning).includes('cost'), questionCues(leaning).join());
    assert.ok(!questionLps(leaning).lpIds.includes('frugality'), questionLps(leaning).lpIds.join());
    asks('How did you keep the team lean on spending?', 'cost');
    // "machine learning" is a technology, not Learn and Be Curious.
    assert.ok(!questionLps('How have you dealt with bias in a machine learning system?').lpIds.includes('learn-and-be-curious'));
    asks('How have you dealt with bias in a machine learning system?', 'machine-learning');
    assert.ok(questionLps('What is something new you learned on your own time?').lpIds.includes('learn-and-be-curious'));
    // A person's poor results ask about growing them, not about Deliver Results; a system's performance is not a person's.
    const poor = "Have you found that someone's poor results came down to something they would not ask for help with?";
    assert.ok(!questionLps(poor).lpIds.includes('deliver-results'), questionLps(poor).lpIds.join());
    asks(poor, 'growing-people');
    assert.ok(!questionCues('How did you improve the system performance of a slow page?').includes('growing-people'));
    asks('How did you handle an engineer whose performance was slipping?', 'growing-people');
    assert.deepStrictEqual(readCompounds('Was the machine-learning model leaning on a proxy?'), { rest: 'was the machinelearning model a proxy', lpIds: [] });
    assert.deepStrictEqual(readCompounds('Machine learning, leaning on data before a big decision'), { rest: 'data before a', lpIds: ['are-right-a-lot'] });
  });

  it('reads themes asked in plain synonyms: a pace people cannot keep, what makes them stay, the least popular work, figures, work by hand, someone else\'s change, machines nobody needed, what to publish', () => {
    asks("Someone who reports to you says they can't keep going at this pace. What did you do?", 'wellbeing');
    asks('When you took over a team, how did you learn what would make people stay?', 'wellbeing');
    asks("Have you taken on a share of the team's least popular duty yourself?", 'wellbeing');
    asks('Tell me about a gap in the figures that everyone ignored.', 'details');
    asks('Have you replaced work that people did by hand?', 'simplifying');
    asks('Customers were hurt by a change someone else had written. What did you do?', 'beyond-role');
    asks('Tell me about servers running overnight that nobody needed.', 'cost');
    asks('Something broke and a customer-facing write-up was on the table. How did you decide what to publish?', 'candour');
    asks('When did you choose to disclose a problem to customers?', 'candour');
    // A story's "what would make them stay" and "not mine" show the themes those questions ask for.
    assert.ok(strength('I asked each engineer what would make them stay.', 'wellbeing') > 0);
    assert.ok(strength('The retry change was not mine, but I was on call.', 'beyond-role') > 0);
  });

  it('reads an everyday signal word as an LP only beside other evidence of it, and a compound such as "a big decision" as that evidence', () => {
    const lpsOf = (text: string) => questionLps(text).lpIds;
    // "decisions" and "target" alone are everyday words, not Are Right, A Lot or Deliver Results.
    assert.ok(!lpsOf("How have you moved your team's decisions out of meetings and into writing?").includes('are-right-a-lot'));
    assert.ok(!lpsOf("Did you ever promise to back your manager's plan if your own approach missed its target?").includes('deliver-results'));
    // Qualified, the decision is what the question is about.
    assert.ok(lpsOf('Tell me about a time you asked someone outside your group to poke holes in your reasoning before a big decision.').includes('are-right-a-lot'));
    // Beside another signal of the LP, the everyday word adds to it: "the logs and the data" read more Dive Deep than "the logs".
    const weightOf = (text: string, id: string) => questionLps(text).weights[questionLps(text).lpIds.indexOf(id)] ?? 0;
    assert.ok(weightOf('What did the logs and the data tell you?', 'dive-deep') > weightOf('What did the logs tell you?', 'dive-deep'));
  });
  it('reads a theme word by what it is said of: a bill or a business grows, people are grown; data and results are trusted, people earn trust', () => {
    const bill = questionCues('Tell me about costs that kept growing faster than traffic.');
    assert.ok(!bill.includes('growing-people') && bill.includes('cost'), bill.join());
    asks('How have you helped someone on your team grow?', 'growing-people');
    // Trusting results names neither the candour theme nor Earn Trust: at most a guess from the bank questions it resembles.
    const results = questionLps("Do you ship when you don't trust the test results?");
    assert.ok(!results.cues.includes('candour') && (results.weights[results.lpIds.indexOf('earn-trust')] ?? 0) < 0.5, JSON.stringify(results));
    assert.ok(questionLps('How did you earn the trust of a team that had been let down?').lpIds.includes('earn-trust'));
    // One's own career is a career, not growing people; "data" alone asks for no digging.
    assert.ok(!questionCues('What is the best decision of your career?').includes('growing-people'));
    asks("How have you grown an engineer's career?", 'growing-people');
    assert.ok(!questionCues('Tell me about a launch that broke on real data.').includes('details'));
  });

  it('reads themes asked in plain synonyms: news to give, someone who would rather not work with you, managing out, going ahead, sign-off, hours given up, a skill, a thing not working', () => {
    asks('What is the hardest news you have had to give?', 'candour');
    asks('Tell me about a peer who did not want to work with you.', 'disagreement');
    asks("How did you handle someone you didn't get along with?", 'disagreement');
    asks('When have you had to manage an engineer out?', 'growing-people');
    asks('When did you go ahead without a full specification?', 'acting-fast');
    asks('How did you get several teams to sign off on a change?', 'influence');
    asks('How did you give people time off after a hard release?', 'wellbeing');
    asks('What skill did you pick up for a project?', 'learning');
    asks("Tell me about a plan that wasn't working.", 'failure');
    asks('How did you make things better for the people using your app?', 'customers');
  });

  it('names the LPs a theme is evidence of, each one in the catalog, and reads them from a question that names no LP', () => {
    for (const cue of allCues()) for (const lp of cue.lps ?? []) assert.ok(lpById(lp), `${cue.id}: ${lp}`);
    assert.throws(() => cueTableSchema.parse({ ...data, cues: [{ id: 'a', label: 'a', ask: ['a'], tell: ['a'], lps: [1] }] }));
    // No catalog phrase in it: the theme alone says Hire and Develop the Best.
    const out = questionLps('Before you would manage someone out, what do you try first?');
    const at = out.lpIds.indexOf('hire-and-develop-the-best');
    assert.ok(at !== -1 && out.weights[at] < 0.5, `read, and less surely than a signal word: ${JSON.stringify(out)}`);
    // A theme asked under many LPs (a failure) names none.
    assert.deepStrictEqual(questionLps('Tell me about a time you failed.').lpIds, []);
  });

  it('reads themes the table once lacked: what customers said, a safeguard against a repeat, shipping more often, places folded into one', () => {
    asks('The app store reviews all said the same. What did you do?', 'customer-voice');
    asks('Customers kept ringing support about one screen. What did you change?', 'customer-voice');
    asks('Tell me about a problem you saw coming.', 'prevention');
    asks('How did you make sure the outage could not happen again?', 'prevention');
    asks('What did you find that would have hit every user, and did it exist everywhere else?', 'prevention');
    asks('How did your team go from monthly releases to several times a week?', 'shipping-often');
    asks('Tell me about a time you consolidated tools people had to switch between.', 'simplifying');
    // An important call is a decision, not a customer's call to support.
    assert.ok(!questionCues('Walk me through an important call you made at night.').includes('customer-voice'));
    assert.ok(strength('Complaints in app-store reviews dropped.', 'customer-voice') > 0);
    // A ticket filed with another team, or feedback from a manager, is not what customers said.
    assert.strictEqual(strength('I filed a ticket with the owning team and got feedback from my manager.', 'customer-voice'), 0);
    assert.ok(strength('I added an alert at 30 days for all of them.', 'prevention') > 0);
    assert.ok(strength('Releases went from every three weeks to twice a week.', 'shipping-often') > 0);
    const bank = [
      doc('cert', 'Renewed a certificate before it expired', 'Ownership', 'A certificate would expire in four days. I renewed it and added an alert at 30 days for every certificate.'),
      doc('import', 'Imported a customer\'s invoices', 'Ownership', 'The import failed two days before the date, and I saw the customer every day until it was done.'),
    ];
    const ranked = new StoryMatcher(bank).rank('Tell me about a problem you saw coming days ahead, and what you put in place so it could not sneak up again.', { now });
    assert.strictEqual(ranked[0].file, 'cert', JSON.stringify(ranked));
    assert.ok(ranked[0].reasons.includes('tells of a safeguard against a repeat'), ranked[0].reasons.join('; '));
  });

  it('reads no theme from what a question sets aside ("rather than about money")', () => {
    const planet = 'Describe a project of yours whose main goal was about the planet rather than about money or speed.';
    const cues = questionCues(planet);
    assert.ok(cues.includes('responsibility') && !cues.includes('cost') && !cues.includes('acting-fast'), cues.join());
    asks('Describe a project whose main goal was about money.', 'cost');
    assert.deepStrictEqual(words(withoutContrasts('A design for the load years ahead rather than for today, and why.')).filter(Boolean), words('A design for the load years ahead, and why.').filter(Boolean));
    assert.deepStrictEqual(questionLps(planet).cues, cues);
  });

  it('reads words the stemmer would join with another word in their own sense: evenings are not "even"', () => {
    assert.notStrictEqual(stemWord('evenings'), stemWord('even'));
    assert.ok(!questionCues('Tell me about a saving, even though a custom build was on the table.').includes('wellbeing'));
    asks('How did you keep the far side of the team from losing their evenings?', 'wellbeing');
    assert.strictEqual(strength('It was even faster than planned.', 'wellbeing'), 0);
  });

  it('reads British "-ise" spellings as "-ize" words, but for words whose "-ise" is no suffix', () => {
    assert.strictEqual(stemWord('criticised'), stemWord('criticism'));
    assert.strictEqual(stemWord('organisation'), stemWord('organization'));
    assert.strictEqual(stemWord('apologised'), stemWord('apologized'));
    for (const word of ['promise', 'promised', 'enterprise', 'exercise', 'surprised', 'otherwise', 'fundraiser', 'expertise', 'premises', 'decision']) assert.strictEqual(americanSpelling(word), word);
    asks('When someone senior criticised how you work, what did you do?', 'candour');
  });

  it('reads an adverb as its adjective ("quickly" is "quick", "publicly" "public"), and keeps short stems and plurals together', () => {
    for (const [adverb, adjective] of [['quickly', 'quick'], ['publicly', 'public'], ['plainly', 'plain'], ['honestly', 'honest'], ['weekly', 'week'], ['costly', 'cost']]) assert.strictEqual(stemWord(adverb), stemWord(adjective), adverb);
    assert.strictEqual(stemWord('family'), stemWord('families'));
    assert.strictEqual(stemWord('supply'), stemWord('supplied'));
    for (const [word, other] of [['apply', 'app'], ['reply', 'rep'], ['early', 'ear']]) assert.notStrictEqual(stemWord(word), stemWord(other), word);
    // A question's "public promise" finds the story that "publicly committed", which shares no other word with it.
    const promised = doc('promised', 'Carbon targets for batch jobs', 'Frugality', 'Our chief executive publicly committed to halving emissions by 2030.');
    const other = doc('other', 'A promise to a partner on pricing', 'Frugality', 'Our partner wanted a lower price for the next year.');
    const ranked = new StoryMatcher([other, promised]).rank('Your company made a public pledge. What did you do about it?', { now });
    assert.strictEqual(ranked[0].file, 'promised', JSON.stringify(ranked));
  });

  it('counts no light verb or hedging adverb as a shared word, and keeps them in LP signal phrases', () => {
    assert.deepStrictEqual(contentStems('We went past them, got it out and gave it back, actually.'), contentStems('We past them, it out and it back.'));
    assert.deepStrictEqual(contentStems('Tell me about the last time you apologised.'), contentStems('Tell me about the time you apologised.'));
    const bank = [
      doc('went', 'Went and got the logs', 'Ownership', 'I went and got the logs, and gave them back to the team; it actually took a day.'),
      doc('askers', 'Met the people who needed the report', 'Ownership', 'I talked to the analysts who needed the report, not the managers asking for it.'),
    ];
    const ranked = new StoryMatcher(bank).rank('Tell me about a time you went past the people asking for something to the people who actually needed it.', { now });
    assert.strictEqual(ranked[0].file, 'askers', JSON.stringify(ranked));
    // "took ownership" is a catalog signal of two words: both still count.
    const weight = (text: string) => questionLps(text).weights[questionLps(text).lpIds.indexOf('ownership')] ?? 0;
    assert.ok(weight('When did you take ownership of a failing service?') > weight('What is ownership to you?'), `${weight('When did you take ownership of a failing service?')}`);
  });

  it('reads themes asked in plain synonyms: alarms, borrowing, not agreeing, work never done before, helping someone become; saving months and costing customers are not spending, customers failing is no failure', () => {
    asks('Tell me about a time you changed what your alarms measured.', 'alerting');
    assert.ok(strength('I deleted 40 alerts and paged only on error rate.', 'alerting') > 0);
    asks('Tell me about borrowing something another team owned.', 'scarce-resources');
    asks("Two teams are stuck because you and another lead can't agree on a design.", 'disagreement');
    asks("What's a piece of work that sat well outside anything you'd done before?", 'learning');
    const goodAt = questionCues('How did you get good enough at it to deliver?');
    assert.ok(goodAt.includes('learning') && !goodAt.includes('quality-bar'), goodAt.join());
    assert.ok(!questionCues('Tell me about a time that saved your team months.').includes('cost'));
    assert.ok(!questionCues('Your bug was still costing customers every hour.').includes('cost'));
    assert.ok(!questionCues('How did you stop that from costing the people at the far end their evenings?').includes('cost'));
    asks('Tell me about a time you saved money on a vendor.', 'cost');
    asks('How have you helped a quiet engineer become the person running the room?', 'growing-people');
    // Something failing now is the situation, not a failure to tell of.
    assert.ok(!questionCues("Is a step safe on a system you don't own while customers are failing right now?").includes('failure'));
    asks('Tell me about a time you failed.', 'failure');
    // A follow-up's "what did you learn" asks for no learning theme.
    assert.ok(!questionCues('Tell me about going to see customers. What did you learn?').includes('learning'));
  });

  it('reads "could" as "can" and "cannot" as "can not", so a phrase in one tense meets a question in the other', () => {
    for (const text of ["How do you find out about customers who can't use your product?", 'How do you find customers who cannot use your product?', 'Customers who could not use it: what did you do?']) asks(text, 'responsibility');
    assert.strictEqual(stemWord('could'), stemWord('can'));
    assert.deepStrictEqual(words('It cannot wait.'), words('It can not wait.'));
  });

  it('reads a superlative as its adjective for the themes, and as no shared word: "the fastest you have gone" asks about speed', () => {
    asks("What's the fastest you've gone from a request to real revenue?", 'acting-fast');
    for (const [superlative, adjective] of [['fastest', 'fast'], ['riskiest', 'risky'], ['biggest', 'big'], ['simplest', 'simple']]) assert.strictEqual(stemWord(superlative), stemWord(adjective), superlative);
    // "-est" that is no degree of an adjective stays as it was.
    for (const word of ['interest', 'request', 'honest', 'test']) assert.strictEqual(stemWord(word), PORTER_STEMMER.stem(word), word);
    // "The hardest bug" asks about a bug: the degree frames the question, and shares no word.
    assert.deepStrictEqual(contentStems('Tell me about the hardest bug you fixed.'), contentStems('Tell me about the bug you fixed.'));
  });

  it('reads phrasal verbs as one meaning: what did not pay off failed and cost nothing, getting to the bottom of it is digging into details', () => {
    const gamble = questionCues("Give me an example of a gamble you took at work that didn't pay off.");
    assert.ok(gamble.includes('failure') && !gamble.includes('cost'), gamble.join());
    assert.ok(!questionCues('Tell me about hiring for potential, and how you made that pay off.').includes('cost'));
    asks('People were billed twice. How did you get to the bottom of it?', 'details');
  });

  it('reads themes asked in plain synonyms: being open about a failure, keeping someone informed, standing up for something or saying where one stood, leading it anyway, giving feedback', () => {
    for (const [text, cue] of [
      ["Describe a time you had to be open about your own organisation's failure.", 'candour'],
      ['How have you kept a stakeholder informed while a launch was at risk?', 'candour'],
      ["Tell me about standing up for the customer's experience.", 'disagreement'],
      ['Leadership wanted to ship early. Where did you stand, and what did you do once they had decided?', 'disagreement'],
      ['Describe a plan you thought was too ambitious that you ended up leading anyway.', 'disagreement'],
    ]) asks(text, cue);
    // Feedback given to someone grows them; feedback asked for is candour.
    const given = questionCues('How quickly do you give people feedback on their work?');
    assert.ok(given.includes('growing-people') && !given.includes('candour'), given.join());
    asks('How do you ask for feedback so that people tell you the truth?', 'candour');
  });

  it('reads growth in amount and a product\'s performance as no growing of people, and a learned model as machine learning, not learning', () => {
    assert.ok(!questionCues('The backlog grows to hours at peak.').includes('growing-people'));
    // A product's performance is no person's.
    assert.ok(!questionCues('The product manager wants to ship now and fix performance later.').includes('growing-people'));
    asks('Tell me about a hard conversation with someone about their performance.', 'growing-people');
    asks('How have you helped someone grow?', 'growing-people');
    const model = questionCues('Give me an example where you brought a learned model into a feature customers use every day.');
    assert.ok(model.includes('machine-learning') && !model.includes('learning'), model.join());
    asks('Tell me about a model you found leaning on a stand-in.', 'machine-learning');
    assert.ok(!questionCues('Tell me about changing a business model.').includes('machine-learning'));
  });

  it('reads themes the table lacked: weighing options, real users in the room, an outage survived, a system that could not keep up, a risk taken', () => {
    asks('When there were several defensible ways to build something and no obvious winner, how did you pick one?', 'options');
    asks('Tell me about a time you had to choose between paying for more time and going live.', 'options');
    assert.ok(!questionCues('Tell me about a time you found a way to make a bug happen on demand.').includes('options'));
    assert.ok(strength('I wrote down three options and the trade-offs of each, and asked for a second opinion.', 'options') > 0);
    asks('Tell me about a time you got real users into the room to try something before it shipped.', 'customer-voice');
    assert.ok(strength('I sat in on every user research session.', 'customer-voice') > 0);
    asks('If your whole data centre went dark tomorrow, how long would it take you to be back?', 'resilience');
    assert.ok(strength('We moved to an active-active multi-region design and cut recovery time to 90 seconds.', 'resilience') > 0);
    const peak = questionCues("Our ingestion can't keep up at peak and the backlog grows to hours.");
    assert.ok(peak.includes('capacity') && !peak.includes('wellbeing'), peak.join());
    asks("Someone who reports to you says they can't keep up.", 'wellbeing');
    assert.ok(strength('The parser could not keep up with traffic and the queue lagged by hours.', 'capacity') > 0);
    // A gamble, and "the riskiest" through its adjective (see DEGREES).
    asks("Give me an example of a gamble you took at work that didn't pay off.", 'risk');
    asks('What is the riskiest thing you have done at work while everyone else was asleep?', 'risk');
    assert.ok(strength('I released it to every user in one step, with no kill switch.', 'risk') > 0);
  });

  it('reads "learned that" and "learning how it came across" as finding something out, not as learning something new; "learned how to" still is', () => {
    const found = questionLps("Tell me about the first three days after you learned that clients' records had been visible to strangers.");
    assert.ok(!found.cues.includes('learning') && !found.lpIds.includes('learn-and-be-curious'), `${found.cues.join()} ${found.lpIds.join()}`);
    const heard = questionLps('What have you changed in your own behaviour after learning how it came across to the people you lead?');
    assert.ok(!heard.cues.includes('learning') && !heard.lpIds.includes('learn-and-be-curious'), `${heard.cues.join()} ${heard.lpIds.join()}`);
    asks('Tell me about a time you learned how to use a new language in a week.', 'learning');
    asks('Tell me about a time you learned Rust to fix a parser.', 'learning');
  });
});
