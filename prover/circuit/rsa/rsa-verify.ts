// RSA signature verification with e = 65537 in the circuit: s^65537 = EM (mod n) with 0 <= s < n, where EM is the
// encoded message built from the digest (encoding.ts) and known to be below n (its top byte is 00, or its top bit
// clear with an exactly 8k-bit modulus), so that the congruence means s^65537 mod n = EM, as RFC 8017 §8 checks.
// The exponentiation is 16 squarings and one multiplication (limbs.ts), split into parts so that a proof step holds
// as many as its row budget allows.
import { Bool, Field, Gadgets } from '../../o1js.js';
import { assertLessThan, limbsOfBytes, mulMod, rangeCheckLimbs, LIMB_SPAN_BYTES } from './limbs.js';
import { assertOneSize, bySize, KEY_BYTES } from './encoding.js';

/** The modulus limbs from its little-endian bytes (range-checked by their producer), checked to be exactly 8k bits. */
export function modulusLimbs(nLE: Field[], size: Bool[]): Field[] {
  assertOneSize(size);
  const largest = KEY_BYTES[KEY_BYTES.length - 1];
  for (let i = KEY_BYTES[0] - 1; i < LIMB_SPAN_BYTES; i++) {
    if (i >= largest) nLE[i].assertEquals(0, 'modulus above 4096 bits');
    else nLE[i].mul(bySize(size, (k) => (i >= k ? 1 : 0))).assertEquals(0, 'modulus longer than its key size');
  }
  // The top byte k-1 has its high bit set: top - 128 is not negative (it would wrap to a huge field element).
  const top = size.reduce((sum, s, j) => sum.add(s.toField().mul(nLE[KEY_BYTES[j] - 1])), Field(0));
  Gadgets.rangeCheckN(16, top.sub(128), 'modulus shorter than its key size');
  return limbsOfBytes(nLE);
}

/** 0 <= s < n, as RSAVP1 requires of a signature representative (RFC 8017 §5.2.2). */
export function assertSignatureBelow(s: Field[], n: Field[]): void {
  rangeCheckLimbs(s);
  assertLessThan(s, n, 'signature below the modulus');
}

/** The start of the exponentiation: checks 0 <= s < n and squares s `times` times. */
export function powerStart(s: Field[], n: Field[], times: number): Field[] {
  assertSignatureBelow(s, n);
  return squareTimes(s, n, times);
}

export function squareTimes(x: Field[], n: Field[], times: number): Field[] {
  for (let i = 0; i < times; i++) x = mulMod(x, x, n);
  return x;
}

/** The end: x = s^(2^16) is multiplied by s once more and must equal EM. */
export function powerEnd(x: Field[], s: Field[], n: Field[], em: Field[], message: string): void {
  const result = mulMod(x, s, n);
  limbsOfBytes(em).forEach((limb, i) => result[i].assertEquals(limb, message));
}

/** The whole check in one circuit (tests and benchmarks; the proof splits it over steps). */
export function rsaVerify65537(s: Field[], n: Field[], em: Field[], message: string): void {
  powerEnd(powerStart(s, n, 16), s, n, em, message);
}
