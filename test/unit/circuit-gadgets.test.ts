// In-circuit gadgets against reference implementations: the SHA-256 chain against node:crypto, its RLC and
// captures against bigint arithmetic, the Merkle trust tree in and out of circuit, CBOR header forms, ECDSA.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { Bool, Field, Provable, UInt8 } from '../../prover/o1js.js';
import { CAPTURES } from '../../prover/circuit/constants.js';
import { LengthHeader, lengthHeader, RlcContext } from '../../prover/circuit/window-gadgets.js';
import { ChainState } from '../../prover/circuit/chain-state.js';
import { runChain } from '../../prover/circuit/chain-native.js';
import { BLOCKS_PER_STEP } from '../../prover/circuit/constants.js';
import { EcdsaP256, Secp256r1, ecdsaCheck } from '../../prover/circuit/ecdsa-step.js';
import { evalBytes, padded, powMod } from '../../prover/circuit/field-native.js';
import { chainStep, initialChainState, STEP_BYTES } from '../../prover/circuit/sha-chain.js';
import { TrustPath, trustLeaf, trustLeafFields, trustPath, trustRoot } from '../../prover/circuit/trust-tree.js';
import { buildWitness } from '../../prover/circuit/witness.js';
import { loadTestPki } from '../support/pki.js';
import { makeEvidence, publicKeyOf } from './circuit-support/evidence.js';

const r = 0x1234567890abcdefn;
const plan = (message: Uint8Array, capBlocks: number[]) => {
  const p = padded(message);
  const steps: number[] = [];
  for (let left = p.length / 64; left > 0; left -= BLOCKS_PER_STEP) steps.push(Math.min(BLOCKS_PER_STEP, left));
  return { padded: p, length: message.length, capBlocks: Array.from({ length: CAPTURES }, (_, k) => capBlocks[k] ?? 0), steps };
};

describe('SHA-256 chain', () => {
  it('matches node:crypto across several steps, with the RLC and captures of the padded bytes', () => {
    const message = randomBytes(690); // 11 padded blocks: two steps
    const m = plan(message, [0, 3, 10]);
    const state = runChain(m, r);
    const digest = createHash('sha256').update(message).digest();
    expect(state.h.map((w) => Number(w.toBigInt()))).toEqual(Array.from({ length: 8 }, (_, i) => digest.readUInt32BE(4 * i)));
    expect(state.n.toBigInt()).toBe(11n);
    expect(state.acc.toBigInt()).toBe(evalBytes(m.padded, r));
    expect(state.rpow.toBigInt()).toBe(powMod(r, 64 * 11));
    for (const [k, b] of [0, 3, 10].entries()) {
      expect(state.capPre[k].toBigInt()).toBe(evalBytes(m.padded.subarray(0, 64 * b), r));
      expect(state.capEval[k].toBigInt()).toBe(evalBytes(m.padded.subarray(64 * b, 64 * b + 64), r, 64 * b));
    }
  });

  it('satisfies its constraints for one step, and refuses a step that skips its first block', async () => {
    const m = plan(randomBytes(100), [1]);
    const bytes = Array.from({ length: STEP_BYTES }, (_, i) => UInt8.from(m.padded[i] ?? 0));
    const run = (active: boolean[]) =>
      Provable.runAndCheck(() => {
        const start = Provable.witness(ChainState, () => initialChainState(Field(0), Array(CAPTURES).fill(Field(0)), Field(0)));
        const bs = bytes.map((b) => Provable.witness(UInt8, () => b));
        const act = active.map((a) => Provable.witness(Bool, () => Bool(a)));
        const caps = m.capBlocks.map((c) => Provable.witness(Field, () => Field(c)));
        const out = chainStep(start, Bool(true), Bool(false), Provable.witness(Field, () => Field(r)), caps, bs, act);
        out.n.assertEquals(Field(active.filter(Boolean).length));
      });
    await run(Array.from({ length: BLOCKS_PER_STEP }, (_, j) => j < 2));
    await expect(run(Array.from({ length: BLOCKS_PER_STEP }, (_, j) => j === 1))).rejects.toThrow();
  }, 120_000);
});

describe('trust tree', () => {
  it('computes the same root in and out of circuit', async () => {
    const keys = Array.from({ length: 5 }, (_, i) => ({ x: BigInt(i + 1) << 200n, y: BigInt(i + 7) << 100n }));
    const root = trustRoot(keys);
    const path = trustPath(keys, 3);
    await Provable.runAndCheck(() => {
      const p = Provable.witness(TrustPath as unknown as Provable<TrustPath>, () => path);
      const k = keys[3];
      const halves = [k.x >> 128n, k.x & ((1n << 128n) - 1n), k.y >> 128n, k.y & ((1n << 128n) - 1n)].map((v) =>
        Provable.witness(Field, () => Field(v)),
      ) as [Field, Field, Field, Field];
      p.calculateRoot(trustLeafFields(halves)).assertEquals(Field(root));
    });
    expect(path.calculateRoot(Field(trustLeaf(keys[3]))).toBigInt()).toBe(root);
    expect(path.calculateRoot(Field(trustLeaf(keys[2]))).toBigInt()).not.toBe(root);
    expect(trustRoot(keys.slice(0, 4))).not.toBe(root);
  });
});

describe('CBOR and DER length headers', () => {
  const rlcOf = (bytes: number[]) => bytes.reduceRight((acc, b) => (acc * r + BigInt(b)) % Field.ORDER, 0n);
  const reference = (kind: 'der' | 'cbor', len: number) =>
    kind === 'cbor'
      ? len < 24 ? [0x40 + len] : len < 256 ? [0x58, len] : [0x59, len >> 8, len & 0xff]
      : [0x30, ...(len < 128 ? [len] : len < 256 ? [0x81, len] : [0x82, len >> 8, len & 0xff])];
  const check = (kind: 'der' | 'cbor', form: boolean[], len: number) =>
    Provable.runAndCheck(() => {
      const h = Provable.witness(LengthHeader, () => new LengthHeader({ form: form.map((v) => Bool(v)), hi: Field(len >> 8), lo: Field(len & 0xff) }));
      const piece = lengthHeader(new RlcContext(Field(r)), h, kind, kind === 'der' ? 0x30 : 2);
      const expected = reference(kind, len);
      piece.rlc.assertEquals(Field(rlcOf(expected)));
      piece.len.assertEquals(Field(expected.length));
    });

  it('accepts the canonical 1, 2 and 3-byte forms', async () => {
    for (const [len, form] of [[23, 0], [24, 1], [255, 1], [256, 2], [3000, 2]] as const)
      await check('cbor', [0, 1, 2].map((i) => i === form), len);
    for (const [len, form] of [[0, 0], [127, 0], [128, 1], [255, 1], [256, 2], [1000, 2]] as const)
      await check('der', [0, 1, 2].map((i) => i === form), len);
  });

  it('refuses non-canonical forms', async () => {
    await expect(check('cbor', [false, true, false], 23)).rejects.toThrow();
    await expect(check('cbor', [false, false, true], 255)).rejects.toThrow();
    await expect(check('cbor', [true, false, false], 24)).rejects.toThrow();
    await expect(check('der', [false, true, false], 127)).rejects.toThrow();
    await expect(check('der', [false, false, true], 255)).rejects.toThrow();
    await expect(check('der', [true, false, false], 128)).rejects.toThrow();
  });
});

describe('ECDSA P-256 over the chain digest', () => {
  let keys: { x: bigint; y: bigint }[];
  beforeAll(async () => {
    const pki = await loadTestPki();
    keys = [await publicKeyOf(pki.root), await publicKeyOf(pki.intermediate)];
  });

  const runEcdsa = async (ev: Awaited<ReturnType<typeof makeEvidence>>) => {
    const w = buildWitness(ev, { keys });
    const state = runChain(w.s, w.r);
    await Provable.runAndCheck(() => {
      const s = Provable.witness(ChainState, () => state);
      const sig = Provable.witness(EcdsaP256, () => new EcdsaP256(w.coseSignature));
      const key = Provable.witness(Secp256r1, () => new Secp256r1(w.leafKey));
      ecdsaCheck(s, sig, key);
    });
  };

  it('accepts the leaf signature over SHA-256(Sig_structure)', async () => {
    await runEcdsa(await makeEvidence());
  }, 120_000);

  it('refuses a wrong COSE signature', async () => {
    await expect(runEcdsa(await makeEvidence({ signOther: true }))).rejects.toThrow();
  }, 120_000);
});
