import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';

/** SHA-1 of a text (as UTF-8) or of bytes, in base64: the lint cache's hash of a story's text and of a bundle. */
export function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('base64');
}

/**
 * A hash of a build of STAR Coach: the bytes of its bundle files, in order (a file that is not
 * there counts as empty), so that any change of its rules empties a lint cache made by another.
 */
export function buildHash(files: readonly string[]): string {
  return sha1(Buffer.concat(files.map((file) => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0)))));
}
