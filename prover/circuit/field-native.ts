// Out-of-circuit mirror of the random-linear-combination (RLC) arithmetic over the Pallas base field, used by the
// witness builder to precompute what the chain records, and by tests as the reference for the in-circuit gadgets.
import { Field } from '../o1js.js';

export const P = Field.ORDER;

export const mod = (a: bigint): bigint => ((a % P) + P) % P;

/** base^exp modulo `modulus` (the Pallas field unless given: RSA witnesses use their key's modulus). */
export function powMod(base: bigint, exp: number | bigint, modulus = P): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = BigInt(exp);
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** sum bytes[i] * r^(start + i) */
export function evalBytes(bytes: ArrayLike<number>, r: bigint, start = 0): bigint {
  let acc = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) acc = (acc * r + BigInt(bytes[i])) % P;
  return (acc * powMod(r, start)) % P;
}

/** SHA-256 padding appended to a message of `len` bytes. */
export function shaPadding(len: number): Uint8Array {
  const total = (Math.floor((len + 8) / 64) + 1) * 64;
  const pad = new Uint8Array(total - len);
  pad[0] = 0x80;
  const bits = BigInt(len) * 8n;
  for (let i = 0; i < 8; i++) pad[pad.length - 1 - i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  return pad;
}

export function padded(message: Uint8Array): Uint8Array {
  const pad = shaPadding(message.length);
  const out = new Uint8Array(message.length + pad.length);
  out.set(message);
  out.set(pad, message.length);
  return out;
}
