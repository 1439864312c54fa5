// The web test entry: @vscode/test-web loads this bundle in the browser's extension host worker.
import 'mocha/mocha';

declare const mocha: Mocha.BrowserMocha;
declare const Mocha: { reporters: { Spec: Mocha.ReporterConstructor } };

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', timeout: 30000 });
  // The spec reporter prints to the console, which test-web relays; the default one needs a DOM.
  mocha.reporter(Mocha.reporters.Spec);
  // After setup, so the suites find describe() and it().
  require('./web.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}

// mocha's browser build assigns module.exports when it loads; set the test entry point after it.
module.exports = { run };
