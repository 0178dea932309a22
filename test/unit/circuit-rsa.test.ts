// RSA inside the circuit against node:crypto: signatures made by Node with fresh random keys of every size the
// circuit takes must satisfy the constraints; a wrong digest, padding, salt length, key size or an unreduced
// signature (s >= n) must not.
import { describe, expect, it } from 'vitest';
import { constants, createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Bool, Field, Provable, UInt8 } from '../../prover/o1js.js';
import { fromLimbs, LIMB_SPAN_BYTES, Limbs, toLimbs } from '../../prover/circuit/rsa/limbs.js';
import { KEY_BYTES, KeySize, MGF_BLOCKS, mgfBlock, pkcs1Message, pssHash, pssMessagePart, SALT_BYTES } from '../../prover/circuit/rsa/encoding.js';
import { modulusLimbs, rsaVerify65537 } from '../../prover/circuit/rsa/rsa-verify.js';
import { powMod } from '../../prover/circuit/field-native.js';
import { bigintOf, bytesLE, pssSalt, rsaModulus } from '../../prover/circuit/rsa/rsa-native.js';
import { PowerState, powerStep, POWER_STEPS, SQUARINGS_PER_STEP } from '../../prover/circuit/rsa/rsa-power.js';

type Scheme = 'pkcs1' | 'pss';
const keys = new Map<number, KeyObject>();
function keyOf(bits: number): KeyObject {
  if (!keys.has(bits)) keys.set(bits, generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 }).privateKey);
  return keys.get(bits)!;
}

function signed(bits: number, scheme: Scheme, saltLength = 32) {
  const message = randomBytes(100);
  const key = keyOf(bits);
  const padding = scheme === 'pss' ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING;
  const signature = sign('sha256', message, { key, padding, saltLength });
  const { n, size } = rsaModulus(key)!;
  return { digest: createHash('sha256').update(message).digest(), signature, n, size };
}

interface Case {
  digest: Uint8Array;
  signature: Uint8Array;
  n: bigint;
  size: number;
  salt?: Uint8Array;
  s?: bigint;
}

/** Runs the whole verification on witnesses: modulus bytes -> limbs, EM from the digest, s^65537 = EM. */
function check(scheme: Scheme, c: Case) {
  const k = KEY_BYTES[c.size];
  const salt = c.salt ?? (scheme === 'pss' ? (pssSalt(c.signature, c.n, k) ?? new Uint8Array(SALT_BYTES)) : undefined);
  return Provable.runAndCheck(() => {
    const nLE = Provable.witness(Provable.Array(UInt8, LIMB_SPAN_BYTES), () => bytesLE(c.n).map((b) => UInt8.from(b))).map((b) => b.value);
    const size = Provable.witness(KeySize, () => KEY_BYTES.map((_, i) => Bool(i === c.size)));
    const s = Provable.witness(Limbs, () => toLimbs(c.s ?? bigintOf(c.signature)).map((x) => Field(x)));
    const digest = Provable.witness(Provable.Array(UInt8, 32), () => [...c.digest].map((b) => UInt8.from(b)));
    const n = modulusLimbs(nLE, size);
    let em: Field[];
    if (scheme === 'pkcs1') em = pkcs1Message(digest.map((b) => b.value), size);
    else {
      const saltBytes = Provable.witness(Provable.Array(UInt8, SALT_BYTES), () => [...salt!].map((b) => UInt8.from(b)));
      const h = pssHash(digest, saltBytes);
      const mask = Array.from({ length: MGF_BLOCKS }, (_, j) => mgfBlock(h, j, size));
      em = pssMessagePart(0, LIMB_SPAN_BYTES, h, saltBytes, (j) => mask[j], size);
    }
    rsaVerify65537(s, n, em, 'RSA signature');
  });
}

describe('RSA signatures in the circuit, against node:crypto', () => {
  for (const bits of [2048, 3072, 4096]) {
    it(`accepts RSA-${bits} PKCS#1 v1.5 and PSS signatures over SHA-256`, async () => {
      await expect(check('pkcs1', signed(bits, 'pkcs1'))).resolves.toBeUndefined();
      await expect(check('pss', signed(bits, 'pss'))).resolves.toBeUndefined();
    }, 120_000);
  }

  it('refuses a signature over another digest', async () => {
    for (const scheme of ['pkcs1', 'pss'] as const) {
      const c = signed(2048, scheme);
      await expect(check(scheme, { ...c, digest: createHash('sha256').update('another').digest() })).rejects.toThrow(/RSA signature/);
    }
  }, 120_000);

  it('refuses the wrong padding: a PSS signature as PKCS#1 v1.5, and the reverse', async () => {
    await expect(check('pkcs1', signed(2048, 'pss'))).rejects.toThrow(/RSA signature/);
    const c = signed(2048, 'pkcs1');
    await expect(check('pss', { ...c, salt: randomBytes(32) })).rejects.toThrow(/RSA signature/);
  }, 120_000);

  it('refuses a PSS signature with another salt length, whatever salt the prover claims', async () => {
    const c = signed(2048, 'pss', 20);
    expect(pssSalt(c.signature, c.n, 256)).toBeUndefined();
    await expect(check('pss', { ...c, salt: randomBytes(32) })).rejects.toThrow(/RSA signature/);
  }, 120_000);

  it('refuses s >= n even though s + n gives the same power', async () => {
    const c = signed(2048, 'pkcs1');
    await expect(check('pkcs1', { ...c, s: bigintOf(c.signature) + c.n })).rejects.toThrow(/signature below the modulus/);
  }, 120_000);

  it('refuses a key size other than the modulus has, and a modulus that is not exactly 8k bits', async () => {
    const c = signed(2048, 'pss');
    await expect(check('pss', { ...c, size: 1 })).rejects.toThrow(/modulus shorter than its key size/);
    const big = signed(4096, 'pkcs1');
    await expect(check('pkcs1', { ...big, size: 0 })).rejects.toThrow(/modulus longer than its key size/);
    // 256 bytes whose top bit is clear: a 2047-bit modulus, whose EM would have another length (emBits).
    const odd = signed(2048, 'pkcs1');
    await expect(check('pkcs1', { ...odd, n: odd.n >> 1n })).rejects.toThrow(/modulus shorter than its key size/);
  }, 120_000);

  it('power steps: two give s^65537 mod n; a third, past 2^16, is refused', async () => {
    const c = signed(2048, 'pkcs1');
    const s = bigintOf(c.signature);
    const limbs = (x: bigint) => toLimbs(x).map((v) => Field(v));
    const size = KEY_BYTES.map((_, i) => Bool(i === c.size));
    const stepFrom = (x: bigint, squarings: number) =>
      Provable.runAndCheck(() => {
        const state = Provable.witness(PowerState, () => new PowerState({ n: limbs(c.n), size, s: limbs(s), x: limbs(x), squarings: Field(squarings) }));
        const out = powerStep(state);
        Provable.asProver(() => void (result = fromLimbs(out.x.map((limb) => limb.toBigInt()))));
      });
    let result = 0n;
    let x = s;
    for (let step = 0; step < POWER_STEPS; step++) {
      await stepFrom(x, SQUARINGS_PER_STEP * step);
      x = result;
    }
    expect(x % c.n).toBe(powMod(s, 65537n, c.n));
    await expect(stepFrom(x, 16)).rejects.toThrow(/no squaring past 2\^16/);
  }, 120_000);
});
