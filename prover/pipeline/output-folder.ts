// The folder proof packs go to is checked before any proving starts, so a file, a read-only place or a virtual
// file system given as --out is reported in seconds with output_unwritable, not after minutes of proving.
// Missing folders are made one level at a time: Node's recursive mkdir spins at full CPU on some paths (/proc/x).
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ShutterproofError } from '../../common/error-codes.js';

const MAX_NEW_LEVELS = 64;

function unwritable(dir: string, why: string, cause?: unknown): ShutterproofError {
  return new ShutterproofError('output_unwritable', `${dir}: ${why}`, cause === undefined ? undefined : { cause });
}

/** Makes `dir` if it is missing (with its missing parents), one level at a time. */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    let info;
    try {
      info = await stat(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw unwritable(dir, `${at} cannot be reached (${code})`, error);
      if (dirname(at) === at || missing.length >= MAX_NEW_LEVELS) throw unwritable(dir, 'no folder above it exists');
      missing.push(at);
      continue;
    }
    if (!info.isDirectory()) throw unwritable(dir, `${at} is a file, not a folder`);
    break;
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await stat(level).then((s) => s.isDirectory(), () => false))) continue;
      throw unwritable(dir, `cannot make ${level} (${code})`, error);
    }
  }
}

/** Makes the output folder if needed and checks that a file can be written in it (the probe file is removed). */
export async function prepareOutputFolder(dir: string): Promise<void> {
  await makeFolder(dir);
  const probe = join(dir, `.shutterproof-write-check-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new ShutterproofError('disk_full', `writing in ${dir}`, { cause: error });
    throw unwritable(dir, `cannot write a file there (${code})`, error);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}
