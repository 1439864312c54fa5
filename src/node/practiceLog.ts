import { promises as fs } from 'fs';
import { dirname } from 'path';
import { entryLine, parsePracticeLog, type ParsedLog, type PracticeEntry } from '../core/practice/log';

/**
 * Appends one entry to a practice log on disk. The file is opened for appending, so each entry
 * goes out in a single write at the end of the file even when two windows practise at once;
 * it is flushed before this returns, so a saved session survives a crash that follows.
 */
export async function appendPracticeEntry(file: string, entry: PracticeEntry): Promise<void> {
  await fs.mkdir(dirname(file), { recursive: true });
  const handle = await fs.open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let endsWithNewline = true;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      endsWithNewline = last[0] === 0x0a;
    }
    await handle.write(entryLine(entry, endsWithNewline));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Reads a practice log; a missing file is an empty log. */
export async function readPracticeLog(file: string): Promise<ParsedLog> {
  try {
    return parsePracticeLog(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], damaged: [] };
    throw error;
  }
}
