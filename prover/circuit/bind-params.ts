// The prover-supplied numbers that locate every window (offsets, lengths, header forms), and the Fiat-Shamir
// challenge computed over them and over the three message digests.
import { Bool, Field, Poseidon, Provable, Struct } from '../o1js.js';
import type { ChainState } from './chain-state.js';

const Bytes64 = Provable.Array(Field, 64);

export class BindParams extends Struct({
  /** Protected header length (hi, lo bytes) and its bstr header form one-hot [1-byte, 2-byte, 3-byte]. */
  lpHi: Field,
  lpLo: Field,
  lpForm: Provable.Array(Bool, 3),
  /** Claim length and header form. */
  lcHi: Field,
  lcLo: Field,
  lcForm: Provable.Array(Bool, 3),
  /** x5chain window start in S; whether x5chain is an array (then arrByte is its header). */
  o2: Field,
  isArray: Bool,
  arrByte: Field,
  /** Leaf certificate bstr length and certificate SEQUENCE content length (both 2-byte forms). */
  certHi: Field,
  certLo: Field,
  bodyHi: Field,
  bodyLo: Field,
  /** TBSCertificate SEQUENCE content length; |TBS| = 4 + this. */
  tbsHi: Field,
  tbsLo: Field,
  /** Claim reference window start in S. */
  o3: Field,
  /** SubjectPublicKeyInfo start in the TBS. */
  o4: Field,
  /** Assertion length, its jumd window start (4 or 12), toggles byte, asset-hash window start. */
  aLen: Field,
  o5: Field,
  toggles: Field,
  o6: Field,
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

/** The challenge r: everything the windows are checked against is fixed before r is known. */
export function challenge(s: ChainState, t: ChainState, a: ChainState, p: BindParams): Field {
  const scalars = [
    p.lpHi, p.lpLo, ...p.lpForm.map((b) => b.toField()), p.lcHi, p.lcLo, ...p.lcForm.map((b) => b.toField()),
    p.o2, p.isArray.toField(), p.arrByte, p.certHi, p.certLo, p.bodyHi, p.bodyLo, p.tbsHi, p.tbsLo,
    p.o3, p.o4, p.aLen, p.o5, p.toggles, p.o6, ...p.padS, ...p.padT, ...p.padA,
  ];
  return Poseidon.hash([
    ...s.h, s.n, ...t.h, t.n, ...a.h, a.n, ...scalars,
    ...limbs88(p.leafKey.slice(0, 32)), ...limbs88(p.leafKey.slice(32)),
    ...limbs88(p.caKey.slice(0, 32)), ...limbs88(p.caKey.slice(32)),
    ...halves128(p.assetHash),
  ]);
}
