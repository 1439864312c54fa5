// The web test entry: @vscode/test-web loads this bundle in the browser's extension host worker.
import 'mocha/mocha';

/** The parts of mocha's browser build used here. */
interface BrowserMocha {
  setup(options: { ui: string; timeout: number }): void;
  reporter(reporter: unknown): void;
  run(done: (failures: number) => void): void;
}
declare const mocha: BrowserMocha;
declare const Mocha: { reporters: { Spec: unknown } };

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', timeout: 30000 });
  // The spec reporter prints to the console, which test-web relays; the default one needs a DOM.
  mocha.reporter(Mocha.reporters.Spec);
  // After setup, so the suites find describe() and it().
  await import('./web.test.js');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}

// mocha's browser build assigns module.exports when it loads; set the test entry point after it.
module.exports = { run };
