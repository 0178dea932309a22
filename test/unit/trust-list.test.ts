import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';
import { findIssuer, issuerOnlyTrustList, parseTrustList } from '../../prover/trust/trust-list.js';
import { loadTestPki, pem, type TestCert, type TestPki } from '../support/pki.js';

/** A P-256 signer issued by `issuer` with the given certificate signature hash (the circuit proves SHA-256 only). */
async function signerIssuedBy(issuer: TestCert, hash: 'SHA-256' | 'SHA-384'): Promise<Uint8Array> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '0badc0de01',
    subject: `CN=Odd Camera (${hash}), O=Shutterproof Test PKI`,
    issuer: issuer.cert.subject,
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + 30 * 24 * 3600_000),
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: { name: 'ECDSA', hash },
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true)],
  });
  return new Uint8Array(cert.rawData);
}

let pki: TestPki;
beforeAll(async () => {
  pki = await loadTestPki();
});

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ShutterproofError);
    return (error as ShutterproofError).code;
  }
  return undefined;
}

function keyOf(der: Uint8Array): { x: bigint; y: bigint } {
  const jwk = new X509Certificate(der).publicKey.export({ format: 'jwk' });
  return { x: BigInt('0x' + Buffer.from(jwk.x!, 'base64url').toString('hex')), y: BigInt('0x' + Buffer.from(jwk.y!, 'base64url').toString('hex')) };
}

describe('parseTrustList', () => {
  it('reads a PEM bundle of CAs with their P-256 keys, fingerprints and names', () => {
    const list = parseTrustList(pem(pki.root, pki.intermediate, pki.other), 'test');
    expect(list.name).toBe('test');
    expect(list.cas.map((c) => c.subject)).toEqual([
      expect.stringContaining('CN=Test Root CA'),
      expect.stringContaining('CN=Test Intermediate CA'),
      expect.stringContaining('CN=Other Root CA'),
    ]);
    const root = list.cas[0]!;
    expect(root.sha256).toBe(createHash('sha256').update(pki.root.der).digest('hex'));
    expect(root.publicKey).toEqual(keyOf(pki.root.der));
    expect(root.der).toEqual(pki.root.der);
    expect(new Date(root.notAfter).getTime()).toBe(pki.root.cert.notAfter.getTime());
    expect(list.cas[1]!.issuer).toContain('CN=Test Root CA');
  });

  it('accepts DER, as a latin1 string (how files are read) or bytes, and concatenated DER', () => {
    const latin1 = Buffer.from(pki.root.der).toString('latin1');
    expect(parseTrustList(latin1, 'der').cas).toHaveLength(1);
    expect(parseTrustList(pki.intermediate.der, 'der').cas[0]!.subject).toContain('Intermediate');
    const both = Buffer.concat([pki.root.der, pki.other.der]);
    expect(parseTrustList(both, 'der').cas).toHaveLength(2);
  });

  it('drops duplicates and ignores text around PEM blocks', () => {
    const text = `# our CAs\n${pem(pki.root)}\nsome note\n${pem(pki.root, pki.other)}`;
    expect(parseTrustList(text, 'x').cas).toHaveLength(2);
  });

  it.each([
    ['empty text', () => ''],
    ['garbage', () => 'hello, world'],
    ['a PEM without certificates', () => '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'],
    ['broken base64', () => '-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n'],
    ['a certificate that does not parse', () => '-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n'],
    ['a P-384 CA', () => pem(pki.root, pki.p384Ca)],
    ['a signer (not a CA)', () => pem(pki.leaf)],
    ['a private key', () => pem(pki.root) + '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'],
    ['truncated DER', () => Buffer.from(pki.root.der.subarray(0, 100)).toString('latin1')],
  ])('rejects %s as trust_list_invalid with a detail', (_name, text) => {
    let caught: ShutterproofError | undefined;
    try {
      parseTrustList(text(), 'bad');
    } catch (error) {
      caught = error as ShutterproofError;
    }
    expect(caught).toBeInstanceOf(ShutterproofError);
    expect(caught!.code).toBe('trust_list_invalid');
    expect(caught!.detail).toBeTruthy();
  });
});

describe('findIssuer', () => {
  it('finds the CA whose key signed the leaf, by key and not by name', () => {
    const list = parseTrustList(pem(pki.other, pki.root, pki.intermediate), 'x');
    expect(findIssuer(pki.leaf.der, list.cas)).toBe(2);
    expect(findIssuer(pki.rootLeaf.der, list.cas)).toBe(1);
    expect(findIssuer(pki.otherLeaf.der, list.cas)).toBe(0);
    expect(findIssuer(pki.intermediate.der, list.cas)).toBe(1);
  });

  it('throws untrusted_signer when no CA on the list issued the leaf', () => {
    const list = parseTrustList(pem(pki.other, pki.root), 'x');
    expect(codeOf(() => findIssuer(pki.leaf.der, list.cas))).toBe('untrusted_signer');
    expect(codeOf(() => findIssuer(pki.leaf.der, []))).toBe('untrusted_signer');
  });

  it('throws unsupported_algorithm for a leaf certificate signed with ECDSA over SHA-384', async () => {
    const leaf = await signerIssuedBy(pki.intermediate, 'SHA-384');
    const list = parseTrustList(pem(pki.intermediate), 'x');
    expect(codeOf(() => findIssuer(leaf, list.cas))).toBe('unsupported_algorithm');
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [leaf, pki.intermediate.der] }))).toBe('unsupported_algorithm');
  });

  it('throws manifest_invalid for a leaf that is not a certificate', () => {
    expect(codeOf(() => findIssuer(Uint8Array.of(1, 2, 3), []))).toBe('manifest_invalid');
  });
});

describe('issuerOnlyTrustList', () => {
  it('takes the intermediate that travels with the leaf', () => {
    const list = issuerOnlyTrustList({ certChain: [pki.leaf.der, pki.intermediate.der] });
    expect(list.cas).toHaveLength(1);
    expect(list.cas[0]!.der).toEqual(pki.intermediate.der);
    expect(list.cas[0]!.publicKey).toEqual(keyOf(pki.intermediate.der));
    expect(findIssuer(pki.leaf.der, list.cas)).toBe(0);
  });

  it('skips chain entries that did not issue the leaf', () => {
    const list = issuerOnlyTrustList({ certChain: [pki.leaf.der, pki.other.der, pki.intermediate.der, pki.root.der] });
    expect(list.cas[0]!.der).toEqual(pki.intermediate.der);
  });

  it('throws issuer_certificate_missing for a leaf that travels alone or without its issuer', () => {
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [pki.rootLeaf.der] }))).toBe('issuer_certificate_missing');
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [pki.leaf.der, pki.other.der] }))).toBe('issuer_certificate_missing');
  });

  it('throws unsupported_algorithm when the issuer in the chain has a P-384 key', async () => {
    const leaf = await signerIssuedBy(pki.p384Ca, 'SHA-384');
    const caught = (() => {
      try {
        issuerOnlyTrustList({ certChain: [leaf, pki.p384Ca.der] });
      } catch (error) {
        return error as ShutterproofError;
      }
    })();
    expect(caught?.code).toBe('unsupported_algorithm');
    expect(caught?.detail).toContain('secp384r1');
  });

  it('throws manifest_invalid for an empty or broken chain', () => {
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [] }))).toBe('manifest_invalid');
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [pki.leaf.der, Uint8Array.of(0x30, 0)] }))).toBe('manifest_invalid');
  });
});
