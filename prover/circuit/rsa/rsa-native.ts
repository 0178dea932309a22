// Witness helpers for RSA outside the circuit: numbers from key and signature bytes, and the PSS salt a signature
// carries (the circuit checks it: encoding.ts rebuilds EM from it, so a wrong salt only fails the proof).
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { powMod } from '../field-native.js';
import { LIMB_SPAN_BYTES } from './limbs.js';
import { KEY_BYTES, SALT_BYTES } from './encoding.js';

export const bigintOf = (bytesBE: Uint8Array): bigint => (bytesBE.length ? BigInt(`0x${Buffer.from(bytesBE).toString('hex')}`) : 0n);

export function bytesLE(x: bigint, length = LIMB_SPAN_BYTES): number[] {
  return Array.from({ length }, (_, i) => Number((x >> BigInt(8 * i)) & 0xffn));
}


/** The modulus of an RSA public key and its size's index in KEY_BYTES, or undefined for other sizes. */
export function rsaModulus(key: KeyObject | Uint8Array): { n: bigint; size: number } | undefined {
  const jwk = (key instanceof Uint8Array ? createPublicKey({ key: Buffer.from(key), format: 'der', type: 'spki' }) : key).export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || jwk.e !== 'AQAB' || !jwk.n) return undefined;
  const bytes = Buffer.from(jwk.n, 'base64url');
  const size = KEY_BYTES.findIndex((k) => k === bytes.length);
  return size < 0 || bytes[0] < 0x80 ? undefined : { n: bigintOf(bytes), size };
}

/** The salt of an RSASSA-PSS signature (MGF1-SHA-256, 32-byte salt), or undefined when it is not one. */
export function pssSalt(signature: Uint8Array, n: bigint, k: number): Uint8Array | undefined {
  const em = Buffer.from(bytesLE(powMod(bigintOf(signature), 65537n, n), k).reverse());
  if (em[k - 1] !== 0xbc) return undefined;
  const h = em.subarray(k - 33, k - 1);
  const db = Buffer.from(em.subarray(0, k - 33));
  for (let c = 0, at = 0; at < db.length; c++) {
    const block = createHash('sha256').update(h).update(Uint8Array.of(0, 0, 0, c)).digest();
    for (let i = 0; i < 32 && at < db.length; i++, at++) db[at] ^= block[i];
  }
  db[0] &= 0x7f;
  const one = db.length - SALT_BYTES - 1;
  if (db[one] !== 1 || db.subarray(0, one).some((b) => b !== 0)) return undefined;
  return db.subarray(one + 1);
}
