import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { assetHashOf, assetHashOfFile, ExcludingHasher, stripManifest } from '../../prover/c2pa/strip.js';
import { decodeJpeg, decodePng, smallJpeg, smallPng } from '../support/photos.js';
import { signPhoto, type Writer } from '../support/sign.js';

const cases = [
  ['c2pa-rs', 'jpeg'],
  ['c2pa-rs', 'png'],
  ['c2pa-ts', 'jpeg'],
  ['c2pa-ts', 'png'],
] as const satisfies readonly (readonly [Writer, 'jpeg' | 'png'])[];

const originals = { jpeg: smallJpeg(21), png: smallPng(21) };
const signed: Record<string, Uint8Array> = {};

beforeAll(async () => {
  for (const [writer, format] of cases) signed[`${writer}-${format}`] = await signPhoto(originals[format], { writer, format });
});

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

describe('stripManifest', () => {
  it.each(cases)('%s %s: a valid photo, without credentials, whose SHA-256 is the assetHash', (writer, format) => {
    const bytes = signed[`${writer}-${format}`]!;
    const evidence = readEvidence(bytes);
    const stripped = stripManifest(bytes, evidence);
    expect(sha256(stripped)).toEqual(evidence.assetHash);
    expect(stripped.length).toBeLessThan(bytes.length);
    const size = format === 'jpeg' ? decodeJpeg(stripped) : decodePng(stripped);
    expect(size).toEqual(format === 'jpeg' ? { width: 64, height: 48 } : { width: 48, height: 32 });
    let code: string | undefined;
    try {
      readEvidence(stripped);
    } catch (error) {
      code = (error as ShutterproofError).code;
    }
    expect(code).toBe('no_content_credentials');
  });

  it('gives back the photo as it was before c2pa-rs signed it', () => {
    for (const format of ['jpeg', 'png'] as const) {
      const bytes = signed[`c2pa-rs-${format}`]!;
      expect(Buffer.from(stripManifest(bytes, readEvidence(bytes))).equals(Buffer.from(originals[format]))).toBe(true);
    }
  });

  it('refuses exclusions that would leave a broken file, or none at all', () => {
    for (const format of ['jpeg', 'png'] as const) {
      const bytes = signed[`c2pa-rs-${format}`]!;
      const evidence = readEvidence(bytes);
      const [first] = evidence.exclusions;
      const attempts = [
        { ...evidence, exclusions: [{ start: first!.start, length: first!.length - 1 }] },
        { ...evidence, exclusions: [{ start: first!.start + 2, length: first!.length - 2 }] },
        { ...evidence, exclusions: [] },
        { ...evidence, exclusions: [{ start: first!.start, length: bytes.length }] },
        { ...evidence, exclusions: [first!, { start: first!.start + 1, length: 1 }] },
      ];
      for (const attempt of attempts) {
        let caught: unknown;
        try {
          stripManifest(bytes, attempt);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(ShutterproofError);
        expect((caught as ShutterproofError).code).toBe('manifest_invalid');
      }
    }
  });
});

describe('assetHashOf', () => {
  it('matches the hash recorded by both writers', () => {
    for (const key of Object.keys(signed)) {
      const evidence = readEvidence(signed[key]!);
      expect(assetHashOf(signed[key]!, evidence.exclusions)).toEqual(evidence.assetHash);
    }
  });

  it('is plain SHA-256 without exclusions, and ignores empty or unsorted ranges', () => {
    const data = new Uint8Array(1000).map((_, i) => i * 7);
    expect(assetHashOf(data, [])).toEqual(sha256(data));
    const expected = sha256(Buffer.concat([data.subarray(0, 100), data.subarray(150, 600), data.subarray(700)]));
    const ranges = [
      { start: 600, length: 100 },
      { start: 5, length: 0 },
      { start: 100, length: 50 },
    ];
    expect(assetHashOf(data, ranges)).toEqual(expected);
  });

  it('gives the same hash however the file is cut into chunks, and when read from disk', async () => {
    const bytes = signed['c2pa-ts-jpeg']!;
    const evidence = readEvidence(bytes);
    for (const size of [1, 7, 64, 1000, bytes.length]) {
      const hasher = new ExcludingHasher(evidence.exclusions);
      for (let at = 0; at < bytes.length; at += size) hasher.update(bytes.subarray(at, at + size));
      expect(hasher.digest()).toEqual(evidence.assetHash);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'shutterproof-strip-')), 'photo.jpg');
    writeFileSync(file, bytes);
    expect(await assetHashOfFile(file, evidence.exclusions)).toEqual(evidence.assetHash);
  });
});
