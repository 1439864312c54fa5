// Imported first by run-web-tests.mjs: playwright reads where its browsers live when it loads.
import { join } from 'path';
import { CACHE } from './setup.mjs';

export const PLAYWRIGHT_BROWSERS = join(CACHE, 'playwright-browsers');
process.env.PLAYWRIGHT_BROWSERS_PATH = PLAYWRIGHT_BROWSERS;
