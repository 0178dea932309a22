// The encoded message EM that an RSA signature must raise to (RFC 8017), built in the circuit as little-endian bytes
// of one of the three key sizes, so that the verifier's check is a single integer equality with s^65537 mod n
// (rsa-verify.ts). Both encodings are built from the message digest alone (and, for PSS, a salt the prover supplies),
// never decoded from the signature: every byte of EM is fixed, so nothing in it is left for a forger to choose.
//
// Byte i of EM (little-endian: i = 0 is the last byte of the big-endian EM) for a key of k bytes:
//   PKCS#1 v1.5, SHA-256: 0..31 digest, 32..50 DigestInfo prefix, 51 = 00, 52..k-3 = FF, k-2 = 01, k-1 = 00
//   PSS, MGF1-SHA-256, 32-byte salt: 0 = BC, 1..32 H, 33..64 salt ^ mask, 65 = 01 ^ mask, 66..k-2 = mask,
//   k-1 = mask & 7F (emBits = 8k - 1: keys are exactly 8k bits, checked where the modulus is read)
//   and 0 from k up. H = SHA-256(00*8 || digest || salt); mask = MGF1(H), whose block j counted from the end of DB is
//   SHA-256(H || counter k/32 - 2 - j) and covers bytes 32(j+1) .. 32(j+1)+31 (every key size is a multiple of 32
//   bytes, so the byte a block supplies does not depend on k; only its counter does).
import { Bool, Field, Gadgets, Provable, UInt8 } from '../../o1js.js';
import { LIMB_SPAN_BYTES } from './limbs.js';

/** Key sizes the circuit accepts, in bytes: RSA-2048, RSA-3072, RSA-4096. */
export const KEY_BYTES = [256, 384, 512] as const;
export const KeySize = Provable.Array(Bool, KEY_BYTES.length);

/** DER DigestInfo of SHA-256 before the digest (RFC 8017 §9.2 note 1). */
const DIGEST_INFO = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
export const SALT_BYTES = 32;
/** MGF1 blocks of the largest key: its DB has 512 - 33 = 479 bytes. */
export const MGF_BLOCKS = Math.ceil((KEY_BYTES[KEY_BYTES.length - 1] - 33) / 32);

/** Exactly one size is chosen. */
export function assertOneSize(size: Bool[]): void {
  size.reduce((sum, s) => sum.add(s.toField()), Field(0)).assertEquals(1, 'one RSA key size');
}

/** sum over sizes of [size chosen] * f(k): a linear combination, free of multiplications when f is constant. */
export function bySize(size: Bool[], f: (k: number) => number): Field {
  const values = KEY_BYTES.map(f);
  if (values.every((v) => v === 0)) return Field(0);
  return size.reduce((sum, s, i) => (values[i] === 0 ? sum : sum.add(s.toField().mul(values[i]))), Field(0));
}

/** EM of RSASSA-PKCS1-v1_5 with SHA-256 over `digest` (32 big-endian bytes, range-checked). */
export function pkcs1Message(digest: Field[], size: Bool[]): Field[] {
  const em = [...[...digest].reverse(), ...[...DIGEST_INFO].reverse().map((b) => Field(b)), Field(0)];
  for (let i = em.length; i < LIMB_SPAN_BYTES; i++) em.push(bySize(size, (k) => (i <= k - 3 ? 0xff : i === k - 2 ? 1 : 0)));
  return em;
}

function sha256(bytes: (UInt8 | number)[]): UInt8[] {
  return Gadgets.SHA2.hash(256, bytes.map((b) => (typeof b === 'number' ? UInt8.from(b) : b))).bytes;
}

/** H = SHA-256(00*8 || digest || salt) of EMSA-PSS (RFC 8017 §9.1). */
export function pssHash(digest: UInt8[], salt: UInt8[]): UInt8[] {
  return sha256([...Array<number>(8).fill(0), ...digest, ...salt]);
}

/** MGF1 block j counted from the end of DB (see the header): SHA-256(H || 4-byte counter); 0 past the key's DB. */
export function mgfBlock(h: UInt8[], j: number, size: Bool[]): UInt8[] {
  const counter = bySize(size, (k) => Math.max(k / 32 - 2 - j, 0));
  return sha256([...h, 0, 0, 0, UInt8.Unsafe.fromField(counter)]);
}

/**
 * EM bytes `from`..`to`-1 of EMSA-PSS (others 0), given the MGF1 blocks that cover them (block j at index j) and H.
 * Split so that the mask's SHA-256 blocks can be proved over several recursive steps.
 */
export function pssMessagePart(from: number, to: number, h: UInt8[], salt: UInt8[], mask: (j: number) => UInt8[], size: Bool[]): Field[] {
  const em: Field[] = [];
  for (let i = 0; i < LIMB_SPAN_BYTES; i++) {
    if (i < from || i >= to) em.push(Field(0));
    else if (i === 0) em.push(Field(0xbc));
    else if (i <= 32) em.push(h[32 - i].value);
    else if (i >= KEY_BYTES[KEY_BYTES.length - 1]) em.push(Field(0));
    else {
      const m = mask(Math.floor(i / 32) - 1)[31 - (i % 32)].value;
      if (i <= 64) em.push(Gadgets.xor(m, salt[64 - i].value, 8));
      else if (i === 65) em.push(Gadgets.xor(m, Field(1), 8));
      else {
        // PS (zeros under the mask) up to k-2; the first byte with its top bit cleared at k-1; 0 above.
        const top = KEY_BYTES.findIndex((k) => i === k - 1);
        const first = top < 0 ? Field(0) : size[top].toField().mul(Gadgets.and(m, Field(0x7f), 8));
        em.push(m.mul(bySize(size, (k) => (i <= k - 2 ? 1 : 0))).add(first));
      }
    }
  }
  return em;
}
