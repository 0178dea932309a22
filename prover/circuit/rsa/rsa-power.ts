// s^65537 mod n over recursive steps, for any key size the circuit takes: `start` reads the modulus from its bytes
// (exactly 8k bits) and checks s < n; each `power` step squares 8 times and multiplies once (by 1 the first time,
// by s the second), so two steps give s^(2^16 + 1). A step carries its numbers privately and exposes only a Poseidon
// commitment to them, which the next step (or the signature check that uses x) opens. One squaring costs ~3.3k rows
// and a multiplication ~3.9k (bench/algorithm-costs.ts); 9 of them fill a step.
import { Bool, Field, Poseidon, Provable, SelfProof, Struct, UInt8, ZkProgram } from '../../o1js.js';
import { LIMB_SPAN_BYTES, Limbs, mulMod } from './limbs.js';
import { KeySize } from './encoding.js';
import { assertSignatureBelow, modulusLimbs, squareTimes } from './rsa-verify.js';

export const SQUARINGS_PER_STEP = 8;
export const POWER_STEPS = 16 / SQUARINGS_PER_STEP;

export class PowerState extends Struct({
  n: Limbs,
  size: KeySize,
  s: Limbs,
  /** s^(2^squarings), times s once squarings reach 16. */
  x: Limbs,
  squarings: Field,
}) {}

export const powerCommitment = (state: PowerState): Field => Poseidon.hash(PowerState.toFields(state));

export const ModulusBytes = Provable.Array(UInt8, LIMB_SPAN_BYTES);

export function powerStep(state: PowerState): PowerState {
  const last = state.squarings.equals(16 - SQUARINGS_PER_STEP);
  state.squarings.assertLessThanOrEqual(16 - SQUARINGS_PER_STEP, 'no squaring past 2^16');
  const one = Array.from({ length: state.x.length }, (_, i) => Field(i === 0 ? 1 : 0));
  const x = mulMod(squareTimes(state.x, state.n, SQUARINGS_PER_STEP), Provable.if(last, Limbs, state.s, one), state.n);
  return new PowerState({ ...state, x, squarings: state.squarings.add(SQUARINGS_PER_STEP) });
}

export const RsaPower = ZkProgram({
  name: 'c2pa-rsa-power',
  publicOutput: Field,
  methods: {
    start: {
      privateInputs: [ModulusBytes, KeySize, Limbs],
      async method(nBytes: UInt8[], size: Bool[], s: Field[]) {
        const n = modulusLimbs(nBytes.map((b) => b.value), size);
        assertSignatureBelow(s, n);
        return { publicOutput: powerCommitment(new PowerState({ n, size, s, x: s, squarings: Field(0) })) };
      },
    },
    power: {
      privateInputs: [SelfProof, PowerState],
      async method(prev: SelfProof<undefined, Field>, state: PowerState) {
        prev.verify();
        prev.publicOutput.assertEquals(powerCommitment(state), 'the state the previous step committed to');
        return { publicOutput: powerCommitment(powerStep(state)) };
      },
    },
  },
});

export class RsaPowerProof extends ZkProgram.Proof(RsaPower) {}
