import { constants, promises as fs } from 'fs';
import { dirname } from 'path';
import { entryLine, parsePracticeLog, type ParsedLog, type PracticeEntry } from '../core/practice/log';
import { formatSize, fsCode, fsProblem, kindOf, readRegularFile } from './fileAccess';

// Non-blocking, so that a named pipe in the log's place fails at once instead of waiting for a reader.
const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0);

/**
 * Appends one entry to a practice log on disk, creating the log and its folder when missing.
 * The whole line goes out in one write at the end of the file (it starts with its own newline,
 * see `entryLine`), so two windows practising at once both land and a line cut short by a crash
 * never fuses with the next. The file is flushed before this returns.
 *
 * Throws an Error with a message fit to show the user when the entry was not saved: the folder
 * cannot be made, the log is not a regular file, the disk is full, or the file is at its size
 * limit. After a write cut short, the partial line is removed when nobody else wrote since;
 * otherwise it stays as one unreadable line that the reader skips.
 */
export async function appendPracticeEntry(file: string, entry: PracticeEntry): Promise<void> {
  const line = Buffer.from(entryLine(entry), 'utf8');
  try {
    await fs.mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw new Error(`the folder ${dirname(file)} cannot be made: ${fsProblem(error)}`);
  }
  const handle = await openLog(file);
  try {
    const before = (await handle.stat()).size;
    let written: number;
    try {
      written = (await handle.write(line, 0, line.length)).bytesWritten;
    } catch (error) {
      throw new Error(fsProblem(error));
    }
    if (written < line.length) {
      const removed = await removePartial(handle, before, written);
      throw new Error(`only ${written} of ${line.length} bytes could be written (the disk is full or the file is at its size limit); ${removed ? 'the partial line was removed' : 'the partial line will be skipped when the log is read'}`);
    }
    try {
      await handle.sync();
    } catch (error) {
      throw new Error(`the entry could not be flushed to disk: ${fsProblem(error)}`);
    }
  } finally {
    await handle.close().catch(() => undefined); // the write and the flush have already succeeded or thrown
  }
}

/**
 * Throws an Error with a message fit to show the user when `appendPracticeEntry(file, ...)` could
 * not work: the log is a folder or not a regular file, a part of its path is a file, or it or the
 * folder that would hold it is not writable. Creates nothing, so a session that is not finished
 * leaves no trace.
 */
export async function checkPracticeLogWritable(file: string): Promise<void> {
  try {
    await fs.stat(file);
  } catch (error) {
    if (fsCode(error) !== 'ENOENT') throw new Error(fsProblem(error));
    return checkFolderWritable(dirname(file));
  }
  // Opening for appending is the true test: it honours permissions, read-only mounts and ACLs.
  await (await openLog(file)).close();
}

/** The nearest folder that exists at or above `dir` must be a writable folder. */
async function checkFolderWritable(dir: string): Promise<void> {
  for (;;) {
    let stat;
    try {
      stat = await fs.stat(dir);
    } catch (error) {
      const parent = dirname(dir);
      if (fsCode(error) !== 'ENOENT' || parent === dir) throw new Error(`${dir}: ${fsProblem(error)}`);
      dir = parent;
      continue;
    }
    if (!stat.isDirectory()) throw new Error(`${dir} is a file, not a folder`);
    try {
      await fs.access(dir, constants.W_OK);
    } catch (error) {
      throw new Error(`the folder ${dir} is not writable: ${fsProblem(error)}`);
    }
    return;
  }
}

async function openLog(file: string): Promise<fs.FileHandle> {
  let handle;
  try {
    handle = await fs.open(file, APPEND_FLAGS, 0o666);
  } catch (error) {
    throw new Error(fsProblem(error));
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new Error(stat.isDirectory() ? 'it is a folder, not a file' : `it is not a regular file (${kindOf(stat)})`);
  }
  return handle;
}

/** Truncates back to `before` when the file holds exactly our partial bytes past it; true if it did. */
async function removePartial(handle: fs.FileHandle, before: number, written: number): Promise<boolean> {
  try {
    // Another writer's entry may follow ours: then cutting would lose it, so the fragment stays.
    if ((await handle.stat()).size !== before + written) return false;
    await handle.truncate(before);
    return true;
  } catch {
    return false;
  }
}

/** The largest practice log read: some 250,000 sessions, far beyond a person's practice. */
export const MAX_PRACTICE_LOG_BYTES = 64 * 1024 * 1024;

/**
 * Reads a practice log; a missing file is an empty log. Throws an Error with a message fit to
 * show the user when the log cannot be read (a folder, a named pipe, no permission, too large).
 */
export async function readPracticeLog(file: string): Promise<ParsedLog> {
  const read = await readRegularFile(file, MAX_PRACTICE_LOG_BYTES);
  if (read.ok) return parsePracticeLog(read.text);
  if (read.code === 'ENOENT') return { entries: [], damaged: [] };
  throw new Error(read.code === 'ETOOBIG' ? `${read.problem} for a practice log (the limit is ${formatSize(MAX_PRACTICE_LOG_BYTES)})` : read.problem);
}
