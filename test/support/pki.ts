// Test-only certificate authority, generated with @peculiar/x509 and WebCrypto.
//
//   const pki = await loadTestPki();
//   pki.root          self-signed root CA (P-256)
//   pki.intermediate  CA issued by root
//   pki.leaf          signer issued by the intermediate (travels with the intermediate: "issuer only" works)
//   pki.rootLeaf      signer issued directly by the root (travels alone: "issuer only" cannot work)
//   pki.other         an unrelated self-signed CA; pki.otherLeaf is its signer
//   pki.p384Leaf      an ES384 (P-384) signer issued by the intermediate (unsupported algorithm)
//   pki.p384Ca        a self-signed CA with a P-384 key (not acceptable in a trust list)
//   pem(...certs)     a PEM bundle of the given certificates
//
// Key generation is the slow part, so the whole PKI is cached as JSON in the temp folder and reused by every test
// file of a run (and later runs, until the certificates get close to expiry).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const subtle = webcrypto.subtle;
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface TestCert {
  name: string;
  der: Uint8Array;
  pem: string;
  cert: x509.X509Certificate;
  privateKey: CryptoKey;
  /** WebCrypto curve of the key: 'P-256' or 'P-384'. */
  curve: 'P-256' | 'P-384';
}

export interface TestPki {
  root: TestCert;
  intermediate: TestCert;
  leaf: TestCert;
  rootLeaf: TestCert;
  other: TestCert;
  otherLeaf: TestCert;
  p384Leaf: TestCert;
  p384Ca: TestCert;
}

const CACHE_VERSION = 2;
const cacheFile = join(tmpdir(), `shutterproof-test-pki-v${CACHE_VERSION}.json`);
// C2PA signers need one of these EKUs; documentSigning is the one c2pa-rs accepts out of the box besides email.
const DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';

let loaded: Promise<TestPki> | undefined;

export function loadTestPki(): Promise<TestPki> {
  loaded ??= loadOrCreate();
  return loaded;
}

export function pem(...certs: TestCert[]): string {
  return certs.map((c) => c.pem).join('');
}

interface Stored {
  name: string;
  der: string;
  pkcs8: string;
  curve: 'P-256' | 'P-384';
}

async function loadOrCreate(): Promise<TestPki> {
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<keyof TestPki, Stored>;
    const pki = Object.fromEntries(
      await Promise.all(Object.entries(stored).map(async ([k, s]) => [k, await revive(s)] as const)),
    ) as unknown as TestPki;
    const soon = Date.now() + 7 * 24 * 3600_000;
    if (Object.values(pki).every((c) => c.cert.notAfter.getTime() > soon) && pki.p384Ca) return pki;
  } catch {
    // No cache or a stale format: generate below.
  }
  const pki = await generate();
  const out: Record<string, Stored> = {};
  for (const [k, c] of Object.entries(pki) as [string, TestCert][]) {
    const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', c.privateKey));
    out[k] = { name: c.name, der: b64(c.der), pkcs8: b64(pkcs8), curve: c.curve };
  }
  mkdirSync(tmpdir(), { recursive: true });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(out));
  renameSync(temp, cacheFile);
  return pki;
}

async function revive(s: Stored): Promise<TestCert> {
  const der = new Uint8Array(Buffer.from(s.der, 'base64'));
  const privateKey = await subtle.importKey(
    'pkcs8',
    new Uint8Array(Buffer.from(s.pkcs8, 'base64')),
    { name: 'ECDSA', namedCurve: s.curve },
    true,
    ['sign'],
  );
  return wrap(s.name, der, privateKey, s.curve);
}

function wrap(name: string, der: Uint8Array, privateKey: CryptoKey, curve: 'P-256' | 'P-384'): TestCert {
  const cert = new x509.X509Certificate(der as Uint8Array<ArrayBuffer>);
  return { name, der, pem: cert.toString('pem') + '\n', cert, privateKey, curve };
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

async function keyPair(curve: 'P-256' | 'P-384'): Promise<CryptoKeyPair> {
  return subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

const hashFor = (curve: 'P-256' | 'P-384') => (curve === 'P-256' ? 'SHA-256' : 'SHA-384');

async function selfSignedCa(name: string, curve: 'P-256' | 'P-384' = 'P-256'): Promise<TestCert> {
  const keys = await keyPair(curve);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}, O=Shutterproof Test PKI, C=DE`,
    notBefore: daysFromNow(-1),
    notAfter: daysFromNow(3650),
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: hashFor(curve) },
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return wrap(name, new Uint8Array(cert.rawData), keys.privateKey, curve);
}

/** The extensions of a signing (end-entity) certificate as C2PA signers carry them. */
export function signerExtensions(): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection, DOCUMENT_SIGNING], false),
  ];
}

/** A certificate issued by `issuer` with exactly these leading extensions (then key identifiers). Not cached. */
export async function issueCert(
  name: string,
  issuer: TestCert,
  leading: x509.Extension[],
  curve: 'P-256' | 'P-384' = 'P-256',
  days = 365,
): Promise<TestCert> {
  const keys = await keyPair(curve);
  const extensions = [
    ...leading,
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.cert),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${name}, O=Shutterproof Test PKI, C=DE`,
    issuer: issuer.cert.subject,
    notBefore: daysFromNow(-1),
    notAfter: daysFromNow(days),
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: { name: 'ECDSA', hash: hashFor(issuer.curve) },
    extensions,
  });
  return wrap(name, new Uint8Array(cert.rawData), keys.privateKey, curve);
}

function issued(name: string, issuer: TestCert, kind: 'ca' | 'signer', curve: 'P-256' | 'P-384' = 'P-256'): Promise<TestCert> {
  const ca = [
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
  return issueCert(name, issuer, kind === 'ca' ? ca : signerExtensions(), curve, kind === 'ca' ? 1825 : 365);
}

async function generate(): Promise<TestPki> {
  const root = await selfSignedCa('Test Root CA');
  const intermediate = await issued('Test Intermediate CA', root, 'ca');
  const other = await selfSignedCa('Other Root CA');
  return {
    root,
    intermediate,
    leaf: await issued('Test Camera 0001', intermediate, 'signer'),
    rootLeaf: await issued('Test Camera 0002', root, 'signer'),
    other,
    otherLeaf: await issued('Other Camera 0001', other, 'signer'),
    p384Leaf: await issued('Test Camera ES384', intermediate, 'signer', 'P-384'),
    p384Ca: await selfSignedCa('P-384 Root CA', 'P-384'),
  };
}

function serial(): string {
  // Positive, non-zero, 16 bytes: what c2pa-rs and browsers accept.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return Buffer.from(bytes).toString('hex');
}

function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * 24 * 3600_000);
}
