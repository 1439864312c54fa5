import { createHash } from 'crypto';

/** SHA-1 of a text (as UTF-8) or of bytes, in base64: the lint cache's hash of a story's text and of a bundle. */
export function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('base64');
}
