// Compile, prove and verify the whole recursive statement. Proof DAG (two independent branches, then one merge):
//   assertion chain -> TBS chain -> ECDSA(CA key, SHA-256(TBS))         \
//   Sig_structure chain (1..n steps) -> ECDSA(leaf key, SHA-256(S))      -> bind (framing, trust root) = final proof
// On more cores the branches can run in separate processes; here they run one after the other.
import { Bool, Cache, Field, Proof, UInt8, verify as verifyProof, type JsonProof } from '../o1js.js';
import { initializeFromCache, withSrsCache } from './srs-cache.js';
import { C2paEs256, StatementInput } from './bind-step.js';
import { ChainState } from './chain-state.js';
import { BLOCKS_PER_STEP } from './constants.js';
import { EcdsaP256, EcdsaStep, Secp256r1 } from './ecdsa-step.js';
import { ShaChain, ShaChainProof, STEP_BYTES } from './sha-chain.js';
import type { CircuitWitness, MessagePlan } from './witness.js';

export interface VerificationKey {
  data: string;
  hash: string;
}

export interface PlannedStep {
  name: string;
  label: string;
}

export interface ProveHooks {
  onStep?: (index: number, total: number, name: string, label: string) => void;
  onStepDone?: (index: number, ms: number) => void;
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

/**
 * A full garbage collection, where the process allows one (the prover's flags, common/prover-process.ts): the native
 * memory of o1js objects a finished step no longer needs is returned only when V8 finalises them.
 */
function releaseNativeMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
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

function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function assetHashInput(assetHash: Uint8Array, trustRoot: bigint): StatementInput {
  const half = (b: Uint8Array) => Field(BigInt('0x' + hexOf(b)));
  return new StatementInput({ assetHashHi: half(assetHash.subarray(0, 16)), assetHashLo: half(assetHash.subarray(16)), trustRoot: Field(trustRoot) });
}

export async function prove(w: CircuitWitness, hooks: ProveHooks = {}): Promise<ProveResult> {
  const vk = await compiled;
  if (!vk) throw new Error('compile() must finish before prove()');
  const plan = planSteps(w);
  const timings: { name: string; ms: number }[] = [];
  let index = 0;
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    const step = plan[index];
    hooks.onStep?.(index, plan.length, step.name, step.label);
    const t0 = Date.now();
    const value = await work();
    releaseNativeMemory();
    const ms = Date.now() - t0;
    timings.push({ name: step.name, ms });
    hooks.onStepDone?.(index, ms);
    index++;
    return value;
  };
  const r = Field(w.r);
  const chain = async (m: MessagePlan, before: ShaChainProof | undefined): Promise<ShaChainProof> => {
    let prev = before;
    for (let i = 0; i < m.steps.length; i++) {
      const { bytes, active, capInit } = stepInputs(m, i);
      const last = prev;
      prev = await run(async () => {
        // A chain that follows no other continues the empty state of `start` (a small proof, part of this step);
        // one that follows a finished chain starts a fresh message over it.
        const from = last ?? (await ShaChain.start(r, capInit)).proof;
        return (await ShaChain.next(from, Bool(i === 0 && before !== undefined), capInit, bytes, active)).proof;
      });
    }
    return prev!;
  };

  const aProof = await chain(w.a, undefined);
  const tProof = await chain(w.t, aProof);
  const caProof = await run(async () => (await EcdsaStep.verify(tProof, new EcdsaP256(w.caSignature), new Secp256r1(w.caKey))).proof);
  const sProof = await chain(w.s, undefined);
  const leafProof = await run(async () => (await EcdsaStep.verify(sProof, new EcdsaP256(w.coseSignature), new Secp256r1(w.leafKey))).proof);
  const input = assetHashInput(w.assetHash, w.trustRoot);
  const final = await run(async () =>
    (await C2paEs256.bind(input, leafProof, caProof, sProof.publicOutput, tProof.publicOutput, aProof.publicOutput, w.params, w.captures, w.path)).proof,
  );
  const json = final.toJSON();
  const publicInputs = { assetHash: hexOf(w.assetHash), trustRoot: w.trustRoot.toString() };
  if (!(await verify(json, vk, publicInputs))) throw new Error('the final proof does not verify');
  return { proof: json, publicInputs, verificationKey: vk, steps: timings };
}

/** Verify a final proof with its verification key; optionally check that it is about the given public inputs. */
export async function verify(
  proof: JsonProof | Record<string, unknown>,
  verificationKey: VerificationKey,
  expected?: { assetHash: string; trustRoot: string },
  /** The compile cache folder: its SRS, Lagrange bases and the bindings' code cache let a fresh process verify in ~2 s. */
  cacheDir?: string,
): Promise<boolean> {
  try {
    const json = proof as JsonProof;
    if (expected) {
      const hex = expected.assetHash.toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(hex)) return false;
      const want = assetHashInput(Uint8Array.from(Buffer.from(hex, 'hex')), BigInt(expected.trustRoot));
      const have = json.publicInput ?? [];
      const fields = StatementInput.toFields(want).map((x) => x.toString());
      if (have.length !== fields.length || have.some((v, i) => v !== fields[i])) return false;
    }
    return await withSrsCache(cacheDir, () => verifyProof(json, verificationKey.data));
  } catch {
    return false;
  }
}

export { ChainState, Proof };
