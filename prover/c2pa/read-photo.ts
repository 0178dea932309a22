// Reads a photo the user named, turning file-system failures into the error codes a user can act on.
import { readFile, stat } from 'node:fs/promises';
import { ShutterproofError } from '../../common/error-codes.js';

/** Larger files are refused before reading: no camera or app writes a JPEG or PNG this big. */
export const MAX_PHOTO_BYTES = 512 * 1024 * 1024;

export async function readPhoto(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ShutterproofError('unreadable_file', `${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ShutterproofError) throw error;
    throw new ShutterproofError('unreadable_file', describe(error, path), { cause: error });
  }
  if (size > MAX_PHOTO_BYTES)
    throw new ShutterproofError('file_too_large', `${size} bytes; the limit is ${MAX_PHOTO_BYTES} bytes`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new ShutterproofError('unreadable_file', describe(error, path), { cause: error });
  }
}

function describe(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ? `${code}: ${path}` : `${path}: ${String(error)}`;
}
