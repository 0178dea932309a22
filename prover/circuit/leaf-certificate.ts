// The leaf certificate's signed part (TBSCertificate, exact DER bytes) and the issuer's signature over it, read with
// the asn1 schema libraries; and the trust-list key that actually verifies that signature (checked natively).
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { ECDSASigValue } from '@peculiar/asn1-ecc';
import { ShutterproofError } from '../../common/error-codes.js';
import type { CaKey } from './trust-tree.js';

export interface LeafCertificate {
  tbs: Uint8Array;
  caSignature: { r: bigint; s: bigint };
  caSignatureDer: Uint8Array;
}

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
  if (cert.signatureAlgorithm.algorithm !== '1.2.840.10045.4.3.2')
    throw new ShutterproofError('unsupported_algorithm', `certificate signed with ${cert.signatureAlgorithm.algorithm}, not ECDSA with SHA-256`);
  const caSignatureDer = new Uint8Array(cert.signatureValue);
  const sig = AsnConvert.parse(caSignatureDer, ECDSASigValue);
  return { tbs, caSignatureDer, caSignature: { r: toBigInt(sig.r), s: toBigInt(sig.s) } };
}

const b64url = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex').toString('base64url');

export function verifiesP256(key: CaKey, message: Uint8Array, derSignature: Uint8Array): boolean {
  try {
    const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(key.x), y: b64url(key.y) }, format: 'jwk' });
    return verifySignature('sha256', message, publicKey, derSignature);
  } catch {
    return false;
  }
}

/** Index of the first trust-list key that signed the leaf; `untrusted_signer` when none did. */
export function findIssuerKey(keys: CaKey[], leaf: LeafCertificate): number {
  const index = keys.findIndex((key) => verifiesP256(key, leaf.tbs, leaf.caSignatureDer));
  if (index < 0) throw new ShutterproofError('untrusted_signer', 'no key in the trust list verifies the signing certificate');
  return index;
}
