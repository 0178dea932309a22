// Main checks every path the page names itself instead of trusting preload: the path must be one the user picked
// or dropped in this session (or lie inside such a folder), must not be a UNC or device path (opening
// \\server\share would make main start an SMB connection), and a file is read only through an open handle that is a
// regular file under a size cap (a FIFO would block the main process forever). Plain Node, so tests use it as it is.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAbsolute, posix, resolve, win32 } from 'node:path';
import { ShutterproofError, type ErrorCode } from '../common/error-codes.js';

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.[^\\/]*)?$/i;
const POSIX_DEVICE_ROOTS = ['/dev', '/proc', '/sys'];

/** Why a path may not be opened by main, or undefined when it may. */
export function refusedPathReason(path: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (path.includes('\0')) return 'it contains a NUL character';
  // UNC (\\server\share), device namespaces (\\.\, \\?\) and their forward-slash spellings, on every platform.
  if (/^[\\/]{2}/.test(path)) return 'it is a network (UNC) or device path';
  if (platform === 'win32') {
    if (!win32.isAbsolute(path) || !/^[A-Za-z]:[\\/]/.test(path)) return 'it is not an absolute path on a drive';
    if (path.split(/[\\/]/).some((part) => WINDOWS_DEVICE.test(part.replace(/[ .]+$/, '')))) return 'it names a device';
    return undefined;
  }
  if (!posix.isAbsolute(path)) return 'it is not an absolute path';
  const normal = posix.normalize(path);
  if (POSIX_DEVICE_ROOTS.some((root) => normal === root || normal.startsWith(root + '/'))) return 'it is a device or system path';
  return undefined;
}

/** The paths the user picked in a dialog or dropped on the window in this session (not kept across launches). */
export class PathRegistry {
  private readonly granted = new Set<string>();
  private static readonly MAX = 100_000;

  grant(paths: readonly string[]): void {
    for (const path of paths) {
      if (typeof path !== 'string' || !isAbsolute(path) || refusedPathReason(path)) continue;
      if (this.granted.size >= PathRegistry.MAX) return;
      this.granted.add(resolve(path));
    }
  }

  /** Picked or dropped itself, or inside a folder that was. */
  allows(path: string): boolean {
    if (!isAbsolute(path)) return false;
    for (let at = resolve(path); ; ) {
      if (this.granted.has(at)) return true;
      const up = resolve(at, '..');
      if (up === at) return false;
      at = up;
    }
  }
}

/** Throws unreadable_file unless main may open `path` (and, with a registry, unless the user gave it). */
export function checkGivenPath(path: string, registry: PathRegistry | undefined): void {
  const refused = refusedPathReason(path);
  if (refused) throw new ShutterproofError('unreadable_file', `${path}: ${refused}`);
  if (registry && !registry.allows(path)) throw new ShutterproofError('unreadable_file', `${path}: it was not picked or dropped in this session`);
}

/**
 * Reads a regular file through one open handle: opened without blocking (a FIFO or device answers at once),
 * checked with fstat on that handle (no swap between check and read), refused over `maxBytes` before reading.
 */
export async function readRegularFile(path: string, maxBytes: number, tooLarge: ErrorCode = 'file_too_large'): Promise<Buffer> {
  const refused = refusedPathReason(path);
  if (refused) throw new ShutterproofError('unreadable_file', `${path}: ${refused}`);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new ShutterproofError('unreadable_file', (error as Error).message, { cause: error });
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ShutterproofError('unreadable_file', `${path}: it is not a regular file`);
    if (info.size > maxBytes) throw new ShutterproofError(tooLarge, `the file is larger than ${Math.round(maxBytes / 2 ** 20)} MB`);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw new ShutterproofError(tooLarge, `the file is larger than ${Math.round(maxBytes / 2 ** 20)} MB`);
    return bytes;
  } catch (error) {
    if (error instanceof ShutterproofError) throw error;
    throw new ShutterproofError('unreadable_file', (error as Error).message, { cause: error });
  } finally {
    await handle.close();
  }
}

