import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';
import {
  describeCertificate,
  isProvableRsaModulus,
  isRsaKey,
  PROVABLE_KEYS,
  SHA256_WITH_RSA_ALGORITHM,
  signedBy,
} from '../../prover/trust/certificate.js';
import { findIssuer, issuerOnlyTrustList, parseTrustList } from '../../prover/trust/trust-list.js';
import {
  issueCert,
  loadTestPki,
  pem,
  type RsaTestCert,
  selfSignedCa,
  signerExtensions,
  type TestCert,
  type TestPki,
} from '../support/pki.js';
import { failure } from '../support/failure.js';

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
/** RSA CAs the circuit cannot use (generated per run, not cached) and leaves they issued. */
let rsa1024Ca: TestCert;
let rsaE3Ca: TestCert;
let rsa1024Leaf: TestCert;
let rsaE3Leaf: TestCert;
/** A P-256 signer that rsaCa signed with RSA-PSS (not provable yet). */
let pssLeaf: TestCert;
beforeAll(async () => {
  pki = await loadTestPki();
  rsa1024Ca = await selfSignedCa('RSA-1024 Root CA', { rsa: 1024 });
  rsaE3Ca = await selfSignedCa('RSA e=3 Root CA', { rsa: 2048, exponent: 3 });
  rsa1024Leaf = await issueCert('RSA-1024-Issued Camera', rsa1024Ca, signerExtensions());
  rsaE3Leaf = await issueCert('RSA e=3-Issued Camera', rsaE3Ca, signerExtensions());
  pssLeaf = await issueCert('PSS-Issued Camera', pki.rsaCa, signerExtensions(), 'P-256', 365, 'pss');
});

const modulusOf = (cert: TestCert) => BigInt('0x' + Buffer.from(new X509Certificate(cert.der).publicKey.export({ format: 'jwk' }).n!, 'base64url').toString('hex'));

/** A DER element: tag, minimal length, content. */
function tlv(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}

/** Start and end of the DER element at `at` (lengths up to two bytes, as in these certificates). */
function span(der: Uint8Array, at: number): { content: number; end: number } {
  const first = der[at + 1]!;
  const header = first < 0x80 ? 2 : 2 + (first & 0x7f);
  const length = first < 0x80 ? first : [...der.subarray(at + 2, at + header)].reduce((v, b) => v * 256 + b, 0);
  return { content: at + header, end: at + header + length };
}

/**
 * `cert` issued again by `issuer`, identical except that sha256WithRSAEncryption is written without its NULL
 * parameters (in the TBSCertificate and after it), a form RFC 4055 tells verifiers to accept and OpenSSL does.
 */
async function withoutNullParameters(cert: TestCert, issuer: RsaTestCert): Promise<Uint8Array> {
  const withNull = Buffer.from(SHA256_WITH_RSA_ALGORITHM);
  const bare = Buffer.from('300b06092a864886f70d01010b', 'hex');
  const outer = span(cert.der, 0);
  const tbs = span(cert.der, outer.content);
  const tbsContent = Buffer.from(cert.der.subarray(tbs.content, tbs.end));
  const at = tbsContent.indexOf(withNull);
  const newTbs = tlv(0x30, Buffer.concat([tbsContent.subarray(0, at), bare, tbsContent.subarray(at + withNull.length)]));
  const signature = new Uint8Array(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', issuer.privateKey, newTbs));
  return new Uint8Array(tlv(0x30, Buffer.concat([newTbs, bare, tlv(0x03, Buffer.concat([Buffer.of(0), signature]))])));
}

/** A copy of the certificate with one bit of its signature value flipped. */
function damagedSignature(der: Uint8Array): Uint8Array {
  const out = der.slice();
  out[out.length - 10]! ^= 0x01;
  return out;
}

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

describe('parseTrustList with RSA CAs', () => {
  it('accepts RSA-2048, RSA-3072 and RSA-4096 CAs (e = 65537) with their moduli as keys', async () => {
    const rsa3072Ca = await selfSignedCa('RSA-3072 Root CA', { rsa: 3072 });
    const list = parseTrustList(pem(pki.rsaCa, pki.rsaCa2048, rsa3072Ca), 'rsa');
    expect(list.cas.map((ca) => ca.subject)).toEqual([
      expect.stringContaining('CN=RSA Root CA'),
      expect.stringContaining('CN=RSA-2048 Root CA'),
      expect.stringContaining('CN=RSA-3072 Root CA'),
    ]);
    expect(list.cas.map((ca) => ca.publicKey)).toEqual([{ n: modulusOf(pki.rsaCa) }, { n: modulusOf(pki.rsaCa2048) }, { n: modulusOf(rsa3072Ca) }]);
    expect(list.cas.map((ca) => isRsaKey(ca.publicKey) && ca.publicKey.n.toString(2).length)).toEqual([4096, 2048, 3072]);
    expect(describeCertificate(pki.rsaCa.der).keyType).toBe('RSA 4096-bit');
  });

  it.each([
    ['an RSA-1024 CA', () => rsa1024Ca, 'RSA 1024-bit'],
    ['an RSA CA with e = 3', () => rsaE3Ca, 'RSA with exponent 3'],
    ['a P-384 CA', () => pki.p384Ca, 'EC secp384r1'],
  ])('refuses %s as trust_list_invalid, saying which keys can be proved', (_name, ca, keyType) => {
    const error = failure(() => parseTrustList(pem(pki.rsaCa, ca()), 'bad'));
    expect(error.code).toBe('trust_list_invalid');
    expect(error.detail).toContain(`certificate 2 (CN=`);
    expect(error.detail).toContain(keyType);
    expect(error.detail).toContain('only P-256 keys and RSA keys of 2048, 3072 or 4096 bits with exponent 65537 can be proved');
    expect(error.detail).toContain(PROVABLE_KEYS);
  });

  it('takes moduli of exactly 256, 384 or 512 bytes with the top bit set', () => {
    for (const bits of [2048, 3072, 4096]) {
      expect(isProvableRsaModulus(1n << BigInt(bits - 1))).toBe(true);
      expect(isProvableRsaModulus((1n << BigInt(bits)) - 1n)).toBe(true);
      expect(isProvableRsaModulus((1n << BigInt(bits - 1)) - 1n)).toBe(false);
    }
    expect(isProvableRsaModulus(1n << 4096n)).toBe(false);
    expect(isProvableRsaModulus(1n << 2559n)).toBe(false);
  });

  it('finds P-256 and RSA issuers side by side in a mixed list', () => {
    const list = parseTrustList(pem(pki.root, pki.rsaCa, pki.intermediate, pki.rsaCa2048, pki.other), 'mixed');
    expect(list.cas.map((ca) => isRsaKey(ca.publicKey))).toEqual([false, true, false, true, false]);
    expect(findIssuer(pki.rootLeaf.der, list.cas)).toBe(0);
    expect(findIssuer(pki.rsaCaLeaf.der, list.cas)).toBe(1);
    expect(findIssuer(pki.leaf.der, list.cas)).toBe(2);
    expect(findIssuer(pki.rsaCa2048Leaf.der, list.cas)).toBe(3);
    expect(findIssuer(pki.otherLeaf.der, list.cas)).toBe(4);
    expect(findIssuer(pki.rsaLeaf.der, list.cas)).toBe(1);
    expect(findIssuer(pki.rsa4096Leaf.der, list.cas)).toBe(1);
  });
});

describe('certificates signed by RSA issuers', () => {
  it('@peculiar/x509 writes sha256WithRSAEncryption with NULL parameters, in the TBSCertificate and after it', () => {
    const hex = Buffer.from(SHA256_WITH_RSA_ALGORITHM).toString('hex');
    expect(hex).toBe('300d06092a864886f70d01010b0500');
    for (const cert of [pki.rsaCaLeaf, pki.rsaCa2048Leaf, pki.rsaLeaf, pki.rsaCa]) {
      expect(Buffer.from(cert.der).toString('hex').split(hex)).toHaveLength(3);
      const ids = describeCertificate(cert.der).signatureAlgorithmDer!;
      expect([Buffer.from(ids.tbs).toString('hex'), Buffer.from(ids.outer).toString('hex')]).toEqual([hex, hex]);
    }
  });

  it('a key of one kind never verifies the other kind of signature', () => {
    const rsaKey = parseTrustList(pem(pki.rsaCa), 'rsa').cas[0]!.publicKey;
    const p256Key = parseTrustList(pem(pki.intermediate), 'p256').cas[0]!.publicKey;
    expect(signedBy(describeCertificate(pki.leaf.der), p256Key)).toBe(true);
    expect(signedBy(describeCertificate(pki.rsaCaLeaf.der), rsaKey)).toBe(true);
    expect(signedBy(describeCertificate(pki.leaf.der), rsaKey)).toBe(false);
    expect(signedBy(describeCertificate(pki.rsaCaLeaf.der), p256Key)).toBe(false);
  });

  it('an RSA-PSS signature verifies with node:crypto, but not as a signature the circuit takes: unsupported_algorithm', () => {
    const leaf = describeCertificate(pssLeaf.der);
    expect(leaf.x509.verify(new X509Certificate(pki.rsaCa.der).publicKey)).toBe(true);
    const list = parseTrustList(pem(pki.root, pki.rsaCa), 'x');
    expect(signedBy(leaf, list.cas[1]!.publicKey)).toBe(false);
    for (const run of [() => findIssuer(pssLeaf.der, list.cas), () => issuerOnlyTrustList({ certChain: [pssLeaf.der, pki.rsaCa.der] })]) {
      const error = failure(run);
      expect(error.code).toBe('unsupported_algorithm');
      expect(error.detail).toContain('RSA-PSS certificate signatures cannot be proved yet');
    }
  });

  it('sha256WithRSAEncryption without NULL parameters verifies with node:crypto, but is refused: unsupported_algorithm', async () => {
    const bare = await withoutNullParameters(pki.rsaCaLeaf, pki.rsaCa);
    const leaf = describeCertificate(bare);
    expect(leaf.signatureAlgorithm).toBe('1.2.840.113549.1.1.11');
    expect(leaf.x509.verify(new X509Certificate(pki.rsaCa.der).publicKey)).toBe(true);
    const list = parseTrustList(pem(pki.rsaCa), 'rsa');
    expect(signedBy(leaf, list.cas[0]!.publicKey)).toBe(false);
    expect(failure(() => findIssuer(bare, list.cas)).detail).toMatch(/NULL parameters/);
    expect(codeOf(() => findIssuer(bare, list.cas))).toBe('unsupported_algorithm');
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [bare, pki.rsaCa.der] }))).toBe('unsupported_algorithm');
  });

  it('untrusted_signer: a damaged RSA signature, another RSA key, or only P-256 keys on the list', () => {
    const list = parseTrustList(pem(pki.rsaCa, pki.root), 'x');
    expect(findIssuer(pki.rsaCaLeaf.der, list.cas)).toBe(0);
    expect(codeOf(() => findIssuer(damagedSignature(pki.rsaCaLeaf.der), list.cas))).toBe('untrusted_signer');
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [damagedSignature(pki.rsaCaLeaf.der), pki.rsaCa.der] }))).toBe(
      'issuer_certificate_missing',
    );
    expect(codeOf(() => findIssuer(pki.rsaCaLeaf.der, parseTrustList(pem(pki.rsaCa2048), 'x').cas))).toBe('untrusted_signer');
    expect(codeOf(() => findIssuer(pki.rsaCaLeaf.der, parseTrustList(pem(pki.root, pki.intermediate, pki.other), 'x').cas))).toBe(
      'untrusted_signer',
    );
    // A leaf under a CA the circuit cannot use is on no list (such a CA cannot be listed).
    expect(codeOf(() => findIssuer(rsa1024Leaf.der, list.cas))).toBe('untrusted_signer');
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

  it('takes an RSA CA that travels with its leaf, in any position', () => {
    for (const certChain of [[pki.rsaCaLeaf.der, pki.rsaCa.der], [pki.rsaCaLeaf.der, pki.root.der, pki.rsaCa2048.der, pki.rsaCa.der]]) {
      const list = issuerOnlyTrustList({ certChain });
      expect(list.cas).toHaveLength(1);
      expect(list.cas[0]!.der).toEqual(pki.rsaCa.der);
      expect(list.cas[0]!.publicKey).toEqual({ n: modulusOf(pki.rsaCa) });
      expect(findIssuer(pki.rsaCaLeaf.der, list.cas)).toBe(0);
    }
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [pki.rsaCaLeaf.der, pki.rsaCa2048.der] }))).toBe('issuer_certificate_missing');
  });

  it.each([
    ['RSA-1024', () => [rsa1024Leaf, rsa1024Ca], 'RSA 1024-bit'],
    ['e = 3', () => [rsaE3Leaf, rsaE3Ca], 'RSA with exponent 3'],
  ])('throws unsupported_algorithm when the issuer in the chain has an %s key', (_name, chain, keyType) => {
    const error = failure(() => issuerOnlyTrustList({ certChain: chain().map((c) => c.der) }));
    expect(error.code).toBe('unsupported_algorithm');
    expect(error.detail).toContain(keyType);
    expect(error.detail).toContain(PROVABLE_KEYS);
  });

  it('throws manifest_invalid for an empty or broken chain', () => {
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [] }))).toBe('manifest_invalid');
    expect(codeOf(() => issuerOnlyTrustList({ certChain: [pki.leaf.der, Uint8Array.of(0x30, 0)] }))).toBe('manifest_invalid');
  });
});
