import * as assert from 'assert';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { Bm25Index } from '../../src/core/match/bm25';
import { BankTerms, questionLps, SCORE_PARTS, StoryMatcher, storyTerms, storyWords } from '../../src/core/match/rank';
import { givenQuestionLps } from '../../src/core/match/questionLps';
import { NO_LP_MODEL } from '../../src/core/match/lpModel';
import { contentStems, inflectionRoot, inflectionRoots, stemWord, PORTER_STEMMER } from '../../src/core/match/words';
import { allQuestions } from '../../src/core/catalog';
import { lintText } from '../../src/core/engine';
import { profileStory, type StoryProfile } from '../../src/core/plan/profile';
import { ROOT } from './helpers';

function doc(id: string, text: string, lastTold?: string) {
  const { story, findings } = lintText(text);
  const profile: StoryProfile = { ...profileStory(id, story, findings), ...(lastTold ? { lastTold } : {}) };
  return { profile, text: storyWords(story) };
}

/** The LPs read from the catalog's signals alone, without the LP model (tested in lpModel.test.ts): what the signal tests are about. */
const signalLps = (text: string) => questionLps(text, PORTER_STEMMER, NO_LP_MODEL);
const story = (title: string, lps: string, result: string, level = 'L6') =>
  `---\ntitle: ${title}\nlps: [${lps}]\nlevel: ${level}\nyear: 2025\n---\n## Situation\n${title}.\n## Task\nI owned it.\n## Action\nI led the work and checked each step myself.\n## Result\n${result}\n`;

async function run(args: string[], cwd = ROOT) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false });
  return { code, out, err };
}

describe('question to story', () => {
  it('stems inflections to one stem with Porter\'s stemmer and keeps hyphenated words whole', () => {
    const stem = (w: string) => PORTER_STEMMER.stem(w);
    // Porter's own examples (1980): the library, not a look-alike.
    assert.deepStrictEqual(['caresses', 'ponies', 'relational', 'hopeful', 'generalization'].map(stem), ['caress', 'poni', 'relat', 'hope', 'gener']);
    assert.strictEqual(stem('migrated'), stem('migration'));
    assert.strictEqual(stem('migrating'), stem('migrate'));
    assert.strictEqual(stem('stopped'), stem('stop'));
    assert.strictEqual(stem('accessible'), stem('accessibility'));
    assert.deepStrictEqual(contentStems('Tell me about the on-call rota'), [stem('oncall'), 'rota']);
  });

  it('stems a verb with its inflections and derivations, and irregular forms with their verb', () => {
    const same = (...forms: string[]) => assert.deepStrictEqual(new Set(forms.map((w) => stemWord(w))).size, 1, forms.map((w) => `${w}>${stemWord(w)}`).join(' '));
    same('deliver', 'delivered', 'delivering', 'delivers');
    same('disagree', 'disagreed', 'disagreeing');
    same('agree', 'agreed', 'agrees');
    same('offer', 'offered', 'offering');
    same('engineer', 'engineers', 'engineering');
    same('customer', 'customers');
    same('hire', 'hiring', 'hired');
    same('grow', 'grew', 'grown', 'growth', 'growing');
    same('lead', 'led', 'leading');
    same('teach', 'taught');
    assert.notStrictEqual(stemWord('user'), stemWord('us'));
    // Words that name an object's own properties are ordinary words, not table entries.
    assert.deepStrictEqual(contentStems('constructor toString'), ['constructor', 'tostr']);
  });

  it('keeps apart words the stemmer joins with a word of another meaning, in the words matched and the themes read', () => {
    // Porter's stemmer joins each pair; the matcher does not.
    for (const [word, other] of [['customer', 'custom'], ['news', 'new'], ['internal', 'intern'], ['experiment', 'experience'], ['business', 'busy'], ['personally', 'person'], ['critical', 'criticism'], ['responsible', 'response'], ['authority', 'author'], ['general', 'generate'], ['accessible', 'access'], ['accessibility', 'access'], ['talented', 'talent']]) {
      assert.strictEqual(PORTER_STEMMER.stem(word), PORTER_STEMMER.stem(other), `${word} ${other}`);
      assert.notStrictEqual(stemWord(word), stemWord(other), `${word} ${other}`);
    }
    assert.strictEqual(stemWord('customers'), stemWord('customer'));
    // Access one is about to lose is no accessibility; a talented engineer on the team is no hiring.
    assert.ok(!questionLps('Have you ever had to move everything off hardware you were about to lose access to?').cues.includes('responsibility'));
    assert.ok(questionLps('How have you made a product more accessible?').cues.includes('responsibility'));
    assert.ok(!questionLps('Tell me about someone on your team who was talented but invisible to leadership.').cues.includes('hiring'));
    assert.ok(questionLps('How do you find talent?').cues.includes('hiring'));
    // A custom build is not about customers: neither the theme nor the words match a story about refunding them.
    const custom = 'Why did you argue against a custom build?';
    assert.ok(!questionLps(custom).cues.includes('customers'), questionLps(custom).cues.join());
    const matcher = new StoryMatcher([
      doc('refunds', story('Refunded the customers a bug had charged twice', 'Deliver Results', 'Customers got $1.2M back.')),
      doc('scheduler', story('Extended the workflow engine instead of a custom scheduler', 'Frugality', 'The build took one quarter, not three.')),
    ]);
    assert.strictEqual(matcher.rank('Tell me about a time a custom build was on the table and you extended a tool instead.', { now: new Date('2026-06-01T00:00:00Z') })[0].file, 'scheduler');
  });

  it('matches a story on its prose, not on the STAR headings every story has', () => {
    const text = storyWords(lintText(story('Cut the logging vendor bill', 'Frugality', 'The bill fell by 61%.')).story);
    assert.ok(!/\bResult\b|\bSituation\b/.test(text), text);
    assert.match(text, /The bill fell by 61%/);
    const matcher = new StoryMatcher([
      doc('vendor', story('Cut the logging vendor bill', 'Frugality', 'The bill fell by 61%.')),
      doc('results', story('Shipped the launch', 'Frugality', 'Sign-ups rose 20%, and the results held for a year.')),
    ]);
    const ranked = matcher.rank('results', { now: new Date('2026-06-01T00:00:00Z') });
    assert.deepStrictEqual(ranked.map((r) => [r.file, r.reasons.some((reason) => reason.startsWith('shares'))]), [['results', true], ['vendor', false]]);
  });

  it('BM25 ranks the document with the rarer shared term first and reports the terms matched', () => {
    const index = new Bm25Index([['cost', 'cloud'], ['cost', 'vendor', 'contract'], ['team', 'hire']]);
    const { scores } = index.score(["vendor", "cost"]);
    assert.ok(scores[1] > scores[0] && scores[0] > 0 && scores[2] === 0);
    assert.deepStrictEqual(index.termsIn(1, ["vendor", "cost", "vendor"]), ["vendor", "cost"]);
    assert.deepStrictEqual(index.termsIn(2, ["vendor", "cost"]), []);
  });

  it('reads a bank question\'s LPs, and LP signal words from any other question', () => {
    const bank = signalLps('Describe a time you strongly disagreed with a decision your manager made. What did you do?');
    assert.strictEqual(bank.source, 'bank');
    assert.strictEqual(bank.lpIds[0], 'have-backbone-disagree-and-commit');
    const signals = signalLps('How did you cut costs and stay frugal?');
    assert.strictEqual(signals.source, 'signals');
    assert.ok(signals.lpIds.includes('frugality'), JSON.stringify(signals));
    assert.deepStrictEqual(signalLps('xyzzy plugh').lpIds, []);
    // "learned" and "what I learned" are two catalog phrases of one stem: one stem, half the evidence; the
    // learning theme it asks adds a quarter, as independent evidence: 1 - (1 - 0.5)(1 - 0.25). (The made-up
    // words keep the question unlike any bank question, which would lend its LPs too.)
    const learned = signalLps('Xyzzy plugh frobozz zork learned.');
    assert.deepStrictEqual([learned.lpIds[0], learned.weights[0]], ['learn-and-be-curious', 0.625]);
  });

  it('reads an LP named anywhere in a question, by its name or an alias of two words or more, as named outright', () => {
    const backbone = questionLps('Have Backbone: give me your best example from the last few years.');
    assert.deepStrictEqual([backbone.lpIds[0], backbone.weights[0]], ['have-backbone-disagree-and-commit', 1]);
    const employer = questionLps("Strive to be Earth's Best Employer: what have you changed?");
    assert.deepStrictEqual([employer.lpIds[0], employer.weights[0]], ['strive-to-be-earths-best-employer', 1]);
    // A one-word alias ("Results" of Deliver Results) is an everyday word: it names nothing outright.
    const results = questionLps('Xyzzy plugh frobozz: what results did you zork?');
    assert.ok(!results.lpIds.includes('deliver-results') || results.weights[results.lpIds.indexOf('deliver-results')] < 1, JSON.stringify(results));
    // Named, the LP outweighs a word the question shares with another story.
    const matcher = new StoryMatcher([
      doc('years', story('Ran the same service for five years', 'Ownership', 'It ran for five years with no outage.')),
      doc('memo', story('Wrote a memo against the plan and then delivered it', 'Have Backbone; Disagree and Commit', 'The plan shipped on time.')),
    ]);
    assert.strictEqual(matcher.rank('Have Backbone: give me your best example from the last few years.', { now: new Date('2026-06-01T00:00:00Z') })[0].file, 'memo');
  });

  it('matches LP signal words on their forms, not on words derived from them that stem alike', () => {
    // Porter stems "personally" (a Dive Deep signal) and "people" alike, "accountable" (Ownership) and
    // "account", "succession" (Hire and Develop the Best) and "success": none is the LP's signal.
    assert.strictEqual(PORTER_STEMMER.stem('personally'), PORTER_STEMMER.stem('person'));
    for (const [question, lp] of [
      ['Xyzzy plugh frobozz people zork.', 'dive-deep'],
      ['Xyzzy plugh frobozz account zork.', 'ownership'],
      ['Xyzzy plugh frobozz success zork.', 'hire-and-develop-the-best'],
    ]) assert.ok(!signalLps(question).lpIds.includes(lp), `${question} ${JSON.stringify(signalLps(question))}`);
    // Inflections still match: "deliver" for "delivered", "hiring" for "hired", "quick" for "quickly", "stepped" for "step".
    for (const [question, lp] of [
      ['Xyzzy plugh frobozz deliver zork.', 'deliver-results'],
      ['Xyzzy plugh frobozz hiring zork.', 'hire-and-develop-the-best'],
      ['Xyzzy plugh frobozz quick zork.', 'bias-for-action'],
      ['Xyzzy plugh frobozz simplify zork.', 'invent-and-simplify'],
    ]) assert.strictEqual(signalLps(question).lpIds[0], lp, question);
    assert.deepStrictEqual(['studied', 'studies', 'study', 'stepped', 'step', 'hired', 'hire'].map(inflectionRoot), ['studi', 'studi', 'studi', 'step', 'step', 'hir', 'hir']);
  });

  it('reads a contraction as its words: no "didn" or "ve" to share, "won\'t" is not "won", a negated signal keeps its "not"', () => {
    assert.deepStrictEqual(contentStems("What's the biggest thing you've done? We didn't wait, and they won't."), ['done', 'wait'], '"thing" is a light word, see LIGHT_WORDS, and "biggest" a degree, see DEGREES');
    assert.deepStrictEqual(inflectionRoots("didn't wait"), ['not', 'wait']);
    // "Didn't wait" is a Bias for Action signal and "not my job" an Ownership one; a bare "wait" or "job" is neither.
    const bare = signalLps('Xyzzy plugh frobozz wait job zork.');
    assert.ok(!bare.lpIds.includes('bias-for-action') && !bare.lpIds.includes('ownership'), JSON.stringify(bare));
    assert.ok(signalLps("Xyzzy plugh frobozz zork: I didn't wait.").lpIds.includes('bias-for-action'));
  });

  it('lends a question the LPs of the bank question it resembles, less surely than the bank question itself', () => {
    const bank = allQuestions().find((q) => q.id === 'frugality-01')!;
    const reworded = signalLps(bank.text.replace('Tell me about a time you', 'Describe how you').replace(/\.$/, ', and what it took.'));
    assert.strictEqual(reworded.source, 'signals');
    assert.strictEqual(reworded.lpIds[0], bank.lps[0], JSON.stringify(reworded));
    assert.ok(reworded.weights[0] > 0.5, JSON.stringify(reworded));
    const exact = signalLps(bank.text);
    assert.deepStrictEqual([exact.source, exact.weights[0]], ['bank', 1]);
    // Only the failure words are shared with a bank question: they say what kind of story, not which LP.
    assert.deepStrictEqual(signalLps('Tell me about a time you failed.').lpIds, []);
  });

  it('lends a question worded afresh the LP of a bank question it loosely resembles, as a guess', () => {
    // Each shares a word or two with bank questions and names no LP: without the likeness it would have none.
    for (const [text, lp] of [
      ['Tell me about a time you taught yourself a skill nobody on your team had.', 'learn-and-be-curious'],
      ['Tell me about a time you found the real reason behind a strange bug.', 'dive-deep'],
    ]) {
      const read = signalLps(text);
      assert.strictEqual(read.lpIds[0], lp, `${text} ${JSON.stringify(read)}`);
      assert.ok(read.weights[0] < 0.5, `a loose likeness is a guess: ${JSON.stringify(read)}`);
    }
  });

  it('drops function words that say nothing of a situation, so a story sharing only them scores no words', () => {
    assert.deepStrictEqual(contentStems('the people using it, everyone else, around us, instead of a review'), [stemWord('people'), stemWord('everyone'), stemWord('review')]);
    const matcher = new StoryMatcher([
      doc('pager', story('Used every spare hour around the pager rota instead', 'Ownership', 'Pages fell by 70%.')),
      doc('vendor', story('Dropped a logging vendor that gave little back', 'Frugality', 'The bill fell by 61%.')),
    ]);
    const [first] = matcher.rank('Tell me about a time something else was using every dollar around you instead of a vendor.', { now: new Date('2026-01-01') });
    assert.strictEqual(first.file, 'vendor', JSON.stringify(first));
  });

  it('reads whether a question asks for a failure, and ranks a story that went wrong first for it', () => {
    const failures = ['Tell me about a time you failed.', 'What is the biggest mistake you have made?', 'Tell me about a goal you missed.', 'Describe a decision that turned out wrong.'];
    for (const text of [...failures, 'Tell me about a project that did not succeed.', 'Tell me about a time you let a customer down.', 'What was a bad call you made?']) {
      assert.ok(questionLps(text).asksForFailure, text);
    }
    // The small words of a phrase are stop words: "work", "succeed" or "let" alone ask for no failure.
    for (const text of ['Tell me about a time you cut costs.', 'How do you raise the hiring bar?', 'How do you work with product managers?', 'Let me hear how you helped a peer succeed.']) {
      assert.ok(!questionLps(text).asksForFailure, text);
    }
    // Two stories alike but for their outcome.
    const told = (outcome: string) => `---\ntitle: Moved the billing database\nlps: [Ownership]\nlevel: L6\noutcome: ${outcome}\n---\n## Situation\nThe billing database had to move.\n## Task\nI owned it.\n## Action\nI led the work.\n## Result\nDowntime was 40 minutes, 3 customers left.\n## Learning\nI now rehearse a move first.\n`;
    const matcher = new StoryMatcher([doc('success', told('success')), doc('failure', told('failure'))]);
    const now = new Date('2026-06-01T00:00:00Z');
    const asked = matcher.rank('Tell me about a database move that failed.', { now });
    assert.strictEqual(asked[0].file, 'failure');
    assert.ok(asked[0].score > asked[1].score, JSON.stringify(asked));
    assert.ok(asked[0].reasons.includes('a story that went wrong, as asked'), asked[0].reasons.join('; '));
    const notAsked = matcher.rank('Tell me about a database move.', { now });
    assert.strictEqual(notAsked[0].score, notAsked[1].score, 'no failure asked: no bonus either way');
    assert.ok(notAsked.every((r) => !r.reasons.includes('a story that went wrong, as asked')));
  });

  it('never says a story its writer marks a success tells of a failure, whatever failure words it holds', () => {
    // The example bank: the screen-reader story (outcome: success) says its missing labels "failed the build".
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.star.md'));
    const docs = files.map((f) => doc(f, readFileSync(join(ROOT, 'examples', f), 'utf8')));
    const ranked = new StoryMatcher(docs).rank('Tell me about a time you failed.', { now: new Date('2026-06-01') });
    const outcome = new Map(docs.map((d) => [d.profile.summary.id, d.profile.summary.outcome]));
    assert.ok(['failure', 'mixed'].includes(outcome.get(ranked[0].file) ?? ''), `first: ${ranked[0].file}`);
    for (const r of ranked) if (outcome.get(r.file) === 'success') assert.ok(!r.reasons.includes('tells of a failure'), `${r.file}: ${r.reasons.join('; ')}`);
    assert.ok(ranked.some((r) => outcome.get(r.file) === 'success' && r.reasons.some((why) => why.includes('"failed"'))), 'the success story with "failed" in it is still in the bank');
  });

  it('costs a story planned for another LP by how sure the question\'s LP is', () => {
    // The signals alone, so that the question's only LP is the one its word "lean" names.
    const matcher = new StoryMatcher([doc('vendor', story('Cut the logging vendor bill', 'Frugality', 'The bill fell by 61%.'))], PORTER_STEMMER, NO_LP_MODEL);
    const now = new Date('2026-06-01T00:00:00Z');
    const plannedFor = new Map([['vendor', ['earn-trust']]]);
    const cost = (text: string) => matcher.rank(text, { now })[0].score - matcher.rank(text, { now, plannedFor })[0].score;
    const bankQuestion = allQuestions().find((q) => q.id === 'frugality-01')!.text;
    assert.ok(Math.abs(cost(bankQuestion) - 0.5) < 1e-9, `a bank question costs the full 0.5, got ${cost(bankQuestion)}`);
    const guess = signalLps('Tell me about a time you were lean.');
    assert.ok(guess.weights[0] < 1, JSON.stringify(guess));
    assert.ok(Math.abs(cost('Tell me about a time you were lean.') - 0.5 * guess.weights[0]) < 1e-3, 'a guess costs less');
    assert.strictEqual(cost('xyzzy plugh'), 0, 'a question with no LP costs nothing');
  });

  it('ranks by LP fit and words, and says why; quality, plan and recency lower a story', () => {
    const matcher = new StoryMatcher([
      doc('vendor', story('Cut the logging vendor bill', 'Frugality', 'The bill fell by 61%.')),
      doc('hiring', story('Rebuilt the interview loop', 'Hire and Develop the Best', 'We hired six engineers in five months, 83% acceptance.')),
      doc('vague', story('Cut cloud spend', 'Frugality', 'Things got better.')),
    ]);
    const now = new Date('2026-06-01T00:00:00Z');
    const ranked = matcher.rank('Tell me about a time you cut costs with a vendor.', { now });
    assert.deepStrictEqual(ranked.map((r) => r.file), ['vendor', 'vague', 'hiring']);
    assert.ok(ranked[0].reasons.some((r) => /primary LP Frugality/.test(r)), ranked[0].reasons.join('; '));
    assert.ok(ranked[0].reasons.some((r) => /shares .*"vendor"/.test(r)));
    assert.ok(ranked[1].reasons.includes('no number in the Result'));
    const planned = matcher.rank('Tell me about a time you cut costs with a vendor.', { now, plannedFor: new Map([['vendor', ['earn-trust']]]) });
    assert.ok(planned[0].score < ranked[0].score && planned[0].reasons.includes('planned for Earn Trust'));
    const told = new StoryMatcher([doc('vendor', story('Cut the logging vendor bill', 'Frugality', 'The bill fell by 61%.'), '2026-05-30T10:00:00Z')]).rank('vendor', { now });
    assert.ok(told[0].reasons.includes('told 1 days ago') || told[0].reasons.includes('told yesterday'), told[0].reasons.join('; '));
  });

  it('puts the LPs the user names first, keeps what the words say after them, and refuses an id the catalog lacks', () => {
    const question = 'Tell me about a time a partner let you down at the last minute.';
    const read = questionLps(question);
    const named = givenQuestionLps(question, ['earn-trust', 'earn-trust', 'ownership']);
    assert.strictEqual(named.source, 'given');
    assert.deepStrictEqual(named.lpIds.slice(0, 2), ['earn-trust', 'ownership'], 'a name given twice counts once');
    assert.deepStrictEqual(named.weights.slice(0, 2), [1, 0.4]);
    // The LPs read from the words follow, counting at most as a secondary LP; the themes are read as ever.
    assert.ok(read.lpIds.some((id) => !['earn-trust', 'ownership'].includes(id)), JSON.stringify(read));
    for (const [i, id] of read.lpIds.entries()) if (!['earn-trust', 'ownership'].includes(id)) assert.strictEqual(named.weights[named.lpIds.indexOf(id)], Math.min(0.4, read.weights[i]));
    assert.deepStrictEqual([named.cues, named.asksForFailure], [read.cues, read.asksForFailure]);
    assert.throws(() => givenQuestionLps(question, ['earn-trust', 'bias-for-speed']), /no LP "bias-for-speed" in the catalog/);
    assert.deepStrictEqual(givenQuestionLps(question, []), read, 'no LP named: the words\' reading unchanged');
  });

  it('ranks first, of two stories alike in words, the one of the LP the user names', () => {
    const matcher = new StoryMatcher([
      doc('frugal', story('Moved the billing service to a new database', 'Frugality', 'The bill fell by 61%.')),
      doc('backbone', story('Moved the billing service to a new database', 'Have Backbone; Disagree and Commit', 'The bill fell by 61%.')),
    ]);
    const now = new Date('2026-06-01T00:00:00Z');
    const question = 'Tell me about moving the billing service to a new database.';
    for (const [lpId, first, name] of [['frugality', 'frugal', 'Frugality'], ['have-backbone-disagree-and-commit', 'backbone', 'Have Backbone']]) {
      const ranked = matcher.rank(question, { now, lpIds: [lpId] });
      assert.strictEqual(ranked[0].file, first, lpId);
      assert.ok(ranked[0].score > ranked[1].score);
      assert.ok(ranked[0].reasons.some((r) => r.startsWith(`primary LP ${name}`)), ranked[0].reasons.join('; '));
    }
    assert.deepStrictEqual(matcher.rank(question, { now, lpIds: [] }), matcher.rank(question, { now }), 'no LP named: read from the words');
  });

  it('reports each part of every story\'s score, adding up to the score the ranking orders by', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const matcher = new StoryMatcher([
      doc('vendor', story('Cut the logging vendor bill', 'Frugality', 'The bill fell by 61%.'), '2026-05-31T10:00:00Z'),
      doc('hiring', story('Rebuilt the interview loop', 'Hire and Develop the Best', 'We hired six engineers in five months, 83% acceptance.', 'L7')),
      doc('vague', story('Cut cloud spend', 'Frugality', 'Things got better.')),
    ]);
    const context = { now, targetLevel: 'L6' as const, plannedFor: new Map([['vague', ['earn-trust']]]) };
    const question = 'Tell me about a time you cut costs with a vendor.';
    const ranked = matcher.rank(question, context);
    const { question: read, stories } = matcher.scoreParts(question, context);
    assert.deepStrictEqual(read.lpIds[0], 'frugality');
    assert.deepStrictEqual(stories.map((s) => s.file), ['vendor', 'hiring', 'vague'], 'in the bank\'s order');
    for (const { file, total, points } of stories) {
      assert.deepStrictEqual(Object.keys(points), [...SCORE_PARTS]);
      const sum = SCORE_PARTS.reduce((acc, part) => acc + points[part], 0);
      assert.ok(Math.abs(sum - total) < 1e-9, file);
      assert.ok(Math.abs(ranked.find((r) => r.file === file)!.score - total) < 1e-3, `${file}: the ranking's score is the parts' total`);
    }
    const [vendor, hiring, vague] = stories;
    assert.ok(vendor.points.lp > 0 && vendor.points.words > 0 && vendor.points.recent < 0, JSON.stringify(vendor.points));
    assert.strictEqual(hiring.points.lp, 0);
    assert.ok(hiring.points.level < 0, 'L7 against a target of L6');
    assert.ok(vague.points.quality < 0 && vague.points.plan < 0, JSON.stringify(vague.points));
  });

  it('ranks a question over ten thousand stories in well under a second', () => {
    const words = ['latency', 'vendor', 'hiring', 'migration', 'database', 'customer', 'pager', 'outage', 'budget', 'mentor', 'launch', 'deadline'];
    const lps = ['Frugality', 'Ownership', 'Dive Deep', 'Earn Trust', 'Deliver Results', 'Customer Obsession'];
    const documents = Array.from({ length: 10_000 }, (_, i) => ({
      profile: { summary: { id: `s${i}`, title: `s${i}`, lpIds: [lps[i % 6].toLowerCase().replace(/ /g, '-')] }, practiced: 0 } as StoryProfile,
      text: Array.from({ length: 200 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' '),
    }));
    const matcher = new StoryMatcher(documents);
    const all = matcher.rank('vendor budget deadline', { now: new Date() });
    assert.deepStrictEqual(matcher.rank('vendor budget deadline', { now: new Date() }, 25), all.slice(0, 25), 'the top of a limited ranking is the top of the full one');
    const started = Date.now();
    const ranked = matcher.rank('Tell me about a database migration that missed its deadline', { now: new Date() }, 10);
    assert.strictEqual(ranked.length, 10);
    assert.ok(Date.now() - started < 1000);
  });

  it('ranks a bank read ahead (its terms kept across questions) exactly as the bank told in words, and refuses terms of another size', () => {
    const documents = ['Cut the logging vendor bill', 'Hired a team under a deadline', 'Found the latency in the database', 'Calmed an angry customer'].map((title, i) =>
      doc(`s${i}`, story(title, ['Frugality', 'Hire and Develop the Best', 'Dive Deep', 'Customer Obsession'][i], i % 2 ? 'It went well.' : 'Costs fell by 30%.')),
    );
    const terms = new BankTerms(documents.map((d) => storyTerms(d.text)));
    const told = new StoryMatcher(documents);
    // The words read ahead, ranked with the stories' profiles.
    const read = new StoryMatcher({ profiles: documents.map((d) => d.profile), terms });
    for (const question of ['Tell me about a time you saved money on a vendor.', 'What is the hardest bug you debugged?', 'Tell me about a customer.', '']) {
      assert.deepStrictEqual(read.rank(question, { now: new Date(0) }), told.rank(question, { now: new Date(0) }), question);
      assert.deepStrictEqual(read.scoreParts(question, { now: new Date(0) }), told.scoreParts(question, { now: new Date(0) }), question);
    }
    assert.throws(() => new StoryMatcher({ profiles: documents.slice(1).map((d) => d.profile), terms }), RangeError);
  });

  it('replaces a story\'s terms in place exactly as a bank built afresh with them (random banks and replacements)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vocabulary = ['cost', 'vendor', 'latenc', 'team', 'hire', 'deadlin', 'custom', 'outag', 'budget', 'mentor', 'launch', 'migrat'];
    const cueCount = new BankTerms([]).cueCount;
    const randomTerms = () => ({
      content: Array.from({ length: Math.floor(random() * 12) }, () => vocabulary[Math.floor(random() * vocabulary.length)]),
      cues: Float32Array.from({ length: cueCount }, () => (random() < 0.2 ? Math.round(random() * 4) / 5 : 0)),
    });
    for (let trial = 0; trial < 40; trial++) {
      const stories = Array.from({ length: 1 + Math.floor(random() * 8) }, randomTerms);
      const updated = new BankTerms(stories);
      for (let change = 0; change < 5; change++) {
        const i = Math.floor(random() * stories.length);
        stories[i] = randomTerms();
        updated.replace(i, stories[i]);
        const fresh = new BankTerms(stories);
        for (const query of [['cost', 'vendor'], ['team', 'hire', 'team'], vocabulary, ['absent']]) {
          assert.deepStrictEqual(updated.index.score(query).scores, fresh.index.score(query).scores, `trial ${trial}, change ${change}: ${query.join(' ')}`);
          for (let d = 0; d < stories.length; d++) assert.deepStrictEqual(updated.index.termsIn(d, query), fresh.index.termsIn(d, query));
        }
        assert.deepStrictEqual(updated.cueStrengths, fresh.cueStrengths);
        assert.deepStrictEqual(updated.cueRarity, fresh.cueRarity);
      }
    }
    assert.throws(() => new BankTerms([randomTerms()]).replace(1, randomTerms()), RangeError);
  });

  it('star-coach match ranks the examples, JSON best first, and refuses a missing question', async () => {
    const { code, out } = await run(['match', 'What is the hardest production bug you have personally debugged? Walk me through how you found it.', 'examples', '--format', 'json']);
    assert.strictEqual(code, 0);
    const results = JSON.parse(out) as Array<{ file: string; title: string; score: number; reasons: string[] }>;
    assert.strictEqual(results[0].file, 'examples/duplicate-card-captures.star.md');
    assert.ok(results.every((r, i) => i === 0 || r.score <= results[i - 1].score));
    assert.ok(results[0].reasons.length > 0);
    const missing = await run(['match']);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /match needs a question/);
    const badOption = await run(['match', 'q', '--bogus']);
    assert.strictEqual(badOption.code, 2);
    assert.match(badOption.err, /unknown option "--bogus"/);
  });

  it('star-coach match --lp ranks under the LP named, and refuses a name no LP has with the closest one', async () => {
    const question = 'Tell me about a time you asked for a little time to measure before your team signed up for a big piece of work someone senior had proposed.';
    const read = JSON.parse((await run(['match', question, 'examples', '--format', 'json'])).out) as Array<{ file: string; reasons: string[] }>;
    const named = await run(['match', question, 'examples', '--format', 'json', '--lp', 'have backbone']);
    assert.strictEqual(named.code, 0, named.err);
    const results = JSON.parse(named.out) as Array<{ file: string; reasons: string[] }>;
    assert.notStrictEqual(read[0].file, 'examples/report-export-rewrite-pushback.star.md', 'read from the words, another story comes first');
    assert.strictEqual(results[0].file, 'examples/report-export-rewrite-pushback.star.md');
    assert.ok(results[0].reasons.some((r) => /primary LP Have Backbone/.test(r)), results[0].reasons.join('; '));
    const text = await run(['match', question, 'examples', '--limit', '1']);
    assert.match(text.out, /^Read as asked under: [^\n]+\. Name the LP with --lp NAME if you know it\.\n1\. /);
    assert.match((await run(['match', question, 'examples', '--limit', '1', '--lp', 'have backbone'])).out, /^Asked under Have Backbone; Disagree and Commit \(--lp\)(; read from the words too: [^\n]+)?\.\n1\. Pushed back/);
    for (const empty of ['', '  ']) {
      const refused = await run(['match', question, 'examples', '--lp', empty]);
      assert.deepStrictEqual([refused.code, refused.err], [2, 'star-coach: --lp needs a value\n']);
    }
    const unknown = await run(['match', question, 'examples', '--lp', 'Frugalty']);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.err, /--lp: no Leadership Principle is called "Frugalty"; the closest is "Frugality"/);
  });

  it('star-coach plan lists slots as JSON with files, backups and gaps; sheet prints Markdown; drill lists follow-ups', async () => {
    const plan = await run(['plan', 'examples', '--format', 'json']);
    assert.strictEqual(plan.code, 0);
    const json = JSON.parse(plan.out) as { slots: Array<{ lp: string; slot: number; file: string | null; title: string | null; backup: unknown }>; uncovered: Array<{ lp: string; slot: number }> };
    assert.strictEqual(json.slots.length, 32);
    assert.deepStrictEqual(Object.keys(json.slots[0]), ['lp', 'slot', 'file', 'title', 'backup']);
    const files = json.slots.flatMap((s) => (s.file ? [s.file] : []));
    assert.strictEqual(new Set(files).size, files.length);
    assert.strictEqual(json.uncovered.length, 32 - files.length);
    const sheet = await run(['sheet', 'examples']);
    assert.match(sheet.out, /^# Loop plan cheat sheet\n\n## Customer Obsession\n/);
    assert.match(sheet.out, /- \*Result:\* /);
    const drill = await run(['drill', 'examples/duplicate-card-captures.star.md']);
    assert.strictEqual(drill.code, 0);
    assert.match(drill.out, /How did you measure "1,900 a day"/);
    const folder = await run(['drill', 'examples']);
    assert.strictEqual(folder.code, 2);
  });

  it('star-coach drill refuses a file that is not a story, or tells none yet; plan names the stories it cannot plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-coach-drill-'));
    writeFileSync(join(dir, 'empty.star.md'), '');
    writeFileSync(join(dir, 'broken.star.md'), '---\ntitle: Launched the partner API\nlps: [Ownership\n---\n## Situation\nWe had no partner API.\n');
    const empty = await run(['drill', 'empty.star.md'], dir);
    assert.strictEqual(empty.code, 2);
    assert.match(empty.err, /empty\.star\.md tells no story yet/);
    const readme = await run(['drill', 'README.md']);
    assert.strictEqual(readme.code, 2);
    assert.match(readme.err, /drill takes a story \(\*\.star\.md\), not README\.md/);
    const plan = await run(['plan', '--format', 'json'], dir);
    assert.deepStrictEqual((JSON.parse(plan.out) as { noLp: string[] }).noLp, ['broken.star.md'], 'the empty file is a draft, the broken one names no LP');
    const text = await run(['plan', '--no-color'], dir);
    assert.match(text.out, /Not planned, as it names no Leadership Principle STAR Coach reads \(see their problems\): broken\.star\.md\./);
  });

  it('star-coach plan and sheet on a path that does not exist print the error alone, not an empty plan', async () => {
    for (const command of ['plan', 'sheet']) {
      const { code, out, err } = await run([command, 'no-such-folder']);
      assert.strictEqual(code, 2, command);
      assert.strictEqual(out, '', command);
      assert.match(err, /no-such-folder/, command);
    }
  });

  it('star-coach plan reads plan settings from .starcoach.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-coach-plan-'));
    mkdirSync(join(dir, 'stories'));
    writeFileSync(join(dir, '.starcoach.yaml'), 'plan:\n  examplesPerLp: 1\n  lps: [Frugality, Earn Trust]\n');
    writeFileSync(join(dir, 'stories', 'a.star.md'), story('Cut the bill', 'Frugality, Earn Trust', 'Saved 30%.'));
    const { code, out } = await run(['plan', '--format', 'json'], dir);
    assert.strictEqual(code, 0);
    const json = JSON.parse(out) as { slots: Array<{ lp: string; file: string | null }>; suggestion: { text: string } };
    assert.deepStrictEqual(json.slots.map((s) => [s.lp, s.file]), [['Frugality', 'stories/a.star.md'], ['Earn Trust', null]]);
    assert.strictEqual(json.suggestion.text, 'A story showing Earn Trust would complete the plan.');
  });
});
