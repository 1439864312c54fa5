/** Small pieces of English shared by the sidebar, the pages, the notices and the CLI. */

/** "1 story", "2 stories", "0 stories": the count and the noun that agrees with it. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The text as a sentence: a capital first letter and one closing full stop (or ? or !). */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/[\s:;,]+$/, '');
  if (!trimmed) return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?!…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The notice for a config file STAR Coach cannot use: the file named once, the problem (which
 * names its key once) as a sentence, and what happens meanwhile.
 */
export function configNotice(file: string, detail: string): string {
  return `${sentence(`STAR Coach cannot use ${file}: ${detail}`)} Stories are checked with the default rules until it is fixed.`;
}
