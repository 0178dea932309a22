// The public side of the final proof: its public input and its verification. Kept apart from the circuits'
// definitions so that verifying a proof pack loads only this, the trust tree and o1js (~0.07 s less of a fresh
// `shutterproof verify` than loading every circuit).
import { Field, Struct, verify as verifyProof, type JsonProof } from '../o1js.js';
import { withSrsCache } from './srs-cache.js';

export interface VerificationKey {
  data: string;
  hash: string;
}

/** Public input of the final proof: SHA-256 asset hash as two 128-bit halves (big-endian), and the trust root. */
export class StatementInput extends Struct({ assetHashHi: Field, assetHashLo: Field, trustRoot: Field }) {}

export function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function assetHashInput(assetHash: Uint8Array, trustRoot: bigint): StatementInput {
  const half = (b: Uint8Array) => Field(BigInt('0x' + hexOf(b)));
  return new StatementInput({ assetHashHi: half(assetHash.subarray(0, 16)), assetHashLo: half(assetHash.subarray(16)), trustRoot: Field(trustRoot) });
}

/** Verify a final proof with its verification key; optionally check that it is about the given public inputs. */
export async function verify(
  proof: JsonProof | Record<string, unknown>,
  verificationKey: VerificationKey,
  expected?: { assetHash: string; trustRoot: string },
  /** The compile cache folder: its SRS, Lagrange bases and the bindings' code cache let a fresh process verify in ~2 s. */
  cacheDir?: string,
): Promise<boolean> {
  try {
    const json = proof as JsonProof;
    if (expected) {
      const hex = expected.assetHash.toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(hex)) return false;
      const want = assetHashInput(Uint8Array.from(Buffer.from(hex, 'hex')), BigInt(expected.trustRoot));
      const have = json.publicInput ?? [];
      const fields = StatementInput.toFields(want).map((x) => x.toString());
      if (have.length !== fields.length || have.some((v, i) => v !== fields[i])) return false;
    }
    return await withSrsCache(cacheDir, () => verifyProof(json, verificationKey.data));
  } catch {
    return false;
  }
}
