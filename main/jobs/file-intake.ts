// Turns what the user dropped or picked into photo files the engine can queue: each path must be absolute and a
// regular file that is a JPEG or PNG by its first bytes (not its name) and under the size cap; folders are expanded
// recursively to the images inside them. Anything else is skipped with its error code, never thrown.
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { errorInfo, type ErrorCode } from '../../common/error-codes.js';
import type { AddOutcome, JobFile } from '../../common/ipc-contract.js';

export const MAX_PHOTO_BYTES = 256 * 2 ** 20;
const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);
const MAX_DEPTH = 32;

export type Skipped = AddOutcome['skipped'][number];

export interface IntakeResult {
  files: JobFile[];
  skipped: Skipped[];
  /** The folder's name when a single folder was dropped (for the group's label). */
  folderName?: string;
}

export interface IntakeOptions {
  maxBytes?: number;
  /** Stop after this many photos; the rest are skipped with queue_full. */
  maxFiles?: number;
}

export function skip(name: string, code: ErrorCode): Skipped {
  return { name, code, message: errorInfo(code).message };
}

export async function sniffImage(path: string): Promise<'jpeg' | 'png' | undefined> {
  // Without blocking, and checked on the open handle: a FIFO put where a photo was never blocks main.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
    if (bytesRead === 8 && head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    return undefined;
  } finally {
    await handle.close();
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

interface Candidate {
  path: string;
  name: string;
  size: number;
}

/** Files are checked and hashed this many at a time: disks and SSDs answer several reads at once. */
const PARALLEL_READS = 8;

export async function takeInPaths(paths: string[], options: IntakeOptions = {}): Promise<IntakeResult> {
  const maxBytes = options.maxBytes ?? MAX_PHOTO_BYTES;
  const maxFiles = options.maxFiles ?? Infinity;
  const candidates: Candidate[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  let folders = 0;
  let folderName: string | undefined;

  // First walk: which files were named or found in folders (stat only, in drop order).
  const walk = async (path: string, fromFolder: boolean, depth: number): Promise<void> => {
    const name = basename(path) || path;
    let info;
    try {
      info = await stat(path);
    } catch {
      if (!fromFolder) skipped.push(skip(name, 'unreadable_file'));
      return;
    }
    if (info.isDirectory()) {
      if (depth >= MAX_DEPTH) return;
      if (depth === 0) {
        folders++;
        folderName = name;
      }
      let entries: string[];
      try {
        entries = (await readdir(path)).sort();
      } catch {
        skipped.push(skip(name, 'unreadable_file'));
        return;
      }
      for (const entry of entries) if (!entry.startsWith('.')) await walk(join(path, entry), true, depth + 1);
      return;
    }
    if (!info.isFile()) {
      if (!fromFolder) skipped.push(skip(name, 'unsupported_format'));
      return;
    }
    // Inside folders only image names are looked at: a folder of photos often holds sidecars and thumbnails.
    if (fromFolder && !IMAGE_EXTENSIONS.has(extname(path).toLowerCase())) return;
    if (seen.has(path)) return;
    seen.add(path);
    if (info.size > maxBytes) return void skipped.push(skip(name, 'file_too_large'));
    candidates.push({ path, name, size: info.size });
  };
  for (const path of paths) {
    if (!isAbsolute(path)) skipped.push(skip(basename(path) || path, 'unreadable_file'));
    else await walk(path, false, 0);
  }

  // Then read: magic bytes and SHA-256, several files at once, results kept in drop order.
  const checked: (JobFile | Skipped)[] = new Array(candidates.length);
  let next = 0;
  let accepted = 0;
  const reader = async () => {
    for (let i = next++; i < candidates.length; i = next++) {
      const { path, name, size } = candidates[i];
      try {
        checked[i] = (await sniffImage(path)) ? { path, name, size, sha256: await sha256File(path) } : skip(name, 'unsupported_format');
      } catch {
        checked[i] = skip(name, 'unreadable_file');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, candidates.length) }, reader));
  const files: JobFile[] = [];
  for (const item of checked) {
    if ('code' in item) skipped.push(item);
    else if (accepted++ < maxFiles) files.push(item);
    else skipped.push(skip(item.name, 'queue_full'));
  }
  return { files, skipped, folderName: folders === 1 && paths.length === 1 ? folderName : undefined };
}
