// The hash a proof is about, recomputed from a published photo: with Content Credentials still embedded, the
// manifest's exclusion ranges are skipped; a photo published without them is hashed whole.
import { createHash } from 'node:crypto';
import { ShutterproofError } from '../common/error-codes.js';
import { readEvidence } from './c2pa/read-evidence.js';
import { assetHashOf } from './c2pa/strip.js';

export async function assetHashOfPhoto(bytes: Uint8Array): Promise<string> {
  try {
    const evidence = readEvidence(bytes);
    return Buffer.from(assetHashOf(bytes, evidence.exclusions)).toString('hex');
  } catch (error) {
    if (error instanceof ShutterproofError && error.code === 'no_content_credentials')
      return createHash('sha256').update(bytes).digest('hex');
    throw error;
  }
}
