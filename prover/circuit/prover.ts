// Compile, prove and verify the whole recursive statement. Proof DAG (two independent branches, then one merge):
//   assertion chain -> TBS chain -> CA signature on SHA-256(TBS) (ECDSA, or RSA over 3 steps) \
//   Sig_structure chain (1..n steps) -> ECDSA(leaf key, SHA-256(S))                           -> bind = final proof
// With a helper process (branch-helper.ts, on machines with the cores and memory for it) the branches run at the
// same time; otherwise one after the other. Which final circuit binds them depends on the CA's kind of key.
import { Field, Proof, type JsonProof } from '../o1js.js';
import { C2paEs256, C2paEs256RsaCa } from './bind-step.js';
import { ChainState } from './chain-state.js';
import { EcdsaP256, EcdsaStep, EcdsaStepProof, Secp256r1 } from './ecdsa-step.js';
import { RsaKeyInput } from './issuer-key.js';
import {
  ISSUER_STEPS, powerStates, proveChain, proveIssuerBranch, stepRunner,
  type IssuerBranchElsewhere, type IssuerBranchInput, type StepEvents,
} from './issuer-branch.js';
import { compiledKey } from './programs.js';
import { RsaPkcs1StepProof } from './rsa/rsa-check.js';
import type { CircuitWitness, MessagePlan } from './witness.js';
import { assetHashInput, hexOf, verify, type VerificationKey } from './statement.js';

export interface PlannedStep {
  name: string;
  label: string;
}

export interface ProveHooks {
  onStep?: (index: number, total: number, name: string, label: string) => void;
  /** With branches in parallel, steps finish out of order. */
  onStepDone?: (index: number, ms: number) => void;
  onLog?: (level: 'info' | 'warn', msg: string) => void;
}

export interface ProveResult {
  proof: JsonProof;
  publicInputs: { assetHash: string; trustRoot: string };
  verificationKey: VerificationKey;
  steps: { name: string; ms: number }[];
}

/** The recursive steps this witness needs, in proving order, labelled for people. */
export function planSteps(w: CircuitWitness): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const chain = (m: MessagePlan, name: string, what: string) =>
    m.steps.forEach((_, i) => steps.push({ name: `${name}-${i + 1}`, label: `Hashing ${what} (part ${i + 1} of ${m.steps.length})` }));
  chain(w.a, 'hash-assertion', 'the photo hash record');
  chain(w.t, 'hash-certificate', "the signer's certificate");
  const parts = ISSUER_STEPS.rsa;
  if (w.issuer.kind === 'ecdsa') steps.push({ name: 'ecdsa-issuer', label: "Checking the issuer's signature on the certificate" });
  else
    for (let i = 1; i <= parts; i++)
      steps.push({ name: `rsa-issuer-${i}`, label: `Checking the issuer's RSA signature on the certificate (part ${i} of ${parts})` });
  chain(w.s, 'hash-signed-data', 'the signed Content Credentials');
  steps.push({ name: 'ecdsa-signer', label: 'Checking the signature on the Content Credentials' });
  steps.push({ name: 'bind', label: 'Tying the pieces together into one proof' });
  return steps;
}

/** The final step over both branches, by the circuit the witness needs. */
async function bind(w: CircuitWitness, leafProof: EcdsaStepProof, caProof: JsonProof, s: ChainState, t: ChainState, a: ChainState) {
  const input = assetHashInput(w.assetHash, w.trustRoot);
  const rest = [s, t, a, w.params, w.captures, w.path] as const;
  if (w.issuer.kind === 'rsa') {
    const key = powerStates(w.issuer.key, w.issuer.signature)[0];
    const ca = await RsaPkcs1StepProof.fromJSON(caProof);
    return (await C2paEs256RsaCa.bind(input, leafProof, ca, new RsaKeyInput({ n: key.n, size: key.size }), ...rest)).proof;
  }
  return (await C2paEs256.bind(input, leafProof, await EcdsaStepProof.fromJSON(caProof), ...rest)).proof;
}

/**
 * Proves the whole statement. With `issuerBranch` the two branches run at the same time, that one elsewhere; if it
 * fails (a helper that crashed or ran out of memory), the branch is proved here afterwards, so the proof still comes.
 */
export async function prove(w: CircuitWitness, hooks: ProveHooks = {}, issuerBranch?: IssuerBranchElsewhere): Promise<ProveResult> {
  const vk = await compiledKey(w.circuit);
  if (!vk) throw new Error(`compile() of ${w.circuit} must finish before prove()`);
  const plan = planSteps(w);
  const timings: { index: number; ms: number }[] = [];
  const events: StepEvents = {
    onStep: (index) => hooks.onStep?.(index, plan.length, plan[index].name, plan[index].label),
    onStepDone: (index, ms) => {
      timings.push({ index, ms });
      hooks.onStepDone?.(index, ms);
    },
  };
  let doneHere = 0;
  const run = stepRunner({
    ...events,
    onStepDone: (index, ms) => {
      events.onStepDone?.(index, ms);
      issuerBranch?.stepsDoneHere?.(++doneHere);
    },
  });
  const issuerInput: IssuerBranchInput = { a: w.a, t: w.t, r: w.r, issuer: w.issuer };
  const elsewhere = issuerBranch?.prove(issuerInput, events).then(
    (output) => ({ output }),
    (error: unknown) => ({ error }),
  );
  // One after the other, in plan order; or the signer branch here while the issuer branch runs elsewhere.
  let issuer = elsewhere ? undefined : await proveIssuerBranch(issuerInput, events);

  const first = w.a.steps.length + w.t.steps.length + ISSUER_STEPS[w.issuer.kind];
  const sProof = await proveChain(run, first, Field(w.r), w.s, undefined);
  const leafProof = await run(first + w.s.steps.length, async () =>
    (await EcdsaStep.verify(sProof, new EcdsaP256(w.coseSignature), new Secp256r1(w.leafKey))).proof,
  );

  if (elsewhere) {
    const settled = await elsewhere;
    if ('output' in settled) issuer = settled.output;
    else {
      hooks.onLog?.('warn', `The second prover process stopped (${(settled.error as Error)?.message ?? settled.error}); finishing its part here.`);
      issuer = await proveIssuerBranch(issuerInput, events);
    }
  }
  if (!issuer) throw new Error('the issuer branch was not proved');
  const state = (fields: string[]) => ChainState.fromFields(fields.map((x) => Field(x)));
  const { caProof, tOut, aOut } = issuer;
  const final = await run(plan.length - 1, () => bind(w, leafProof, caProof, sProof.publicOutput, state(tOut), state(aOut)));
  const json = final.toJSON();
  const publicInputs = { assetHash: hexOf(w.assetHash), trustRoot: w.trustRoot.toString() };
  if (!(await verify(json, vk, publicInputs))) throw new Error('the final proof does not verify');
  // A step proved twice (its helper failed after it) counts once, with its time here.
  const steps = plan.map((step, index) => ({ name: step.name, ms: timings.findLast((t) => t.index === index)?.ms ?? 0 }));
  return { proof: json, publicInputs, verificationKey: vk, steps };
}

export { ChainState, Proof };
