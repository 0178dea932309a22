// The leaf certificate's signed part (TBSCertificate, exact DER bytes) and the issuer's signature over it, read with
// the asn1 schema libraries; and the trust-list key that actually verifies that signature (checked natively).
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { ECDSASigValue } from '@peculiar/asn1-ecc';
import { ShutterproofError } from '../../common/error-codes.js';
import { isRsaKey, type CaKey, type P256Key, type RsaKey } from './trust-tree.js';

/** The issuer's signature on the TBS: ECDSA P-256 (r, s) or RSA PKCS#1 v1.5 (the signature as a number). */
export type CaSignature = { kind: 'ecdsa'; r: bigint; s: bigint } | { kind: 'rsa'; s: bigint };

export interface LeafCertificate {
  tbs: Uint8Array;
  caSignature: CaSignature;
  caSignatureDer: Uint8Array;
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

const toBigInt = (bytes: ArrayBuffer | Uint8Array) => BigInt('0x' + (Buffer.from(bytes as ArrayBuffer).toString('hex') || '0'));

export function readLeafCertificate(der: Uint8Array): LeafCertificate {
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch (error) {
    throw new ShutterproofError('manifest_invalid', 'the signing certificate is not valid DER', { cause: error });
  }
  const tbs = new Uint8Array(AsnConvert.serialize(cert.tbsCertificate));
  // The re-encoded TBS must be the exact bytes inside the certificate (DER is canonical); the circuit hashes those.
  const at = Buffer.from(der).indexOf(Buffer.from(tbs));
  if (at !== 4) throw new ShutterproofError('manifest_invalid', 'the signing certificate is not in canonical DER');
  const caSignatureDer = new Uint8Array(cert.signatureValue);
  const algorithm = cert.signatureAlgorithm.algorithm;
  if (algorithm === SHA256_WITH_RSA) return { tbs, caSignatureDer, caSignature: { kind: 'rsa', s: toBigInt(caSignatureDer) } };
  if (algorithm !== ECDSA_WITH_SHA256)
    throw new ShutterproofError('unsupported_algorithm', `certificate signed with ${algorithm}, not ECDSA or RSA PKCS#1 v1.5 with SHA-256`);
  const sig = AsnConvert.parse(caSignatureDer, ECDSASigValue);
  return { tbs, caSignatureDer, caSignature: { kind: 'ecdsa', r: toBigInt(sig.r), s: toBigInt(sig.s) } };
}

const b64url = (v: bigint, bytes: number) => Buffer.from(v.toString(16).padStart(2 * bytes, '0'), 'hex').toString('base64url');

function p256KeyObject(key: P256Key): KeyObject {
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(key.x, 32), y: b64url(key.y, 32) }, format: 'jwk' });
}

function rsaKeyObject(key: RsaKey): KeyObject {
  const bytes = Math.ceil(key.n.toString(16).length / 2);
  return createPublicKey({ key: { kty: 'RSA', n: b64url(key.n, bytes), e: 'AQAB' }, format: 'jwk' });
}

/** Whether `key` made `leaf`'s signature, with the algorithm of its own kind only (no key stands for the other kind). */
export function issuedBy(key: CaKey, leaf: LeafCertificate): boolean {
  try {
    if (isRsaKey(key)) return leaf.caSignature.kind === 'rsa' && verifySignature('sha256', leaf.tbs, rsaKeyObject(key), leaf.caSignatureDer);
    return leaf.caSignature.kind === 'ecdsa' && verifySignature('sha256', leaf.tbs, p256KeyObject(key), leaf.caSignatureDer);
  } catch {
    return false;
  }
}

/** Index of the first trust-list key that signed the leaf; `untrusted_signer` when none did. */
export function findIssuerKey(keys: CaKey[], leaf: LeafCertificate): number {
  const index = keys.findIndex((key) => issuedBy(key, leaf));
  if (index < 0) throw new ShutterproofError('untrusted_signer', 'no key in the trust list verifies the signing certificate');
  return index;
}
