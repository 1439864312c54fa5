import type { FirstScanTimes } from '../../src/core/bankIndex';
import * as vscode from 'vscode';
import { mkdirSync, writeFileSync } from 'fs';
import * as inspector from 'inspector';
import { availableParallelism } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { lintText } from '../../src/core/engine';

/**
 * Not a test: a measurement, run only by `npm run measure:scan` on a generated bank of stories.
 * It prints how long the first scan takes and what it costs in memory; it asserts nothing timed.
 */
const run = process.env.STAR_COACH_MEASURE_SCAN === '1' ? describe : describe.skip;

interface MeasuredIndex {
  ready(): Promise<void>;
  recheck(): void;
  settled(): Promise<void>;
  files: { walk(root: vscode.Uri, found: (uri: vscode.Uri) => void): Promise<void> };
  coverage: { size: number };
  usesWorker: boolean;
  firstScan: FirstScanTimes;
  onDidChange: vscode.Event<void>;
  onDidCheck: vscode.Event<{ uri: vscode.Uri }>;
}

/** Median and range of a list of milliseconds, as "1234 ms (1100-1500)". */
function spread(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)]} ms (${sorted[0]}-${sorted[sorted.length - 1]})`;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of the profile's samples that have a frame of the extension's bundles (its `dist` folder) on their stack. */
function extensionMs(profile: CpuProfile, dist: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    if (!ours.has(id)) ours.set(id, byId.get(id)!.callFrame.url.startsWith(dist) || isOurs(parent.get(id)));
    return ours.get(id)!;
  };
  let micros = 0;
  profile.samples.forEach((id, i) => (micros += isOurs(id) ? profile.timeDeltas[i] ?? 0 : 0));
  return micros / 1000;
}

/** Starts the V8 profiler in this extension host; `stop(dir)` writes the profile there and says what of it was the extension's. */
async function startProfile(): Promise<{ stop(dir: string): Promise<{ file: string; oursMs: number }> }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<{ profile?: object }>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as { profile?: object }))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    stop: async (dir) => {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `star-coach-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const dist = vscode.Uri.joinPath(vscode.extensions.getExtension('star-coach.star-coach')!.extensionUri, 'dist').toString();
      return { file, oursMs: extensionMs(profile as unknown as CpuProfile, dist) };
    },
  };
}

run('first scan of a large story bank (measurement)', () => {
  it('scans and indexes the whole bank', async function () {
    this.timeout(300000);
    const api = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { views: { index: MeasuredIndex }; activationMs: number };
    console.log(`      activation: ${api.activationMs.toFixed(1)} ms in activate() (the extension host's own loading of the bundle not included)`);
    const index = api.views.index;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    // STAR_COACH_PROFILE=<dir>: a CPU profile of the extension host during the first scan too.
    const firstProfile = process.env.STAR_COACH_PROFILE ? await startProfile() : undefined;
    // Timed from the scan's own start: the extension may have started it before this test ran.
    const scan = index.ready();
    const { firstScan } = index;
    const started = firstScan.startedMs!;
    await scan;
    const counted = firstScan.countedMs! - started;
    const heapCounted = process.memoryUsage().heapUsed;
    await index.settled();
    const checked = firstScan.checkedMs! - started;
    const firstCounts = firstScan.firstCountedMs! - started;
    const heapAfter = process.memoryUsage().heapUsed;
    let at: number;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(`      first scan of ${index.coverage.size} stories: first counts after ${firstCounts} ms, every story counted after ${counted} ms, every story checked after ${checked} ms`);
    console.log(`      every story found by the walk after ${firstScan.foundMs! - started} ms`);
    console.log(`      extension host heap: +${mb(heapCounted - heapBefore)} while checking, +${mb(heapAfter - heapBefore)} once done`);
    if (firstProfile) {
      const { file, oursMs } = await firstProfile.stop(process.env.STAR_COACH_PROFILE!);
      console.log(`      the first scan's profile: ${file}, ${oursMs.toFixed(0)} ms of it in STAR Coach's code`);
    }
    // measure-first-scans.mjs starts VS Code once for each first scan it times, and needs nothing more.
    if (process.env.STAR_COACH_FIRST_SCAN_ONLY === '1') return;

    // The same scan again with VS Code idle: what the scan itself costs, without the window's
    // start-up, and how long the extension host's thread is ever held (a 5 ms timer's worst lag).
    let worstLag = 0;
    let tick = Date.now();
    const lag = setInterval(() => {
      worstLag = Math.max(worstLag, Date.now() - tick - 5);
      tick = Date.now();
    }, 5);
    at = Date.now();
    index.recheck();
    await index.ready();
    const recounted = Date.now() - at;
    await index.settled();
    clearInterval(lag);
    console.log(`      a full rescan with VS Code idle: every story counted after ${recounted} ms (250 ms of it the rescan's settle delay), checked after ${Date.now() - at} ms; the host's thread was never held longer than ${worstLag} ms`);

    // Where the time goes, part by part, measured again now that the files are in the OS cache.
    const uris: vscode.Uri[] = [];
    at = Date.now();
    for (const folder of vscode.workspace.workspaceFolders ?? []) await index.files.walk(folder.uri, (uri) => uris.push(uri));
    const walk = Date.now() - at;
    at = Date.now();
    const texts: string[] = [];
    const decoder = new TextDecoder();
    for (let i = 0; i < uris.length; i += 256) texts.push(...(await Promise.all(uris.slice(i, i + 256).map((u) => vscode.workspace.fs.readFile(u)))).map((bytes) => decoder.decode(bytes)));
    const read = Date.now() - at;
    at = Date.now();
    for (const text of texts) lintText(text);
    const lint = Date.now() - at;
    console.log(`      parts, warm: walk ${walk} ms for ${uris.length} stories; workspace.fs.readFile of all ${read} ms; lint of all ${lint} ms`);

    // Do the worker threads earn their place? Ten full rescans with them and ten without, in turns.
    const RESCANS = Number(process.env.STAR_COACH_RESCANS ?? 10);
    const times = { true: { counted: [] as number[], checked: [] as number[] }, false: { counted: [] as number[], checked: [] as number[] } };
    for (let i = 0; i < RESCANS * 2; i++) {
      const withWorker = i % 2 === 0;
      index.usesWorker = withWorker;
      at = Date.now();
      index.recheck();
      await index.ready();
      times[`${withWorker}`].counted.push(Date.now() - at - 250); // without the rescan's settle delay
      await index.settled();
      times[`${withWorker}`].checked.push(Date.now() - at - 250);
    }
    index.usesWorker = true;
    console.log(`      ${RESCANS} rescans each, median (range), without the 250 ms settle delay:`);
    console.log(`        with the worker threads (one per core, ${availableParallelism()} cores): counted ${spread(times.true.counted)}, checked ${spread(times.true.checked)}`);
    console.log(`        without (host slices only):                counted ${spread(times.false.counted)}, checked ${spread(times.false.checked)}`);
  });

  it('a keystroke in a 300-line story: extension host work in the second after it, beside the same edits in a plain .md file', async function () {
    this.timeout(300000);
    // Measured once the first scan is over (it is when this test runs after the scan's).
    const index = ((await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { views: { index: MeasuredIndex } }).views.index;
    await index.ready();
    await index.settled();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const action = Array.from({ length: 70 }, (_, i) => `We reviewed the rollout plan step ${i} with the team, and I wrote the checklist for it.`).join('\n\n');
    const text = `---\ntitle: A long story\nlps: [Ownership, Dive Deep]\n---\n## Situation\n\n${'The service was slow at peak.\n\n'.repeat(40)}## Task\n\nI owned the fix.\n\n## Action\n\n${action}\n\n## Result\n\n${'Latency fell from 800 ms to 120 ms.\n\n'.repeat(40)}`;
    // The same text and edits in a file STAR Coach leaves alone: what the host does without us.
    for (const name of ['keystroke-300.md', 'keystroke-300.star.md']) {
      const uri = vscode.Uri.joinPath(folder, name);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const editor = await vscode.window.showTextDocument(uri);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // opened and linted
      const busyMs: number[] = [];
      // STAR_COACH_PROFILE=<dir>: a CPU profile of the extension host during the story's edits, to find where the time goes.
      const profile = process.env.STAR_COACH_PROFILE && name.endsWith('.star.md') ? await startProfile() : undefined;
      let viewsRedrawn = 0;
      const counting = index.onDidChange(() => viewsRedrawn++);
      for (let i = 0; i < 10; i++) {
        const before = performance.eventLoopUtilization();
        await editor.edit((edit) => edit.insert(new vscode.Position(6, 0), i % 2 ? 'x' : 'y'));
        // A second after the edit: the 300 ms typing pause, the lint and the diagnostics are all over.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // Active time of the extension host's thread in that second: ours, and that of any other
        // extension in this host (Markdown's own language features among them).
        busyMs.push(Math.round(performance.eventLoopUtilization(before).active * 10) / 10);
      }
      if (profile) {
        const { file, oursMs } = await profile.stop(process.env.STAR_COACH_PROFILE!);
        console.log(`      CPU profile of the edits: ${file}; samples with STAR Coach's code on the stack: ${(oursMs / 10).toFixed(1)} ms an edit (profiler overhead included)`);
      }
      counting.dispose();
      console.log(`      ${name}, ${editor.document.lineCount} lines, 10 edits: extension host active ${spread(busyMs)} in the second after each edit (all extensions in the host); the index told the views to redraw ${viewsRedrawn} times`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('Which Story for This Question on the whole bank: time until the ranked pick is open; the Loop Plan made again', async function () {
    this.timeout(300000);
    const index = ((await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { views: { index: MeasuredIndex } }).views.index;
    await index.ready();
    await index.settled();
    const ask = async (question: string) => {
      const at = performance.now();
      const results = (await vscode.commands.executeCommand('starCoach.whichStory', question)) as unknown[];
      const ms = Math.round(performance.now() - at);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      if (!results?.length) throw new Error('no stories ranked');
      return ms;
    };
    const questions = ['Tell me about a time you disagreed with your manager', 'Describe a time you had to deliver under a tight deadline', 'Tell me about your biggest failure', 'Tell me about a time you saved money', 'Tell me about a customer you let down'];
    // The first question reads the bank's words; the next ones find them kept.
    const first = await ask(questions[0]);
    const again: number[] = [];
    for (const question of questions.slice(1)) again.push(await ask(question));
    // One story edited and checked again: only its words are read anew.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const edited = vscode.Uri.joinPath(folder, 'story-00001.star.md');
    const before = await vscode.workspace.fs.readFile(edited);
    const checkedAgain = new Promise<void>((resolve) => {
      const listening = index.onDidCheck(({ uri }) => uri.toString() === edited.toString() && (listening.dispose(), resolve()));
    });
    await vscode.workspace.fs.writeFile(edited, new TextEncoder().encode(`${new TextDecoder().decode(before)}\nI also wrote the runbook.\n`));
    await checkedAgain;
    await index.settled();
    const afterEdit = await ask(questions[0]);
    await vscode.workspace.fs.writeFile(edited, before);
    // A change of settings: every story is checked again, and no text changed.
    const settings = vscode.workspace.getConfiguration('starCoach');
    await settings.update('wordsPerMinute', 140, vscode.ConfigurationTarget.Workspace);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the rescan's settle delay, and its start
    await index.settled();
    const afterSettings = await ask(questions[1]);
    await settings.update('wordsPerMinute', undefined, vscode.ConfigurationTarget.Workspace);
    // Its rescan over before the Loop Plan is timed.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await index.settled();
    console.log(`      Which Story on ${index.coverage.size} stories, until the ranked pick is open: the first question ${first} ms (reads the bank's words); ${again.length} more ${spread(again)}; after one story changed ${afterEdit} ms; after a change of settings re-checked every story ${afterSettings} ms`);
    // The Loop Plan, made again from the index (it reads only the stories it names).
    const { loopPlan } = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as { loopPlan: { workspacePlan(fresh: boolean): Promise<unknown> } };
    const planMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const at = performance.now();
      await loopPlan.workspacePlan(true);
      planMs.push(Math.round(performance.now() - at));
    }
    console.log(`      the Loop Plan of ${index.coverage.size} stories, made 5 times: ${spread(planMs)}`);
  });
});
