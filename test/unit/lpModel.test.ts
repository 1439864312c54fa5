import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { allLps } from '../../src/core/catalog';
import { compileLpModel, lpProbabilities, NO_LP_MODEL, questionFeatures, shippedLpModel } from '../../src/core/match/lpModel';
import { questionLps } from '../../src/core/match/questionLps';
import { PORTER_STEMMER } from '../../src/core/match/words';
import { OPEN_SPLITS, SEALED } from '../../scripts/matchSplits';
import { modelText, TRAINING, trainingExamples, trainLpModel } from '../../scripts/trainLpModel';
import { ROOT } from './helpers';

const MODEL_FILE = join(ROOT, 'src', 'core', 'match', 'lpModel.json');

/** The model's first LP for a question, on its own. */
function modelFirst(text: string): string {
  const model = shippedLpModel();
  const p = lpProbabilities(model, questionFeatures(text));
  return model.lps[p.indexOf(Math.max(...p))];
}

describe('LP model', () => {
  it('ships the weights its training script gives, small enough for the extension', function () {
    this.timeout(60_000);
    const text = readFileSync(MODEL_FILE, 'utf8');
    assert.strictEqual(text, modelText(trainLpModel(trainingExamples(TRAINING), TRAINING)), 'run: npm run compile-tests && node out/scripts/trainLpModel.js');
    const minified = Buffer.byteLength(JSON.stringify(JSON.parse(text)));
    assert.ok(minified < 12 * 1024, `${minified} bytes minified`);
  });

  it('trains on the catalog and the open splits, never on a sealed one', () => {
    const { triples } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'labels.json'), 'utf8')) as { triples: Array<{ question: string; split: string }> };
    const sealed = new Set(triples.filter((t) => SEALED.has(t.split as never)).map((t) => t.question));
    const open = new Set(triples.filter((t) => OPEN_SPLITS.includes(t.split as never) && !sealed.has(t.question)).map((t) => t.question));
    const { items } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'match', 'question-lps.json'), 'utf8')) as { items: Array<{ question: string }> };
    const catalog = 112;
    assert.strictEqual(trainingExamples(TRAINING).length, catalog + items.filter((item) => open.has(item.question)).length);
    assert.ok(sealed.size > 0);
    // A split left out is left out whole.
    const tune = new Set(triples.filter((t) => t.split === 'tune').map((t) => t.question));
    assert.strictEqual(trainingExamples(TRAINING, new Set(['tune'])).length, catalog + items.filter((item) => open.has(item.question) && !tune.has(item.question)).length);
  });

  it('validates its weights: every LP of the catalog once, one bias each, indices in range', () => {
    const model = shippedLpModel();
    assert.deepStrictEqual([...model.lps], allLps().map((lp) => lp.id));
    const lps = ['ownership', 'frugality'];
    assert.throws(() => compileLpModel({ about: 'x', lps: ['ownership', 'no-such-lp'], bias: [0, 0], weights: {} }), /no LP "no-such-lp"/);
    assert.throws(() => compileLpModel({ about: 'x', lps: ['ownership', 'ownership'], bias: [0, 0], weights: {} }), /twice/);
    assert.throws(() => compileLpModel({ about: 'x', lps, bias: [0], weights: {} }), /1 bias values for 2 LPs/);
    assert.throws(() => compileLpModel({ about: 'x', lps, bias: [0, 0], weights: { cost: [2, 1] } }), /LP index 2/);
    assert.throws(() => compileLpModel({ about: 'x', lps, bias: [0, 0], weights: { cost: [1] } }));
    assert.throws(() => compileLpModel({ about: 'x', lps, bias: [0, 0], weights: { cost: [0, 1, 0, 2] } }), /LP index 0 twice/);
    const tiny = compileLpModel({ about: 'x', lps, bias: [0, 0], weights: { cost: [1, 2] } });
    const [ownership, frugality] = lpProbabilities(tiny, questionFeatures('How did you cut cost?'));
    assert.ok(frugality > ownership && Math.abs(ownership + frugality - 1) < 1e-12);
  });

  it('reads a plain question\'s LP', () => {
    for (const [text, lp] of [
      ['Tell me about a time you disagreed with your manager', 'have-backbone-disagree-and-commit'],
      ['How do you hire and grow great engineers?', 'hire-and-develop-the-best'],
      ['Tell me about a time you went above and beyond for a customer.', 'customer-obsession'],
      ['Describe a time you dug into the data to find the root cause of a problem.', 'dive-deep'],
      ['Tell me about a time you earned the trust of a skeptical stakeholder.', 'earn-trust'],
    ]) {
      assert.strictEqual(modelFirst(text), lp, text);
      assert.strictEqual(questionLps(text).lpIds[0], lp, text);
    }
  });

  it('reads no LP from a question\'s opening alone: "Tell me about a time." and "Have you ever?" are read as no LP', () => {
    for (const text of ['Tell me about a time.', 'Have you ever?', 'Tell me about xyzzy.']) {
      assert.deepStrictEqual(questionLps(text).lpIds, [], text);
    }
  });

  it('adds its reading to the signals\', none from words it does not know or when the question names its LP outright', () => {
    const text = 'Tell me about a time you saved money for your team.';
    const signals = questionLps(text, PORTER_STEMMER, NO_LP_MODEL);
    const both = questionLps(text);
    assert.strictEqual(both.lpIds[0], 'frugality');
    assert.ok(both.weights[0] > signals.weights[0], `${JSON.stringify(signals)} ${JSON.stringify(both)}`);
    assert.deepStrictEqual(questionLps('xyzzy plugh').lpIds, []);
    const named = 'Have Backbone: give me your best example from the last few years.';
    assert.deepStrictEqual(questionLps(named), questionLps(named, PORTER_STEMMER, NO_LP_MODEL));
  });

  it('features a question by its stems, neighbouring stems and opening', () => {
    assert.deepStrictEqual(questionFeatures('Tell me about a time you disagreed with your manager.'), ['disagre', 'manag', 'disagre manag', '^tell me']);
    assert.deepStrictEqual(questionFeatures(''), []);
  });
});
