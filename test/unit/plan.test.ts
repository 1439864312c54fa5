import * as assert from 'assert';
import fc from 'fast-check';
import { FORBIDDEN, minCostAssignment } from '../../src/core/plan/assignment';
import { planLoop, sameStoryNote, slotCost } from '../../src/core/plan/plan';
import { digestStory, formatSheet } from '../../src/core/plan/sheet';
import { profileStory, profileSummary, type StoryProfile } from '../../src/core/plan/profile';
import { lintText } from '../../src/core/engine';
import { checkText, countText } from '../../src/core/scan';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseStory } from '../../src/core/parse/story';
import { DEFAULT_CONFIG, resolveConfig, readConfigText } from '../../src/core/config';

/** A checked story profile: LP ids primary first, and what the cost reads. */
function profile(id: string, lpIds: string[], more: { quantified?: boolean; warnings?: number; year?: number; practiced?: number; level?: 'L5' | 'L6' | 'L7' } = {}): StoryProfile {
  return {
    summary: {
      id,
      title: id,
      lpIds,
      ...(more.level ? { level: more.level } : {}),
      year: more.year ?? 2025,
      check: { draft: false, quantified: more.quantified ?? true, isFailure: false, hasLearning: false, hasShortVersion: false, words: 300, problems: { errors: 0, warnings: more.warnings ?? 0, information: 0, hints: 0 } },
    },
    practiced: more.practiced ?? 2,
  };
}

/** The best (most rows matched, then least cost) by trying every injective assignment. */
function bruteForce(rows: number, columns: number, cost: (r: number, c: number) => number): { matched: number; cost: number } {
  let best = { matched: 0, cost: 0 };
  const used = new Array<boolean>(columns).fill(false);
  const walk = (row: number, matched: number, sum: number) => {
    if (row === rows) {
      if (matched > best.matched || (matched === best.matched && sum < best.cost)) best = { matched, cost: sum };
      return;
    }
    walk(row + 1, matched, sum); // this row left empty
    for (let c = 0; c < columns; c++) {
      const value = cost(row, c);
      if (used[c] || value === FORBIDDEN) continue;
      used[c] = true;
      walk(row + 1, matched + 1, sum + value);
      used[c] = false;
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('loop plan', () => {
  it("plans from the index's counts and checks exactly as from reading each story (every example and published story)", () => {
    const folders = ['examples', 'test/fixtures/public', 'test/fixtures/public/holdout3'];
    const practice = { count: (file: string) => file.length % 3, lastTold: (file: string) => (file.length % 2 ? '2026-01-02T03:04:05Z' : undefined) };
    let compared = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.star.md'))) {
        const text = readFileSync(join(folder, name), 'utf8');
        const { story, findings } = lintText(text, DEFAULT_CONFIG);
        // What the index holds of the story: its count, then its check.
        const indexed = { ...countText(name, text)!, check: checkText(text, DEFAULT_CONFIG).check };
        assert.deepStrictEqual(profileSummary(indexed, practice), profileStory(name, story, findings, practice), name);
        compared++;
      }
    }
    assert.ok(compared > 150, `${compared} stories compared`);
  });

  it('assignment: as many rows as possible, then the least cost, as brute force finds (random small tables)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }).chain((rows) =>
          fc.integer({ min: 0, max: 6 }).chain((columns) =>
            fc.tuple(fc.constant(rows), fc.constant(columns), fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(FORBIDDEN)), { minLength: rows * columns, maxLength: rows * columns })),
          ),
        ),
        ([rows, columns, table]) => {
          const cost = (r: number, c: number) => table[r * columns + c];
          const got = minCostAssignment(rows, columns, cost);
          const want = bruteForce(rows, columns, cost);
          assert.strictEqual(got.matched, want.matched);
          assert.strictEqual(got.cost, want.cost);
          const columnsUsed = got.columnOfRow.filter((c) => c !== -1);
          assert.strictEqual(new Set(columnsUsed).size, columnsUsed.length, 'a column used twice');
          got.columnOfRow.forEach((c, r) => c !== -1 && assert.notStrictEqual(cost(r, c), FORBIDDEN));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('assignment refuses a negative cost', () => {
    assert.throws(() => minCostAssignment(1, 1, () => -1), /costs are 0 or more/);
  });

  it('covers every slot where a greedy pick of the best story per slot would leave a gap', () => {
    // The strong story claims both LPs; filling Dive Deep first with it (its primary, the cheapest
    // edge) leaves nothing for Ownership. The optimum gives Dive Deep the weaker story.
    const strong = profile('strong', ['dive-deep', 'ownership']);
    const weak = profile('weak', ['dive-deep'], { quantified: false, warnings: 2 });
    const plan = planLoop([strong, weak], { lpIds: ['dive-deep', 'ownership'], examplesPerLp: 1, currentYear: 2026 });
    assert.deepStrictEqual(plan.uncovered, []);
    assert.deepStrictEqual(plan.slots.map((s) => [s.lp.id, s.story?.summary.id]), [['dive-deep', 'weak'], ['ownership', 'strong']]);
    assert.ok(slotCost(strong, 'dive-deep', { currentYear: 2026 }) < slotCost(weak, 'dive-deep', { currentYear: 2026 }), 'greedy would take strong for dive-deep');
  });

  it('plans distinct stories with the least total cost, the same as trying every plan (random small banks)', () => {
    const lpPool = ['ownership', 'dive-deep', 'frugality'];
    const story = fc.record({
      lps: fc.uniqueArray(fc.constantFrom(...lpPool), { minLength: 1, maxLength: 3 }),
      quantified: fc.boolean(),
      warnings: fc.integer({ min: 0, max: 3 }),
      year: fc.integer({ min: 2015, max: 2026 }),
      practiced: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(story, { maxLength: 7 }), fc.integer({ min: 1, max: 2 }), (bank, perLp) => {
        const profiles = bank.map((s, i) => profile(`s${i}`, s.lps, s));
        const options = { lpIds: lpPool, examplesPerLp: perLp, currentYear: 2026 };
        const plan = planLoop(profiles, options);
        const slots = plan.slots.map((s) => s.lp.id);
        const want = bruteForce(slots.length, profiles.length, (r, c) => slotCost(profiles[c], slots[r], options));
        assert.strictEqual(plan.slots.length - plan.uncovered.length, want.matched);
        assert.strictEqual(plan.cost, want.cost);
        const told = plan.slots.flatMap((s) => (s.story ? [s.story.summary.id] : []));
        assert.strictEqual(new Set(told).size, told.length, 'a story told twice');
        for (const [i, s] of plan.slots.entries()) {
          // Within an LP: filled slots first, the cheapest first; a gap says whether any story claims the LP.
          const before = plan.slots[i - 1];
          if (before?.lp === s.lp && s.story) {
            assert.ok(before.story, `a gap before a filled slot: ${s.lp.id} ${s.slot}`);
            assert.ok(slotCost(before.story, s.lp.id, options) <= slotCost(s.story, s.lp.id, options), 'a dearer story before a cheaper one');
          }
          if (!s.story) assert.strictEqual(s.gap, profiles.some((p) => p.summary.lpIds.includes(s.lp.id)) ? 'taken' : 'unclaimed');
          else assert.strictEqual(s.gap, undefined);
          if (s.story) assert.ok(s.story.summary.lpIds.includes(s.lp.id), 'a story in a slot of an LP it does not claim');
          if (s.backup) {
            assert.ok(!told.includes(s.backup.summary.id), 'a backup that is already planned');
            assert.ok(s.backup.summary.lpIds.includes(s.lp.id));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('prefers the primary LP, a number in the Result, a recent year and practice', () => {
    const options = { currentYear: 2026 };
    const base = profile('a', ['ownership', 'dive-deep']);
    assert.ok(slotCost(base, 'ownership', options) < slotCost(base, 'dive-deep', options));
    assert.ok(slotCost(base, 'ownership', options) < slotCost(profile('b', ['ownership'], { quantified: false }), 'ownership', options));
    assert.ok(slotCost(base, 'ownership', options) < slotCost(profile('c', ['ownership'], { year: 2016 }), 'ownership', options));
    assert.ok(slotCost(base, 'ownership', options) < slotCost(profile('d', ['ownership'], { practiced: 0 }), 'ownership', options));
    assert.ok(slotCost(profile('e', ['ownership'], { level: 'L7' }), 'ownership', { currentYear: 2026, targetLevel: 'L7' }) < slotCost(profile('f', ['ownership'], { level: 'L5' }), 'ownership', { currentYear: 2026, targetLevel: 'L7' }));
    assert.strictEqual(slotCost(base, 'frugality', options), FORBIDDEN);
  });

  it('names the gaps and the new story that would close one, completing the plan when one is left', () => {
    const plan = planLoop([profile('a', ['ownership']), profile('b', ['ownership'])], { lpIds: ['ownership', 'frugality', 'earn-trust'], examplesPerLp: 1, currentYear: 2026 });
    assert.deepStrictEqual(plan.uncovered.map((s) => s.lp.id), ['frugality', 'earn-trust']);
    assert.strictEqual(plan.slots[0].backup?.summary.id, plan.slots[0].story?.summary.id === 'a' ? 'b' : 'a');
    assert.strictEqual(plan.suggestion?.text, 'A story showing Frugality and Earn Trust would close one of the 2 gaps (each story fills one slot, so 2 new stories complete the plan).');
    const one = planLoop([profile('a', ['ownership'])], { lpIds: ['ownership', 'frugality'], examplesPerLp: 1, currentYear: 2026 });
    assert.strictEqual(one.suggestion?.text, 'A story showing Frugality would complete the plan.');
    assert.strictEqual(planLoop([profile('a', ['ownership'])], { lpIds: ['ownership'], examplesPerLp: 1, currentYear: 2026 }).suggestion, undefined);
  });

  it('tells a story kept in two files (the same title) once, and says so', () => {
    const titled = (id: string, title: string, lpIds: string[], warnings = 0) => {
      const p = profile(id, lpIds, { warnings });
      return { ...p, summary: { ...p.summary, title } };
    };
    const bank = [titled('ddb.star.md', 'Moved the orders table to DynamoDB', ['dive-deep'], 1), titled('sub/ddb-v2.star.md', 'Moved the Orders table to DynamoDB!', ['dive-deep']), titled('other.star.md', 'Cut the bill', ['dive-deep'])];
    const plan = planLoop(bank, { lpIds: ['dive-deep'], examplesPerLp: 2, currentYear: 2026 });
    const told = plan.slots.map((s) => s.story?.summary.id);
    assert.deepStrictEqual(told, ['sub/ddb-v2.star.md', 'other.star.md'], 'the copy with fewer problems is told, once');
    assert.ok(plan.slots.every((s) => s.backup?.summary.id !== 'ddb.star.md'), 'nor is the other copy a backup');
    assert.deepStrictEqual(plan.sameStory.map((g) => g.map((s) => s.summary.id)), [['sub/ddb-v2.star.md', 'ddb.star.md']]);
    assert.strictEqual(sameStoryNote(plan.sameStory[0]), '"Moved the Orders table to DynamoDB!" is told in 2 files (sub/ddb-v2.star.md, ddb.star.md): the plan tells it once, from the first. Rename one if they are different stories.');
    assert.match(formatSheet(plan, () => undefined), /## Told in more than one file\n\n- "Moved the Orders table to DynamoDB!" is told in 2 files/);
  });

  it('never lets a copy the plan could not tell stand in for one it could', () => {
    const titled = (id: string, title: string, lpIds: string[], draft = false) => {
      const p = profile(id, lpIds);
      return { ...p, summary: { ...p.summary, title, check: { ...p.summary.check!, draft } } };
    };
    const told = (bank: StoryProfile[], lpIds = ['ownership']) => {
      const plan = planLoop(bank, { lpIds, examplesPerLp: 1, currentYear: 2026 });
      return { story: plan.slots[0].story?.summary.id, gap: plan.slots[0].gap, groups: plan.sameStory.length };
    };
    const real = titled('a.star.md', 'Cut checkout latency', ['ownership']);
    // A copy whose LPs do not read, a draft begun under the same title, a copy claiming only an LP the plan leaves out.
    assert.deepStrictEqual(told([real, titled('a-v2.star.md', 'Cut checkout latency', [])]), { story: 'a.star.md', gap: undefined, groups: 0 });
    assert.deepStrictEqual(told([titled('a-draft.star.md', 'Cut checkout latency', ['ownership'], true), real]), { story: 'a.star.md', gap: undefined, groups: 0 });
    assert.deepStrictEqual(told([real, titled('a-v2.star.md', 'Cut checkout latency', ['frugality'])]), { story: 'a.star.md', gap: undefined, groups: 0 });
    // Two files titled after their names (no title in their front matter) are two stories.
    const untitled = [titled('ownership/story.star.md', 'story', ['ownership']), titled('frugality/story.star.md', 'story', ['frugality'])];
    const both = planLoop(untitled, { lpIds: ['ownership', 'frugality'], examplesPerLp: 1, currentYear: 2026 });
    assert.deepStrictEqual(both.slots.map((s) => s.story?.summary.id), ['ownership/story.star.md', 'frugality/story.star.md']);
    // A gap says an LP is claimed when only a copy set aside claims it.
    const copies = [titled('x.star.md', 'Same story', ['ownership', 'frugality']), titled('y.star.md', 'Same story', ['frugality'])];
    const gaps = planLoop(copies, { lpIds: ['ownership', 'frugality'], examplesPerLp: 1, currentYear: 2026 });
    assert.strictEqual(gaps.slots.find((s) => !s.story)?.gap, 'taken');
  });

  it('refuses an unknown LP id and a slot count below one', () => {
    assert.throws(() => planLoop([], { lpIds: ['nope'], currentYear: 2026 }), /no Leadership Principle has the id "nope"/);
    assert.throws(() => planLoop([], { examplesPerLp: 0, currentYear: 2026 }), /examplesPerLp must be a whole number/);
  });

  it('plans ten thousand stories against 32 slots quickly', () => {
    const ids = ['ownership', 'dive-deep', 'frugality', 'earn-trust', 'think-big', 'deliver-results', 'bias-for-action', 'customer-obsession'];
    const bank = Array.from({ length: 10_000 }, (_, i) => profile(`s${i}`, [ids[i % ids.length], ids[(i * 7 + 3) % ids.length]], { warnings: i % 3, year: 2016 + (i % 10), practiced: i % 4 }));
    const started = Date.now();
    const plan = planLoop(bank, { currentYear: 2026 });
    const ms = Date.now() - started;
    assert.strictEqual(plan.slots.length, 32);
    assert.ok(ms < 5000, `took ${ms} ms`);
  });

  it('reads plan settings from the config, LP names resolved to ids, and refuses unknown LPs', () => {
    const config = resolveConfig({ plan: { examplesPerLp: 3, lps: ['Dive Deep', 'frugality'], level: 'L7' } });
    assert.deepStrictEqual(config.plan, { examplesPerLp: 3, lpIds: ['dive-deep', 'frugality'], targetLevel: 'L7' });
    assert.deepStrictEqual(resolveConfig({}).plan, { examplesPerLp: 2 });
    const bad = readConfigText('plan:\n  lps: [Dive Deeper]\n', '.starcoach.yaml');
    assert.ok(!bad.ok && /is not a Leadership Principle: Dive Deeper/.test(bad.message), JSON.stringify(bad));
    const many = readConfigText('plan:\n  examplesPerLp: 9\n', '.starcoach.yaml');
    assert.ok(!many.ok && /must be from 1 to 5 stories/.test(many.message));
  });

  it('the cheat sheet gives each planned story a line per STAR part with its numbers, and lists the gaps', () => {
    const text = '---\ntitle: Cut *costs*\nlps: [Frugality]\n---\n## Situation\nOur bill was $610K a year. More words here.\n## Task\nI owned it.\n## Action\nI turned on sampling.\n## Result\nThe bill fell by 61%.\n';
    const story = parseStory(text);
    assert.deepStrictEqual(digestStory(story).map((d) => [d.part, d.line, d.numbers]), [
      ['Situation', 'Our bill was $610K a year.', ['$610K a year']],
      ['Task', 'I owned it.', []],
      ['Action', 'I turned on sampling.', []],
      ['Result', 'The bill fell by 61%.', ['61%']],
    ]);
    // A stop after an abbreviation does not end the first sentence; a cut never splits a figure from its unit.
    const long = parseStory('---\ntitle: T\nlps: [Frugality]\n---\n## Situation\nOur fleet ran approx. 3 times the servers it needed.\n## Result\nWe cut the spend of the whole analytics platform and every one of its batch jobs from 500 ms to 50 ms p99.\n');
    const [situation, result] = digestStory(long);
    assert.strictEqual(situation.line, 'Our fleet ran approx. 3 times the servers it needed.');
    assert.ok(result.line.startsWith('We cut the spend') && /from 500 ms to 50 ms…$/.test(result.line), result.line);
    assert.deepStrictEqual(result.numbers, ['from 500 ms to 50 ms']);
    // A stop after "ms" ends a sentence; one after "etc." ends it before a capital.
    const stops = parseStory('---\ntitle: T\nlps: [Frugality]\n---\n## Situation\nWe had forms, reports, etc. The team was small.\n## Result\nP99 went from 500 ms to 50 ms. Cart abandonment fell by 12% during the sale.\n');
    assert.deepStrictEqual(digestStory(stops).map((d) => [d.line, d.numbers]), [
      ['We had forms, reports, etc.', []],
      ['P99 went from 500 ms to 50 ms.', ['from 500 ms to 50 ms', '12%']],
    ]);
    const plan = planLoop([{ ...profile('cut.star.md', ['frugality']), summary: { ...profile('cut.star.md', ['frugality']).summary, title: 'Cut *costs*' } }], { lpIds: ['frugality', 'earn-trust'], examplesPerLp: 1, currentYear: 2026 });
    const sheet = formatSheet(plan, (file) => (file === 'cut.star.md' ? story : undefined));
    assert.match(sheet, /## Frugality\n\n\*\*Story 1:\*\* Cut \\\*costs\\\* \(`cut.star.md`\)\n\n- \*Situation:\* Our bill was \$610K a year. \*\*\$610K a year\*\*/);
    assert.match(sheet, /## Earn Trust\n\n\*\*Story 1:\*\* none, as no story claims Earn Trust yet\n/);
    assert.match(sheet, /## Gaps\n\n- Earn Trust, story 1: no story claims Earn Trust yet\n\nA story showing Earn Trust would complete the plan./);
    // An LP whose only story fills another LP's slot: the sheet says so, not "none in the bank".
    const taken = planLoop([profile('both.star.md', ['frugality', 'earn-trust'])], { lpIds: ['frugality', 'earn-trust'], examplesPerLp: 1, currentYear: 2026 });
    assert.match(formatSheet(taken, () => undefined), /## Earn Trust\n\n\*\*Story 1:\*\* none, as its stories are all planned for other slots\n/);
  });
});

describe('the loop plan and drafts', () => {
  it('never plans a draft: a template not yet filled in is no story to tell', () => {
    const filled = profile('filled', ['ownership']);
    const draft = profile('draft', ['ownership']);
    draft.summary.check = { ...draft.summary.check!, draft: true };
    const plan = planLoop([draft, filled], { examplesPerLp: 2, lpIds: ['ownership'], currentYear: 2026 });
    const told = plan.slots.map((slot) => slot.story?.summary.id).filter(Boolean);
    assert.deepStrictEqual(told, ['filled']);
  });
});
