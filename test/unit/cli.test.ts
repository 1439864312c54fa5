import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { closeSync, constants, existsSync, mkdtempSync, mkdirSync, openSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { PassThrough } from 'stream';
import { tmpdir } from 'os';
import { join } from 'path';
import { NODE_FS, type FinderFs } from '../../src/cli/files';
import { main } from '../../src/cli/main';
import { lintStoryFiles } from '../../src/cli/read';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { RULES } from '../../src/core/rules';
import type { Io } from '../../src/cli/mock';
import { ROOT } from './helpers';

async function run(args: string[], cwd = ROOT, input?: NodeJS.ReadableStream, more: Partial<Io> = {}) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTty: false, input, ...more });
  return { code, out, err };
}

/** Answers for `mock --question dive-deep-01` on the GOOD story: Enter, story 1, its five follow-ups, four self-checks. */
const MOCK_ANSWERS = '\n1\n\n\n\n\n\ny\nyes\nn\ny\n';

/** C0 controls but newline and tab, DEL and C1: none of these may reach the terminal from a story. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

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
    assert.match((await run(['questions', '--lp', 'nonsense'])).err, /no Leadership Principle is called "nonsense": star-coach catalog lists the 16\n/);
    assert.strictEqual((await run(['questions', '--level', 'L5'])).code, 2);
  });

  it('runs a mock question: stories ranked as match ranks them, the story told, its follow-ups on Enter, self-check, one log entry', async () => {
    const prepared = GOOD.replace('Errors fell 90%.', 'Errors fell 90%.\n## Follow-ups\n- Q: How did you measure the 90%? / A: The error dashboard, a week each side.');
    const dir = bank({ 'stories/good.star.md': prepared, 'stories/frugal.star.md': GOOD.replace('title: Good', 'title: Frugal').replace('[Ownership, Dive Deep]', '[Frugality]') });
    // Before the session, which the practice log then counts as told.
    const match = await run(['match', 'dive-deep-01', '--limit', '5'], dir);
    const input = new PassThrough();
    input.end(MOCK_ANSWERS);
    const { code, out, err } = await run(['mock', '--question', 'dive-deep-01', '--minutes', '1'], dir, input);
    assert.strictEqual(code, 0, err);
    const ranked = [...match.out.matchAll(/^\d+\. (.+) \((.+)\) {2}score .*\n {3}(.*)$/gm)].map(([, title, file, reasons]) => `${title} ${file}\n     ${reasons}`);
    assert.strictEqual(ranked.length, 2, match.out);
    assert.ok(out.includes(`Your stories for this question:\n${ranked.map((r, i) => `  ${i + 1}. ${r}`).join('\n')}\n`), `the same ranking and reasons as match:\n${out}`);
    assert.match(out, /1\. Good stories\/good\.star\.md\n {5}shows Dive Deep/);
    assert.match(out, /Follow-ups on "Good":\nFollow-up 1 of 5: How did you measure "90%", and what was it compared with\?\n.*\n {2}Your prepared answer: The error dashboard, a week each side\.\nFollow-up 2 of 5:/);
    assert.doesNotMatch(out.slice(0, out.indexOf('Follow-up 1 of 5')), /error dashboard/, 'the prepared answer shows only after the follow-up');
    assert.match(out, /Saved to \.star-coach\/practice\.jsonl\. Dive Deep: practised once\./);
    const entries = readFileSync(join(dir, '.star-coach', 'practice.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(entries.length, 1);
    assert.deepStrictEqual(
      { questionId: entries[0].questionId, story: entries[0].story, checks: entries[0].checks, limit: entries[0].limit, source: entries[0].source },
      { questionId: 'dive-deep-01', story: 'stories/good.star.md', checks: { quantified: true, saidI: true, showedLp: false, endedWithResult: true }, limit: 60, source: 'cli' },
    );
    assert.strictEqual(entries[0].followUps.length, 5, 'five Enters: all five follow-ups answered aloud');
    assert.strictEqual(entries[0].followUps[0], 'How did you measure "90%", and what was it compared with?');
    const after = await run(['match', 'dive-deep-01'], dir);
    assert.match(after.out, /^1\. Good .*\n {3}.*told today/m, 'match reads the story the mock logged as told');
  });

  it('"q" during the follow-ups goes to the self-check, and logs the follow-ups answered so far', async () => {
    const dir = bank({ 'stories/good.star.md': GOOD });
    const input = new PassThrough();
    // Done, story 1, one follow-up answered, q, then the four self-check answers.
    input.end('\n1\n\nq\ny\ny\nn\ny\n');
    const { code, out, err } = await run(['mock', '--question', 'dive-deep-01', '--minutes', '1'], dir, input);
    assert.strictEqual(code, 0, err);
    assert.match(out, /Follow-up 2 of \d+:/);
    assert.doesNotMatch(out, /Follow-up 3 of/);
    const [entry] = readFileSync(join(dir, '.star-coach', 'practice.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(entry.followUps.length, 1);
    assert.deepStrictEqual(entry.checks, { quantified: true, saidI: true, showedLp: false, endedWithResult: true });
  });

  it('drills the story the user names instead of the best ranked, or the question alone for 0', async () => {
    const dir = bank({ 'stories/good.star.md': GOOD, 'stories/frugal.star.md': GOOD.replace('title: Good', 'title: Frugal').replace('Errors fell 90%.', 'The bill fell $40K.').replace('[Ownership, Dive Deep]', '[Frugality]') });
    const told = async (choice: string) => {
      const input = new PassThrough();
      input.end(`\n${choice}\n\n`); // then the input ends: nothing saved
      return (await run(['mock', '--question', 'dive-deep-01', '--minutes', '1'], dir, input)).out;
    };
    assert.match(await told('2'), /Follow-ups on "Frugal":\nFollow-up 1 of \d+: How did you measure "\$40K", and what was it compared with\?/);
    assert.match(await told('0'), /\nFollow-ups:\nFollow-up 1 of 3: /);
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
    // Nothing saved is exit code 2, as the help says, so that a script can tell.
    assert.strictEqual(code, 2);
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
    assert.match(out, /⚠ 14 problems \(0 errors, 6 warnings, 8 info\)/);
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
    assert.strictEqual(sarif.runs[0].tool.driver.rules.length, RULES.length);
    assert.strictEqual(sarif.runs[0].results.length, 14);
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

  it('recurses folders for *.star.md, skipping node_modules and the folders files.exclude skips by default', async () => {
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
    assert.strictEqual(JSON.parse(result.stdout).length, 14);
  });

  it('ends quietly when the reader of its output stops early (star-coach lint | head -c 1)', () => {
    // Hundreds of KB of findings: more than a pipe holds, so writes go on after the reader has closed it.
    // The CLI's own exit code (PIPESTATUS), not head's: lint finds errors in these stories, so 1.
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" lint test/fixtures/public | head -c 1 > /dev/null; exit \${PIPESTATUS[0]}`], { cwd: ROOT, encoding: 'utf8' });
    assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}`);
    assert.doesNotMatch(result.stderr, /EPIPE|Unhandled/, result.stderr);
  });
});

describe('star-coach tells the truth about what it read', () => {
  const eacces = (p: string) => Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' });
  /** The real file system, except that the folders named cannot be listed (as for a user without read permission). */
  const unlistable = (...folders: string[]): FinderFs => ({
    ...NODE_FS,
    list: async (dir) => {
      if (folders.includes(dir)) throw eacces(dir);
      return NODE_FS.list(dir);
    },
  });

  it('reports a folder it cannot read, given by name or inside the bank, with exit 2', async () => {
    const dir = bank({ 'ok.star.md': GOOD, 'private/secret.star.md': GOOD, 'locked/x.star.md': GOOD });
    const given = await run(['lint', 'locked'], dir, undefined, { fileSystem: unlistable(join(dir, 'locked')) });
    assert.strictEqual(given.code, 2);
    assert.match(given.err, /locked: this folder cannot be read: permission denied \(EACCES\)/);
    assert.doesNotMatch(given.err + given.out, /no \*\.star\.md stories found|checked, no problems/);

    const inside = await run(['lint'], dir, undefined, { fileSystem: unlistable(join(dir, 'private')) });
    assert.strictEqual(inside.code, 2);
    assert.match(inside.err, /^star-coach: private: this folder cannot be read: permission denied \(EACCES\)$/m);
    assert.match(inside.out, /^2 stories checked, no problems\.$/m, 'the two readable stories, not three');
    const coverage = await run(['coverage'], dir, undefined, { fileSystem: unlistable(join(dir, 'private')) });
    assert.strictEqual(coverage.code, 2);
    assert.match(coverage.err, /private: this folder cannot be read/);
  });

  it('reports a path through a file, and a loop of links, by name', async () => {
    const dir = bank({ 'ok.star.md': GOOD });
    const through = await run(['lint', 'ok.star.md/stories'], dir);
    assert.strictEqual(through.code, 2);
    assert.match(through.err, /ok\.star\.md\/stories: a part of the path is not a folder \(ENOTDIR\)/);
    symlinkSync('loop', join(dir, 'loop'));
    const loop = await run(['lint', 'loop'], dir);
    assert.strictEqual(loop.code, 2);
    assert.match(loop.err, /loop: a loop of symbolic links \(ELOOP\)/);
  });

  it('skips a named pipe given by name or found in the bank, at once, with exit 2', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = bank({ 'ok.star.md': GOOD, 'sub/other.star.md': GOOD });
    assert.strictEqual(spawnSync('mkfifo', [join(dir, 'pipe.star.md'), join(dir, 'sub', 'inner.star.md')]).status, 0);
    const timeout = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 5000));
    const results = [await Promise.race([run(['lint', 'pipe.star.md'], dir), timeout]), await Promise.race([run(['lint'], dir), timeout])];
    for (const pipe of ['pipe.star.md', join('sub', 'inner.star.md')]) {
      try {
        closeSync(openSync(join(dir, pipe), constants.O_WRONLY | constants.O_NONBLOCK)); // releases a reader stuck on the pipe
      } catch {
        // nobody waiting
      }
    }
    const [given, walked] = results;
    assert.ok(given !== 'still waiting' && walked !== 'still waiting', 'lint waited on a named pipe');
    assert.strictEqual(given.code, 2);
    assert.match(given.err, /pipe\.star\.md: skipped, a named pipe is not a regular file/);
    assert.doesNotMatch(given.out, /checked/);
    assert.strictEqual(walked.code, 2);
    assert.match(walked.err, /sub\/inner\.star\.md: skipped, a named pipe is not a regular file/);
    assert.match(walked.out, /^2 stories checked, no problems\.$/m);
  });

  it('counts only the stories it checked, not the ones it skipped', async () => {
    const dir = bank({ 'ok.star.md': GOOD, 'bin.star.md': Buffer.from([0x2d, 0x00, 0xff]) });
    const { code, out, err } = await run(['lint'], dir);
    assert.strictEqual(code, 2);
    assert.match(out, /^1 story checked, no problems\.$/m);
    assert.match(err, /bin\.star\.md: skipped, it is a binary file/);
    const none = await run(['lint', 'bin.star.md'], dir);
    assert.strictEqual(none.code, 2);
    assert.strictEqual(none.out, '');
  });

  it('refuses to start a mock session the log cannot take: a folder, or a file where its folder goes', async () => {
    const dir = bank({ 'good.star.md': GOOD });
    mkdirSync(join(dir, '.star-coach', 'practice.jsonl'), { recursive: true });
    const input = new PassThrough();
    input.end(MOCK_ANSWERS);
    const folder = await run(['mock', '--question', 'dive-deep-01'], dir, input);
    assert.strictEqual(folder.code, 2);
    assert.match(folder.err, /cannot keep practice sessions in \.star-coach\/practice\.jsonl: it is a folder/);
    assert.strictEqual(folder.out, '', 'no question was asked');

    const other = bank({ 'good.star.md': GOOD, '.star-coach': 'a file' });
    const file = await run(['mock', '--question', 'dive-deep-01'], other, new PassThrough());
    assert.strictEqual(file.code, 2);
    assert.match(file.err, /cannot keep practice sessions in \.star-coach\/practice\.jsonl: a part of the path is not a folder/);
    assert.strictEqual(file.out, '');
  });

  it('says a session was NOT saved, with exit 2, when the write fails (file-size limit 0)', function () {
    if (process.platform === 'win32') this.skip(); // ulimit needs a POSIX shell
    const dir = bank({ 'stories/good.star.md': GOOD });
    const cli = join(__dirname, '..', '..', 'src', 'cli', 'main.js');
    const result = spawnSync('bash', ['-c', 'ulimit -f 0; exec "$0" "$1" mock --question dive-deep-01 --minutes 1', process.execPath, cli], { cwd: dir, input: MOCK_ANSWERS, encoding: 'utf8', timeout: 30000 });
    assert.strictEqual(result.signal, null, `killed by ${result.signal}`);
    assert.strictEqual(result.status, 2, result.stderr);
    assert.match(result.stderr, /this session was NOT saved to \.star-coach\/practice\.jsonl: the file has reached the size limit \(EFBIG\)/);
    assert.doesNotMatch(result.stdout, /Saved/);
    assert.strictEqual(readFileSync(join(dir, '.star-coach', 'practice.jsonl'), 'utf8'), '');
  });

  it('prints no control sequence from a story or a file name, in text, JSON and the mock', async function () {
    if (process.platform === 'win32') this.skip(); // no ESC in Windows file names
    const hostile = '\u001b]8;;http://x\u0007Click\u001b]8;;\u0007\u001b[2J\u009b31m\u007f\r';
    const story = GOOD.replace('title: Good', `title: ${JSON.stringify(`Good ${hostile}`)}`).replace('lps: [Ownership, Dive Deep]', `lps: [Dive Deep, ${JSON.stringify(hostile)}]`);
    const dir = bank({ [`evil${hostile.replace(/\//g, '')}.star.md`]: story });
    const outputs = [
      await run(['lint'], dir),
      await run(['lint', '--format', 'json'], dir),
      await run(['lint', '--format', 'sarif'], dir),
      await run(['coverage'], dir),
      await run(['coverage', '--format', 'json'], dir),
      await run(['lint', `nowhere${hostile}`], dir),
      await run(['questions', '--lp', `x${hostile}`], dir),
    ];
    const input = new PassThrough();
    input.end(MOCK_ANSWERS);
    outputs.push(await run(['mock', '--question', 'dive-deep-01', '--minutes', '1'], dir, input));
    for (const { out, err } of outputs) {
      assert.doesNotMatch(out, CONTROLS);
      assert.doesNotMatch(err, CONTROLS);
    }
    assert.match(outputs[0].out, /^evil\\x1b\]8;;http:x\\x07Click\\x1b\]8;;\\x07\\x1b\[2J\\x9b31m\\x7f\\x0d\.star\.md$/m, 'the file name, escapes shown');
    assert.match(outputs[0].out, /"\\x1b\]8;;http:\/\/x\\x07Click.*" is not one of the 16 Leadership Principles/);
    assert.match(outputs[3].out, /Good \\x1b\]8;;http:\/\/x\\x07Click/);
    assert.match(outputs[7].out, /1\. Good \\x1b\]8;;/);
    assert.strictEqual(JSON.parse(outputs[1].out)[0].message.includes(hostile), true, 'JSON keeps the exact text, escaped the JSON way');

    // With colour on, the only escape sequences are STAR Coach's own colours.
    const colour = await run(['lint'], dir, undefined, { isTty: true });
    assert.doesNotMatch(colour.out.replace(/\u001b\[\d+m/g, ''), CONTROLS);
  });
});

describe('star-coach lint --fix', () => {
  it('applies every safe fix in place, keeps line ends, leaves suggestions, and a second run has nothing to fix', async () => {
    const story = '---\r\ntitle: Cut costs\r\nlps: [Frugalty, Dive Deep]\r\n---\r\n## Situation\r\nCosts grew.\r\n## Action\r\nI moved jobs to spot capacity.\r\n## Result\r\nIt shipped.\r\n';
    const dir = bank({ 'stories/cut.star.md': story });
    const first = await run(['lint', '--fix', '.'], dir);
    const fixed = readFileSync(join(dir, 'stories', 'cut.star.md'), 'utf8');
    assert.match(fixed, /lps: \[Frugality, Dive Deep\]\r\n/);
    assert.match(fixed, /\r\n## Task\r\n\r\n<!-- [^\r\n]+ -->\r\n/);
    assert.ok(!/[^\r]\n/.test(fixed), 'CRLF kept');
    assert.match(first.err, /stories\/cut\.star\.md: 2 fixes applied/);
    assert.match(first.out, /The Task is empty/);
    assert.match(first.out, /The Result has no number/, 'the suggestion is offered, not applied');
    const second = await run(['lint', '--fix', '.'], dir);
    assert.doesNotMatch(second.err, /applied/);
    assert.strictEqual(readFileSync(join(dir, 'stories', 'cut.star.md'), 'utf8'), fixed);
    assert.strictEqual((await run(['coverage', '--fix'], dir)).code, 2);
  });
});

describe('star-coach lint --cache', () => {
  const cacheFile = (dir: string) => join(dir, '.star-coach', 'lint-cache.json');

  it('prints what a run without the cache prints, on every published and example story, run after run', async function () {
    this.timeout(60_000);
    // JSON holds every field of every finding; text adds the count of stories checked.
    for (const [format, paths] of [['json', ['examples', 'test/fixtures/public']], ['text', ['examples']]] as const) {
      const plain = await run(['lint', ...paths, '--format', format]);
      const location = join(mkdtempSync(join(tmpdir(), 'star-coach-cache-')), 'cache.json');
      for (const pass of ['first', 'second']) {
        const cached = await run(['lint', ...paths, '--format', format, '--cache', '--cache-location', location]);
        assert.deepStrictEqual(cached, plain, `${format}, ${pass} run`);
      }
      const coverage = await run(['coverage', 'examples', '--format', format, '--cache', '--cache-location', location]);
      assert.deepStrictEqual(coverage, await run(['coverage', 'examples', '--format', format]), `coverage, ${format}`);
    }
  });

  it('lints again a story whose text changed, a new story, and every story when the settings change; forgets a deleted one', async () => {
    const dir = bank({ 'a.star.md': GOOD, 'b.star.md': GOOD.replace('title: Good', 'title: B') });
    const lint = async () => JSON.parse((await run(['lint', '--format', 'json', '--cache'], dir)).out) as Array<{ file: string; rule: string; severity: string }>;
    assert.deepStrictEqual(await lint(), []);
    assert.ok(existsSync(cacheFile(dir)));
    writeFileSync(join(dir, 'a.star.md'), GOOD.replace('Errors fell 90%.', 'It shipped.'));
    writeFileSync(join(dir, 'c.star.md'), GOOD.replace('[Ownership, Dive Deep]', '[Ownersip]'));
    assert.deepStrictEqual((await lint()).map((f) => `${f.file} ${f.rule} ${f.severity}`), ['a.star.md unquantified-result warning', 'c.star.md unknown-lp warning']);
    writeFileSync(join(dir, '.starcoach.yaml'), 'rules:\n  unknown-lp: error\n  unquantified-result: off\n');
    assert.deepStrictEqual((await lint()).map((f) => `${f.file} ${f.rule} ${f.severity}`), ['c.star.md unknown-lp error']);
    rmSync(join(dir, 'c.star.md'));
    assert.deepStrictEqual(await lint(), []);
    assert.doesNotMatch(readFileSync(cacheFile(dir), 'utf8'), /c\.star\.md/, 'the deleted story left the cache');
  });

  it('uses a story the cache knows instead of linting it', () => {
    const dir = bank({ 'a.star.md': GOOD, 'b.star.md': GOOD });
    const known = { summary: { title: 'From the cache', lpIds: [] }, findings: [{ ruleId: 'vague-claim', severity: 'hint' as const, message: 'cached', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixes: [] }] };
    const seen: string[] = [];
    const stories = lintStoryFiles([join(dir, 'a.star.md'), join(dir, 'b.star.md')], (f) => f, DEFAULT_CONFIG, {
      lookup: (file, text) => {
        seen.push(text);
        return file.endsWith('a.star.md') ? known : undefined;
      },
    });
    assert.deepStrictEqual(seen, [GOOD, GOOD]);
    assert.deepStrictEqual(stories.map((s) => [s.cached?.summary.title, s.result?.story.frontMatter.meta.title]), [['From the cache', undefined], [undefined, 'Good']]);
  });

  it('says a damaged cache, lints afresh and mends it; a cache it cannot write is said and changes no exit code', async () => {
    const dir = bank({ 'a.star.md': GOOD.replace('[Ownership, Dive Deep]', '[Ownersip]') });
    const plain = await run(['lint', '--format', 'json'], dir);
    await run(['lint', '--cache'], dir);
    writeFileSync(cacheFile(dir), readFileSync(cacheFile(dir), 'utf8').replace('Ownersip', 'Ownership'));
    const damaged = await run(['lint', '--format', 'json', '--cache'], dir);
    assert.match(damaged.err, /^star-coach: the cache \.star-coach\/lint-cache\.json: it is damaged or was edited, so every story is linted afresh\n$/);
    assert.deepStrictEqual([damaged.code, damaged.out], [plain.code, plain.out]);
    assert.strictEqual((await run(['lint', '--cache'], dir)).err, '', 'mended by the run that said it');
    // A bank with no change: the cache is not written again.
    const written = statSync(cacheFile(dir)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await run(['lint', '--cache'], dir);
    assert.strictEqual(statSync(cacheFile(dir)).mtimeMs, written);
    // A cache that reads but cannot be written (a folder stands where its temporary file goes), after a change.
    mkdirSync(join(dir, '.star-coach', `.lint-cache.json.${process.pid}.star-coach-write`));
    writeFileSync(join(dir, 'b.star.md'), GOOD.replace('[Ownership, Dive Deep]', '[Ownersip]'));
    const both = await run(['lint', '--format', 'json'], dir);
    const unwritable = await run(['lint', '--format', 'json', '--cache'], dir);
    assert.match(unwritable.err, /^star-coach: the cache \.star-coach\/lint-cache\.json could not be written \(it is a folder \(EISDIR\)\); the findings above are complete\n$/);
    assert.deepStrictEqual([unwritable.code, unwritable.out], [both.code, both.out]);
  });

  it('never overwrites a file that is not a lint cache: a story, the practice log, a folder', async () => {
    const story = GOOD.replace('title: Good', 'title: Kept');
    const dir = bank({ 'a.star.md': story, '.star-coach/practice.jsonl': '{"date":"2026-11-30T10:00:00Z"}\n', 'folder/x.txt': '' });
    for (const [location, said] of [
      ['a.star.md', /a\.star\.md is not a lint cache, so --cache will not overwrite it/],
      ['.star-coach/practice.jsonl', /practice\.jsonl is not a lint cache/],
      ['folder', /the cache folder cannot be read \(it is a folder\)/],
    ] as const) {
      const { code, out, err } = await run(['lint', '--cache', '--cache-location', location], dir);
      assert.deepStrictEqual([code, out], [2, ''], location);
      assert.match(err, said);
    }
    assert.strictEqual(readFileSync(join(dir, 'a.star.md'), 'utf8'), story);
    assert.strictEqual(readFileSync(join(dir, '.star-coach', 'practice.jsonl'), 'utf8'), '{"date":"2026-11-30T10:00:00Z"}\n');
  });

  it('refuses --cache where it has no meaning', async () => {
    for (const [args, message] of [
      [['lint', '--cache-location', 'x.json'], '--cache-location goes with --cache'],
      [['lint', '--cache', '--fix'], '--cache does not go with --fix, which reads every story afresh'],
      [['questions', '--cache'], '--cache goes with lint or coverage'],
    ] as const) {
      const { code, err } = await run([...args]);
      assert.strictEqual(code, 2);
      assert.ok(err.startsWith(`star-coach: ${message}\n`), err);
    }
  });
});

describe('star-coach reads paths and stories the way people give them', () => {
  it('says that a quoted glob is not expanded', async () => {
    const dir = bank({ 'a.star.md': GOOD });
    const { code, err } = await run(['lint', '*.star.md'], dir);
    assert.strictEqual(code, 2);
    assert.match(err, /patterns such as \*\.star\.md are not expanded here/);
  });

  it('writes SARIF file locations as URI references', async () => {
    const dir = bank({ 'my stories/#1 story.star.md': GOOD.replace('Errors fell 90%.', 'It shipped.') });
    const sarif = JSON.parse((await run(['lint', '.', '--format', 'sarif'], dir)).out);
    const uris = sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    for (const uri of uris) assert.strictEqual(uri, 'my%20stories/%231%20story.star.md');
  });
});

describe('star-coach walks a bank the way the editor does', () => {
  const linkable = process.platform !== 'win32';
  const BAD = GOOD.replace('Errors fell 90%.', 'It shipped.');
  // The files with findings, each once: "It went well." is both unmeasured and vague.
  const files = (out: string) => [...new Set((JSON.parse(out) as Array<{ file: string }>).map((f) => f.file))].sort();

  it('follows a link to a story and a link to a folder, counting a story reached twice once', async function () {
    if (!linkable) this.skip();
    const outside = bank({ 'team/shared.star.md': BAD });
    const dir = bank({ 'mine/own.star.md': BAD });
    symlinkSync(join(outside, 'team'), join(dir, 'team'));
    symlinkSync(join(outside, 'team'), join(dir, 'mine', 'team-again'));
    symlinkSync(join(dir, 'mine', 'own.star.md'), join(dir, 'alias.star.md'));
    symlinkSync(dir, join(dir, 'mine', 'loop'));
    const { code, out, err } = await run(['lint', '--format', 'json'], dir);
    assert.strictEqual(code, 0, err);
    assert.strictEqual(err, '');
    const linted = files(out);
    assert.strictEqual(linted.length, 2, linted.join());
    assert.ok(linted.includes(join('mine', 'own.star.md')), 'the path without a link wins');
    assert.ok(linted.some((f) => /shared\.star\.md$/.test(f)));
    const coverage = JSON.parse((await run(['coverage', '--format', 'json'], dir)).out);
    assert.strictEqual(coverage.lps.find((lp: { id: string }) => lp.id === 'ownership').count, 2);
    // Named twice on the command line, through a link and by its own name: read once.
    const named = files((await run(['lint', '--format', 'json', 'alias.star.md', 'mine/own.star.md', 'mine'], dir)).out);
    assert.deepStrictEqual(named.filter((f) => /own\.star\.md$|alias\.star\.md$/.test(f)), ['alias.star.md'], 'the first name given is kept');
    assert.strictEqual(named.length, 2, 'and the shared story, through mine/team-again');
  });

  it('a bank of only linked stories is found, not "no stories"', async function () {
    if (!linkable) this.skip();
    const outside = bank({ 'a.star.md': GOOD, 'b/c.star.md': GOOD });
    const dir = bank({});
    symlinkSync(join(outside, 'a.star.md'), join(dir, 'a.star.md'));
    symlinkSync(join(outside, 'b'), join(dir, 'b'));
    const { code, out, err } = await run(['lint'], dir);
    assert.strictEqual(code, 0, err);
    assert.match(out, /^2 stories checked, no problems\.$/m);
  });

  it('reports a story-named link to nothing, with exit 2', async function () {
    if (!linkable) this.skip();
    const dir = bank({ 'ok.star.md': GOOD });
    symlinkSync(join(dir, 'gone.star.md'), join(dir, 'dangling.star.md'));
    const { code, out, err } = await run(['lint'], dir);
    assert.strictEqual(code, 2);
    assert.match(err, /^star-coach: dangling\.star\.md: skipped, a link to nothing is not a regular file$/m);
    assert.match(out, /^1 story checked/m);
  });

  it('walks dot folders, and skips what files.exclude in .vscode/settings.json excludes', async () => {
    const dir = bank({ '.stories/a.star.md': BAD, 'drafts/b.star.md': BAD, 'sub/c.star.md': BAD, '.git/d.star.md': BAD, 'node_modules/e.star.md': BAD });
    assert.deepStrictEqual(files((await run(['lint', '--format', 'json'], dir)).out), [join('.stories', 'a.star.md'), join('drafts', 'b.star.md'), join('sub', 'c.star.md')]);
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'settings.json'), '{\n  // drafts are not ready\n  "files.exclude": { "drafts": true, "**/.stories": true, },\n}\n');
    assert.deepStrictEqual(files((await run(['lint', '--format', 'json'], dir)).out), [join('sub', 'c.star.md')]);
    // Run from inside the bank, the patterns still match from the workspace folder.
    assert.deepStrictEqual(files((await run(['lint', '--format', 'json', '..'], join(dir, 'sub'))).out), ['c.star.md']);
    writeFileSync(join(dir, '.vscode', 'settings.json'), '{ "files.exclude": ');
    const broken = await run(['lint', '--format', 'json'], dir);
    assert.match(broken.err, /settings\.json: it is not valid JSON .*, so only the default files\.exclude applies/);
    assert.strictEqual(files(broken.out).length, 3);
  });

  it('finds the config file above the current folder, as the editor does from its workspace folder', async () => {
    const dir = bank({ '.starcoach.yaml': 'rules:\n  unquantified-result: off\n  vague-claim: off\n', 'stories/deep/x.star.md': BAD });
    assert.deepStrictEqual(JSON.parse((await run(['lint', '--format', 'json'], join(dir, 'stories', 'deep'))).out), []);
  });
});

describe('star-coach reads its command line strictly', () => {
  it('refuses an unknown option, a value where none goes and a missing value, with exit 2 and the usage', async () => {
    for (const [args, message] of [
      [['lint', '--frobnicate'], /^star-coach: unknown option "--frobnicate" \(a path that starts with "-" goes after "--"\)\n\nUsage: /],
      [['lint', '-z'], /^star-coach: unknown option "-z"/],
      [['lint', '--fix=yes'], /^star-coach: --fix takes no value\n/],
      [['lint', '--format'], /^star-coach: --format needs a value\n/],
      [['lint', '--format='], /^star-coach: --format needs a value\n/],
      [['lint', '-f', '--fix'], /^star-coach: --format needs a value; write --format=<value> for a value that starts with "-"\n/],
      [['lint', '--format', 'xml'], /^star-coach: --format for lint is one of text, json, sarif\n/],
      [['questions', '--minutes', '0'], /^star-coach: --minutes is a number above 0, at most 60\n/],
      [['coverage', '--fix'], /^star-coach: --fix goes with lint\n/],
      [['frobnicate'], /^star-coach: unknown command "frobnicate"\n/],
      [['--format', 'json'], /^star-coach: no command given\n/],
    ] as Array<[string[], RegExp]>) {
      const { code, out, err } = await run(args);
      assert.strictEqual(code, 2, args.join(' '));
      assert.strictEqual(out, '');
      assert.match(err, message, args.join(' '));
    }
  });

  it('takes options before or after paths, short forms, = values, and a path that starts with "-" after "--"', async () => {
    const dir = bank({ '-odd.star.md': GOOD, 'b.star.md': GOOD });
    assert.strictEqual(JSON.parse((await run(['lint', '-f', 'json', 'b.star.md'], dir)).out).length, 0);
    assert.strictEqual((await run(['lint', 'b.star.md', '--format=json', '--no-color'], dir)).code, 0);
    const odd = await run(['lint', '--', '-odd.star.md'], dir);
    assert.strictEqual(odd.code, 0, odd.err);
    assert.match(odd.out, /^1 story checked, no problems\.$/m);
    assert.match((await run(['lint', '--help'])).out, /^Usage: star-coach/);
  });
});
