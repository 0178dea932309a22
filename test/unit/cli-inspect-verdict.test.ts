// `shutterproof inspect` exits with the documented codes: 0 for a valid photo, the failed check's code otherwise
// (3 for a changed photo or a bad signature); a garbled APP11 JUMBF is damaged credentials, not "none".
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { runCli } from '../../prover/entry/cli.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';

let f: Fixtures;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shutterproof-inspect-'));
  f = await makeFixtures(join(dir, 'fixtures'));
}, 120_000);

async function inspect(photo: string, ...extra: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['inspect', photo, ...extra], (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

/** The offset of the first APP11 segment of a JPEG. */
function app11(bytes: Uint8Array): number {
  for (let at = 2; at < bytes.length; at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!)) if (bytes[at + 1] === 0xeb) return at;
  throw new Error('no APP11');
}

describe('shutterproof inspect', () => {
  it('a valid photo exits 0', async () => {
    const result = await inspect(f.photos.rsJpeg, '--trust-list', f.trust.test);
    expect(result.stdout).toContain('Valid:');
    expect(result.code).toBe(0);
  });

  it.each([
    ['tamperedPixelJpeg', 3],
    ['badSignatureJpeg', 3],
  ] as const)('%s is "Not valid" and exits %i', async (photo, exit) => {
    const result = await inspect(f.photos[photo], '--trust-list', f.trust.test);
    expect(result.stdout).toContain('Not valid:');
    expect(result.code).toBe(exit);
  });

  it('with --json exits the same way', async () => {
    const result = await inspect(f.photos.tamperedPixelJpeg, '--json');
    expect(JSON.parse(result.stdout).valid).toBe(false);
    expect(result.code).toBe(3);
  });
});

describe('a garbled APP11 JUMBF', () => {
  const garble: [string, (b: Uint8Array, at: number) => void][] = [
    ['the JPEG XT "JP" marker', (b, at) => void (b[at + 4] = 0x58)],
    ['the superbox type', (b, at) => void (b[at + 16] ^= 0xff)],
    ['the superbox length', (b, at) => void (b[at + 12] = 0x7f)],
    ['the packet sequence number', (b, at) => void (b[at + 8] = 0x77)],
  ];
  it.each(garble)('(%s) is damaged Content Credentials (manifest_invalid), exit 2', async (what, change) => {
    const bytes = new Uint8Array(readFileSync(f.photos.rsJpeg));
    change(bytes, app11(bytes));
    expect(() => readEvidence(bytes)).toThrow(expect.objectContaining({ code: 'manifest_invalid' }));
    const path = join(dir, `garbled-${what.replace(/\W+/g, '-')}.jpg`);
    writeFileSync(path, bytes);
    const result = await inspect(path);
    expect(result.stderr).toContain(`error manifest_invalid: ${errorInfo('manifest_invalid').message}`);
    expect(result.code).toBe(2);
  });

  it('a photo without any C2PA data is still "no Content Credentials"', () => {
    expect(() => readEvidence(new Uint8Array(readFileSync(f.photos.plainJpeg)))).toThrow(expect.objectContaining({ code: 'no_content_credentials' }));
    expect(() => readEvidence(new Uint8Array(readFileSync(f.photos.plainPng)))).toThrow(expect.objectContaining({ code: 'no_content_credentials' }));
  });
});
