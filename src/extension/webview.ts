import * as vscode from 'vscode';
import { pageShell, type WebviewPage } from '../core/views/shell';

/**
 * What every STAR Coach webview shares: scripts on, and only the extension's own bundle and
 * stylesheet folders readable; nothing from the workspace or the network.
 */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * The page shell (see `pageShell`): a `default-src 'none'` policy that also forbids `<base>` and
 * form posts, the stylesheet, and the page script under a fresh nonce. The content arrives later by
 * message, already escaped by the core's `html` helper.
 */
export function webviewShell(webview: vscode.Webview, extensionUri: vscode.Uri, page: { name: WebviewPage; title: string }): string {
  return pageShell({
    page: page.name,
    title: page.title,
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'pages.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css')).toString(),
  });
}

function makeNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
