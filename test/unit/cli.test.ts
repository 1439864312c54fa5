import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { PassThrough } from 'stream';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { ROOT } from './helpers';

async function run(args: string[], cwd = ROOT, input?: NodeJS.ReadableStream) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false, input });
  return { code, out, err };
}

const GOOD = '---\ntitle: Good\nlps: [Ownership, Dive Deep]\n---\n## Situation\nS.\n## Task\nT.\n## Action\nI rewrote the retry logic and tested it.\n## Result\nErrors fell 90%.\n';

function bank(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'star-coach-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('star-coach mock and questions', () => {
  it('lists the questions, filtered, as JSON and text', async () => {
    const json = JSON.parse((await run(['questions', '--format', 'json', '--lp', 'Dive Deep', '--level', 'L7'])).out);
    assert.ok(json.length >= 3);
    for (const q of json) assert.ok(q.lps[0] === 'dive-deep' && q.level !== 'L6' && q.followUps.length >= 2, q.id);
    const text = (await run(['questions', '--category', 'return-to-office'])).out;
    assert.match(text, /^[a-z-]+-\d\d {2}.* · return-to-office\n {2}.+\n {4}→ /m);
    assert.match((await run(['questions', '--lp', 'Dive Deeper'])).err, /no Leadership Principle is called "Dive Deeper"; the closest is "Dive Deep"/);
    assert.strictEqual((await run(['questions', '--level', 'L5'])).code, 2);
  });

  it('runs a mock question: stories, follow-ups on Enter, self-check, one log entry', async () => {
    const dir = bank({ 'stories/good.star.md': GOOD });
    const input = new PassThrough();
    input.end('\n\n\ny\nyes\nn\ny\n1\n');
    const { code, out, err } = await run(['mock', '--question', 'dive-deep-01', '--minutes', '1'], dir, input);
    assert.strictEqual(code, 0, err);
    assert.match(out, /Your stories for Dive Deep, Ownership:\n {2}1\. Good stories\/good\.star\.md/);
    assert.match(out, /Follow-up 1 of 3:.*\n.*\nFollow-up 2 of 3:.*\n.*\nFollow-up 3 of 3:/);
    assert.match(out, /Saved to \.star-coach\/practice\.jsonl\. Dive Deep: practised once\./);
    const entries = readFileSync(join(dir, '.star-coach', 'practice.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(entries.length, 1);
    assert.deepStrictEqual(
      { questionId: entries[0].questionId, story: entries[0].story, checks: entries[0].checks, limit: entries[0].limit, source: entries[0].source },
      { questionId: 'dive-deep-01', story: 'stories/good.star.md', checks: { quantified: true, saidI: true, showedLp: false, endedWithResult: true }, limit: 60, source: 'cli' },
    );
  });

  it('moves on when the countdown runs out, and saves nothing when the input ends early', async () => {
    const dir = bank({ 'good.star.md': GOOD });
    const input = new PassThrough();
    let out = '';
    let err = '';
    // Nothing is typed until the countdown has run out; then the input ends.
    const code = await main(['mock', '--lp', 'frugality', '--minutes', '0.02', '--seed', '3'], {
      out: (t) => {
        out += t;
        if (t.includes('Time is up')) input.end('\n');
      },
      err: (t) => (err += t),
      cwd: dir,
      isTty: false,
      input,
    });
    assert.strictEqual(code, 0);
    assert.match(out, /Time is up\./);
    assert.match(err, /nothing was saved/);
    assert.ok(!existsSync(join(dir, '.star-coach', 'practice.jsonl')));
  });

  it('picks the same question for the same seed', async () => {
    const dir = bank({ 'good.star.md': GOOD });
    const first = async (seed: number) => {
      const input = new PassThrough();
      input.end();
      return (await run(['mock', '--seed', String(seed)], dir, input)).out.split('\n')[2];
    };
    assert.strictEqual(await first(11), await first(11));
  });
});

describe('star-coach CLI', () => {
  it('prints the catalog as JSON: all 16 LPs with every field and their round weights', async () => {
    const { code, out } = await run(['catalog', '--format', 'json']);
    assert.strictEqual(code, 0);
    const catalog = JSON.parse(out);
    assert.strictEqual(catalog.lps.length, 16);
    const deep = catalog.lps.find((lp: { id: string }) => lp.id === 'dive-deep');
    for (const field of ['name', 'definition', 'expectations', 'listenFor', 'pitfalls', 'phrases', 'signals']) assert.ok(deep[field], field);
    assert.deepStrictEqual(deep.rounds[0], { round: 'coding', lpShare: { L6: 30, L7: 40 }, focus: true });
    assert.strictEqual(catalog.rounds.length, 5);
  });

  it('prints the catalog as text, and refuses paths for it', async () => {
    const { code, out } = await run(['catalog']);
    assert.strictEqual(code, 0);
    assert.match(out, /^Dive Deep \(dive-deep\)\n/m);
    assert.match(out, /Weighs most in: Coding, Behavioral, Bar Raiser/);
    assert.match(out, /Hiring Manager +70% \/ +80% +Hire and Develop the Best, Earn Trust/);
    assert.strictEqual((await run(['catalog', 'examples'])).code, 2);
  });

  it('lints the examples with ESLint-style text and exits 0 when nothing is an error', async () => {
    const { code, out } = await run(['lint', 'examples']);
    assert.strictEqual(code, 0);
    assert.match(out, /^examples\/streaming-search-relevance\.star\.md\n {2}18:4 +warning +It says "we" or "the team" 9 times.*missing-personal-role\n {2}27:4 +warning +The Result has no number/m);
    assert.match(out, /⚠ 10 problems \(0 errors, 6 warnings, 4 info\)/);
  });

  it('prints JSON findings with 1-based lines and columns', async () => {
    const { out } = await run(['lint', 'examples/screen-reader-accessible-banking-app.star.md', '--format', 'json']);
    const findings = JSON.parse(out);
    assert.deepStrictEqual(findings[1], {
      file: 'examples/screen-reader-accessible-banking-app.star.md',
      rule: 'unknown-lp',
      severity: 'warning',
      message: '"Customer Obsesion" is not one of the 16 Leadership Principles. Did you mean "Customer Obsession"?',
      line: 3,
      column: 7,
      endLine: 3,
      endColumn: 24,
    });
  });

  it('prints SARIF 2.1.0', async () => {
    const { out } = await run(['lint', 'examples', '--format=sarif']);
    const sarif = JSON.parse(out);
    assert.strictEqual(sarif.version, '2.1.0');
    assert.strictEqual(sarif.runs[0].tool.driver.rules.length, 12);
    assert.strictEqual(sarif.runs[0].results.length, 10);
    assert.deepStrictEqual(Object.keys(sarif.runs[0].results[0].locations[0].physicalLocation.region), ['startLine', 'startColumn', 'endLine', 'endColumn']);
  });

  it('exits 1 on an error finding, 2 on bad usage or a missing path', async () => {
    const dir = bank({ 'broken.star.md': '# no front matter\n', 'ok.star.md': GOOD });
    assert.strictEqual((await run(['lint', '.'], dir)).code, 1);
    assert.strictEqual((await run(['lint', 'ok.star.md'], dir)).code, 0);
    const usage = await run(['lint', '--format', 'xml'], dir);
    assert.strictEqual(usage.code, 2);
    assert.match(usage.err, /--format for lint is one of text, json, sarif/);
    assert.strictEqual((await run(['frobnicate'], dir)).code, 2);
    const missing = await run(['lint', 'nowhere'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /nowhere: no such file or folder/);
  });

  it('recurses folders for *.star.md, skipping node_modules and dot-folders', async () => {
    const dir = bank({ 'a/b/one.star.md': GOOD, 'node_modules/x.star.md': '# bad', '.git/y.star.md': '# bad', 'notes.md': '# bad' });
    const { code, out } = await run(['lint', '--format', 'json'], dir);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(JSON.parse(out), []);
  });

  it('skips binary and huge files with a clear message and exit 2', async () => {
    const dir = bank({ 'bin.star.md': Buffer.from([0x2d, 0x00, 0xff, 0x10]), 'huge.star.md': `${GOOD}${'x'.repeat(1.2 * 1024 * 1024)}` });
    const { code, err } = await run(['lint', '.'], dir);
    assert.strictEqual(code, 2);
    assert.match(err, /bin\.star\.md: skipped, it is a binary file/);
    assert.match(err, /huge\.star\.md: skipped, it is 1\.2 MB, too large/);
  });

  it('uses .starcoach.yaml from the folder, and reports a bad one', async () => {
    const dir = bank({ 'ok.star.md': GOOD.replace('Ownership, Dive Deep', 'Ownersip'), '.starcoach.yaml': 'rules:\n  unknown-lp: error\n' });
    const { code, out } = await run(['lint', '--format', 'json'], dir);
    assert.strictEqual(code, 1);
    assert.strictEqual(JSON.parse(out)[0].severity, 'error');
    writeFileSync(join(dir, '.starcoach.yaml'), 'rules:\n  unknown-rule: error\n');
    const bad = await run(['lint'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /\.starcoach\.yaml: rules: .*unknown-rule/);
  });

  it('shows coverage as a table and as JSON', async () => {
    const text = await run(['coverage', 'examples']);
    assert.match(text.out, /◐ Dive Deep +██░ 2\/3/);
    assert.match(text.out, /Readiness: 9 stories, 0\/16 LPs at goal/);
    const json = JSON.parse((await run(['coverage', 'examples', '--format', 'json'])).out);
    assert.strictEqual(json.lps.length, 16);
    assert.strictEqual(json.lps.find((lp: { id: string }) => lp.id === 'dive-deep').count, 2);
  });

  it('runs as the built bin with the documented exit code', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(JSON.parse(result.stdout).length, 10);
  });
});
