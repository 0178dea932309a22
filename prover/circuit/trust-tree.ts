// The trust list as a Poseidon Merkle tree of CA public keys, P-256 and RSA side by side. The same leaf functions run
// out of circuit (building the root and paths) and in circuit (on the CA key), so the two cannot drift apart. A leaf
// says which kind of key it holds: an RSA leaf starts with RSA_LEAF_TAG = 2^128, a value no P-256 leaf can start
// with (its first input is the top half of a coordinate, below 2^128), so no key of one kind stands for the other.
import { Bool, Field, MerkleTree, MerkleWitness, Poseidon } from '../o1js.js';
import { ShutterproofError } from '../../common/error-codes.js';
import { LIMITS, TRUST_TREE_HEIGHT } from './constants.js';
import { KEY_BYTES } from './rsa/encoding.js';
import { toLimbs } from './rsa/limbs.js';

export interface P256Key {
  x: bigint;
  y: bigint;
}

/** An RSA key with e = 65537 and a modulus of exactly 2048, 3072 or 4096 bits. */
export interface RsaKey {
  n: bigint;
}

export type CaKey = P256Key | RsaKey;

export const isRsaKey = (key: CaKey): key is RsaKey => 'n' in key;

export const RSA_LEAF_TAG = 1n << 128n;

export class TrustPath extends MerkleWitness(TRUST_TREE_HEIGHT) {}

const LOW128 = (1n << 128n) - 1n;

/** Leaf of a P-256 key: Poseidon(x_hi, x_lo, y_hi, y_lo), each a 128-bit half of a coordinate. */
export function trustLeafFields(halves: [Field, Field, Field, Field]): Field {
  return Poseidon.hash(halves);
}

/** Leaf of an RSA key: Poseidon(2^128, key size one-hot, modulus limbs). */
export function rsaTrustLeafFields(size: Bool[], n: Field[]): Field {
  return Poseidon.hash([Field(RSA_LEAF_TAG), ...size.map((b) => b.toField()), ...n]);
}

/** Index in KEY_BYTES of an RSA modulus's exact size; throws for any other size. */
export function rsaKeySize(n: bigint): number {
  const size = KEY_BYTES.findIndex((k) => n >> BigInt(8 * k - 1) === 1n);
  if (size < 0) throw new RangeError(`an RSA modulus of ${n.toString(2).length} bits; the circuit takes 2048, 3072 or 4096`);
  return size;
}

export function trustLeaf(key: CaKey): bigint {
  if (isRsaKey(key)) {
    const size = rsaKeySize(key.n);
    return rsaTrustLeafFields(KEY_BYTES.map((_, i) => Bool(i === size)), toLimbs(key.n).map((x) => Field(x))).toBigInt();
  }
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
