/**
 * Which folders and files the story walk skips: VS Code's `files.exclude`, read the same way by
 * the editor (from its settings) and the CLI (from `.vscode/settings.json`).
 */

/** Never part of a story bank, whatever files.exclude says. */
export const ALWAYS_EXCLUDED: readonly string[] = ['**/node_modules'];

/** VS Code's default `files.exclude` (a workspace's settings add to it, or turn an entry off with false). */
export const DEFAULT_FILES_EXCLUDE: Readonly<Record<string, boolean>> = {
  '**/.git': true,
  '**/.svn': true,
  '**/.hg': true,
  '**/.DS_Store': true,
  '**/Thumbs.db': true,
};

/**
 * The glob patterns to skip for a `files.exclude` value (an object of glob to true/false or a
 * `{ when }` condition): `ALWAYS_EXCLUDED` and every pattern set to plain `true`. A `when` sibling
 * condition needs the folder's listing, so it is not applied.
 */
export function excludePatterns(setting: unknown): string[] {
  const entries = setting && typeof setting === 'object' && !Array.isArray(setting) ? Object.entries(setting as Record<string, unknown>) : [];
  return [...ALWAYS_EXCLUDED, ...entries.filter(([, value]) => value === true).map(([pattern]) => pattern)];
}

/**
 * The `files.exclude` a workspace's `.vscode/settings.json` text sets, over VS Code's defaults.
 * The text is JSON with comments and trailing commas, as VS Code allows. Returns the defaults and
 * a problem in words when the text cannot be read, never throws.
 */
export function filesExcludeFromSettings(text: string): { setting: Record<string, unknown>; problem?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutJsonComments(text));
  } catch (error) {
    return { setting: { ...DEFAULT_FILES_EXCLUDE }, problem: `it is not valid JSON (${error instanceof Error ? error.message : String(error)}), so only the default files.exclude applies` };
  }
  const own = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['files.exclude'] : undefined;
  return { setting: { ...DEFAULT_FILES_EXCLUDE, ...(own && typeof own === 'object' && !Array.isArray(own) ? (own as Record<string, unknown>) : {}) } };
}

/** JSON text with `//` and `/* *\/` comments blanked and commas before `}` or `]` dropped; strings kept as written. */
function withoutJsonComments(text: string): string {
  let out = '';
  let pendingComma = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
      pendingComma = -1;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
      out += ' ';
    } else if ((char === '}' || char === ']') && pendingComma !== -1) {
      out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}${char}`;
      pendingComma = -1;
    } else {
      if (char === ',') pendingComma = out.length;
      else if (!/\s/.test(char)) pendingComma = -1;
      out += char;
    }
  }
  return out;
}
