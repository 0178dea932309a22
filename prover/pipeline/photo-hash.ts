// The hash a proof is about, recomputed from a published photo: the embedded C2PA data is found by the file's
// structure (c2pa/locate.ts) and left out; a photo published without it is hashed whole. The manifest's own
// exclusion ranges are never read: a manifest that excludes more than itself cannot match.
import { createHash } from 'node:crypto';
import { detectFormat } from '../c2pa/read-evidence.js';
import { c2paRanges } from '../c2pa/locate.js';
import { assetHashOf } from '../c2pa/strip.js';

export async function assetHashOfPhoto(bytes: Uint8Array): Promise<string> {
  const ranges = c2paRanges(bytes, detectFormat(bytes));
  const hash = ranges.length === 0 ? createHash('sha256').update(bytes).digest() : assetHashOf(bytes, ranges);
  return Buffer.from(hash).toString('hex');
}
