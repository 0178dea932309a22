// The asset hash a verifier recomputes from a photo: the C2PA data is found by the file's structure, never by the
// manifest's own exclusion ranges. The swapped-picture forgery is built here by byte surgery on a signed photo.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { assetHashOf, stripManifest } from '../../prover/c2pa/strip.js';
import { c2paRanges } from '../../prover/c2pa/locate.js';
import { assetHashOfPhoto } from '../../prover/pipeline/photo-hash.js';
import { smallJpeg, smallPng } from '../support/photos.js';
import { signPhoto } from '../support/sign.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
let rsJpeg: Uint8Array;
let tsPng: Uint8Array;
let split: Uint8Array;

beforeAll(async () => {
  rsJpeg = await signPhoto(smallJpeg(7), { writer: 'c2pa-rs', format: 'jpeg' });
  tsPng = await signPhoto(smallPng(7), { writer: 'c2pa-ts', format: 'png' });
  split = await signPhoto(smallJpeg(8), { writer: 'c2pa-rs', format: 'jpeg', fillerBytes: 100_000 });
}, 120_000);

/**
 * The forgery: widen the manifest's exclusion by the size of a second JPEG body inserted right after the manifest.
 * Hashed by its own (unauthenticated) exclusions, the file keeps the genuine asset hash; viewers show the insert.
 */
function swapPicture(signed: Uint8Array): { forged: Uint8Array; exclusions: { start: number; length: number }[] } {
  const ev = readEvidence(signed);
  const [ex] = ev.exclusions;
  const inserted = Buffer.from(smallJpeg(99)).subarray(2, -2); // another picture's segments and scan, without SOI/EOI
  const bytes = Buffer.from(signed);
  // The exclusion length is the CBOR uint after "length" in c2pa.hash.data; the manifest is inside the excluded span.
  const key = Buffer.from('666c656e677468', 'hex');
  const at = bytes.indexOf(key, ex.start) + key.length;
  expect(bytes[at]).toBe(0x19); // uint16, as c2pa-rs writes it
  const widened = ex.length + inserted.length;
  bytes.writeUInt16BE(widened, at + 1);
  const end = ex.start + ex.length;
  const forged = Buffer.concat([bytes.subarray(0, end), inserted, bytes.subarray(end)]);
  return { forged, exclusions: [{ start: ex.start, length: widened }] };
}

describe('asset hash of a published photo', () => {
  it('equals the signed asset hash for manifests in JPEG and PNG, also split over many APP11 segments', async () => {
    for (const signed of [rsJpeg, tsPng, split]) {
      const ev = readEvidence(signed);
      expect(await assetHashOfPhoto(signed)).toBe(hex(ev.assetHash));
    }
    expect(c2paRanges(split, 'jpeg')).toHaveLength(1);
    expect(c2paRanges(split, 'jpeg')[0]!.length).toBeGreaterThan(100_000);
  });

  it('hashes a photo published without its credentials whole, to the same value', async () => {
    const ev = readEvidence(rsJpeg);
    const stripped = stripManifest(rsJpeg, ev);
    expect(c2paRanges(stripped, 'jpeg')).toEqual([]);
    expect(await assetHashOfPhoto(stripped)).toBe(hex(ev.assetHash));
  });

  it('does not match a photo whose manifest excludes a second picture (swapped picture)', async () => {
    const ev = readEvidence(rsJpeg);
    const { forged, exclusions } = swapPicture(rsJpeg);
    // Read the way v1 did, by the manifest's own exclusions, the forgery keeps the genuine hash...
    expect(hex(assetHashOf(forged, exclusions))).toBe(hex(ev.assetHash));
    // ...read by structure, it does not.
    const hash = await assetHashOfPhoto(forged);
    expect(hash).not.toBe(hex(ev.assetHash));
    expect(hash).toBe(hex(createHash('sha256').update(Buffer.concat([forged.subarray(0, 20), forged.subarray(20 + ev.exclusions[0]!.length)])).digest()));
  });

  it('leaves other APP11 segments in the hash', () => {
    const bytes = Buffer.from(smallJpeg(5));
    const other = Buffer.concat([Buffer.from([0xff, 0xeb, 0x00, 0x0a]), Buffer.from('JPxxxxxxxx', 'latin1').subarray(0, 8)]);
    const withApp11 = Buffer.concat([bytes.subarray(0, 2), other, bytes.subarray(2)]);
    expect(c2paRanges(withApp11, 'jpeg')).toEqual([]);
  });
});
