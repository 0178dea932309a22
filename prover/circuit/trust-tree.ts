// The trust list as a Poseidon Merkle tree of CA public keys. The same leaf function runs out of circuit (building
// the root and paths) and in circuit (on the CA key bytes), so the two cannot drift apart.
import { Field, MerkleTree, MerkleWitness, Poseidon } from '../o1js.js';
import { ShutterproofError } from '../../common/error-codes.js';
import { LIMITS, TRUST_TREE_HEIGHT } from './constants.js';

export interface CaKey {
  x: bigint;
  y: bigint;
}

export class TrustPath extends MerkleWitness(TRUST_TREE_HEIGHT) {}

const LOW128 = (1n << 128n) - 1n;

/** Leaf of a P-256 key: Poseidon(x_hi, x_lo, y_hi, y_lo), each a 128-bit half of a coordinate. */
export function trustLeafFields(halves: [Field, Field, Field, Field]): Field {
  return Poseidon.hash(halves);
}

export function trustLeaf(key: CaKey): bigint {
  return trustLeafFields([
    Field(key.x >> 128n),
    Field(key.x & LOW128),
    Field(key.y >> 128n),
    Field(key.y & LOW128),
  ]).toBigInt();
}

function tree(keys: CaKey[]): MerkleTree {
  if (keys.length === 0) throw new ShutterproofError('trust_list_invalid', 'the trust list has no keys');
  if (keys.length > LIMITS.trustListKeys)
    throw new ShutterproofError(
      'input_exceeds_circuit_limits',
      `trust list: ${keys.length} keys, the circuit holds at most ${LIMITS.trustListKeys}`,
    );
  const t = new MerkleTree(TRUST_TREE_HEIGHT);
  keys.forEach((key, i) => t.setLeaf(BigInt(i), Field(trustLeaf(key))));
  return t;
}

/** Merkle root (height 17, empty leaves 0) of the keys in list order. */
export function trustRoot(keys: CaKey[]): bigint {
  return tree(keys).getRoot().toBigInt();
}

export function trustPath(keys: CaKey[], index: number): TrustPath {
  if (index < 0 || index >= keys.length) throw new RangeError(`trust-list index ${index} out of range`);
  return new TrustPath(tree(keys).getWitness(BigInt(index)));
}
