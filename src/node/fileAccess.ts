import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, type Stats } from 'fs';
import * as path from 'path';

/** What went wrong with a file, in words, from a Node file-system error; the error's own message when its code is not one of these. */
const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENXIO: 'not a regular file',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file has reached the size limit',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'an input/output error',
};

/**
 * A short phrase for a file-system error, such as "permission denied (EACCES)". Takes anything
 * thrown; never throws.
 */
export function fsProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && PROBLEMS[code]) return `${PROBLEMS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** The error code of a thrown file-system error, or undefined. */
export function fsCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export type ReadResult = { ok: true; text: string } | { ok: false; code: string; problem: string };

/**
 * Reads a regular file as UTF-8 text, at most `maxBytes` bytes long. A named pipe, socket or
 * device is refused without waiting on it (it is opened non-blocking and checked before any read),
 * and a file over the limit is refused without reading it. Never throws: a failure comes back with
 * its error code ('ENOTREG' for not a regular file, 'ETOOBIG' for too large) and a phrase for the
 * user ("it is 5.0 MB, too large": the caller says what it is too large for).
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    return refusal(await handle.stat(), maxBytes) ?? { ok: true, text: await handle.readFile('utf8') };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close().catch(() => undefined); // read-only: nothing to lose on close
  }
}

/**
 * `readRegularFile` without awaiting: the same checks and results, for the command line and the
 * story threads, which have nothing else to do while they read (an await per file costs a
 * thread-pool round trip each).
 */
export function readRegularFileSync(file: string, maxBytes: number): ReadResult {
  let fd;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    return refusal(fstatSync(fd), maxBytes) ?? { ok: true, text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function failure(error: unknown): ReadResult {
  return { ok: false, code: fsCode(error) ?? 'EUNKNOWN', problem: fsProblem(error) };
}

/** Why a file opened for reading must not be read, or undefined when it may. */
function refusal(stat: Stats, maxBytes: number): ReadResult | undefined {
  if (stat.isDirectory()) return { ok: false, code: 'EISDIR', problem: PROBLEMS.EISDIR };
  if (!stat.isFile()) return { ok: false, code: 'ENOTREG', problem: `not a regular file (${kindOf(stat)})` };
  if (stat.size > maxBytes) return { ok: false, code: 'ETOOBIG', problem: `it is ${formatSize(stat.size)}, too large` };
  return undefined;
}

/** What kind of thing a path is that is neither a file nor a folder, in words. */
export function kindOf(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file or folder';
}

/** A size for people: "1.2 MB" or "64 KB". */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Replaces a file's text through a temporary file in the same folder and a rename, so that a
 * crash or a full disk never leaves it half written. Through a link, the file it points to is
 * rewritten and the link stays a link; the file keeps its mode. A file that does not exist yet is
 * created (its folder must exist), and so is one in place of a link to nothing. True, or why it
 * failed ("the disk is full (ENOSPC)"); never throws.
 */
export async function replaceFile(file: string, text: string): Promise<true | string> {
  let temporary: string | undefined;
  try {
    const target = await fs.realpath(file).catch((error: unknown) => {
      if (fsCode(error) === 'ENOENT') return file;
      throw error;
    });
    temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.star-coach-write`);
    const mode = await fs.stat(target).then((stat) => stat.mode, () => undefined);
    await fs.writeFile(temporary, text, mode === undefined ? {} : { mode });
    await fs.rename(temporary, target);
    return true;
  } catch (error) {
    if (temporary) await fs.rm(temporary, { force: true }).catch(() => undefined);
    return fsProblem(error);
  }
}
