import { escapeHtml } from './html';

/**
 * The webview pages: each has a script `src/webview/<page>.ts`, started by the one page script
 * `src/webview/pages.ts` (bundled to `dist/webview/pages.js`) on the page the shell names.
 */
export const WEBVIEW_PAGES = ['expectations', 'mock'] as const;
export type WebviewPage = (typeof WEBVIEW_PAGES)[number];

/** What a page shell needs from the webview, as strings: the URIs come from `asWebviewUri`. */
export interface ShellInput {
  page: WebviewPage;
  title: string;
  /** The webview's `cspSource`: where its stylesheet may come from. */
  cspSource: string;
  /** A fresh random value for each page load (hex), the only script allowed to run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/**
 * The Content-Security-Policy of every page: nothing by default; the extension's stylesheet and
 * the one nonce'd script; no `<base>` to redirect relative URLs and no form to post anywhere.
 */
export function pageCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none';`;
}

/** In a double-quoted attribute only these two matter; a policy's own quotes stay readable. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * A whole HTML document: the Content-Security-Policy `csp`, then `head` and `body` (markup of ours,
 * its values already escaped), and the title, escaped here.
 */
export function htmlDocument(parts: { csp: string; title: string; head: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(parts.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${parts.head}
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
${parts.body}
</body>
</html>`;
}

/**
 * The HTML of a page before its content arrives by message: the CSP above, the stylesheet, and
 * the page script under the nonce. Every value is escaped for its attribute or text.
 */
export function pageShell(input: ShellInput): string {
  return htmlDocument({
    csp: pageCsp(input.cspSource, input.nonce),
    title: input.title,
    head: `<link rel="stylesheet" href="${attr(input.styleUri)}">`,
    body: `<div id="app" class="${attr(input.page)}"><p>Loading…</p></div>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>`,
  });
}
