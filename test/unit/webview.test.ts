import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { transform } from 'esbuild';
import { pageShell, WEBVIEW_PAGES } from '../../src/core/views/shell';
import { ROOT } from './helpers';

/** The directives of the Content-Security-Policy meta tag of a page, by name. */
function csp(page: string): Map<string, string> {
  const metas = [...page.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  assert.strictEqual(metas.length, 1, 'one CSP meta tag');
  const policy = metas[0][1].replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]),
  );
}

describe('webview pages', () => {
  const shell = (page: (typeof WEBVIEW_PAGES)[number]) =>
    pageShell({ page, title: `T <${page}>`, cspSource: 'https://*.vscode-cdn.net', nonce: '0a1b2c', scriptUri: `https://x/dist/webview/pages.js?a=1&b="2"`, styleUri: 'https://x/media/webview.css' });

  it('lists every page script there is, and the one page script starts each on its own page', () => {
    const scripts = readdirSync(join(ROOT, 'src', 'webview'))
      .filter((f) => f.endsWith('.ts') && f !== 'common.ts' && f !== 'pages.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    assert.deepStrictEqual([...WEBVIEW_PAGES].sort(), scripts);
    assert.match(readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8'), /entryPoints: \['src\/webview\/pages\.ts'\]/, 'esbuild.mjs bundles the page script');
    for (const page of WEBVIEW_PAGES) assert.match(shell(page), new RegExp(`<div id="app" class="${page}">`), `${page}: the shell names its page where the script reads it`);
  });

  it("gives every page a policy with default-src, base-uri and form-action 'none', and only its nonce'd script", () => {
    for (const page of WEBVIEW_PAGES) {
      const html = shell(page);
      const policy = csp(html);
      assert.strictEqual(policy.get('default-src'), "'none'", page);
      assert.strictEqual(policy.get('base-uri'), "'none'", `${page}: base-uri`);
      assert.strictEqual(policy.get('form-action'), "'none'", `${page}: form-action`);
      assert.strictEqual(policy.get('script-src'), "'nonce-0a1b2c'", page);
      assert.strictEqual(policy.get('style-src'), 'https://*.vscode-cdn.net', page);
      assert.match(html, /<script nonce="0a1b2c" src="https:\/\/x\/dist\/webview\/\w+\.js\?a=1&amp;b=&quot;2&quot;"><\/script>/);
      assert.match(html, new RegExp(`<title>T &lt;${page}&gt;</title>`));
      assert.strictEqual((html.match(/<script/g) ?? []).length, 1, `${page}: one script`);
    }
  });

  it('ships a stylesheet that parses whole: an unclosed rule would swallow the print styles after it', async () => {
    // esbuild reads CSS as browsers do and warns where they would drop or nest what follows.
    const { warnings } = await transform(readFileSync(join(ROOT, 'media', 'webview.css'), 'utf8'), { loader: 'css' });
    assert.deepStrictEqual(warnings.map((w) => `${w.location?.line}: ${w.text}`), []);
  });
});
