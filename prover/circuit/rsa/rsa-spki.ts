// The DER SubjectPublicKeyInfo of an RSA key with e = 65537 (RFC 8017 A.1.1, RFC 4055), as the leaf certificate of a
// PS256 signer carries it, built in the circuit from the modulus limbs the signature check uses, so that the key in
// the certificate and the key that verified the claim signature are one. For a modulus of k bytes (top bit set):
//   30 82 [k+34] | 30 0d 06 09 2a 86 48 86 f7 0d 01 01 01 05 00 | 03 82 [k+15] 00 | 30 82 [k+10]
//   | 02 82 [k+1] 00 <n, k bytes big-endian> | 02 03 01 00 01
// Every length is two bytes because k >= 256, so each key size has exactly one encoding (DER is canonical).
import type { Bool, Field } from '../../o1js.js';
import type { Piece, RlcContext } from '../window-gadgets.js';
import { KEY_BYTES } from './encoding.js';
import { bytesOfLimbs } from './limbs.js';

/** AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
const RSA_ENCRYPTION = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const EXPONENT_65537 = [0x02, 0x03, 0x01, 0x00, 0x01];

const long = (tag: number, length: number) => [tag, 0x82, length >> 8, length & 0xff];

/** The bytes before and after the modulus in the SubjectPublicKeyInfo of a k-byte key. */
export function rsaSpkiFrame(k: number): { head: number[]; tail: number[] } {
  return {
    head: [...long(0x30, k + 34), ...RSA_ENCRYPTION, ...long(0x03, k + 15), 0x00, ...long(0x30, k + 10), ...long(0x02, k + 1), 0x00],
    tail: EXPONENT_65537,
  };
}

/** The whole SubjectPublicKeyInfo, natively (witnesses and tests). */
export function rsaSpkiDer(n: bigint, k: number): Uint8Array {
  const { head, tail } = rsaSpkiFrame(k);
  return Uint8Array.from([...head, ...Buffer.from(n.toString(16).padStart(2 * k, '0'), 'hex'), ...tail]);
}

/** The SubjectPublicKeyInfo of the key (n limbs, size one-hot) as a window pattern: one of three, by the size. */
export function rsaSpkiPattern(ctx: RlcContext, n: Field[], size: Bool[]): Piece {
  const nLE = bytesOfLimbs(n);
  return ctx.choose(
    size,
    KEY_BYTES.map((k) => {
      const { head, tail } = rsaSpkiFrame(k);
      return ctx.bytes([...head, ...nLE.slice(0, k).reverse(), ...tail]);
    }),
  );
}
