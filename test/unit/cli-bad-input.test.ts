// Every bad photo or trust list stops with its own error code and exit status before any proving starts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../prover/entry/cli.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';

let f: Fixtures;
let out: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shutterproof-bad-input-'));
  f = await makeFixtures(join(dir, 'fixtures'));
  out = join(dir, 'out');
}, 120_000);

afterAll(async () => {
  if (f) await rm(join(f.dir, '..'), { recursive: true, force: true });
});

async function prove(photo: string, ...extra: string[]) {
  let stderr = '';
  const code = await runCli(['prove', photo, '--out', out, ...extra], () => {}, (t) => (stderr += t));
  return { code, stderr };
}

describe('shutterproof prove refuses bad input with its code', () => {
  it.each([
    ['notImage', 'unsupported_format', 2, []],
    ['plainJpeg', 'no_content_credentials', 2, []],
    ['plainPng', 'no_content_credentials', 2, []],
    ['es384Jpeg', 'unsupported_algorithm', 2, []],
    ['tamperedPixelJpeg', 'hash_mismatch', 3, ['trust:test']],
    ['badSignatureJpeg', 'signature_invalid', 3, ['trust:test']],
    ['otherJpeg', 'untrusted_signer', 2, ['trust:test']],
    ['rsJpeg', 'untrusted_signer', 2, ['trust:other']],
    ['rootLeafJpeg', 'issuer_certificate_missing', 2, []],
    ['rsJpeg', 'trust_list_invalid', 2, ['trust:p384']],
    ['rsJpeg', 'trust_list_invalid', 2, ['trust:garbage']],
  ] as const)('%s -> %s (exit %i)', async (photo, code, exit, trust) => {
    const extra = trust.flatMap((t) => ['--trust-list', f.trust[t.slice('trust:'.length) as keyof Fixtures['trust']]]);
    const result = await prove(f.photos[photo], ...extra);
    expect(result.stderr).toContain(`error ${code}:`);
    expect(result.code).toBe(exit);
    // Input errors are found natively, in seconds: nothing reached the proving stages.
    expect(result.stderr).not.toContain('Preparing the prover');
  });

  it('a claim whose assertion reference was changed is refused as damaged or tampered', async () => {
    const result = await prove(f.photos.tamperedRefJpeg, '--trust-list', f.trust.test);
    expect(result.stderr).toMatch(/error (manifest_invalid|signature_invalid|hash_mismatch):/);
    expect(result.code).not.toBe(0);
  });
});
