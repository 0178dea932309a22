// X.509 facts the prover needs about a certificate: who it names, its P-256 key as (x, y), and whether another
// certificate's key signed it. Parsing and signature checks use node:crypto's X509Certificate; pkijs only tells us
// which signature algorithm the issuer used, because the circuit can check ECDSA over SHA-256 and nothing else.
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { ShutterproofError } from '../../common/error-codes.js';

/** ecdsa-with-SHA256: the only certificate signature the circuit verifies. */
export const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

export interface P256PublicKey {
  x: bigint;
  y: bigint;
}

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
  /** Undefined when the key is not an EC P-256 key. */
  publicKey: P256PublicKey | undefined;
  /** Human-readable key type, for error details: "EC P-256", "EC secp384r1", "rsa", "ed25519". */
  keyType: string;
  signatureAlgorithm: string;
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
  const parsed = parsePkijs(der);
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  let publicKey: P256PublicKey | undefined;
  let keyType = key.asymmetricKeyType ?? 'unknown';
  if (key.asymmetricKeyType === 'ec') {
    keyType = `EC ${details.namedCurve ?? 'unknown curve'}`;
    if (details.namedCurve === 'prime256v1') {
      const jwk = key.export({ format: 'jwk' });
      publicKey = { x: b64urlToBigint(jwk.x!), y: b64urlToBigint(jwk.y!) };
      keyType = 'EC P-256';
    }
  }
  return {
    der,
    sha256: createHash('sha256').update(der).digest('hex'),
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    notAfter: new Date(x509.validTo).toISOString(),
    isCa: x509.ca ? true : (parsed?.extensions ?? []).some((e) => e.extnID === '2.5.29.19') ? false : undefined,
    publicKey,
    keyType,
    signatureAlgorithm: parsed?.signatureAlgorithm.algorithmId ?? 'unknown',
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

/**
 * True when `issuer`'s key verifies `subject`'s signature. Names are not compared: the circuit proves only the key
 * relation, so the native check must accept exactly what the circuit accepts.
 */
export function signedBy(subject: CertificateInfo, issuerKey: P256PublicKey): boolean {
  if (subject.signatureAlgorithm !== ECDSA_WITH_SHA256) return false;
  try {
    return subject.x509.verify(p256KeyObject(issuerKey));
  } catch {
    return false;
  }
}

function p256KeyObject(key: P256PublicKey) {
  const jwk = { kty: 'EC', crv: 'P-256', x: bigintToB64url(key.x), y: bigintToB64url(key.y) };
  return createPublicKey({ key: jwk, format: 'jwk' });
}

function parsePkijs(der: Uint8Array): pkijs.Certificate | undefined {
  try {
    return pkijs.Certificate.fromBER(new Uint8Array(der));
  } catch {
    return undefined;
  }
}

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function b64urlToBigint(text: string): bigint {
  return BigInt('0x' + Buffer.from(text, 'base64url').toString('hex'));
}

function bigintToB64url(value: bigint): string {
  return Buffer.from(value.toString(16).padStart(64, '0'), 'hex').toString('base64url');
}
