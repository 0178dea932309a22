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
//   pki.rsaCa         a self-signed RSA-4096 root CA (e = 65537) that signs with sha256WithRSAEncryption
//   pki.rsaCa2048     the same with RSA-2048
//   pki.rsaCaLeaf     a P-256 (ES256) signer issued by rsaCa: Truepic's layout;  pki.rsaCa2048Leaf: by rsaCa2048
//   pki.rsaLeaf       an RSA-2048 signer issued by rsaCa (PS256 claim signatures);  pki.rsa4096Leaf: RSA-4096
//   pem(...certs)     a PEM bundle of the given certificates
//   selfSignedCa(name, key), issueCert(name, issuer, extensions, key, days, issuerSignature)   uncached certificates
//                     for negative cases (an RSA-1024 or e = 3 CA, an RSA-PSS-signed leaf, ...)
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

/** A test key: an EC curve, or RSA with its modulus length in bits and public exponent (65537 unless said). */
export type KeySpec = 'P-256' | 'P-384' | { rsa: number; exponent?: number };

interface CertAndKey {
  name: string;
  der: Uint8Array;
  pem: string;
  cert: x509.X509Certificate;
  /** ECDSA for EC keys, RSASSA-PKCS1-v1_5 (SHA-256) for RSA keys; see rsaPssKey for PSS. */
  privateKey: CryptoKey;
}

/** A certificate with an EC key: `curve` is its WebCrypto curve, `kind` the same (missing on certs made elsewhere). */
export interface EcTestCert extends CertAndKey {
  kind?: 'P-256' | 'P-384';
  curve: 'P-256' | 'P-384';
}

export interface RsaTestCert extends CertAndKey {
  kind: 'RSA';
  curve?: undefined;
  modulusLength: number;
  publicExponent: number;
}

export type TestCert = EcTestCert | RsaTestCert;

export interface TestPki {
  root: TestCert;
  intermediate: TestCert;
  leaf: TestCert;
  rootLeaf: TestCert;
  other: TestCert;
  otherLeaf: TestCert;
  p384Leaf: TestCert;
  p384Ca: TestCert;
  rsaCa: RsaTestCert;
  rsaCa2048: RsaTestCert;
  rsaCaLeaf: TestCert;
  rsaCa2048Leaf: TestCert;
  rsaLeaf: RsaTestCert;
  rsa4096Leaf: RsaTestCert;
}

const CACHE_VERSION = 3;
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

/** What kind of key a certificate holds: 'P-256', 'P-384' or 'RSA'. */
export function keyKind(cert: TestCert): 'P-256' | 'P-384' | 'RSA' {
  return cert.kind ?? cert.curve;
}

/** The RSA certificate's private key for RSA-PSS signing (WebCrypto binds a key to one algorithm). */
export async function rsaPssKey(cert: RsaTestCert): Promise<CryptoKey> {
  const pkcs8 = await subtle.exportKey('pkcs8', cert.privateKey);
  return subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, true, ['sign']);
}

interface Stored {
  name: string;
  der: string;
  pkcs8: string;
  key: KeySpec;
}

async function loadOrCreate(): Promise<TestPki> {
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<keyof TestPki, Stored>;
    const pki = Object.fromEntries(
      await Promise.all(Object.entries(stored).map(async ([k, s]) => [k, await revive(s)] as const)),
    ) as unknown as TestPki;
    const soon = Date.now() + 7 * 24 * 3600_000;
    if (Object.values(pki).every((c) => c.cert.notAfter.getTime() > soon) && pki.rsa4096Leaf) return pki;
  } catch {
    // No cache or a stale format: generate below.
  }
  const pki = await generate();
  const out: Record<string, Stored> = {};
  for (const [k, c] of Object.entries(pki) as [string, TestCert][]) {
    const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', c.privateKey));
    out[k] = { name: c.name, der: b64(c.der), pkcs8: b64(pkcs8), key: specOf(c) };
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
    typeof s.key === 'string' ? { name: 'ECDSA', namedCurve: s.key } : RSA_PKCS1,
    true,
    ['sign'],
  );
  return wrap(s.name, der, privateKey, s.key);
}

const RSA_PKCS1 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

function specOf(cert: TestCert): KeySpec {
  return cert.kind === 'RSA' ? { rsa: cert.modulusLength, exponent: cert.publicExponent } : cert.curve;
}

function wrap(name: string, der: Uint8Array, privateKey: CryptoKey, key: KeySpec): TestCert {
  const cert = new x509.X509Certificate(der as Uint8Array<ArrayBuffer>);
  const base = { name, der, pem: cert.toString('pem') + '\n', cert, privateKey };
  return typeof key === 'string'
    ? { ...base, kind: key, curve: key }
    : { ...base, kind: 'RSA', modulusLength: key.rsa, publicExponent: key.exponent ?? 65537 };
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

async function keyPair(key: KeySpec): Promise<CryptoKeyPair> {
  if (typeof key === 'string')
    return subtle.generateKey({ name: 'ECDSA', namedCurve: key }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
  const exponent = key.exponent ?? 65537;
  const publicExponent = Uint8Array.from(Buffer.from(exponent.toString(16).padStart(6, '0'), 'hex'));
  return subtle.generateKey({ ...RSA_PKCS1, modulusLength: key.rsa, publicExponent }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/**
 * How an issuer signs the certificates it issues: ECDSA with its curve's hash, RSA with sha256WithRSAEncryption
 * ('pkcs1'), or RSA-PSS with SHA-256 and a 32-byte salt ('pss', which the circuit cannot prove yet).
 */
async function signingWith(issuer: TestCert, issuerSignature: 'pkcs1' | 'pss'): Promise<{ key: CryptoKey; algorithm: Algorithm }> {
  if (issuer.kind !== 'RSA') return { key: issuer.privateKey, algorithm: { name: 'ECDSA', hash: hashFor(issuer.curve) } as Algorithm };
  if (issuerSignature === 'pss')
    return { key: await rsaPssKey(issuer), algorithm: { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 } as Algorithm };
  return { key: issuer.privateKey, algorithm: RSA_PKCS1 };
}

const hashFor = (curve: 'P-256' | 'P-384') => (curve === 'P-256' ? 'SHA-256' : 'SHA-384');

/** A self-signed root CA with this key. Not cached. */
export async function selfSignedCa(name: string, key: KeySpec = 'P-256'): Promise<TestCert> {
  const keys = await keyPair(key);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}, O=Shutterproof Test PKI, C=DE`,
    notBefore: daysFromNow(-1),
    notAfter: daysFromNow(3650),
    keys,
    signingAlgorithm: typeof key === 'string' ? { name: 'ECDSA', hash: hashFor(key) } : RSA_PKCS1,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return wrap(name, new Uint8Array(cert.rawData), keys.privateKey, key);
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
  key: KeySpec = 'P-256',
  days = 365,
  issuerSignature: 'pkcs1' | 'pss' = 'pkcs1',
): Promise<TestCert> {
  const keys = await keyPair(key);
  const extensions = [
    ...leading,
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.cert),
  ];
  const signing = await signingWith(issuer, issuerSignature);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${name}, O=Shutterproof Test PKI, C=DE`,
    issuer: issuer.cert.subject,
    notBefore: daysFromNow(-1),
    notAfter: daysFromNow(days),
    publicKey: keys.publicKey,
    signingKey: signing.key,
    signingAlgorithm: signing.algorithm,
    extensions,
  });
  return wrap(name, new Uint8Array(cert.rawData), keys.privateKey, key);
}

function issued(name: string, issuer: TestCert, kind: 'ca' | 'signer', key: KeySpec = 'P-256'): Promise<TestCert> {
  const ca = [
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
  return issueCert(name, issuer, kind === 'ca' ? ca : signerExtensions(), key, kind === 'ca' ? 1825 : 365);
}

async function generate(): Promise<TestPki> {
  const root = await selfSignedCa('Test Root CA');
  const intermediate = await issued('Test Intermediate CA', root, 'ca');
  const other = await selfSignedCa('Other Root CA');
  const rsaCa = (await selfSignedCa('RSA Root CA', { rsa: 4096 })) as RsaTestCert;
  const rsaCa2048 = (await selfSignedCa('RSA-2048 Root CA', { rsa: 2048 })) as RsaTestCert;
  return {
    root,
    intermediate,
    leaf: await issued('Test Camera 0001', intermediate, 'signer'),
    rootLeaf: await issued('Test Camera 0002', root, 'signer'),
    other,
    otherLeaf: await issued('Other Camera 0001', other, 'signer'),
    p384Leaf: await issued('Test Camera ES384', intermediate, 'signer', 'P-384'),
    p384Ca: await selfSignedCa('P-384 Root CA', 'P-384'),
    rsaCa,
    rsaCa2048,
    rsaCaLeaf: await issued('RSA-Issued Camera 0001', rsaCa, 'signer'),
    rsaCa2048Leaf: await issued('RSA-2048-Issued Camera 0001', rsaCa2048, 'signer'),
    rsaLeaf: (await issued('Test Camera PS256', rsaCa, 'signer', { rsa: 2048 })) as RsaTestCert,
    rsa4096Leaf: (await issued('Test Camera PS256 4096', rsaCa, 'signer', { rsa: 4096 })) as RsaTestCert,
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
