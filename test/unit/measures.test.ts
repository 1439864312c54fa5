import * as assert from 'assert';
import { lintText } from '../../src/core/engine';
import { countCollectiveVoice, findPersonalAction } from '../../src/core/language/personal';
import { figurePhrase, findAllQuantities, hasQuantity } from '../../src/core/language/quantities';
import fc from 'fast-check';
import { quoteForMessage } from '../../src/core/text';

const FRONT = '---\ntitle: T\nlps: [Ownership]\n---\n';
const findings = (body: string, ruleId: string) => lintText(FRONT + body).findings.filter((f) => f.ruleId === ruleId);

/**
 * What a measured outcome is, by kind: each kind is a family of phrasings, and each family is
 * tested in several wordings so that a fix for one sentence cannot pass for the kind.
 */
describe('measured outcomes (unquantified-result)', () => {
  const MEASURED: Record<string, string[]> = {
    'small quantities in words': [
      'The move slipped by less than one day.',
      'We finished a month ahead of schedule.',
      'It cost a single day of downtime.',
      'There was not one complaint that quarter.',
      'The backlog was gone in three weeks.',
      'About a dozen teams adopted the template.',
      'Build time is now about half what it was.',
      'Attendance was up by almost half.',
      'The page brings in twice as many sign-ups.',
      'Shipped a week early.',
      'The score went from 3.5 to 4.0.',
      'It now takes 2.0 seconds.',
    ],
    'time bounds met': [
      'The connection was stable within the hour.',
      'Fixed within one hour.',
      'On-call engineers see the failing service within a couple of minutes.',
      'Every ticket is answered within a few days.',
      'It now takes less than a minute.',
      'By the end of my third day I was merging my own pull requests.',
      'By the second sprint every service sent traces.',
    ],
    'numbers of the thing built, once they changed': ['Dashboards now refresh every 5 seconds instead of every hour.', 'We cut the sign-up form to 3 fields.', 'It supports 4 languages, up from one.'],
    'counts of a whole': ['All 40 services were sending traces.', 'Every one of the 12 teams had moved.', 'Not one of the 300 orders was lost.'],
    'changes and rates beside method numbers': [
      'After a two-week pilot, errors fell from 9% to 2%.',
      'I interviewed 6 customers; sign-ups rose 30% the next month.',
      'It used to take 4 hours; now it takes 10 minutes.',
      'Pages now load 3 times faster than the 5 users in the pilot saw.',
      // A step's count is no measure; what came of it is, and so is a count told as an outcome.
      'I wrote three runbooks, and pages fell from 40 a week to 6.',
      'In the spring term I sent out two students in total.',
      'I found only two errors in the next audit.',
      'We added 2,000 subscribers in the first month.',
      'We made 12 sales in the first week.',
      'We took 2 days off the build time.',
      'We gave 40 hours a month back to the nurses.',
    ],
  };
  const NOT_MEASURED: Record<string, string[]> = {
    'numbers that describe the method': [
      'After a four-month pilot with 5 users, the graph showed the app worked.',
      'I asked two clarifying questions and reset expectations.',
      'We ran a 3-week trial and the team liked it.',
      'I interviewed 12 customers and read 30 reviews; the design was approved.',
      'A survey of 200 drivers confirmed the idea, and the board approved it.',
      'I wrote three new questions on the board and the lesson went on.',
      'I left the maths out and used ten anonymised patients from their own clinic.',
      'I rewrote the three briefs they had sent back.',
      'I built three dashboards for the ops team, and they liked them.',
    ],
    'a before-value alone': [
      'It used to take 4 hours on the first Monday of each month. Now the manager runs it herself.',
      'The report previously took 3 days, and now it is automated.',
      'Originally 40 people handled it by hand; the script does it now.',
    ],
    'numbers that describe what was built': [
      'The front end polls the backend every 3 seconds.',
      'It runs locally on ports 8081 and 5174, and a deployment branch is ready.',
      'The dashboard can simulate logs at three severities and filter them.',
      'We split the service into 5 modules and it went live.',
    ],
    'releases written as numbers': ['The new script went out with 2.0 and the old one was deleted.', 'We moved every client to 3.0 before the summer.'],
    'no quantity at all': ['She thanked me and came back a few weeks later.', 'We handed it in on time and got good feedback.', 'The launch went smoothly.'],
  };
  for (const [kind, texts] of Object.entries(MEASURED)) {
    it(`counts ${kind} as measured`, () => {
      for (const text of texts) assert.ok(hasQuantity(text), text);
    });
  }
  for (const [kind, texts] of Object.entries(NOT_MEASURED)) {
    it(`does not count ${kind}`, () => {
      for (const text of texts) assert.ok(!hasQuantity(text), text);
    });
  }

  it('highlights the same measures it counts', () => {
    const text = 'After a four-month pilot with 5 users, errors fell from 9% to 2% within the hour.';
    assert.deepStrictEqual(
      findAllQuantities(text).map((q) => text.slice(q.start, q.end)),
      ['9', '2', 'within the hour'],
    );
  });

  it('quotes the Result and says what to do; a Result with only a before-value is told why its number does not count', () => {
    const [plain] = findings('## Result\nThe launch went smoothly and everyone was happy.\n', 'unquantified-result');
    assert.strictEqual(plain.message, 'The Result has no number: "The launch went smoothly and everyone was happy." Say what changed and by how much: from X to Y, a percentage, money saved, time cut.');
    const [before] = findings('## Result\nIt used to take 4 hours. Now the office manager runs it herself.\n', 'unquantified-result');
    assert.match(before.message, /^The Result has no measured outcome: "It used to take 4 hours\." Its numbers only frame the story \(a date, a name, what was built, the method.s size, the people, an aim, a starting value or a placing\)\. Say what changed/);
  });

  it('says when the Result it quotes is the ending of a story that marks no part, and how to mark it', () => {
    const telling = 'Our clinic lost referrals sent by fax every week, and the practice manager asked me to fix it.\n\nI mapped every step a referral took, moved the fax line onto a shared inbox and trained the two receptionists.\n\nThe doctors were very pleased with the new process.\n';
    const [ending] = findings(telling, 'unquantified-result');
    assert.strictEqual(ending.message, 'The story\'s ending, read as its Result, has no number: "The doctors were very pleased with the new process." Say what changed and by how much: from X to Y, a percentage, money saved, time cut. If the Result is told elsewhere, mark it (## Result) so that it is the part checked.');
    // A Result the story marks is named as such, with no advice to mark it.
    const [marked] = findings(`## Action\n${telling}## Result\nThe doctors were very pleased with the new process.\n`, 'unquantified-result');
    assert.match(marked.message, /^The Result has no number: .*time cut\.$/);
  });
});

describe('a figure as a person quotes it (figurePhrase)', () => {
  const phrase = (text: string, figure: string) => figurePhrase(text, text.indexOf(figure), text.indexOf(figure) + figure.length);

  it('keeps the unit, the scale and what it counts, and stops at a word of something else', () => {
    // [text, figure, as quoted]
    const cases: Array<[string, string, string]> = [
      ['We served 40 million visits a week.', '40', '40 million visits a week'],
      ['The page fell to 6 MB on mobile.', '6', '6 MB'],
      ['By Friday 2,400 users had cleared the queue.', '2,400', '2,400 users'],
      ['97% through the four-hour window', '97', '97%'],
      ['saving $40K a month', '40K', '$40K a month'],
      ['cut 3 hours per week of toil', '3', '3 hours per week'],
      ['NPS went 2 to 8 in a year.', '2', '2'],
      // One word says what a figure counts; a percentage or money needs none; a rate belongs to it.
      ['Abandonment fell by 12% during the sale.', '12', '12%'],
      ['We saved 12 hours every week.', '12', '12 hours every week'],
      ['3 incidents last quarter', '3', '3 incidents'],
      ['2,400 users signed up', '2,400', '2,400 users'],
      ['15% compared with last year', '15', '15%'],
    ];
    for (const [text, figure, quoted] of cases) assert.strictEqual(phrase(text, figure), quoted, text);
    // A run of figures with no break is read a few characters at a time, not whole.
    const run = `Build ids: ${'1-'.repeat(50_000)}`;
    assert.ok(figurePhrase(run, 11, 12).length <= 12, 'a figure reads a few attached characters at most');
  });

  it('quotes a change "from X to Y" whole, from either figure', () => {
    const text = 'P99 fell from 500 ms to 50 ms, and lead time from 11 weeks to 5.';
    assert.strictEqual(phrase(text, '500'), 'from 500 ms to 50 ms');
    assert.strictEqual(phrase(text, '50 '), 'from 500 ms to 50 ms');
    assert.strictEqual(phrase(text, '11'), 'from 11 weeks to 5');
    assert.strictEqual(phrase('From 500 ms to 50 ms. Then more.', '500'), 'From 500 ms to 50 ms');
    assert.strictEqual(phrase('Releases went from 19 days to 2, GPU use from 23% to 61%.', '19'), 'from 19 days to 2');
    assert.strictEqual(phrase('from 1,200 to 3,400 orders a day', '1,200'), 'from 1,200 to 3,400 orders');
  });

  it('always holds the figure it was given (random texts)', () => {
    const word = fc.constantFrom('from', 'to', 'ms', 'users', 'a', 'day', 'per', 'week', 'million', 'had', 'the', '$4K', '12%', '7', '1,900', 'fell', ',', '.');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 12 }), fc.constantFrom('3', '250', '1.5', '40K', '2,400'), (before, after, figure) => {
        const text = [...before, figure, ...after].join(' ');
        const start = before.join(' ').length + (before.length ? 1 : 0);
        const quoted = figurePhrase(text, start, start + figure.length);
        assert.ok(quoted.includes(figure), `${JSON.stringify(text)} -> ${JSON.stringify(quoted)}`);
        assert.ok(text.replace(/\s+/g, ' ').includes(quoted), 'quoted words are the text\'s own');
      }),
      { numRuns: 500 },
    );
  });
});

describe('the speaker\'s own actions (missing-personal-role)', () => {
  const PERSONAL = [
    '- Started by drafting a document listing every constraint.',
    'Started by reading the logs, then proposed a fix.',
    'Conducted usability testing with eight volunteers, gathered feedback, rewrote the confirmation screen.',
    'My specific task was to change the gateway\'s retry configuration. The change was reviewed by two colleagues.',
    'The platform team owned the incident; my task was to roll back the release.',
    'Wrote step-by-step documentation for the team and sat with each new hire.',
    'standardised a pipeline template, added security gates and versioned every artefact.',
  ];
  const COLLECTIVE = [
    'Caused by a bug in the cache, the outage was fixed by the team.',
    'Driven by the new policy, the team moved every service.',
    'We ran office hours twice a week. Migration guides were written for the team.',
    'I would listen to her, and I would call a manager.',
    'I would listen carefully and show that I understand their frustration.',
    'The team shipped it. Afterwards the deploys were checked.',
  ];
  it('finds a personal action in subject-less notes, "started by doing" and "my task was to"', () => {
    for (const text of PERSONAL) assert.ok(findPersonalAction(text), text);
  });
  it('still finds none in participles, group actions and hypotheticals', () => {
    for (const text of COLLECTIVE) assert.ok(!findPersonalAction(text), text);
  });
  it('counts only the group acting, not the group served', () => {
    assert.strictEqual(countCollectiveVoice('Wrote documentation for the team, with the team and to my team.'), 0);
    assert.strictEqual(countCollectiveVoice('We met. The team rewrote it. Our team shipped it for the team.'), 3);
  });
  it('quotes the first sentence where the group acts, shortened when long, and says what to do', () => {
    const [finding] = findings('## Action\nThe stock was split between us. Then we kept one person on the tills at all times.\n', 'missing-personal-role');
    assert.strictEqual(finding.message, 'It says "we" or "the team" 1 time but never says what you did yourself. Rewrite "Then we kept one person on the tills at all times." or another step as "I ...": your decision, your analysis, your code.');
    const long = `We ${'carefully '.repeat(20)}moved the services.`;
    const [shortened] = findings(`## Action\n${long}\n`, 'missing-personal-role');
    assert.match(shortened.message, /Rewrite "We carefully[a-z ]+…" or another step/);
    const [passive] = findings('## Action\nThe stock was split by aisle.\n', 'missing-personal-role');
    assert.match(passive.message, /^It never says what you did yourself\. Rewrite "The stock was split by aisle\." or another step as "I \.\.\."/);
  });
});

describe('quoteForMessage', () => {
  it('drops list markers and emphasis, keeps short text whole and cuts long text at a word', () => {
    assert.strictEqual(quoteForMessage('- **We** shipped it.', 0, 20), 'We shipped it.');
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    assert.strictEqual(quoteForMessage(long, 0, long.length, 30), 'one two three four five six…');
    assert.strictEqual(quoteForMessage('  \n ', 0, 4), '');
  });
});

describe('situation-heavy and the Result\'s baseline', () => {
  const words = (n: number, stem = 'word') => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');
  it('counts Situation sentences that measure what the Result measures as the Result\'s evidence', () => {
    const baseline = `Only 15% of customers used the feature, ${words(50, 'b')}.`;
    const story = (situation: string) => `## Situation\n${situation} ${words(25)}\n## Action\nI ${words(40, 'a')}\n## Result\nAdoption climbed to 37% of customers.\n`;
    assert.deepStrictEqual(findings(story(baseline), 'situation-heavy'), []);
    // The same length of background that measures something else is still background.
    const teamSize = `A group of six engineers owned the service, ${words(50, 'b')}.`;
    assert.strictEqual(findings(story(teamSize), 'situation-heavy').length, 1);
  });
});

describe('vague benefits (vague-claim)', () => {
  /** The phrases named, as each message quotes them. */
  const vague = (body: string) => findings(body, 'vague-claim').map((f) => f.message.split('"')[1]);

  it('names benefits with no measure, and leaves them alone beside a number', () => {
    assert.deepStrictEqual(vague('## Result\n- Smooth transition to the cloud\n- Less rework\n- Faster development cycles\n- Morale improved\n- It paid off significantly\n'), [
      'Smooth transition',
      'Less rework',
      'Faster development cycles',
      'Morale improved',
      'paid off significantly',
    ]);
    assert.deepStrictEqual(vague('## Result\nFaster debugging: incidents closed in 2 hours, not 6.\n'), []);
  });

  it('names empty lessons, effort, adjectives for the approach and relationships told in the story', () => {
    assert.deepStrictEqual(vague('## Result\nI learned a lot about prioritising. I learned how important planning is. I used every debugging skill I had.\n'), [
      'learned a lot about prioritising',
      'learned how important',
      'used every debugging skill I had',
    ]);
    assert.deepStrictEqual(vague('## Result\nMy manager liked the proactive, data-driven approach, and our relationship got stronger.\n'), ['proactive, data-driven approach', 'our relationship got stronger']);
    // A Learning may hold a lesson in general words; the specific telling holds none of these.
    assert.deepStrictEqual(vague('## Result\nThe queue fell from 40 to 12 tickets a day.\n## Learning\nI learned a lot about prioritising.\n'), []);
    assert.deepStrictEqual(vague('## Action\nI moved the approach to the new data model and got the owners together.\n'), []);
  });

  it('names outcomes told as an impression in the Result, and only there', () => {
    assert.deepStrictEqual(vague('## Result\nCheckout was much faster and the sale went smoothly. The leads were delighted, with improved patient outcomes.\n'), [
      'much faster',
      'went smoothly',
      'were delighted',
      'improved patient outcomes',
    ]);
    // One finding for words two claims share; a place, not a comparison; the Situation is setup.
    assert.deepStrictEqual(vague('## Result\nWe communicated much better. The cart sat in the far corner.\n'), ['communicated much better']);
    assert.deepStrictEqual(vague('## Situation\nThings went smoothly until much later.\n## Result\nErrors fell from 9% to 2%.\n'), []);
  });

  it('reads habits in "We" and an answer told as quotations', () => {
    assert.deepStrictEqual(vague('## Action\nWe would usually review calls as a group.\n'), ['We would usually']);
    assert.deepStrictEqual(vague('## Action\n"I would listen first, and I would fix it."\n'), ['I would listen', 'I would fix']);
    // A quotation inside the speaker's own telling is still someone else's.
    assert.deepStrictEqual(vague('## Action\nI asked her and she said "I would usually wait".\n'), []);
  });
});
