// Chooses the trust list a proof is made against: a PEM bundle the user gave, or "this photo's issuer only".
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ShutterproofError } from '../../common/error-codes.js';
import type { ManifestEvidence } from '../c2pa/evidence.js';
import { type CaPublicKey, isRsaKey, RSA_MODULUS_BYTES } from '../trust/certificate.js';
import { issuerOnlyTrustList, parseTrustList, type TrustList } from '../trust/trust-list.js';

export const ISSUER_ONLY_NAME = "This photo's issuer only";

export async function loadTrustList(path: string): Promise<TrustList> {
  let text: string;
  try {
    text = await readFile(path, 'latin1');
  } catch (error) {
    throw new ShutterproofError('trust_list_invalid', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseTrustList(text, basename(path).replace(/\.(pem|crt|cer|der)$/i, ''));
}

/** The trust list for one photo: the given PEM bundle, or the issuer taken from the photo's own chain. */
export async function trustListFor(evidence: ManifestEvidence, path: string | undefined): Promise<TrustList> {
  return path ? loadTrustList(path) : issuerOnlyTrustList(evidence);
}

/** A trust-list key as a proof pack lists it: an uncompressed P-256 point `04…`, or `rsa:` and the modulus in hex. */
export function publicKeyHex(key: CaPublicKey): string {
  // A modulus the circuit takes has its top bit set, so its hex has exactly two digits per byte.
  if (isRsaKey(key)) return `rsa:${key.n.toString(16)}`;
  return '04' + key.x.toString(16).padStart(64, '0') + key.y.toString(16).padStart(64, '0');
}

/** The key `publicKeyHex` wrote; undefined for any other text. */
export function parsePublicKeyHex(text: string): CaPublicKey | undefined {
  if (/^04[0-9a-f]{128}$/.test(text)) return { x: BigInt('0x' + text.slice(2, 66)), y: BigInt('0x' + text.slice(66)) };
  const rsa = /^rsa:([0-9a-f]+)$/.exec(text);
  if (!rsa || !RSA_MODULUS_BYTES.some((k) => rsa[1].length === 2 * k) || rsa[1] < '8') return undefined;
  return { n: BigInt('0x' + rsa[1]) };
}
