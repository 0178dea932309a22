// Crash-safe file writes: the bytes go to a temporary file that is flushed to disk, then renamed over the target,
// and the folder is flushed so the rename itself survives a power cut. A reader sees the old or the new file, never
// half of one. Synchronous on purpose: the job store writes small files and must finish before it reports a change.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

export const TEMP_SUFFIX = '.tmp';

/**
 * `syncFolder: false` lets a caller writing many files into one folder flush the folder once at the end;
 * `flush: false` skips flushing the file itself (still atomic against a killed process, only a power cut can lose
 * it) for records that are cheap to lose, like photos just added and not yet started.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { syncFolder?: boolean; flush?: boolean } = {}): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${process.pid}.${++counter}${TEMP_SUFFIX}`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    if (options.flush !== false) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  if (options.syncFolder !== false) syncFolder(folder);
}

export function syncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; there rename is already durable enough.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
