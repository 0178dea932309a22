// The end of an RSA signature check over a SHA-256 chain: the power steps' last state x = s^65537 (mod n) must equal
// the encoded message EM built from the chain's digest (encoding.ts). The step verifies the chain proof that produced
// the digest and the power proof that produced x, and exposes Poseidon(chain state, n, key size), which the final
// step opens with the trust-list key it proves membership of: so the digest, the key and the signature check are one.
import { Bool, Field, Poseidon, ZkProgram } from '../../o1js.js';
import { ChainState } from '../chain-state.js';
import { digestBytes } from '../ecdsa-step.js';
import { ShaChainProof } from '../sha-chain.js';
import { pkcs1Message } from './encoding.js';
import { limbsOfBytes } from './limbs.js';
import { powerCommitment, PowerState, RsaPowerProof } from './rsa-power.js';

/** What a finished RSA check commits to: the chain's final state and the key (modulus limbs and size). */
export function rsaCommitment(state: ChainState, n: Field[], size: Bool[]): Field {
  return Poseidon.hash([...ChainState.toFields(state), ...n, ...size.map((b) => b.toField())]);
}

/** x, the power steps' result, is EM: limb by limb, with EM below n (rsa-verify.ts, link 5 of rsa/SOUNDNESS.md). */
export function assertPowerIs(power: PowerState, em: Field[], message: string): void {
  power.squarings.assertEquals(16, 'the power steps reached s^65537');
  limbsOfBytes(em).forEach((limb, i) => power.x[i].assertEquals(limb, message));
}

/** RSASSA-PKCS1-v1_5 with SHA-256 over the chain's digest (the issuer's signature on the leaf's TBSCertificate). */
export function pkcs1Check(chain: ChainState, power: PowerState): Field {
  assertPowerIs(power, pkcs1Message(digestBytes(chain).map((b) => b.value), power.size), 'RSA PKCS#1 v1.5 signature over the chain digest');
  return rsaCommitment(chain, power.n, power.size);
}

export const RsaPkcs1Step = ZkProgram({
  name: 'c2pa-rsa-pkcs1',
  publicOutput: Field,
  methods: {
    verify: {
      privateInputs: [ShaChainProof, RsaPowerProof, PowerState],
      async method(chain: ShaChainProof, power: RsaPowerProof, state: PowerState) {
        chain.verify();
        power.verify();
        power.publicOutput.assertEquals(powerCommitment(state), 'the state the power steps ended in');
        return { publicOutput: pkcs1Check(chain.publicOutput, state) };
      },
    },
  },
});

export class RsaPkcs1StepProof extends ZkProgram.Proof(RsaPkcs1Step) {}
