// ONE ECDSA P-256 method serves both signatures: the leaf's over SHA-256(Sig_structure) and the CA's over
// SHA-256(TBSCertificate). It verifies the chain proof that produced the digest, so the digest is never a free input.
import { Bytes, Crypto, Field, Poseidon, UInt32, ZkProgram, createEcdsa, createForeignCurve } from '../o1js.js';
import { ChainState } from './chain-state.js';
import { ShaChainProof } from './sha-chain.js';

export class Secp256r1 extends createForeignCurve(Crypto.CurveParams.Secp256r1) {}
export class EcdsaP256 extends createEcdsa(Secp256r1) {}
class Bytes32 extends Bytes(32) {}

export function digestBytes(state: ChainState) {
  return state.h.flatMap((w) => UInt32.Unsafe.fromField(w).toBytesBE());
}

/** What an ECDSA step commits to: the verified chain's final state and the public key (88-bit limbs). */
export function ecdsaCommitment(state: ChainState, keyLimbs: Field[]): Field {
  return Poseidon.hash([...ChainState.toFields(state), ...keyLimbs]);
}

export function ecdsaCheck(state: ChainState, signature: EcdsaP256, key: Secp256r1): Field {
  const digest = Bytes32.from(digestBytes(state));
  signature.verifySignedHash(digest, key).assertTrue('ECDSA P-256 signature over the chain digest');
  return ecdsaCommitment(state, [...key.x.value, ...key.y.value]);
}

export const EcdsaStep = ZkProgram({
  name: 'c2pa-es256-ecdsa',
  publicOutput: Field,
  methods: {
    verify: {
      privateInputs: [ShaChainProof, EcdsaP256, Secp256r1],
      async method(chain: ShaChainProof, signature: EcdsaP256, key: Secp256r1) {
        chain.verify();
        return { publicOutput: ecdsaCheck(chain.publicOutput, signature, key) };
      },
    },
  },
});

export class EcdsaStepProof extends ZkProgram.Proof(EcdsaStep) {}
