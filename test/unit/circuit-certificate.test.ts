// The leaf certificate's links (SOUNDNESS.md, "TBS walk"): the leaf key is the TBS's subjectPublicKeyInfo, not a
// look-alike elsewhere in a CA-signed certificate, and the leaf is an end-entity certificate allowed to sign
// Content Credentials. Certificates are issued here by the test CA; constraint checks only, no proving.
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { ShutterproofError } from '../../common/error-codes.js';
import { Bool, Field } from '../../prover/o1js.js';
import { P256_SPKI_PREFIX } from '../../prover/circuit/framing.js';
import { buildWitness, type ForcedWitness } from '../../prover/circuit/witness.js';
import { issueCert, loadTestPki, signerExtensions, type TestCert, type TestPki } from '../support/pki.js';
import { makeEvidence, publicKeyOf } from './circuit-support/evidence.js';
import { runBind } from './circuit-support/bind-run.js';

let pki: TestPki;
let keys: { x: bigint; y: bigint }[];

beforeAll(async () => {
  pki = await loadTestPki();
  keys = [await publicKeyOf(pki.root), await publicKeyOf(pki.intermediate)];
}, 120_000);

async function witnessFor(signer: TestCert, force: ForcedWitness = {}) {
  const evidence = await makeEvidence({ signerCert: signer, issuerCert: pki.intermediate });
  return buildWitness(evidence, { keys }, force);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ShutterproofError ? error.code : String(error);
  }
  return undefined;
}

const rawKey = async (cert: TestCert) => new Uint8Array(await webcrypto.subtle.exportKey('raw', await cert.cert.publicKey.export())).subarray(1);

describe('leaf certificate walk', () => {
  it('reject a leaf key planted in an extension of a genuine certificate (key outside subjectPublicKeyInfo)', async () => {
    // The CA signed a certificate whose private extension holds an SPKI-shaped run with the forger's key. To make
    // the walk land on it the forger must lie about the subject's length, which its DER header contradicts.
    const attacker = await issueCert('Forger', pki.intermediate, signerExtensions());
    const planted = new Uint8Array([...P256_SPKI_PREFIX, ...(await rawKey(attacker))]);
    const victim = await issueCert('Test Camera 0003', pki.intermediate, [
      new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array([0x04, planted.length, ...planted])),
      ...signerExtensions(),
    ]);
    const w = await witnessFor(victim, {
      layout: (l) => {
        const T = victim.der;
        const at = Buffer.from(T).indexOf(Buffer.from(planted)) - 4; // offset in the TBS (the certificate header is 4 bytes)
        const q5 = l.tbs.positions[9];
        const delta = at - q5;
        // A consistent forger picks the canonical header form for the length it claims.
        const subject = l.tbs.params.subject;
        const oldSize = 1 + subject.form.findIndex((b) => b.toBoolean()) + 1;
        const size = [2, 3, 4].find((h) => {
          const claimed = Number(subject.hi.toBigInt() * 256n + subject.lo.toBigInt()) + delta - (h - oldSize);
          return h === (claimed < 128 ? 2 : claimed < 256 ? 3 : 4);
        })!;
        const length = Number(subject.hi.toBigInt() * 256n + subject.lo.toBigInt()) + delta - (size - oldSize);
        subject.form = [2, 3, 4].map((h) => Bool(h === size));
        subject.hi = Field(length >> 8);
        subject.lo = Field(length & 0xff);
        l.tbs.positions[7] += size - oldSize;
        l.tbs.positions = l.tbs.positions.map((p, i) => (i >= 8 ? p + delta : p));
        l.tbs.leafKey = planted.subarray(P256_SPKI_PREFIX.length);
      },
    });
    await expect(runBind(w)).rejects.toThrow(/TBS subject header/);
  });

  it('reject a CA certificate as the signer (basicConstraints cA TRUE)', async () => {
    const ca = await issueCert('Signing CA', pki.intermediate, [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection], false),
    ]);
    const evidence = await makeEvidence({ signerCert: ca, issuerCert: pki.intermediate });
    expect(codeOf(() => buildWitness(evidence, { keys }))).toBe('certificate_unsuitable');
    await expect(runBind(await witnessFor(ca, { acceptUnsuitable: true }))).rejects.toThrow(/basicConstraints/);
  });

  it('reject a signer whose keyUsage lacks digitalSignature', async () => {
    const cert = await issueCert('No Signatures', pki.intermediate, [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection], false),
    ]);
    const evidence = await makeEvidence({ signerCert: cert, issuerCert: pki.intermediate });
    expect(codeOf(() => buildWitness(evidence, { keys }))).toBe('certificate_unsuitable');
    await expect(runBind(await witnessFor(cert, { acceptUnsuitable: true }))).rejects.toThrow(/keyUsage/);
  });

  it('reject a signer whose extKeyUsage has no C2PA purpose', async () => {
    const cert = await issueCert('Server Only', pki.intermediate, [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
    ]);
    const evidence = await makeEvidence({ signerCert: cert, issuerCert: pki.intermediate });
    expect(codeOf(() => buildWitness(evidence, { keys }))).toBe('certificate_unsuitable');
    await expect(runBind(await witnessFor(cert, { acceptUnsuitable: true }))).rejects.toThrow(/extKeyUsage/);
  });

  it('accept the C2PA claim-signing purpose and non-critical constraints', async () => {
    const cert = await issueCert('C2PA Signer', pki.intermediate, [
      new x509.ExtendedKeyUsageExtension(['1.3.6.1.4.1.62558.2.1'], false),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, false),
      new x509.BasicConstraintsExtension(false, undefined, false),
    ]);
    await runBind(await witnessFor(cert));
  });

  it('reject a walk that declares basicConstraints to be some other extension', async () => {
    const w = await witnessFor(pki.leaf, {
      layout: (l) => {
        const slot = l.tbs.params.slots.find((s) => s.kind[1].toBoolean())!;
        slot.kind = [true, false, false, false].map((b) => Bool(b));
        l.tbs.positions[10] = l.tbs.positions[8] + 2; // slot 0 (basicConstraints) now opens only its header
      },
    });
    await expect(runBind(w)).rejects.toThrow(/basicConstraints \(cA FALSE\) once/);
  });

  it('reject a signer whose required extensions come after the walked ones', async () => {
    const late = await issueCert('Late Extensions', pki.intermediate, [
      ...Array.from({ length: 4 }, (_, i) => new x509.Extension(`1.3.6.1.4.1.99999.${i + 2}`, false, new Uint8Array([0x05, 0x00]))),
      ...signerExtensions(),
    ]);
    const evidence = await makeEvidence({ signerCert: late, issuerCert: pki.intermediate });
    expect(codeOf(() => buildWitness(evidence, { keys }))).toBe('certificate_unsuitable');
  });
});
