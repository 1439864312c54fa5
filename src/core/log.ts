/**
 * Where STAR Coach says what it did and why: which folders it scanned, which files it skipped and
 * what was wrong with a config file. The extension passes its "STAR Coach" log output channel;
 * the core and tests can pass `SILENT_LOG`.
 */
export interface Log {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A log that drops everything. */
export const SILENT_LOG: Log = { debug() {}, info() {}, warn() {}, error() {} };
