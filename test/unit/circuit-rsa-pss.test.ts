// The two-step RSASSA-PSS check (prover/circuit/rsa/pss-check.ts) against node:crypto: its method bodies run on
// witnesses from Node's PSS signatures with fresh keys of every size; a wrong digest, padding, salt length or salt, a
// power state of another key size or of another signature, and a first step's state opened for another signature
// must not satisfy the constraints. The proofs' own verification (chain, power, first step) is not run here; the
// methods' rows are printed by bench/algorithm-costs.ts.
import { describe, expect, it } from 'vitest';
import { constants, createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Bool, Field, Provable, UInt8 } from '../../prover/o1js.js';
import { ChainState } from '../../prover/circuit/chain-state.js';
import { CAPTURES } from '../../prover/circuit/constants.js';
import { powMod } from '../../prover/circuit/field-native.js';
import { KEY_BYTES, KeySize } from '../../prover/circuit/rsa/encoding.js';
import { toLimbs } from '../../prover/circuit/rsa/limbs.js';
import { bigintOf, pssSalt, rsaModulus } from '../../prover/circuit/rsa/rsa-native.js';
import { powerCommitment, PowerState } from '../../prover/circuit/rsa/rsa-power.js';
import { rsaCommitment } from '../../prover/circuit/rsa/rsa-check.js';
import { maskCommitment, MaskState, pssFirst, pssLastStep, Salt } from '../../prover/circuit/rsa/pss-check.js';

const keys = new Map<number, KeyObject>();
function keyOf(bits: number): KeyObject {
  if (!keys.has(bits)) keys.set(bits, generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 }).privateKey);
  return keys.get(bits)!;
}

interface Signed {
  message: Uint8Array;
  signature: Uint8Array;
  n: bigint;
  size: number;
}

function signed(bits: number, { pss = true, saltLength = 32, message = randomBytes(100) as Uint8Array } = {}): Signed {
  const padding = pss ? constants.RSA_PKCS1_PSS_PADDING : constants.RSA_PKCS1_PADDING;
  const signature = sign('sha256', message, { key: keyOf(bits), padding, saltLength });
  return { message, signature, ...rsaModulus(keyOf(bits))! };
}

const sizeOf = (size: number) => KEY_BYTES.map((_, i) => Bool(i === size));
const limbs = (x: bigint) => toLimbs(x).map((v) => Field(v));

/** A finished chain over `message`, as the chain proof would output it (digestState in witness.ts). */
function chainOf(message: Uint8Array): ChainState {
  const d = createHash('sha256').update(message).digest();
  const zeros = Array.from({ length: CAPTURES }, () => Field(0));
  const h = Array.from({ length: 8 }, (_, i) => Field(d.readUInt32BE(4 * i)));
  return new ChainState({ r: Field(0), h, n: Field(2), acc: Field(0), rpow: Field(0), capBlock: zeros, capPre: zeros, capEval: zeros, prev: Field(0) });
}

/** The power steps' end state for a signature: x = s^65537 mod n after 16 squarings. */
function powerOf(c: Signed, over: Partial<{ size: number; squarings: number }> = {}): PowerState {
  const s = bigintOf(c.signature);
  const size = sizeOf(over.size ?? c.size);
  return new PowerState({ n: limbs(c.n), size, s: limbs(s), x: limbs(powMod(s, 65537n, c.n)), squarings: Field(over.squarings ?? 16) });
}

interface First {
  commitment: Field;
  state: MaskState;
}

/** The first method's body on a chain over `message`, with the salt the signature carries unless one is given. */
async function first(c: Signed, over: Partial<{ message: Uint8Array; salt: Uint8Array; size: number }> = {}): Promise<First> {
  const salt = over.salt ?? pssSalt(c.signature, c.n, KEY_BYTES[c.size])!;
  let out: First | undefined;
  await Provable.runAndCheck(() => {
    const chain = Provable.witness(ChainState, () => chainOf(over.message ?? c.message));
    const saltBytes = Provable.witness(Salt, () => [...salt].map((b) => UInt8.from(b)));
    const size = Provable.witness(KeySize, () => sizeOf(over.size ?? c.size));
    const state = pssFirst(chain, saltBytes, size);
    const commitment = maskCommitment(state);
    Provable.asProver(() => {
      out = { commitment: commitment.toConstant(), state: Provable.toConstant(MaskState, state) };
    });
  });
  return out!;
}

/** The last method's body: opens the first step's commitment with `state` and the power proof's with `power`. */
async function last(f: First, power: PowerState, { state = f.state, powerOut = powerCommitment(power) } = {}): Promise<Field> {
  let out: Field | undefined;
  await Provable.runAndCheck(() => {
    const firstOut = Provable.witness(Field, () => f.commitment);
    const maskState = Provable.witness(MaskState, () => state);
    const powerIn = Provable.witness(Field, () => powerOut);
    const powerState = Provable.witness(PowerState, () => power);
    const result = pssLastStep(firstOut, maskState, powerIn, powerState);
    Provable.asProver(() => void (out = result.toConstant()));
  });
  return out!;
}

// Each refusal reuses an honest first step (running one costs ~8 s) and changes what the last step is given.
describe('RSASSA-PSS over two recursive steps, against node:crypto', () => {
  const honest = new Map<number, { c: Signed; f: First; out: Field }>();
  async function honestOf(bits: number) {
    if (!honest.has(bits)) {
      const c = signed(bits);
      const f = await first(c);
      honest.set(bits, { c, f, out: await last(f, powerOf(c)) });
    }
    return honest.get(bits)!;
  }

  for (const bits of [2048, 3072, 4096]) {
    it(`accepts an RSA-${bits} PS256 signature and outputs rsaCommitment(chain, n, size)`, async () => {
      const { c, out } = await honestOf(bits);
      expect(out.toBigInt()).toBe(rsaCommitment(chainOf(c.message), limbs(c.n), sizeOf(c.size)).toBigInt());
    }, 120_000);
  }

  it('refuses a signature over another digest than the chain proof', async () => {
    const { f } = await honestOf(2048);
    const other = signed(2048, { message: Buffer.from('another message') });
    await expect(last(f, powerOf(other))).rejects.toThrow(/RSA PSS signature over the chain digest/);
  }, 60_000);

  it('refuses a PKCS#1 v1.5 signature over the same message with the same key', async () => {
    const { c, f } = await honestOf(2048);
    const pkcs1 = signed(2048, { pss: false, message: c.message });
    await expect(last(f, powerOf(pkcs1))).rejects.toThrow(/RSA PSS signature over the chain digest/);
  }, 60_000);

  it('refuses a PSS signature with a 20-byte salt, whatever 32-byte salt the prover claims', async () => {
    const { c, f } = await honestOf(2048);
    const short = signed(2048, { saltLength: 20, message: c.message });
    expect(pssSalt(short.signature, short.n, 256)).toBeUndefined();
    // The first step was built with the salt of another signature over the same message.
    await expect(last(f, powerOf(short))).rejects.toThrow(/RSA PSS signature over the chain digest/);
  }, 60_000);

  it('refuses the wrong salt: the first step used another salt than the signature carries', async () => {
    const { c, f } = await honestOf(2048);
    const resigned = signed(2048, { message: c.message });
    await expect(last(f, powerOf(resigned))).rejects.toThrow(/RSA PSS signature over the chain digest/);
  }, 60_000);

  it('refuses a power state for another key size than the mask was built for', async () => {
    const { c, f } = await honestOf(2048);
    const other = signed(3072, { message: c.message });
    await expect(last(f, powerOf(other))).rejects.toThrow(/the key size the PSS mask was built for/);
    // The same signature and modulus, only the size flag differs: x = EM holds, the size check alone refuses.
    await expect(last(f, powerOf(c, { size: 1 }))).rejects.toThrow(/the key size the PSS mask was built for/);
  }, 60_000);

  it('refuses a power state that has not reached s^65537', async () => {
    const { c, f } = await honestOf(2048);
    await expect(last(f, powerOf(c, { squarings: 8 }))).rejects.toThrow(/the power steps reached s\^65537/);
  }, 60_000);

  it("refuses states mixed between two signatures: either commitment opened with the other signature's state", async () => {
    const a = await honestOf(2048);
    const b = await honestOf(3072);
    await expect(last(a.f, powerOf(b.c), { state: b.f.state })).rejects.toThrow(/the state the first PSS step committed to/);
    await expect(last(a.f, powerOf(a.c), { powerOut: powerCommitment(powerOf(b.c)) })).rejects.toThrow(/the state the power steps ended in/);
  }, 60_000);

  it('refuses a finished check presented as a first step (the last step repeated)', async () => {
    const { c, f, out } = await honestOf(2048);
    await expect(last({ ...f, commitment: out }, powerOf(c))).rejects.toThrow(/the state the first PSS step committed to/);
  }, 60_000);
});
