// The standard fixture set means what fixtures.ts says it means: our reader and validator and, independently,
// c2pa-rs (the reference implementation) reach the expected verdict on every file. Other test suites (CLI, engine,
// e2e) rely on these files, so a helper that stopped tampering, or a writer that stopped signing validly, shows here.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';
import { c2paRsReport } from '../../prover/c2pa/c2pa-rs-check.js';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { validateEvidence } from '../../prover/c2pa/validate.js';
import { issuerOnlyTrustList, parseTrustList } from '../../prover/trust/trust-list.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';
import { loadTestPki, type TestPki } from '../support/pki.js';

let fixtures: Fixtures;
let pki: TestPki;
beforeAll(async () => {
  pki = await loadTestPki();
  fixtures = await makeFixtures(await mkdtemp(join(tmpdir(), 'sp-fixtures-')));
});
afterAll(async () => {
  if (fixtures) await rm(fixtures.dir, { recursive: true, force: true });
});

type Photo = keyof Fixtures['photos'];
type Trust = keyof Fixtures['trust'] | 'issuer-only';

/** Photo, trust list it is checked against, our expected error code (or 'ok'), c2pa-rs failure codes expected. */
const table: [Photo, Trust, string, string[]][] = [
  ['rsJpeg', 'intermediate', 'ok', []],
  ['rsPng', 'test', 'ok', []],
  ['tsJpeg', 'issuer-only', 'ok', []],
  ['tsPng', 'intermediate', 'ok', []],
  ['rootLeafJpeg', 'root', 'ok', []],
  ['rootLeafJpeg', 'issuer-only', 'issuer_certificate_missing', []],
  ['unprotectedJpeg', 'issuer-only', 'ok', []],
  ['otherJpeg', 'test', 'untrusted_signer', []],
  ['otherJpeg', 'other', 'ok', []],
  ['rsaIssuerJpeg', 'rsa', 'ok', []],
  ['rsaIssuerJpeg', 'mixed', 'ok', []],
  ['rsaIssuerJpeg', 'issuer-only', 'ok', []],
  ['rsaIssuerJpeg', 'test', 'untrusted_signer', []],
  ['es384Jpeg', 'intermediate', 'unsupported_algorithm', []],
  ['tamperedPixelJpeg', 'intermediate', 'hash_mismatch', ['assertion.dataHash.mismatch']],
  ['tamperedRefJpeg', 'intermediate', 'signature_invalid', ['claimSignature.mismatch']],
  ['badSignatureJpeg', 'intermediate', 'signature_invalid', ['claimSignature.mismatch']],
  ['plainJpeg', 'intermediate', 'no_content_credentials', []],
  ['plainPng', 'intermediate', 'no_content_credentials', []],
  ['notImage', 'intermediate', 'unsupported_format', []],
];

async function ourVerdict(photoKey: Photo, trustKey: Trust): Promise<string> {
  try {
    const photo = new Uint8Array(await readFile(fixtures.photos[photoKey]));
    const evidence = readEvidence(photo);
    const trust =
      trustKey === 'issuer-only'
        ? issuerOnlyTrustList(evidence)
        : parseTrustList(await readFile(fixtures.trust[trustKey], 'latin1'), trustKey);
    validateEvidence(photo, evidence, trust);
    return 'ok';
  } catch (error) {
    if (error instanceof ShutterproofError) return error.code;
    throw error;
  }
}

describe('makeFixtures', () => {
  it.each(table)('%s against %s: we say %s', async (photoKey, trustKey, expected) => {
    expect(await ourVerdict(photoKey, trustKey)).toBe(expected);
  });

  it.each(table.filter(([photo, trust]) => trust !== 'issuer-only' && !['plainJpeg', 'plainPng', 'notImage'].includes(photo)))(
    '%s: c2pa-rs, trusting our three roots, agrees',
    async (photoKey, _trust, ours, c2paRsFailures) => {
      const photo = new Uint8Array(await readFile(fixtures.photos[photoKey]));
      const report = await c2paRsReport(photo, photoKey.endsWith('Png') ? 'png' : 'jpeg', [pki.root.der, pki.other.der, pki.rsaCa.der]);
      expect(report.error).toBeUndefined();
      const failures = report.failures.map((f) => f.code);
      for (const code of c2paRsFailures) expect(failures).toContain(code);
      // Where we accept, or refuse only for reasons outside C2PA (our algorithm set, our trust list), c2pa-rs
      // trusts the file; where we find tampering, so does c2pa-rs.
      if (ours === 'ok' || ours === 'untrusted_signer' || ours === 'unsupported_algorithm')
        expect(report.validationState).toBe('Trusted');
      else expect(report.validationState).toBe('Invalid');
    },
  );

  it('writes the trust lists as PEM, and the broken ones as promised', async () => {
    expect(parseTrustList(await readFile(fixtures.trust.test, 'latin1'), 'test').cas).toHaveLength(2);
    expect(parseTrustList(await readFile(fixtures.trust.mixed, 'latin1'), 'mixed').cas).toHaveLength(3);
    for (const key of ['p384', 'garbage'] as const) {
      await expect(readFile(fixtures.trust[key], 'latin1').then((t) => parseTrustList(t, key))).rejects.toMatchObject({
        code: 'trust_list_invalid',
      });
    }
  });
});
