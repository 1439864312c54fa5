// The one script of every webview page. The pages share their message schemas (zod), the bulk of
// the script, so one bundle carries them once; the shell names the page in the class of #app.
import type { WebviewPage } from '../core/views/shell';
import { app } from './common';
import { startExpectationsPage } from './expectations';
import { startMockPage } from './mock';

const START: Record<WebviewPage, () => void> = { expectations: startExpectationsPage, mock: startMockPage };

START[app.className as WebviewPage]?.();
