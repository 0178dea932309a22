// X.509 facts the prover needs about a certificate: who it names, its key in the form the circuit takes (P-256 as
// (x, y), RSA as its modulus n), and whether another certificate's key signed it. Parsing and signature checks use
// node:crypto's X509Certificate; the ASN.1 schema library (@peculiar/asn1-x509) reads which signature algorithm the
// issuer used and its AlgorithmIdentifiers' exact DER bytes, because the circuit checks those bytes and nothing
// looser: ECDSA over SHA-256 for P-256 issuers, sha256WithRSAEncryption (with NULL parameters) for RSA issuers.
import { createHash, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { type AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';
import { ShutterproofError } from '../../common/error-codes.js';

/** ecdsa-with-SHA256: the certificate signature the circuit verifies for P-256 issuers. */
export const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
/** sha256WithRSAEncryption (RSASSA-PKCS1-v1_5 over SHA-256): the certificate signature it verifies for RSA issuers. */
export const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
/** RSASSA-PSS: read, but not provable yet. */
export const RSASSA_PSS = '1.2.840.113549.1.1.10';
/** The one DER form of sha256WithRSAEncryption the circuit accepts: the OID with explicit NULL parameters. */
export const SHA256_WITH_RSA_ALGORITHM = Uint8Array.from([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00,
]);
/** Big-endian byte lengths of the RSA moduli the circuit takes (2048, 3072 and 4096 bits). */
export const RSA_MODULUS_BYTES = [256, 384, 512] as const;
/** The sentence naming the keys a proof can use, for error details. */
export const PROVABLE_KEYS = 'only P-256 keys and RSA keys of 2048, 3072 or 4096 bits with exponent 65537 can be proved';

export interface P256PublicKey {
  x: bigint;
  y: bigint;
}

/** An RSA public key the circuit can use: e = 65537 and a modulus of exactly 2048, 3072 or 4096 bits. */
export interface RsaPublicKey {
  n: bigint;
}

export type CaPublicKey = P256PublicKey | RsaPublicKey;

export const isRsaKey = (key: CaPublicKey): key is RsaPublicKey => 'n' in key;

export interface CertificateInfo {
  der: Uint8Array;
  /** SHA-256 of the DER, lowercase hex: the fingerprint shown to users and written into proof packs. */
  sha256: string;
  subject: string;
  issuer: string;
  /** ISO 8601. */
  notAfter: string;
  /** True when basicConstraints says cA (or, for old v1 certificates without extensions, undefined). */
  isCa: boolean | undefined;
  /** Undefined for keys the circuit cannot use: other curves, RSA with another exponent or size, Ed25519, ... */
  publicKey: CaPublicKey | undefined;
  /** Human-readable key type, for error details: "EC P-256", "EC secp384r1", "RSA 2048-bit", "RSA with exponent 3". */
  keyType: string;
  /** OID of the issuer's signature algorithm (the outer signatureAlgorithm). */
  signatureAlgorithm: string;
  /** The DER bytes of the signature AlgorithmIdentifier inside the TBSCertificate and after it. */
  signatureAlgorithmDer: { tbs: Uint8Array; outer: Uint8Array } | undefined;
  x509: X509Certificate;
}

/** Parses one DER certificate; throws a plain Error with a sentence when it is not one. */
export function describeCertificate(der: Uint8Array): CertificateInfo {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch (error) {
    throw new Error(`not an X.509 certificate (${(error as Error).message})`);
  }
  const parsed = parseAsn1(der);
  const { publicKey, keyType } = circuitKey(x509.publicKey);
  return {
    der,
    sha256: createHash('sha256').update(der).digest('hex'),
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    notAfter: new Date(x509.validTo).toISOString(),
    isCa: x509.ca ? true : (parsed?.tbsCertificate.extensions ?? []).some((e) => e.extnID === '2.5.29.19') ? false : undefined,
    publicKey,
    keyType,
    signatureAlgorithm: parsed?.signatureAlgorithm.algorithm ?? 'unknown',
    signatureAlgorithmDer: algorithmIdentifiers(parsed),
    x509,
  };
}

/** Parses a certificate carried in a manifest; a broken one means the manifest is broken. */
export function manifestCertificate(der: Uint8Array, role: string): CertificateInfo {
  try {
    return describeCertificate(der);
  } catch (error) {
    throw new ShutterproofError('manifest_invalid', `the ${role} certificate in x5chain is ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** True when both of the certificate's signature AlgorithmIdentifiers are exactly sha256WithRSAEncryption with NULL. */
export function hasRsaSha256Algorithm(cert: CertificateInfo): boolean {
  const ids = cert.signatureAlgorithmDer;
  return !!ids && equalBytes(ids.tbs, SHA256_WITH_RSA_ALGORITHM) && equalBytes(ids.outer, SHA256_WITH_RSA_ALGORITHM);
}

/** True for a modulus the circuit takes: 256, 384 or 512 bytes big-endian with the top bit set. */
export function isProvableRsaModulus(n: bigint): boolean {
  return RSA_MODULUS_BYTES.some((bytes) => n >> BigInt(8 * bytes - 1) === 1n);
}

/**
 * True when `issuerKey` verifies `subject`'s signature with the algorithm the circuit uses for that kind of key:
 * ECDSA-SHA256 for P-256, sha256WithRSAEncryption with NULL parameters for RSA. A key of one kind never verifies the
 * other kind's signature. Names are not compared: the circuit proves only the key relation, so the native check must
 * accept exactly what the circuit accepts.
 */
export function signedBy(subject: CertificateInfo, issuerKey: CaPublicKey): boolean {
  let key: KeyObject;
  if (isRsaKey(issuerKey)) {
    if (!hasRsaSha256Algorithm(subject) || !isProvableRsaModulus(issuerKey.n)) return false;
    key = createPublicKey({ key: { kty: 'RSA', n: bigintToB64url(issuerKey.n), e: 'AQAB' }, format: 'jwk' });
  } else {
    if (subject.signatureAlgorithm !== ECDSA_WITH_SHA256) return false;
    const jwk = { kty: 'EC', crv: 'P-256', x: bigintToB64url(issuerKey.x, 32), y: bigintToB64url(issuerKey.y, 32) };
    key = createPublicKey({ key: jwk, format: 'jwk' });
  }
  try {
    return subject.x509.verify(key);
  } catch {
    return false;
  }
}

function circuitKey(key: KeyObject): { publicKey: CaPublicKey | undefined; keyType: string } {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec': {
      if (details.namedCurve !== 'prime256v1') return { publicKey: undefined, keyType: `EC ${details.namedCurve ?? 'unknown curve'}` };
      const jwk = key.export({ format: 'jwk' });
      return { publicKey: { x: b64urlToBigint(jwk.x!), y: b64urlToBigint(jwk.y!) }, keyType: 'EC P-256' };
    }
    case 'rsa': {
      if (details.publicExponent !== 65537n) return { publicKey: undefined, keyType: `RSA with exponent ${details.publicExponent}` };
      const n = b64urlToBigint(key.export({ format: 'jwk' }).n!);
      const keyType = `RSA ${details.modulusLength}-bit`;
      return { publicKey: isProvableRsaModulus(n) ? { n } : undefined, keyType };
    }
    case 'rsa-pss':
      return { publicKey: undefined, keyType: `RSA-PSS ${details.modulusLength}-bit (a key restricted to PSS)` };
    case 'ed25519':
      return { publicKey: undefined, keyType: 'Ed25519' };
    default:
      return { publicKey: undefined, keyType: key.asymmetricKeyType ?? 'unknown' };
  }
}

/** The certificate's structure, read with the ASN.1 schema library; undefined when it does not parse. */
function parseAsn1(der: Uint8Array): Certificate | undefined {
  try {
    return AsnConvert.parse(der, Certificate);
  } catch {
    return undefined;
  }
}

/** The two signature AlgorithmIdentifiers (inside the TBSCertificate and after it), re-encoded byte for byte. */
function algorithmIdentifiers(cert: Certificate | undefined): { tbs: Uint8Array; outer: Uint8Array } | undefined {
  if (!cert) return undefined;
  const der = (id: AlgorithmIdentifier) => new Uint8Array(AsnConvert.serialize(id));
  return { tbs: der(cert.tbsCertificate.signature), outer: der(cert.signatureAlgorithm) };
}

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function b64urlToBigint(text: string): bigint {
  return BigInt('0x' + Buffer.from(text, 'base64url').toString('hex'));
}

/** Big-endian, left-padded to `bytes` (P-256 coordinates), or minimal (an RSA modulus). */
function bigintToB64url(value: bigint, bytes = 0): string {
  const hex = value.toString(16);
  return Buffer.from(hex.padStart(Math.max(2 * bytes, hex.length + (hex.length % 2)), '0'), 'hex').toString('base64url');
}
