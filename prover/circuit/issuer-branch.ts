// Proving the chains step by step, and the issuer branch of a proof: assertion chain -> TBS chain -> the CA's
// signature on SHA-256(TBS), by ECDSA P-256 in one step or by RSA over three (two power steps, then the PKCS#1 check).
// A branch's input and output are plain data (structured-cloneable), so a helper process can prove it.
import { Bool, Field, UInt8, type JsonProof } from '../o1js.js';
import { ChainState } from './chain-state.js';
import { BLOCKS_PER_STEP } from './constants.js';
import { EcdsaP256, EcdsaStep, Secp256r1 } from './ecdsa-step.js';
import { powMod } from './field-native.js';
import { releaseNativeMemory } from './programs.js';
import { KEY_BYTES } from './rsa/encoding.js';
import { toLimbs } from './rsa/limbs.js';
import { RsaPkcs1Step } from './rsa/rsa-check.js';
import { bytesLE } from './rsa/rsa-native.js';
import { PowerState, POWER_STEPS, RsaPower, SQUARINGS_PER_STEP } from './rsa/rsa-power.js';
import { ShaChain, ShaChainProof, STEP_BYTES } from './sha-chain.js';
import { rsaKeySize, type RsaKey } from './trust-tree.js';
import type { IssuerWitness, MessagePlan } from './witness.js';

/** Proving steps of the CA's signature check, by kind of key. */
export const ISSUER_STEPS = { ecdsa: 1, rsa: POWER_STEPS + 1 } as const;

export interface IssuerBranchInput {
  a: MessagePlan;
  t: MessagePlan;
  r: bigint;
  issuer: IssuerWitness;
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

export type RunStep = <T>(index: number, work: () => Promise<T>) => Promise<T>;

const turns = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

export function stepRunner(events: StepEvents): RunStep {
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

function stepInputs(m: MessagePlan, step: number) {
  const first = m.steps.slice(0, step).reduce((a, b) => a + b, 0);
  const bytes = new Array<UInt8>(STEP_BYTES);
  for (let i = 0; i < STEP_BYTES; i++) bytes[i] = UInt8.from(m.padded[64 * first + i] ?? 0);
  const active = Array.from({ length: BLOCKS_PER_STEP }, (_, j) => Bool(j < m.steps[step]));
  return { bytes, active, capInit: m.capBlocks.map((b) => Field(b)) };
}

/** Proves chain `m` as steps first..first+n-1, continuing `before` when given. */
export async function proveChain(run: RunStep, first: number, r: Field, m: MessagePlan, before: ShaChainProof | undefined): Promise<ShaChainProof> {
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
const limbFields = (x: bigint) => toLimbs(x).map((v) => Field(v));

/** The states the power steps pass on for s under key n: s, then s^(2^8), then s^(2^16 + 1), all reduced mod n. */
export function powerStates(key: RsaKey, s: bigint): PowerState[] {
  const size = rsaKeySize(key.n);
  const state = (x: bigint, squarings: number) =>
    new PowerState({ n: limbFields(key.n), size: KEY_BYTES.map((_, i) => Bool(i === size)), s: limbFields(s), x: limbFields(x), squarings: Field(squarings) });
  const states = [state(s, 0)];
  for (let step = 1, x = s; step <= POWER_STEPS; step++) {
    x = powMod(x, 1n << BigInt(SQUARINGS_PER_STEP), key.n);
    if (step === POWER_STEPS) x = (x * s) % key.n;
    states.push(state(x, step * SQUARINGS_PER_STEP));
  }
  return states;
}

async function proveRsaIssuer(run: RunStep, first: number, tProof: ShaChainProof, key: RsaKey, s: bigint): Promise<JsonProof> {
  const states = powerStates(key, s);
  let power = await run(first, async () => {
    const size = states[0].size;
    const start = await RsaPower.start(bytesLE(key.n).map((b) => UInt8.from(b)), size, states[0].s);
    return (await RsaPower.power(start.proof, states[0])).proof;
  });
  for (let step = 1; step < POWER_STEPS; step++) {
    const from = power;
    power = await run(first + step, async () => (await RsaPower.power(from, states[step])).proof);
  }
  const check = await run(first + POWER_STEPS, async () => (await RsaPkcs1Step.verify(tProof, power, states[POWER_STEPS])).proof);
  return check.toJSON();
}

/** Assertion chain -> TBS chain -> the CA's signature: the first steps of the plan. Needs compileIssuerBranch. */
export async function proveIssuerBranch(input: IssuerBranchInput, events: StepEvents = {}): Promise<IssuerBranchOutput> {
  const run = stepRunner(events);
  const r = Field(input.r);
  const aProof = await proveChain(run, 0, r, input.a, undefined);
  const tProof = await proveChain(run, input.a.steps.length, r, input.t, aProof);
  const index = input.a.steps.length + input.t.steps.length;
  const { issuer } = input;
  const caProof =
    issuer.kind === 'rsa'
      ? await proveRsaIssuer(run, index, tProof, issuer.key, issuer.signature)
      : (await run(index, async () => (await EcdsaStep.verify(tProof, new EcdsaP256(issuer.signature), new Secp256r1(issuer.key))).proof)).toJSON();
  return { caProof, aOut: stateFields(aProof.publicOutput), tOut: stateFields(tProof.publicOutput) };
}
