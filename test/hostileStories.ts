/**
 * Stories that once threw inside the engine (each stands for a kind: prototype-named keys, YAML
 * tags on them, aliases past the limit or to nowhere, a file name that is not URI-encoded), each
 * dropped into a bank of good stories: every good story must keep its findings and its counts.
 */
export const HOSTILE_STORIES: Readonly<Record<string, string>> = {
  'prototype-keys.star.md': '---\nconstructor: x\ntoString: 1\nlevel: L9\nlps: [Ownership]\n---\n## Situation\nS.\n',
  'proto-binary.star.md': '---\ntitle: T\n__proto__: !!binary aGVsbG8=\nlps: [Ownership]\nyear: soon\n---\n',
  'alias-chain.star.md': `---\ntitle: T\nlps: [Dive Deep]\n${Array.from({ length: 12 }, (_, i) => (i === 0 ? 'a0: &a0 [x, x]' : `a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`)).join('\n')}\n---\n`,
  'fifty-aliases.star.md': `---\ntitle: T\nlps: [Dive Deep]\na: &a x\nlist: [${Array(50).fill('*a').join(', ')}]\nlevel: 9\n---\n`,
  'nowhere.star.md': '---\ntitle: T\nlps: [Dive Deep]\nx: *nowhere\n---\n',
  '100%-done.star.md': '---\nlps: [Ownership]\n---\n## Result\nDone.\n',
  'lone-cr.star.md': '---\rtitle: CR\rlps: [Ownership]\r---\r#         \r## Result\rFine.\r',
};
