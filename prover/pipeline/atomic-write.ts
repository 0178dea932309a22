// Files the user relies on are written whole or not at all: temp file in the same folder, fsync, rename.
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ShutterproofError } from '../../common/error-codes.js';
import { makeFolder } from './output-folder.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await makeFolder(dir);
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    // Cleaning up must not replace the error that says what went wrong.
    await rm(tmp, { force: true }).catch(() => undefined);
    throw asWriteError(error, path);
  }
}

function asWriteError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ShutterproofError('disk_full', `writing ${path}`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR')
    return new ShutterproofError('output_unwritable', `cannot write ${path}: ${code}`, { cause: error });
  return error;
}
