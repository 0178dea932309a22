// Big integers for RSA inside the circuit: little-endian limbs of 112 bits (14 bytes, so byte strings pack into
// limbs without splitting a byte), 37 limbs for every modulus up to 4096 bits. A 2048- or 3072-bit number is the same
// type with its top limbs zero, so one circuit serves every key size.
//
// Why the product check is sound: with limbs below 2^112, each column of x*y - q*n - r is a sum of at most 2*37
// products below 2^224, so below 2^231 in absolute value; a carry (column + previous carry) / 2^112 then lies below
// 2^120 and is range-checked to 128 signed bits. Every quantity stays far below half the native field (~2^253), so each
// column equation holds over the integers, and the last carry being zero makes x*y = q*n + r an integer identity.
// r is range-checked limb by limb but not reduced below n: callers rely only on r = x*y (mod n) and compare the final
// value with a number they know to be below n (rsa-verify.ts).
import { Bool, Field, Gadgets, Provable } from '../../o1js.js';

export const LIMB_BITS = 112;
export const LIMB_BYTES = LIMB_BITS / 8;
/** Limbs of every RSA number in the circuit: 37 * 112 = 4144 bits >= 4096. */
export const LIMBS = 37;
/** Bytes the limbs hold: 518, of which the moduli use at most 512. */
export const LIMB_SPAN_BYTES = LIMBS * LIMB_BYTES;

const MASK = (1n << BigInt(LIMB_BITS)) - 1n;
const SHIFT = 1n << BigInt(LIMB_BITS);

export const Limbs = Provable.Array(Field, LIMBS);

/** Little-endian limbs of a non-negative integer below 2^(112 * 37). */
export function toLimbs(x: bigint): bigint[] {
  if (x < 0n || x >> BigInt(LIMB_BITS * LIMBS) !== 0n) throw new RangeError('number does not fit in the RSA limbs');
  return Array.from({ length: LIMBS }, (_, i) => (x >> BigInt(LIMB_BITS * i)) & MASK);
}

export function fromLimbs(limbs: readonly bigint[]): bigint {
  return limbs.reduceRight((acc, limb) => (acc << BigInt(LIMB_BITS)) | limb, 0n);
}

/** The integer a vector of limb variables holds, for witness computations (prover side only). */
function valueOf(limbs: Field[]): bigint {
  return fromLimbs(limbs.map((x) => x.toBigInt()));
}

export function rangeCheckLimbs(limbs: Field[]): void {
  for (const limb of limbs) Gadgets.rangeCheckN(LIMB_BITS, limb);
}

function witnessLimbs(compute: () => bigint): Field[] {
  const limbs = Provable.witness(Limbs, () => toLimbs(compute()).map((x) => Field(x)));
  rangeCheckLimbs(limbs);
  return limbs;
}

/** A carry of a column sum, proved to be (column + carry) / 2^112 exactly and to lie in [-2^127, 2^127). */
function carryOf(column: Field): Field {
  const carry = Provable.witness(Field, () => {
    const v = column.toBigInt();
    const signed = v > Field.ORDER / 2n ? v - Field.ORDER : v;
    return Field(signed / SHIFT);
  });
  Gadgets.rangeCheckN(128, carry.add(1n << 127n));
  column.assertEquals(carry.mul(SHIFT));
  return carry;
}

/**
 * r with r = x * y (mod n) and every limb of r below 2^112; `n` must be range-checked limbs of a non-zero number.
 * When squaring, pass the same array twice: the symmetric products are then counted once, doubled.
 */
export function mulMod(x: Field[], y: Field[], n: Field[]): Field[] {
  const square = x === y;
  const q = witnessLimbs(() => (valueOf(x) * valueOf(y)) / valueOf(n));
  const r = witnessLimbs(() => (valueOf(x) * valueOf(y)) % valueOf(n));
  const columns = Array.from({ length: 2 * LIMBS - 1 }, () => Field(0));
  for (let i = 0; i < LIMBS; i++) {
    if (square) {
      for (let j = 0; j < i; j++) columns[i + j] = columns[i + j].add(x[i].mul(x[j]).mul(2));
      columns[2 * i] = columns[2 * i].add(x[i].mul(x[i]));
    } else {
      for (let j = 0; j < LIMBS; j++) columns[i + j] = columns[i + j].add(x[i].mul(y[j]));
    }
    for (let j = 0; j < LIMBS; j++) columns[i + j] = columns[i + j].sub(q[i].mul(n[j]));
    columns[i] = columns[i].sub(r[i]).seal();
  }
  let carry = Field(0);
  for (let k = 0; k < 2 * LIMBS - 2; k++) carry = carryOf(columns[k].add(carry).seal());
  columns[2 * LIMBS - 2].add(carry).assertEquals(0, 'x * y = q * n + r');
  return r;
}

/** Asserts a < b for range-checked limbs, by exhibiting d >= 0 with a + d + 1 = b (0/1 carries). */
export function assertLessThan(a: Field[], b: Field[], message: string): void {
  const d = witnessLimbs(() => {
    const diff = valueOf(b) - valueOf(a) - 1n;
    return diff < 0n ? 0n : diff;
  });
  let carry: Field = Field(1);
  for (let k = 0; k < LIMBS; k++) {
    const column = a[k].add(d[k]).add(carry).sub(b[k]).seal();
    const out = Provable.witness(Bool, () => Bool(column.toBigInt() === SHIFT));
    column.assertEquals(out.toField().mul(SHIFT), message);
    carry = out.toField();
  }
  carry.assertEquals(0, message);
}

/** Limbs of a little-endian byte string of LIMB_SPAN_BYTES bytes (each byte range-checked by its producer). */
export function limbsOfBytes(bytesLE: Field[]): Field[] {
  if (bytesLE.length !== LIMB_SPAN_BYTES) throw new Error(`expected ${LIMB_SPAN_BYTES} bytes`);
  return Array.from({ length: LIMBS }, (_, i) => {
    let limb = Field(0);
    for (let b = LIMB_BYTES - 1; b >= 0; b--) limb = limb.mul(256).add(bytesLE[LIMB_BYTES * i + b]);
    return limb.seal();
  });
}

/** The little-endian bytes of range-checked limbs, each byte range-checked, proved to pack back into the limbs. */
export function bytesOfLimbs(limbs: Field[]): Field[] {
  const bytes = Provable.witness(Provable.Array(Field, LIMB_SPAN_BYTES), () => {
    const x = valueOf(limbs);
    return Array.from({ length: LIMB_SPAN_BYTES }, (_, i) => Field((x >> BigInt(8 * i)) & 0xffn));
  });
  for (const b of bytes) Gadgets.rangeCheck8(b);
  limbsOfBytes(bytes).forEach((limb, i) => limb.assertEquals(limbs[i], 'bytes of a number'));
  return bytes;
}
