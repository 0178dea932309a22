// RSASSA-PSS (COSE PS256: MGF1-SHA-256, 32-byte salt, e = 65537) over a SHA-256 chain, split over two recursive steps
// because the whole encoding (H and 15 MGF1 blocks, ~87.7k rows) does not fit one proof:
//   first: verifies the chain proof, takes the salt, computes H and MGF1 blocks 0..FIRST_BLOCKS-1, and so EM bytes
//          0..SPLIT_BYTE-1 (BC, H, the masked salt and the 01 byte among them);
//   last:  verifies the first step and the power proof, computes the other MGF1 blocks and so EM bytes SPLIT_BYTE..,
//          and checks x = EM limb by limb. It outputs rsaCommitment(chain state, n, size), like the PKCS#1 check.
// The first step hands over a MaskState privately, behind a Poseidon commitment that the last step opens. EM travels
// as the first step's 37 partial limb sums; the last step adds its own bytes' sums to them. That is EM's limbs because
// the two byte ranges are constants that partition [0, LIMB_SPAN_BYTES): every byte is added by exactly one step, as
// a byte (0..255), at its place (rsa/SOUNDNESS.md, "PSS over two steps").
import { Bool, Field, Poseidon, Provable, SelfProof, Struct, UInt8, ZkProgram } from '../../o1js.js';
import { ChainState } from '../chain-state.js';
import { digestBytes } from '../ecdsa-step.js';
import { ShaChainProof } from '../sha-chain.js';
import { KeySize, MGF_BLOCKS, mgfBlock, pssHash, pssMessagePart, SALT_BYTES } from './encoding.js';
import { LIMB_SPAN_BYTES, Limbs, limbsOfBytes } from './limbs.js';
import { rsaCommitment } from './rsa-check.js';
import { powerCommitment, PowerState, RsaPowerProof } from './rsa-power.js';

/** MGF1 blocks the first step hashes (after H's two SHA-256 blocks); the last step hashes the other ones. */
export const FIRST_BLOCKS = 8;
/** EM bytes below this are fixed by the first step: H, block j covers bytes 32(j+1) .. 32(j+1)+31. */
export const SPLIT_BYTE = 32 * (FIRST_BLOCKS + 1);
// The salt and the 01 byte (EM bytes 33..65) must lie in the first step: the last step has no salt.
if (SPLIT_BYTE <= 65) throw new Error('the first PSS step must cover the salt');

export const Salt = Provable.Array(UInt8, SALT_BYTES);

/** What the first step hands to the last. */
export class MaskState extends Struct({
  /** The verified chain's final state, whose digest H was built from. */
  chain: ChainState,
  /** H = SHA-256(00*8 || digest || salt), the MGF1 seed. */
  h: Provable.Array(UInt8, 32),
  size: KeySize,
  /** Limbs of EM bytes 0..SPLIT_BYTE-1, the other bytes taken as 0. */
  em: Limbs,
}) {}

// A prefix of its own keeps this commitment apart from every other Poseidon commitment of the circuit (rsaCommitment
// in particular, which a finished check outputs from the same program).
export const maskCommitment = (state: MaskState): Field => Poseidon.hashWithPrefix('c2pa-rsa-pss-mask', MaskState.toFields(state));

/** The first step's body: H from the chain's digest and the salt, and EM's bytes below SPLIT_BYTE. */
export function pssFirst(chain: ChainState, salt: UInt8[], size: Bool[]): MaskState {
  const h = pssHash(digestBytes(chain), salt);
  const mask = Array.from({ length: FIRST_BLOCKS }, (_, j) => mgfBlock(h, j, size));
  const em = limbsOfBytes(pssMessagePart(0, SPLIT_BYTE, h, salt, (j) => mask[j], size));
  return new MaskState({ chain, h, size, em });
}

/**
 * The last step's body, after both proofs are opened: EM's bytes from SPLIT_BYTE up, added to the first step's
 * partial limbs, must be x = s^65537 mod n of the power steps, for the key size the mask was built for.
 */
export function pssLast(state: MaskState, power: PowerState): Field {
  power.size.forEach((s, i) => s.assertEquals(state.size[i], 'the key size the PSS mask was built for'));
  power.squarings.assertEquals(16, 'the power steps reached s^65537');
  const mask = Array.from({ length: MGF_BLOCKS - FIRST_BLOCKS }, (_, j) => mgfBlock(state.h, FIRST_BLOCKS + j, state.size));
  const rest = limbsOfBytes(pssMessagePart(SPLIT_BYTE, LIMB_SPAN_BYTES, state.h, [], (j) => mask[j - FIRST_BLOCKS], state.size));
  rest.forEach((limb, i) => power.x[i].assertEquals(state.em[i].add(limb), 'RSA PSS signature over the chain digest'));
  return rsaCommitment(state.chain, power.n, state.size);
}

/** The first method, given the verified chain proof's output. */
export function pssFirstStep(chain: ChainState, salt: UInt8[], size: Bool[]): Field {
  return maskCommitment(pssFirst(chain, salt, size));
}

/** The last method, given the public outputs of the verified first step and power proof. */
export function pssLastStep(first: Field, state: MaskState, power: Field, powerState: PowerState): Field {
  first.assertEquals(maskCommitment(state), 'the state the first PSS step committed to');
  power.assertEquals(powerCommitment(powerState), 'the state the power steps ended in');
  return pssLast(state, powerState);
}

export const RsaPssStep = ZkProgram({
  name: 'c2pa-rsa-pss',
  publicOutput: Field,
  methods: {
    first: {
      privateInputs: [ShaChainProof, Salt, KeySize],
      async method(chain: ShaChainProof, salt: UInt8[], size: Bool[]) {
        chain.verify();
        return { publicOutput: pssFirstStep(chain.publicOutput, salt, size) };
      },
    },
    last: {
      privateInputs: [SelfProof, MaskState, RsaPowerProof, PowerState],
      async method(first: SelfProof<undefined, Field>, state: MaskState, power: RsaPowerProof, powerState: PowerState) {
        first.verify();
        power.verify();
        return { publicOutput: pssLastStep(first.publicOutput, state, power.publicOutput, powerState) };
      },
    },
  },
});

export class RsaPssStepProof extends ZkProgram.Proof(RsaPssStep) {}
