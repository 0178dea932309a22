// The demo authority that signs the shipped sample photo: a self-signed P-256 CA whose name says it is a demo, and
// a signing certificate it issues with the extensions the circuit requires of a C2PA signer (the test PKI's, from
// test/support/pki.ts). Both are valid for 30 years so the sample keeps working. The private keys live only in
// memory while scripts/make-sample.ts runs: nothing else can ever be signed by this authority.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { signerExtensions, type TestCert } from '../test/support/pki.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export const DEMO_AUTHORITY_NAME = 'Shutterproof Demo Authority (sample photos only — not a real issuer)';
export const DEMO_SIGNER_NAME = 'Shutterproof Demo Signer (sample photos only)';
const ORGANISATION = 'Shutterproof demo';
const VALID_DAYS = 30 * 365;
const ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface DemoPki {
  authority: TestCert;
  signer: TestCert;
}

export async function makeDemoPki(now = new Date()): Promise<DemoPki> {
  const notBefore = new Date(now.getTime() - 24 * 3600_000);
  const notAfter = new Date(now.getTime() + VALID_DAYS * 24 * 3600_000);
  const caKeys = await keyPair();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [{ CN: [DEMO_AUTHORITY_NAME] }, { O: [ORGANISATION] }],
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const authority = wrap(DEMO_AUTHORITY_NAME, ca, caKeys.privateKey);
  const leafKeys = await keyPair();
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: [DEMO_SIGNER_NAME] }, { O: [ORGANISATION] }],
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      ...signerExtensions(),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  return { authority, signer: wrap(DEMO_SIGNER_NAME, leaf, leafKeys.privateKey) };
}

function wrap(name: string, cert: x509.X509Certificate, privateKey: CryptoKey): TestCert {
  return { name, der: new Uint8Array(cert.rawData), pem: cert.toString('pem') + '\n', cert, privateKey, curve: 'P-256' };
}

function keyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

function serial(): string {
  // Positive, non-zero, 16 bytes, like the test PKI's.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return Buffer.from(bytes).toString('hex');
}
