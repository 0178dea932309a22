// Compile, prove and verify the whole recursive statement. Proof DAG (two independent branches, then one merge):
//   assertion chain -> TBS chain -> ECDSA(CA key, SHA-256(TBS))         \
//   Sig_structure chain (1..n steps) -> ECDSA(leaf key, SHA-256(S))      -> bind (framing, trust root) = final proof
// With a helper process (branch-helper.ts, on machines with the cores and memory for it) the branches run at the
// same time; otherwise one after the other.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Bool, Cache, Field, Proof, UInt8, type JsonProof } from '../o1js.js';
import { initializeFromCache } from './srs-cache.js';
import { C2paEs256 } from './bind-step.js';
import { ChainState } from './chain-state.js';
import { BLOCKS_PER_STEP } from './constants.js';
import { EcdsaP256, EcdsaStep, EcdsaStepProof, Secp256r1 } from './ecdsa-step.js';
import { ShaChain, ShaChainProof, STEP_BYTES } from './sha-chain.js';
import type { CaKey } from './trust-tree.js';
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

const PROGRAMS = [
  ['sha-chain', 'Preparing the hashing steps', ShaChain],
  ['ecdsa', 'Preparing the signature check', EcdsaStep],
  ['c2pa-es256', 'Preparing the final step', C2paEs256],
] as const;

let compiled: Promise<VerificationKey> | undefined;
let branchCompiled: Promise<void> | undefined;

/**
 * A full garbage collection, where the process allows one (the prover's flags, common/prover-process.ts): the native
 * memory of o1js objects a finished step no longer needs is returned only when V8 finalises them.
 */
function releaseNativeMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Compiles only what `proveIssuerBranch` needs (a helper process proves nothing else). Idempotent within a process. */
export async function compileIssuerBranch(cacheDir: string): Promise<void> {
  branchCompiled ??= (async () => {
    const cache = Cache.FileSystem(cacheDir);
    await initializeFromCache(cacheDir);
    for (const program of [ShaChain, EcdsaStep]) await program.compile({ cache });
    releaseNativeMemory();
  })();
  branchCompiled.catch(() => (branchCompiled = undefined));
  return branchCompiled;
}

/** Whether `cacheDir` holds every program's keys, so that compiling only loads them (seconds, not minutes). */
export function keysCachedIn(cacheDir: string): boolean {
  return PROGRAMS.every(([, , program]) => existsSync(join(cacheDir, `wrap-pk-${program.name}`)));
}

/** Compile (or load from the cache) every program in dependency order. Idempotent within a process. */
export function compile(options: { cacheDir: string; onProgress?: (done: number, total: number, label: string) => void }): Promise<VerificationKey> {
  compiled ??= (async () => {
    const cache = Cache.FileSystem(options.cacheDir);
    await initializeFromCache(options.cacheDir);
    let vk: VerificationKey | undefined;
    for (const [i, [, label, program]] of PROGRAMS.entries()) {
      options.onProgress?.(i, PROGRAMS.length, label);
      const { verificationKey } = await program.compile({ cache });
      vk = { data: verificationKey.data, hash: verificationKey.hash.toString() };
    }
    releaseNativeMemory();
    options.onProgress?.(PROGRAMS.length, PROGRAMS.length, 'Prover ready');
    return vk!;
  })();
  compiled.catch(() => (compiled = undefined));
  return compiled;
}

/** The recursive steps this witness needs, in proving order, labelled for people. */
export function planSteps(w: CircuitWitness): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const chain = (m: MessagePlan, name: string, what: string) =>
    m.steps.forEach((_, i) => steps.push({ name: `${name}-${i + 1}`, label: `Hashing ${what} (part ${i + 1} of ${m.steps.length})` }));
  chain(w.a, 'hash-assertion', 'the photo hash record');
  chain(w.t, 'hash-certificate', "the signer's certificate");
  steps.push({ name: 'ecdsa-issuer', label: "Checking the issuer's signature on the certificate" });
  chain(w.s, 'hash-signed-data', 'the signed Content Credentials');
  steps.push({ name: 'ecdsa-signer', label: 'Checking the signature on the Content Credentials' });
  steps.push({ name: 'bind', label: 'Tying the pieces together into one proof' });
  return steps;
}

function stepInputs(m: MessagePlan, step: number) {
  const first = m.steps.slice(0, step).reduce((a, b) => a + b, 0);
  const bytes = new Array<UInt8>(STEP_BYTES);
  for (let i = 0; i < STEP_BYTES; i++) bytes[i] = UInt8.from(m.padded[64 * first + i] ?? 0);
  const active = Array.from({ length: BLOCKS_PER_STEP }, (_, j) => Bool(j < m.steps[step]));
  return { bytes, active, capInit: m.capBlocks.map((b) => Field(b)) };
}

/** What the issuer branch needs, as plain data (structured-cloneable), so a helper process can prove it. */
export interface IssuerBranchInput {
  a: MessagePlan;
  t: MessagePlan;
  r: bigint;
  caSignature: { r: bigint; s: bigint };
  caKey: CaKey;
}

/** What the issuer branch hands to `bind`: the CA-signature proof and the chain states bind reads (field strings). */
export interface IssuerBranchOutput {
  caProof: JsonProof;
  aOut: string[];
  tOut: string[];
}

/** Step events of one branch; indices are positions in `planSteps` (the issuer branch comes first there). */
export interface StepEvents {
  onStep?: (index: number) => void;
  onStepDone?: (index: number, ms: number) => void;
}

/** Proves the issuer branch somewhere else (a helper process, branch-helper.ts) while this process proves the other. */
export interface IssuerBranchElsewhere {
  prove(input: IssuerBranchInput, events: StepEvents): Promise<IssuerBranchOutput>;
  /** Told the number of steps this process has proved itself, each time it finishes one. */
  stepsDoneHere?(count: number): void;
  /** Told when this process is done with the proof, made or failed: nothing more is to be reported for it. */
  stopReporting?(): void;
}

type RunStep = <T>(index: number, work: () => Promise<T>) => Promise<T>;

const turns = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

function stepRunner(events: StepEvents): RunStep {
  return async (index, work) => {
    // o1js's awaits inside a step are promise chains that never reach the event loop's I/O phase; yielding to it
    // here lets messages waiting on pipes be handled between steps (the helper's, the protocol's on stdin). Two
    // turns: an immediate set while the loop is past its poll phase runs before the next poll.
    await turns();
    events.onStep?.(index);
    const t0 = Date.now();
    const value = await work();
    const ms = Date.now() - t0;
    releaseNativeMemory();
    // The step blocked this thread; what arrived meanwhile (another process's steps) is read before this one is told.
    await turns();
    events.onStepDone?.(index, ms);
    return value;
  };
}

/** Proves chain `m` as steps first..first+n-1, continuing `before` when given. */
async function proveChain(run: RunStep, first: number, r: Field, m: MessagePlan, before: ShaChainProof | undefined): Promise<ShaChainProof> {
  let prev = before;
  for (let i = 0; i < m.steps.length; i++) {
    const { bytes, active, capInit } = stepInputs(m, i);
    const last = prev;
    prev = await run(first + i, async () => {
      // A chain that follows no other continues the empty state of `start` (a small proof, part of this step);
      // one that follows a finished chain starts a fresh message over it.
      const from = last ?? (await ShaChain.start(r, capInit)).proof;
      return (await ShaChain.next(from, Bool(i === 0 && before !== undefined), capInit, bytes, active)).proof;
    });
  }
  return prev!;
}

const stateFields = (s: ChainState) => ChainState.toFields(s).map((x) => x.toString());

/** Assertion chain -> TBS chain -> ECDSA(CA key): steps 0..n of the plan. Needs only ShaChain and EcdsaStep compiled. */
export async function proveIssuerBranch(input: IssuerBranchInput, events: StepEvents = {}): Promise<IssuerBranchOutput> {
  const run = stepRunner(events);
  const r = Field(input.r);
  const aProof = await proveChain(run, 0, r, input.a, undefined);
  const tProof = await proveChain(run, input.a.steps.length, r, input.t, aProof);
  const index = input.a.steps.length + input.t.steps.length;
  const caProof = await run(index, async () => (await EcdsaStep.verify(tProof, new EcdsaP256(input.caSignature), new Secp256r1(input.caKey))).proof);
  return { caProof: caProof.toJSON(), aOut: stateFields(aProof.publicOutput), tOut: stateFields(tProof.publicOutput) };
}

/**
 * Proves the whole statement. With `issuerBranch` the two branches run at the same time, that one elsewhere; if it
 * fails (a helper that crashed or ran out of memory), the branch is proved here afterwards, so the proof still comes.
 */
export async function prove(w: CircuitWitness, hooks: ProveHooks = {}, issuerBranch?: IssuerBranchElsewhere): Promise<ProveResult> {
  const vk = await compiled;
  if (!vk) throw new Error('compile() must finish before prove()');
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
  const issuerInput: IssuerBranchInput = { a: w.a, t: w.t, r: w.r, caSignature: w.caSignature, caKey: w.caKey };
  const elsewhere = issuerBranch?.prove(issuerInput, events).then(
    (output) => ({ output }),
    (error: unknown) => ({ error }),
  );
  // One after the other, in plan order; or the signer branch here while the issuer branch runs elsewhere.
  let issuer = elsewhere ? undefined : await proveIssuerBranch(issuerInput, events);

  const first = w.a.steps.length + w.t.steps.length + 1;
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
  const caProof = await EcdsaStepProof.fromJSON(issuer.caProof);
  const state = (fields: string[]) => ChainState.fromFields(fields.map((x) => Field(x)));

  const input = assetHashInput(w.assetHash, w.trustRoot);
  const final = await run(plan.length - 1, async () =>
    (await C2paEs256.bind(input, leafProof, caProof, sProof.publicOutput, state(issuer.tOut), state(issuer.aOut), w.params, w.captures, w.path)).proof,
  );
  const json = final.toJSON();
  const publicInputs = { assetHash: hexOf(w.assetHash), trustRoot: w.trustRoot.toString() };
  if (!(await verify(json, vk, publicInputs))) throw new Error('the final proof does not verify');
  // A step proved twice (its helper failed after it) counts once, with its time here.
  const steps = plan.map((step, index) => ({ name: step.name, ms: timings.findLast((t) => t.index === index)?.ms ?? 0 }));
  return { proof: json, publicInputs, verificationKey: vk, steps };
}

export { ChainState, Proof };
