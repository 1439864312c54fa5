/**
 * A 53-bit digest of a text: cyrb53 (bryc, public domain), two 32-bit multiply-xorshift hashes of
 * its UTF-16 code units joined. Equal texts give equal digests; two different texts of a bank give
 * the same one about once in 2^53. A leading byte order mark is left out: Node's reading keeps it
 * and `TextDecoder` drops it, and the story is the same. Not for security: it tells whether a
 * story's text is still the one something was read from, without keeping the text. A few
 * microseconds per kilobyte.
 */
export function textDigest(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
