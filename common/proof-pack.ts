// The exported proof pack, format `shutterproof.proof/v2` (circuit v2). It carries everything a verifier needs and nothing
// that identifies the signer: no certificate, serial number, GPS or claim text.
import { z } from 'zod';
import { publicInputs, stepTiming } from './prover-protocol.js';

export const PROOF_PACK_FORMAT = 'shutterproof.proof/v2';

export const proofPack = z.object({
  format: z.literal(PROOF_PACK_FORMAT),
  circuit: z.object({ id: z.string(), version: z.number().int(), vkHash: z.string() }),
  publicInputs,
  /** o1js proof JSON of the final recursive proof. */
  proof: z.record(z.string(), z.unknown()),
  /** o1js verification key: `{ data, hash }`. */
  verificationKey: z.object({ data: z.string(), hash: z.string() }),
  trustList: z.object({
    name: z.string(),
    root: z.string(),
    /** Uncompressed P-256 public keys of the trusted CAs (hex), in Merkle leaf order, and SHA-256 fingerprints of their certificates. */
    keys: z.array(z.object({ publicKey: z.string(), certSha256: z.string().optional(), subject: z.string().optional() })),
  }),
  photo: z.object({
    name: z.string().optional(),
    assetHash: z.string(),
    /** SHA-256 of the photo with its manifest removed, when that file was written. */
    strippedSha256: z.string().optional(),
  }),
  statement: z.object({ proves: z.array(z.string()), doesNotProve: z.array(z.string()) }),
  prover: z.object({ app: z.string(), o1js: z.string(), backend: z.string() }),
  createdAt: z.string(),
  timings: z.object({ totalMs: z.number(), steps: z.array(stepTiming) }),
  verified: z.literal(true),
});
export type ProofPack = z.infer<typeof proofPack>;
