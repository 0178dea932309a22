// Compiling the circuit (key generation) takes minutes cold and tens of seconds from the disk cache, so it happens
// once per process; the cache folder is keyed by circuit version and o1js version so upgrades never mix keys.
import { getBackendPreference } from '../o1js.js';
import { CIRCUIT_ID, compile, type CircuitId } from '../circuit/index.js';
import type { IssuerBranchElsewhere } from '../circuit/issuer-branch.js';
import { BranchHelper, branchesInParallel, type ProgressShare } from './branch-helper.js';
import { circuitCacheDir } from '../runtime.js';

export interface CircuitKeys {
  verificationKey: { data: string; hash: string };
  backend: string;
}

type Progress = (done: number, total: number, label: string) => void;

const compiled = new Map<CircuitId, Promise<CircuitKeys>>();
// A prove request that arrives while warmup is compiling waits for the same compile and sees its progress too.
const listeners = new Set<Progress>();

/** Compiles circuit `circuit` of the family (warm-up compiles the first; the others when a photo needs them). */
export async function ensureCompiled(cacheDir: string, onProgress?: Progress, circuit: CircuitId = CIRCUIT_ID): Promise<CircuitKeys> {
  if (onProgress) listeners.add(onProgress);
  try {
    if (!compiled.has(circuit)) compiled.set(circuit, startCompile(cacheDir, circuit));
    return await compiled.get(circuit)!;
  } finally {
    if (onProgress) listeners.delete(onProgress);
  }
}

let helper: BranchHelper | undefined;

/**
 * Where the branches of a proof run in parallel (branch-helper.ts), the helper process that proves the issuer
 * branch: started with the compile, so both compile at once, and again after it exits. With `progress`, a helper
 * that shares the protocol stream writes that request's progress events as its steps finish.
 */
export function issuerBranchProver(cacheDir: string, progress?: ProgressShare): IssuerBranchElsewhere | undefined {
  if (!branchesInParallel()) return undefined;
  if (!helper?.alive) helper = new BranchHelper(circuitCacheDir(cacheDir));
  const current = helper;
  return {
    prove: (input, events) => current.proveIssuer(input, events, progress),
    stepsDoneHere: (count) => current.stepsDoneHere(count),
    stopReporting: () => current.stopReporting(),
  };
}

function startCompile(cacheDir: string, circuit: CircuitId): Promise<CircuitKeys> {
  issuerBranchProver(cacheDir);
  const attempt: Promise<CircuitKeys> = compile({
    cacheDir: circuitCacheDir(cacheDir),
    circuit,
    onProgress: (done: number, total: number, label: string) => listeners.forEach((listener) => listener(done, total, label)),
  }).then((verificationKey: CircuitKeys['verificationKey']) => ({ verificationKey, backend: getBackendPreference() }));
  // A failed compile must not poison the process: the next request tries again.
  attempt.catch(() => {
    if (compiled.get(circuit) === attempt) compiled.delete(circuit);
  });
  return attempt;
}
