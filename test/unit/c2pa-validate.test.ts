import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorInfo, ShutterproofError } from '../../common/error-codes.js';
import type { ManifestEvidence } from '../../prover/c2pa/evidence.js';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { assetHashOf } from '../../prover/c2pa/strip.js';
import { inspectSummary } from '../../prover/c2pa/inspect-summary.js';
import { validateEvidence } from '../../prover/c2pa/validate.js';
import { formatInspection } from '../../prover/pipeline/inspect-report.js';
import { issuerOnlyTrustList, parseTrustList, type TrustList } from '../../prover/trust/trust-list.js';
import { smallJpeg, smallPng } from '../support/photos.js';
import { issueCert, loadTestPki, pem, signerExtensions, type TestPki } from '../support/pki.js';
import { alterAssertionRef, damageSignature, flipPixelByte, signPhoto, signRsaIssuerLayout, type Writer } from '../support/sign.js';
import { failure } from '../support/failure.js';

let pki: TestPki;
let lists: Record<'intermediate' | 'root' | 'test' | 'other' | 'rsa' | 'rsa2048' | 'mixed', TrustList>;
const signed: Record<string, Uint8Array> = {};

beforeAll(async () => {
  pki = await loadTestPki();
  lists = {
    intermediate: parseTrustList(pem(pki.intermediate), 'intermediate'),
    root: parseTrustList(pem(pki.root), 'root'),
    test: parseTrustList(pem(pki.other, pki.intermediate, pki.root), 'test'),
    other: parseTrustList(pem(pki.other), 'other'),
    rsa: parseTrustList(pem(pki.rsaCa), 'rsa'),
    rsa2048: parseTrustList(pem(pki.rsaCa2048), 'rsa2048'),
    mixed: parseTrustList(pem(pki.other, pki.rsaCa2048, pki.intermediate, pki.rsaCa, pki.root), 'mixed'),
  };
  for (const writer of ['c2pa-rs', 'c2pa-ts'] as Writer[]) {
    signed[`${writer}-jpeg`] = await signPhoto(smallJpeg(11), { writer, format: 'jpeg' });
    signed[`${writer}-png`] = await signPhoto(smallPng(11), { writer, format: 'png' });
  }
  signed.unprotectedV1 = await signPhoto(smallJpeg(13), { writer: 'c2pa-rs', format: 'jpeg', x5chainIn: 'unprotected', claimVersion: 1 });
  signed.split = await signPhoto(smallJpeg(15), { writer: 'c2pa-rs', format: 'jpeg', fillerBytes: 100_000 });
  // Truepic's layout: an ES256 leaf under an RSA CA, x5chain in the unprotected header, a legacy c2pa.claim.
  signed.rsaCa = await signRsaIssuerLayout(smallJpeg(17));
  signed.rsaCa2048 = await signPhoto(smallPng(17), { writer: 'c2pa-rs', format: 'png', signer: pki.rsaCa2048Leaf, chain: [pki.rsaCa2048] });
  signed.rootLeaf = await signPhoto(smallJpeg(12), { writer: 'c2pa-rs', format: 'jpeg', signer: pki.rootLeaf, x5chainAs: 'single' });
});

const validate = (bytes: Uint8Array, trust: TrustList, evidence: ManifestEvidence = readEvidence(bytes)) =>
  validateEvidence(bytes, evidence, trust);

describe('validateEvidence', () => {
  it.each(['c2pa-rs-jpeg', 'c2pa-rs-png', 'c2pa-ts-jpeg', 'c2pa-ts-png'])('accepts %s signed by the intermediate', (name) => {
    const bytes = signed[name]!;
    const report = validate(bytes, lists.test);
    expect(report.issuerIndex).toBe(1);
    expect(report.signer.subject).toContain('CN=Test Camera 0001');
    expect(report.signer.issuer).toContain('CN=Test Intermediate CA');
    expect(validate(bytes, lists.intermediate).issuerIndex).toBe(0);
    expect(validate(bytes, issuerOnlyTrustList(readEvidence(bytes))).issuerIndex).toBe(0);
  });

  it('accepts a v1 claim with x5chain in the unprotected header, and a manifest split over APP11 segments', async () => {
    expect(readEvidence(signed.unprotectedV1!).x5chainIn).toBe('unprotected');
    expect(validate(signed.unprotectedV1!, lists.intermediate).issuerIndex).toBe(0);
    expect(readEvidence(signed.split!).exclusions[0]!.length).toBeGreaterThan(65_535);
    expect(validate(signed.split!, lists.test).issuerIndex).toBe(1);
    const summary = await inspectSummary(signed.split!, readEvidence(signed.split!), lists.test);
    expect(summary).toMatchObject({ valid: true, c2paRs: { validationState: 'Trusted' } });
  });

  it('accepts a lone leaf issued by the root when the list holds the root', () => {
    expect(validate(signed.rootLeaf!, lists.test).issuerIndex).toBe(2);
  });

  it('hash_mismatch: one pixel byte changed after signing (both formats)', () => {
    for (const name of ['c2pa-rs-jpeg', 'c2pa-ts-png']) {
      const error = failure(() => validate(flipPixelByte(signed[name]!), lists.test));
      expect(error.code).toBe('hash_mismatch');
      expect(error.detail).toMatch(/signed for [0-9a-f]{64}/);
    }
  });

  it('hash_mismatch: the c2pa.hash.data assertion no longer matches the claim', () => {
    const bytes = signed['c2pa-rs-jpeg']!;
    const evidence = readEvidence(bytes);
    const assertion = evidence.hashDataAssertion.slice();
    assertion[assertion.length - 1]! ^= 1;
    const error = failure(() => validate(bytes, lists.test, { ...evidence, hashDataAssertion: assertion }));
    expect(error.code).toBe('hash_mismatch');
    expect(error.detail).toContain('c2pa.hash.data');
  });

  it('signature_invalid: a damaged COSE signature, or a claim changed after signing', () => {
    const bytes = signed['c2pa-rs-jpeg']!;
    const evidence = readEvidence(bytes);
    expect(failure(() => validate(damageSignature(bytes, evidence), lists.test)).code).toBe('signature_invalid');
    expect(failure(() => validate(alterAssertionRef(bytes, evidence), lists.test)).code).toBe('signature_invalid');
  });

  it('signature_invalid: a signature over other bytes, made by the right key', async () => {
    const bytes = await signPhoto(smallJpeg(14), { writer: 'c2pa-ts', format: 'jpeg', sigStructureOverride: Uint8Array.of(1, 2, 3) });
    expect(failure(() => validate(bytes, lists.test)).code).toBe('signature_invalid');
  });

  it('exclusions_too_wide: a genuine signature whose exclusion also leaves bytes after the manifest unsigned', async () => {
    for (const format of ['jpeg', 'png'] as const) {
      const photo = format === 'jpeg' ? smallJpeg(7) : smallPng(7);
      const bytes = await signPhoto(photo, { writer: 'c2pa-ts', format, excludeAfterManifest: 40 });
      const evidence = readEvidence(bytes);
      // The signature and the asset hash over the manifest's own exclusions hold; only the exclusion is wrong.
      expect(Buffer.from(assetHashOf(bytes, evidence.exclusions)).equals(Buffer.from(evidence.assetHash))).toBe(true);
      expect(failure(() => validate(bytes, lists.test)).code).toBe('exclusions_too_wide');
      const summary = await inspectSummary(bytes, evidence, lists.test);
      expect(summary.checks.signature!.ok).toBe(true);
      expect(summary.checks.hardBinding).toMatchObject({ ok: false, code: 'exclusions_too_wide' });
      // The reference implementation refuses it the same way.
      expect(summary.c2paRs.failures).toContainEqual(expect.objectContaining({ code: 'assertion.dataHash.mismatch', explanation: expect.stringMatching(/exclusion does not match/) }));
    }
  });

  it('untrusted_signer: the list does not hold the issuing CA', () => {
    const error = failure(() => validate(signed['c2pa-ts-jpeg']!, lists.other));
    expect(error.code).toBe('untrusted_signer');
    expect(error.detail).toContain('Test Intermediate CA');
  });

  it('untrusted_signer explains that a listed root does not cover a leaf issued by its intermediate', () => {
    const error = failure(() => validate(signed['c2pa-rs-png']!, lists.root));
    expect(error.code).toBe('untrusted_signer');
    expect(error.detail).toMatch(/one level.*Test Intermediate CA/);
  });

  it('manifest_invalid: evidence whose Sig_structure is not built from its own pieces', () => {
    const bytes = signed['c2pa-rs-jpeg']!;
    const evidence = readEvidence(bytes);
    const sigStructure = evidence.sigStructure.slice();
    sigStructure[1]! ^= 1;
    expect(failure(() => validate(bytes, lists.test, { ...evidence, sigStructure })).code).toBe('manifest_invalid');
  });

  it('unsupported_algorithm: evidence that claims another COSE algorithm, or a signer key that is not P-256', () => {
    const bytes = signed['c2pa-rs-jpeg']!;
    const evidence = readEvidence(bytes);
    expect(failure(() => validate(bytes, lists.test, { ...evidence, coseAlg: -35 })).code).toBe('unsupported_algorithm');
    const p384 = { ...evidence, certChain: [pki.p384Leaf.der, pki.intermediate.der] };
    expect(failure(() => validate(bytes, lists.test, p384)).detail).toContain('secp384r1');
  });

  it('signature_invalid: a signature of the wrong length, or checked against another signer', () => {
    const bytes = signed['c2pa-rs-jpeg']!;
    const evidence = readEvidence(bytes);
    const short = { ...evidence, coseSignature: evidence.coseSignature.subarray(0, 63) };
    expect(failure(() => validate(bytes, lists.test, short)).code).toBe('signature_invalid');
    const swapped = { ...evidence, certChain: [pki.rootLeaf.der] };
    expect(failure(() => validate(bytes, lists.test, swapped)).code).toBe('signature_invalid');
  });
});

describe('validateEvidence with RSA issuers', () => {
  it("accepts an ES256 photo under an RSA-4096 CA in Truepic's layout: a list holding the CA, a mixed list, issuer-only", () => {
    const bytes = signed.rsaCa!;
    const evidence = readEvidence(bytes);
    expect(evidence.x5chainIn).toBe('unprotected');
    expect(evidence.coseAlg).toBe(-7);
    expect(evidence.certChain).toEqual([pki.rsaCaLeaf.der, pki.rsaCa.der]);
    const report = validate(bytes, lists.rsa);
    expect(report.issuerIndex).toBe(0);
    expect(report.signer.issuer).toContain('CN=RSA Root CA');
    expect(validate(bytes, lists.mixed).issuerIndex).toBe(3);
    const issuerOnly = issuerOnlyTrustList(evidence);
    expect(issuerOnly.cas.map((ca) => ca.der)).toEqual([pki.rsaCa.der]);
    expect(validate(bytes, issuerOnly).issuerIndex).toBe(0);
  });

  it('accepts an ES256 photo under an RSA-2048 CA (x5chain protected)', () => {
    expect(validate(signed.rsaCa2048!, lists.rsa2048).issuerIndex).toBe(0);
    expect(validate(signed.rsaCa2048!, lists.mixed).issuerIndex).toBe(1);
    expect(validate(signed.rsaCa2048!, issuerOnlyTrustList(readEvidence(signed.rsaCa2048!))).issuerIndex).toBe(0);
  });

  it('untrusted_signer: a list holding only another RSA key, or only P-256 keys', () => {
    for (const trust of [lists.rsa2048, lists.test]) {
      const error = failure(() => validate(signed.rsaCa!, trust));
      expect(error.code).toBe('untrusted_signer');
      expect(error.detail).toContain('CN=RSA Root CA');
    }
    expect(failure(() => validate(signed['c2pa-rs-jpeg']!, lists.rsa)).code).toBe('untrusted_signer');
  });

  it('untrusted_signer explains that a listed RSA root does not cover a leaf issued by its RSA intermediate', async () => {
    const caExtensions = [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ];
    const intermediate = await issueCert('RSA Intermediate CA', pki.rsaCa, caExtensions, { rsa: 2048 }, 1825);
    const signer = await issueCert('RSA-Intermediate Camera', intermediate, signerExtensions());
    const bytes = await signPhoto(smallJpeg(22), { writer: 'c2pa-rs', format: 'jpeg', signer, chain: [intermediate, pki.rsaCa] });
    const error = failure(() => validate(bytes, lists.mixed));
    expect(error.code).toBe('untrusted_signer');
    expect(error.detail).toMatch(/"mixed" holds CN=RSA Root CA.*one level.*RSA Intermediate CA/);
    expect(validate(bytes, parseTrustList(pem(intermediate), 'intermediate')).issuerIndex).toBe(0);
    expect(issuerOnlyTrustList(readEvidence(bytes)).cas[0]!.der).toEqual(intermediate.der);
  });

  it('untrusted_signer: a signing certificate whose RSA signature was damaged (no key verifies it)', () => {
    const bytes = signed.rsaCa!;
    const evidence = readEvidence(bytes);
    const leaf = evidence.certChain[0]!.slice();
    leaf[leaf.length - 20]! ^= 0x01; // inside the RSA signature value; the leaf's own key, and so the claim signature, hold
    const damaged = { ...evidence, certChain: [leaf, pki.rsaCa.der] };
    const error = failure(() => validate(bytes, lists.rsa, damaged));
    expect(error.code).toBe('untrusted_signer');
    expect(error.detail).toContain('no CA on the trust list issued the signing certificate');
  });

  it('unsupported_algorithm: a signing certificate the RSA CA signed with RSA-PSS (c2pa-rs trusts it; we cannot prove it)', async () => {
    const pssLeaf = await issueCert('PSS-Issued Camera', pki.rsaCa, signerExtensions(), 'P-256', 365, 'pss');
    const bytes = await signPhoto(smallJpeg(19), { writer: 'c2pa-rs', format: 'jpeg', signer: pssLeaf, chain: [pki.rsaCa] });
    const evidence = readEvidence(bytes);
    for (const trust of [lists.rsa, lists.mixed]) {
      const error = failure(() => validate(bytes, trust, evidence));
      expect(error.code).toBe('unsupported_algorithm');
      expect(error.detail).toContain('RSA-PSS certificate signatures cannot be proved yet');
    }
    expect(() => issuerOnlyTrustList(evidence)).toThrow(expect.objectContaining({ code: 'unsupported_algorithm' }));
    const summary = await inspectSummary(bytes, evidence, lists.rsa);
    expect(summary.checks.signature!.ok).toBe(true);
    expect(summary.checks.trust).toMatchObject({ ok: false, code: 'unsupported_algorithm' });
    expect(summary.c2paRs.validationState).toBe('Trusted');
  });

  it('unsupported_algorithm: a signing certificate with an RSA key (ES256 needs P-256), even under a listed RSA CA', () => {
    const bytes = signed.rsaCa!;
    const evidence = { ...readEvidence(bytes), certChain: [pki.rsaLeaf.der, pki.rsaCa.der] };
    const error = failure(() => validate(bytes, lists.rsa, evidence));
    expect(error.code).toBe('unsupported_algorithm');
    expect(error.detail).toContain('RSA 2048-bit');
  });

  it('PS256 claim signatures by RSA signers: c2pa-rs reads and trusts them, we say they cannot be proved yet', async () => {
    for (const [seed, signer] of [[20, pki.rsaLeaf], [21, pki.rsa4096Leaf]] as const) {
      const bytes = await signPhoto(smallJpeg(seed), { writer: 'c2pa-rs', format: 'jpeg', signer, chain: [pki.rsaCa], alg: 'ps256' });
      const evidence = readEvidence(bytes);
      expect(evidence.coseAlg).toBe(-37);
      expect(evidence.coseSignature).toHaveLength(signer.modulusLength / 8);
      const error = failure(() => validate(bytes, lists.rsa, evidence));
      expect(error.code).toBe('unsupported_algorithm');
      expect(error.detail).toMatch(/PS256 \(-37\)/);
      const summary = await inspectSummary(bytes, evidence, lists.rsa);
      expect(summary).toMatchObject({
        alg: 'PS256',
        valid: false,
        checks: { signature: { ok: false, code: 'unsupported_algorithm' }, issuerOnly: { ok: true }, trust: { ok: true } },
        c2paRs: { validationState: 'Trusted', failures: [] },
      });
    }
  });
});

describe('inspectSummary', () => {
  it("reports Truepic's layout (RSA CA, unprotected x5chain, v1 claim) as valid, with c2pa-rs agreeing", async () => {
    const bytes = signed.rsaCa!;
    const summary = await inspectSummary(bytes, readEvidence(bytes), lists.rsa);
    expect(summary).toMatchObject({
      alg: 'ES256',
      claimVersion: 1,
      x5chainIn: 'unprotected',
      signer: { keyType: 'EC P-256' },
      chain: [{ subject: expect.stringContaining('CN=RSA Root CA'), keyType: 'RSA 4096-bit' }],
      valid: true,
      checks: { issuerOnly: { ok: true }, trust: { ok: true, issuer: expect.stringContaining('CN=RSA Root CA') } },
      c2paRs: { validationState: 'Trusted', trustChecked: true, failures: [] },
    });
  });

  it('reports the manifest, the signer and every check, with c2pa-rs agreeing', async () => {
    const bytes = signed['c2pa-rs-jpeg']!;
    const summary = await inspectSummary(bytes, readEvidence(bytes), lists.test);
    expect(summary).toMatchObject({
      format: 'jpeg',
      alg: 'ES256',
      claimGenerator: expect.stringContaining('Shutterproof test writer'),
      signer: { subject: expect.stringContaining('Test Camera 0001') },
      chain: [{ subject: expect.stringContaining('Test Intermediate CA') }],
      x5chainIn: 'protected',
      valid: true,
      checks: {
        signature: { ok: true },
        assertionHash: { ok: true },
        hardBinding: { ok: true },
        issuerOnly: { ok: true, issuer: expect.stringContaining('Test Intermediate CA') },
        trust: { ok: true, trustList: 'test', issuer: expect.stringContaining('Test Intermediate CA') },
      },
      c2paRs: { validationState: 'Trusted', trustChecked: true, failures: [] },
    });
    expect(summary.assetHash).toBe(Buffer.from(readEvidence(bytes).assetHash).toString('hex'));
    expect(JSON.parse(JSON.stringify(summary))).toEqual(JSON.parse(JSON.stringify(summary, (_k, v) => v)));

    const report = formatInspection('beach.jpg', summary);
    expect(report).toMatch(/^beach\.jpg: JPEG with Content Credentials \(claim v[12]\)\n/);
    expect(report).toMatch(/\n {2}Signer {8}CN=Test Camera 0001.*\(EC P-256, valid until \d{4}-\d\d-\d\d\)\n/);
    for (const title of ['Signature', 'Claim', 'Photo', 'Issuer', 'Trust list']) expect(report).toMatch(new RegExp(`\n {2}ok {6}${title} `));
    expect(report).toContain('c2pa-rs, the reference implementation: Trusted; no failures\n');
    expect(report).toContain(`Signed data (Sig_structure)  ${summary.sizes.sigStructure.toLocaleString('en-US')} of 4,096 bytes\n`);
    expect(report.trimEnd().split('\n').at(-1)).toBe('Valid: `shutterproof prove` with “test” can make a proof of this photo.');
  });

  it('keeps going past failures: a tampered photo, an untrusted signer, and what c2pa-rs says about them', async () => {
    const bytes = flipPixelByte(signed['c2pa-ts-png']!);
    const summary = await inspectSummary(bytes, readEvidence(bytes), lists.other);
    expect(summary.valid).toBe(false);
    expect(summary.checks.signature!.ok).toBe(true);
    expect(summary.checks.hardBinding).toMatchObject({ ok: false, code: 'hash_mismatch' });
    expect(summary.checks.trust).toMatchObject({ ok: false, code: 'untrusted_signer' });
    const codes = summary.c2paRs.failures.map((f) => f.code);
    expect(codes).toContain('assertion.dataHash.mismatch');
    expect(codes).toContain('signingCredential.untrusted');

    const report = formatInspection('beach.png', summary);
    expect(report).toMatch(/\n {2}ok {6}Signature /);
    expect(report).toContain(`\n  FAILED  Photo      hash_mismatch: ${errorInfo('hash_mismatch').message}\n`);
    expect(report).toContain(`\n  FAILED  Trust list untrusted_signer: ${errorInfo('untrusted_signer').message}\n`);
    expect(report).toMatch(/c2pa-rs, the reference implementation: \w+; failures: .*assertion\.dataHash\.mismatch/);
    expect(report.trimEnd().split('\n').at(-1)).toBe(`Not valid: ${errorInfo('hash_mismatch').message} A proof cannot be made of it.`);
  });

  it('a signature Shutterproof cannot prove yet (ES384): the whole report, c2pa-rs verdict included, and no "Not valid"', async () => {
    const bytes = await signPhoto(smallJpeg(16), { writer: 'c2pa-rs', format: 'jpeg', signer: pki.p384Leaf });
    const summary = await inspectSummary(bytes, readEvidence(bytes), lists.test);
    expect(summary.alg).toBe('ES384');
    expect(summary.checks.signature).toMatchObject({ ok: false, code: 'unsupported_algorithm', detail: expect.stringMatching(/ES384/) });
    expect(summary.checks.assertionHash!.ok).toBe(true);
    expect(summary.checks.hardBinding!.ok).toBe(true);
    expect(summary.checks.trust!.ok).toBe(true);
    expect(summary.c2paRs.validationState).toBe('Trusted');
    const report = formatInspection('pixel.jpg', summary);
    expect(report).toContain('Signed with   ES384');
    expect(report.trimEnd().split('\n').at(-1)).toBe(
      `Cannot be proved yet: signed with ES384. ${errorInfo('unsupported_algorithm').message} See c2pa-rs's verdict above for whether the credentials hold.`,
    );
  });

  it('without a trust list: no trust check, and issuer-only reports a root-issued leaf that travels alone', async () => {
    const bytes = signed.rootLeaf!;
    const summary = await inspectSummary(bytes, readEvidence(bytes), undefined);
    expect(summary.checks.trust).toBeUndefined();
    expect(summary.checks.issuerOnly).toMatchObject({ ok: false, code: 'issuer_certificate_missing' });
    expect(summary.valid).toBe(true);
    expect(summary.c2paRs).toMatchObject({ trustChecked: false, failures: [] });

    const report = formatInspection('root.jpg', summary);
    expect(report).not.toContain('Trust list');
    expect(report).toContain('(trust not checked)');
    expect(report.trimEnd().split('\n').at(-1)).toBe(
      `Valid, but a proof needs a trust list with its issuer (--trust-list): ${errorInfo('issuer_certificate_missing').message}`,
    );
  });
});
