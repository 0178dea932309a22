// The programs each circuit of the family proves with, in dependency order, compiled (or loaded from the key cache)
// once per process: a photo signed under a P-256 CA never loads the RSA programs' keys, and the reverse.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Cache } from '../o1js.js';
import { C2paEs256, C2paEs256RsaCa } from './bind-step.js';
import { CIRCUIT_ID, CIRCUITS, type CircuitId } from './constants.js';
import { EcdsaStep } from './ecdsa-step.js';
import { RsaPkcs1Step } from './rsa/rsa-check.js';
import { RsaPower } from './rsa/rsa-power.js';
import { ShaChain } from './sha-chain.js';
import { initializeFromCache } from './srs-cache.js';
import type { VerificationKey } from './statement.js';

interface Program {
  name: string;
  compile(options: { cache: Cache }): Promise<{ verificationKey: { data: string; hash: { toString(): string } } }>;
}

export type IssuerKind = (typeof CIRCUITS)[CircuitId]['issuer'];

/** The issuer branch: the assertion and TBS chains, then the CA's signature on the TBS. */
const ISSUER_PROGRAMS: Record<IssuerKind, Program[]> = { ecdsa: [ShaChain, EcdsaStep], rsa: [ShaChain, RsaPower, RsaPkcs1Step] };
const FINAL: Record<CircuitId, Program> = { 'c2pa-es256': C2paEs256, 'c2pa-es256-rsa': C2paEs256RsaCa };

const LABELS: Record<string, string> = {
  [ShaChain.name]: 'Preparing the hashing steps',
  [EcdsaStep.name]: 'Preparing the signature check',
  [RsaPower.name]: 'Preparing the RSA steps',
  [RsaPkcs1Step.name]: "Preparing the issuer's RSA signature check",
};

/** Every program circuit `id` proves with; the leaf's ES256 check (EcdsaStep) comes before the final step. */
export function programsOf(id: CircuitId): Program[] {
  return [...new Set([...ISSUER_PROGRAMS[CIRCUITS[id].issuer], EcdsaStep, FINAL[id]])];
}

/**
 * A full garbage collection, where the process allows one (the prover's flags, common/prover-process.ts): the native
 * memory of o1js objects a finished step no longer needs is returned only when V8 finalises them.
 */
export function releaseNativeMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const compiled = new Map<string, Promise<VerificationKey>>();
// o1js compiles one program at a time: a second compile waits for the one under way.
let queue: Promise<unknown> = Promise.resolve();

function compileProgram(program: Program, cacheDir: string): Promise<VerificationKey> {
  let done = compiled.get(program.name);
  if (!done) {
    done = queue.then(async () => {
      const { verificationKey } = await program.compile({ cache: Cache.FileSystem(cacheDir) });
      return { data: verificationKey.data, hash: verificationKey.hash.toString() };
    });
    queue = done.catch(() => undefined);
    compiled.set(program.name, done);
    done.catch(() => compiled.delete(program.name));
  }
  return done;
}

async function compileAll(programs: Program[], cacheDir: string, onProgress?: (done: number, total: number, label: string) => void) {
  // Already compiled in this process (a helper's next request): no start-up work and no collection before proving.
  if (programs.every((program) => compiled.has(program.name))) {
    const keys = await Promise.all(programs.map((program) => compiled.get(program.name)!));
    onProgress?.(programs.length, programs.length, 'Prover ready');
    return keys[keys.length - 1];
  }
  let vk: VerificationKey | undefined;
  await initializeFromCache(cacheDir);
  for (const [i, program] of programs.entries()) {
    onProgress?.(i, programs.length, LABELS[program.name] ?? 'Preparing the final step');
    vk = await compileProgram(program, cacheDir);
  }
  releaseNativeMemory();
  onProgress?.(programs.length, programs.length, 'Prover ready');
  return vk!;
}

/** Compiles (or loads) every program of circuit `id`; resolves to the final program's verification key. */
export function compile(options: {
  cacheDir: string;
  circuit?: CircuitId;
  onProgress?: (done: number, total: number, label: string) => void;
}): Promise<VerificationKey> {
  return compileAll(programsOf(options.circuit ?? CIRCUIT_ID), options.cacheDir, options.onProgress);
}

/** Compiles only what `proveIssuerBranch` needs for this kind of issuer (a helper process proves nothing else). */
export async function compileIssuerBranch(cacheDir: string, issuer: IssuerKind = 'ecdsa'): Promise<void> {
  await compileAll(ISSUER_PROGRAMS[issuer], cacheDir);
}

/** The final program's key, when circuit `id` was compiled in this process. */
export function compiledKey(id: CircuitId): Promise<VerificationKey> | undefined {
  return compiled.get(FINAL[id].name);
}

/** Whether `cacheDir` holds every program's keys of circuit `id`, so that compiling only loads them. */
export function keysCachedIn(cacheDir: string, id: CircuitId = CIRCUIT_ID): boolean {
  return programsOf(id).every((program) => existsSync(join(cacheDir, `wrap-pk-${program.name}`)));
}
