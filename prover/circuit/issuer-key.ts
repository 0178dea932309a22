// The issuer's side of the final step, one per kind of CA key: the commitment its signature proof must have made to
// the TBS chain's final state and the key, and the key's trust-list leaf. The circuit for a kind fixes the TBS's
// signature algorithm too, so a proof of one kind can never pass for the other (SOUNDNESS.md, links 3 and 4).
import { Field, Struct } from '../o1js.js';
import { halves128, limbs88 } from './bind-params.js';
import type { ChainState } from './chain-state.js';
import { ecdsaCommitment } from './ecdsa-step.js';
import type { IssuerAlgorithm } from './framing.js';
import { KeySize } from './rsa/encoding.js';
import { Limbs } from './rsa/limbs.js';
import { rsaCommitment } from './rsa/rsa-check.js';
import { rsaTrustLeafFields, trustLeafFields } from './trust-tree.js';

export interface IssuerKey {
  algorithm: IssuerAlgorithm;
  /** What the CA signature proof committed to, when it checked the signature on the TBS chain ending in `t`. */
  commitment(t: ChainState): Field;
  /** The key's leaf in the trust tree. */
  leaf(): Field;
}

/** A P-256 CA key given as 64 bytes x||y (range-checked where the challenge packs them). */
export function p256IssuerKey(caKey: Field[]): IssuerKey {
  const limbs = [...limbs88(caKey.slice(0, 32)), ...limbs88(caKey.slice(32))];
  return {
    algorithm: 'ecdsa',
    commitment: (t) => ecdsaCommitment(t, limbs),
    leaf: () => {
      const [xh, xl] = halves128(caKey.slice(0, 32));
      const [yh, yl] = halves128(caKey.slice(32));
      return trustLeafFields([xh, xl, yh, yl]);
    },
  };
}

/** An RSA CA key: modulus limbs and size, as the power steps read them from the key's bytes (rsa-power.ts). */
export class RsaKeyInput extends Struct({ n: Limbs, size: KeySize }) {}

export function rsaIssuerKey(key: RsaKeyInput): IssuerKey {
  return {
    algorithm: 'rsa',
    commitment: (t) => rsaCommitment(t, key.n, key.size),
    leaf: () => rsaTrustLeafFields(key.size, key.n),
  };
}
