// Runs the final step's constraints (no proof) on a witness: chains on constants, ECDSA commitments from the keys.
import { Field, Provable } from '../../../prover/o1js.js';
import { bindChecks, Captures } from '../../../prover/circuit/bind-step.js';
import { BindParams, limbs88 } from '../../../prover/circuit/bind-params.js';
import { ChainState } from '../../../prover/circuit/chain-state.js';
import { runChain } from '../../../prover/circuit/chain-native.js';
import { ecdsaCommitment } from '../../../prover/circuit/ecdsa-step.js';
import { p256IssuerKey, rsaIssuerKey, RsaKeyInput } from '../../../prover/circuit/issuer-key.js';
import { powerStates } from '../../../prover/circuit/issuer-branch.js';
import { rsaCommitment } from '../../../prover/circuit/rsa/rsa-check.js';
import { assetHashInput, StatementInput } from '../../../prover/circuit/statement.js';
import { TrustPath } from '../../../prover/circuit/trust-tree.js';
import type { CircuitWitness } from '../../../prover/circuit/witness.js';

export interface BindOverrides {
  assetHash?: Uint8Array;
  trustRoot?: bigint;
  params?: (p: BindParams) => BindParams;
  /** The CA signature proof's output, in place of the one made for the witness's own issuer key. */
  caCommitment?: Field;
}

export function chainStates(w: CircuitWitness) {
  const a = runChain(w.a, w.r);
  const t = runChain(w.t, w.r, a);
  const s = runChain(w.s, w.r);
  return { s, t, a };
}

/** Throws when the constraints are not satisfied. */
export async function runBind(w: CircuitWitness, states = chainStates(w), o: BindOverrides = {}): Promise<void> {
  const params = o.params ? o.params(w.params) : w.params;
  const keyLimbs = (bytes: Field[]) => [...limbs88(bytes.slice(0, 32)), ...limbs88(bytes.slice(32))];
  const leafC = ecdsaCommitment(states.s, keyLimbs(w.params.leafKey));
  const rsa = w.issuer.kind === 'rsa' ? powerStates(w.issuer.key, w.issuer.signature)[0] : undefined;
  const caC = o.caCommitment ?? (rsa ? rsaCommitment(states.t, rsa.n, rsa.size) : ecdsaCommitment(states.t, keyLimbs(w.params.caKey)));
  const pub = assetHashInput(o.assetHash ?? w.assetHash, o.trustRoot ?? w.trustRoot);
  await Provable.runAndCheck(() => {
    const wit = <T>(type: Provable<T>, v: T) => Provable.witness(type, () => v);
    bindChecks(
      wit(StatementInput, pub),
      wit(Field, leafC),
      wit(Field, caC),
      rsa ? () => rsaIssuerKey(wit(RsaKeyInput, new RsaKeyInput({ n: rsa.n, size: rsa.size }))) : (p) => p256IssuerKey(p.caKey),
      wit(ChainState, states.s),
      wit(ChainState, states.t),
      wit(ChainState, states.a),
      wit(BindParams, params),
      wit(Captures, w.captures),
      wit(TrustPath as unknown as Provable<TrustPath>, w.path),
    );
  });
}
