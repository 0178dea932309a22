// The prover-supplied numbers that locate every window (offsets, lengths, header forms), and the Fiat-Shamir
// challenge computed over them, the three message digests and every block the final step opens.
import { Field, Gadgets, Poseidon, Provable, Struct } from '../o1js.js';
import { AssertionParams } from './assertion-windows.js';
import type { ChainState } from './chain-state.js';
import type { Capture } from './rlc-gadgets.js';
import { SigParams } from './sig-windows.js';
import { TbsParams } from './tbs-walk.js';

const Bytes64 = Provable.Array(Field, 64);

export class BindParams extends Struct({
  s: SigParams,
  t: TbsParams,
  a: AssertionParams,
  /** SHA-256 length fields (8 * len as 2 bytes) of S, TBS, assertion. */
  padS: Provable.Array(Field, 2),
  padT: Provable.Array(Field, 2),
  padA: Provable.Array(Field, 2),
  /** Leaf and CA public keys (x||y big-endian) and the asset hash, as bytes. */
  leafKey: Bytes64,
  caKey: Bytes64,
  assetHash: Provable.Array(Field, 32),
}) {}

/** Fields of a 32-byte big-endian coordinate as o1js foreign-field limbs (88 bits, low limb first). */
export function limbs88(bytes: Field[]): Field[] {
  const be = (part: Field[]) => part.reduce((acc, b) => acc.mul(256).add(b), Field(0));
  return [be(bytes.slice(21, 32)), be(bytes.slice(10, 21)), be(bytes.slice(0, 10))];
}

/** Two 128-bit halves [hi, lo] of 32 big-endian bytes. */
export function halves128(bytes: Field[]): [Field, Field] {
  const be = (part: Field[]) => part.reduce((acc, b) => acc.mul(256).add(b), Field(0));
  return [be(bytes.slice(0, 16)), be(bytes.slice(16, 32))];
}

/** Bytes (range-checked here) packed 31 to a field: an injective encoding, so the hash fixes every byte. */
export function packBytes(bytes: Field[]): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < bytes.length; i += 31) {
    const part = bytes.slice(i, i + 31);
    part.forEach((b) => Gadgets.rangeCheck8(b));
    out.push(part.reduce((acc, b) => acc.mul(256).add(b), Field(0)));
  }
  return out;
}

/**
 * The challenge r. Everything a window is checked against is an input here, so it is fixed before r is known:
 * the digests (which fix every hashed byte), every offset and length, the keys and the asset hash, and the bytes
 * of every block the final step opens (without them a prover could choose those bytes after seeing r).
 */
export function challenge(s: ChainState, t: ChainState, a: ChainState, p: BindParams, captures: Capture[]): Field {
  return Poseidon.hash([
    ...s.h, s.n, ...t.h, t.n, ...a.h, a.n,
    ...SigParams.toFields(p.s), ...TbsParams.toFields(p.t), ...AssertionParams.toFields(p.a),
    ...p.padS, ...p.padT, ...p.padA,
    ...packBytes([...p.leafKey, ...p.caKey, ...p.assetHash]),
    ...captures.flatMap((c) => packBytes(c.bytes)),
  ]);
}
