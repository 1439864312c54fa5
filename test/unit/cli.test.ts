import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { ROOT } from './helpers';

async function run(args: string[], cwd = ROOT) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false });
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
