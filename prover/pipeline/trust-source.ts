// Chooses the trust list a proof is made against: a PEM bundle the user gave, or "this photo's issuer only".
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ShutterproofError } from '../../common/error-codes.js';
import type { ManifestEvidence } from '../c2pa/evidence.js';
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

export function publicKeyHex(key: { x: bigint; y: bigint }): string {
  return '04' + key.x.toString(16).padStart(64, '0') + key.y.toString(16).padStart(64, '0');
}
