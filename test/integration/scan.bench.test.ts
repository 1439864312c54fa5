import * as vscode from 'vscode';

/**
 * Not a test: a measurement, run only by `npm run measure:scan` on a generated bank of stories.
 * It prints how long the first scan takes and what it costs in memory; it asserts nothing timed.
 */
const run = process.env.STAR_COACH_MEASURE_SCAN === '1' ? describe : describe.skip;

run('first scan of a large story bank (measurement)', () => {
  it('scans and indexes the whole bank', async function () {
    this.timeout(300000);
    const api = (await vscode.extensions.getExtension('star-coach.star-coach')!.activate()) as {
      views: { index: { ready(): Promise<void>; settled(): Promise<void>; coverage: { size: number } } };
    };
    const index = api.views.index;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    let firstCounts = 0;
    const poll = setInterval(() => {
      if (!firstCounts && index.coverage.size > 0) firstCounts = Date.now() - started;
    }, 5);
    await index.ready();
    await index.settled();
    clearInterval(poll);
    const elapsed = Date.now() - started;
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(`      first scan: ${index.coverage.size} stories in ${elapsed} ms (first counts after ${firstCounts} ms); extension host heap +${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB`);

    // Where the time goes, part by part, measured again now that the files are in the OS cache.
    let at = Date.now();
    const uris = await vscode.workspace.findFiles('**/*.star.md');
    const find = Date.now() - at;
    const reads: string[] = [];
    for (const width of [64, 256, 1024]) {
      at = Date.now();
      for (let i = 0; i < uris.length; i += width) await Promise.all(uris.slice(i, i + width).map((u) => vscode.workspace.fs.readFile(u)));
      reads.push(`${Date.now() - at} ms (${width} at a time)`);
    }
    console.log(`      findFiles ${find} ms for ${uris.length}; workspace.fs.readFile of all: ${reads.join(', ')}`);
  });
});
