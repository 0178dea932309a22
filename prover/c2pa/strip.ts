// The photo without its manifest, and the hard-binding hash that names it. Both are "the file with the exclusion
// ranges of c2pa.hash.data removed": writers exclude exactly the bytes that carry the manifest (whole JPEG APP11
// segments, the whole PNG caBX chunk), so the stripped file is the photo as it was before signing, and anyone can
// recompute assetHash from it with plain SHA-256.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import { ShutterproofError } from '../../common/error-codes.js';
import type { Exclusion, ManifestEvidence } from './evidence.js';

/**
 * Feeds a file to SHA-256 chunk by chunk, skipping the exclusion ranges, so a large photo can be hashed as it streams
 * from disk. Chunks must arrive in order; `digest()` returns the 32-byte hash.
 */
export class ExcludingHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly ranges: Exclusion[];
  private position = 0;

  constructor(exclusions: readonly Exclusion[]) {
    this.ranges = [...exclusions].filter((e) => e.length > 0).sort((a, b) => a.start - b.start);
  }

  update(chunk: Uint8Array): this {
    const chunkStart = this.position;
    const chunkEnd = chunkStart + chunk.length;
    let at = chunkStart;
    for (const range of this.ranges) {
      const rangeEnd = range.start + range.length;
      if (rangeEnd <= at || range.start >= chunkEnd) continue;
      if (range.start > at) this.hash.update(chunk.subarray(at - chunkStart, range.start - chunkStart));
      at = Math.min(rangeEnd, chunkEnd);
    }
    if (at < chunkEnd) this.hash.update(chunk.subarray(at - chunkStart));
    this.position = chunkEnd;
    return this;
  }

  digest(): Uint8Array {
    return new Uint8Array(this.hash.digest());
  }
}

/** SHA-256 of `bytes` with the exclusion ranges left out: the value a c2pa.hash.data assertion records. */
export function assetHashOf(bytes: Uint8Array, exclusions: readonly Exclusion[]): Uint8Array {
  return new ExcludingHasher(exclusions).update(bytes).digest();
}

/** The same hash, read from a file in chunks without holding it in memory. */
export async function assetHashOfFile(path: string, exclusions: readonly Exclusion[]): Promise<Uint8Array> {
  const hasher = new ExcludingHasher(exclusions);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hasher.update(chunk as Buffer);
  return hasher.digest();
}

/**
 * The photo with the manifest's exclusion ranges removed. Its SHA-256 equals the manifest's assetHash. Refuses
 * (manifest_invalid) when the result would not be a well-formed JPEG/PNG, i.e. when the exclusions do not cover
 * whole segments or chunks, so a broken file is never written for a user to publish.
 */
export function stripManifest(bytes: Uint8Array, evidence: Pick<ManifestEvidence, 'format' | 'exclusions'>): Uint8Array {
  const ranges = [...evidence.exclusions].filter((e) => e.length > 0).sort((a, b) => a.start - b.start);
  if (ranges.length === 0) throw new ShutterproofError('manifest_invalid', 'the manifest excludes no bytes from its hash, so it cannot be removed');
  ranges.forEach((range, i) => {
    const previousEnd = i === 0 ? 0 : ranges[i - 1]!.start + ranges[i - 1]!.length;
    if (range.start < previousEnd || range.start + range.length > bytes.length)
      throw new ShutterproofError('manifest_invalid', `exclusion ${range.start}+${range.length} overlaps another or runs past the file`);
  });
  const out = new Uint8Array(bytes.length - ranges.reduce((n, e) => n + e.length, 0));
  let from = 0;
  let to = 0;
  for (const range of ranges) {
    out.set(bytes.subarray(from, range.start), to);
    to += range.start - from;
    from = range.start + range.length;
  }
  out.set(bytes.subarray(from), to);
  const problem = evidence.format === 'jpeg' ? jpegProblem(out) : pngProblem(out);
  if (problem)
    throw new ShutterproofError('manifest_invalid', `removing the excluded bytes would leave a broken ${evidence.format.toUpperCase()}: ${problem}`);
  return out;
}

/** Walks JPEG marker segments up to the scan; reports the first thing a decoder would reject. */
function jpegProblem(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'it does not start with SOI';
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return `no marker at offset ${at}`;
    let marker = bytes[at + 1]!;
    while (marker === 0xff && at + 2 < bytes.length) marker = bytes[++at + 1]!; // fill bytes
    if (marker === 0xd9) return 'it ends before any image data';
    if (marker >= 0xd0 && marker <= 0xd7) return `a restart marker at offset ${at} outside a scan`;
    if (at + 4 > bytes.length) return `a truncated segment at offset ${at}`;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return `segment 0x${marker.toString(16)} at offset ${at} has a bad length`;
    if (marker === 0xeb && isJumbf(bytes, at)) return 'C2PA data remains after removal';
    // Entropy-coded data follows; cameras often append more after EOI (e.g. MPF previews), so stop checking here.
    if (marker === 0xda) return undefined;
    at += 2 + length;
  }
  return 'it has no image data';
}

function isJumbf(bytes: Uint8Array, at: number): boolean {
  // APP11 "JP" (JPEG XT) segments carry JUMBF; other APP11 uses are left alone.
  return bytes[at + 4] === 0x4a && bytes[at + 5] === 0x50;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Walks PNG chunks, checking lengths and CRCs; IHDR first, IEND last. */
function pngProblem(bytes: Uint8Array): string | undefined {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'it does not start with the PNG signature';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return `a truncated chunk at offset ${at}`;
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) return `the chunk at offset ${at} runs past the end`;
    const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return `no chunk type at offset ${at}`;
    if (first && type !== 'IHDR') return 'the first chunk is not IHDR';
    if (type === 'caBX') return 'C2PA data remains after removal';
    if (view.getUint32(at + 8 + length) !== crc32(bytes.subarray(at + 4, at + 8 + length))) return `chunk ${type} has a bad CRC`;
    first = false;
    at += 12 + length;
    if (type === 'IEND') return undefined; // trailing bytes after IEND were in the original too; decoders ignore them
  }
  return 'it has no IEND chunk';
}
