/**
 * The glob patterns of VS Code's `files.exclude`, matched against a path relative to its
 * workspace folder (`/`-separated). The index walks folders itself (a directory walk is far
 * quicker to start than the search service), so it needs the same answer VS Code gives:
 * `**` spans folders, `*` and `?` stay within one, `{a,b}` and `[a-z]` / `[!a-z]` as usual.
 * A folder that matches excludes everything under it.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function globMatcher(patterns: readonly string[]): PathMatcher {
  const compiled = patterns.map((pattern) => pattern.trim()).filter(Boolean).map(globToRegExp);
  if (compiled.length === 0) return () => false;
  const one = new RegExp(compiled.map((re) => `(?:${re})`).join('|'));
  return (relativePath) => one.test(relativePath);
}

/** One glob as the source of an anchored regular expression. */
export function globToRegExp(glob: string): string {
  // A leading "/" or "./" anchors to the folder, which relative paths already are.
  const pattern = glob.replace(/^\.?\//, '').replace(/\/+$/, '');
  return `^${translate(pattern)}$`;
}

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/';
      const end = i + 2;
      if (atStart && pattern[end] === '/') {
        out += '(?:[^/]*/)*'; // "**/": any number of folders, none included
        i = end;
      } else if (atStart && end === pattern.length) {
        // "**" at the end: the folder before it and everything below
        out = out.endsWith('/') ? `${out.slice(0, -1)}(?:/.*)?` : `${out}.*`;
        i = end - 1;
      } else {
        out += '[^/]*'; // "**" glued to other characters acts as "*"
        i = end - 1;
      }
    } else if (char === '*') {
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close === -1) {
        out += '\\{';
        continue;
      }
      out += `(?:${splitAlternatives(pattern.slice(i + 1, close)).map(translate).join('|')})`;
      i = close;
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else {
      out += char.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  return out;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** "a,{b,c},d" → ["a", "{b,c}", "d"]: commas inside nested braces stay. */
function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
