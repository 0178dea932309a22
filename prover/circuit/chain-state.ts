// What one SHA-256 chain step hands to the next: the SHA midstate plus the running random linear combination of the
// hashed (padded) bytes, and the running sums recorded at the blocks where later checks need them.
import { Field, Poseidon, Provable, Struct } from '../o1js.js';
import { CAPTURES } from './constants.js';

export class ChainState extends Struct({
  /** Fiat-Shamir challenge of the RLC; the final step recomputes it from everything the proof commits to. */
  r: Field,
  /** SHA-256 midstate (eight 32-bit words); after the last block it is the digest. */
  h: Provable.Array(Field, 8),
  /** Blocks hashed so far. */
  n: Field,
  /** sum over hashed bytes b_i * r^i */
  acc: Field,
  /** r^(64 n) */
  rpow: Field,
  /** Block index of each capture, fixed when the message starts. */
  capBlock: Provable.Array(Field, CAPTURES),
  /** acc at the start of that block. */
  capPre: Provable.Array(Field, CAPTURES),
  /** That block's contribution sum b_i r^i over its 64 bytes. */
  capEval: Provable.Array(Field, CAPTURES),
  /** Poseidon hash of the finished message state this chain continued from (the assertion before the TBS), or 0. */
  prev: Field,
}) {}

export function hashChainState(s: ChainState): Field {
  return Poseidon.hash(ChainState.toFields(s));
}
