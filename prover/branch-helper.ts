// A second prover process for the issuer branch of a proof (prover/circuit/prover.ts), so the two independent
// branches run at the same time on a machine with the cores and the memory for two provers. The helper compiles only
// the two programs that branch needs, from the same key cache, while this process compiles its own; it takes plain
// data and returns a proof, over an IPC channel (structured clone: bigints and byte arrays as they are). It proves
// nothing this process does not check: `bind` verifies its proof in-circuit like any other.
//
// Its lifetime is this process's: it exits when the channel closes, and a watchdog thread in it (helper-main.ts)
// kills it within a quarter of a second of this process dying, even by SIGKILL in the middle of a native call.
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PROVER_ENV, PROVER_NODE_FLAGS } from '../common/prover-process.js';
import type { IssuerBranchInput, IssuerBranchOutput, IssuerBranchProver, StepEvents } from './circuit/prover.js';

/** Cores and memory below which two provers would only slow each other down or run out of memory. */
export const PARALLEL_MIN_CORES = 4;
export const PARALLEL_MIN_MEMORY = 16 * 2 ** 30;

/** SHUTTERPROOF_PARALLEL_BRANCHES=1 or 0 decides; otherwise the branches run in parallel where the machine allows. */
export function branchesInParallel(
  env: NodeJS.ProcessEnv = process.env,
  machine = { cores: availableParallelism(), memory: totalmem() },
): boolean {
  const wanted = env.SHUTTERPROOF_PARALLEL_BRANCHES;
  if (wanted === '1' || wanted === '0') return wanted === '1';
  return machine.cores >= PARALLEL_MIN_CORES && machine.memory >= PARALLEL_MIN_MEMORY;
}

/** Messages from the helper. */
export type HelperMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'step'; id: number; index: number }
  | { type: 'step-done'; id: number; index: number; ms: number }
  | { type: 'result'; id: number; output: IssuerBranchOutput }
  | { type: 'error'; id: number; message: string };

/** The one request the helper takes. */
export interface HelperRequest {
  type: 'issuer';
  id: number;
  input: IssuerBranchInput;
}

interface Pending {
  events: StepEvents;
  resolve(output: IssuerBranchOutput): void;
  reject(error: Error): void;
}

export class BranchHelper {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  /** Requests not settled yet, including those waiting for the compile. */
  private readonly waiting = new Set<number>();
  private gone: Error | undefined;
  /** Settles when the helper has compiled (or failed to). */
  readonly ready: Promise<void>;

  constructor(circuitCacheDir: string) {
    // Built, the helper is helper-main.js next to this file; run from source (the benchmark under tsx), it is the .ts
    // file, loaded with this process's loader flags.
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = fileURLToPath(new URL(fromSource ? './helper-main.ts' : './helper-main.js', import.meta.url));
    const flags = fromSource ? [...PROVER_NODE_FLAGS, ...process.execArgv] : PROVER_NODE_FLAGS;
    // stdout stays ours alone (the prover protocol); the helper's messages go to our stderr, like our own.
    this.child = spawn(process.execPath, [...flags, entry, '--cache', circuitCacheDir], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, ...PROVER_ENV },
      windowsHide: true,
    });
    let settleReady!: (error?: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => (settleReady = (error) => (error ? reject(error) : resolve())));
    this.ready.catch(() => undefined);
    this.child.on('message', (message: HelperMessage) => {
      if (message.type === 'ready') return settleReady();
      if (message.type === 'failed') return this.fail(new Error(message.message), settleReady);
      const request = this.pending.get(message.id);
      if (!request) return;
      if (message.type === 'step') request.events.onStep?.(message.index);
      else if (message.type === 'step-done') request.events.onStepDone?.(message.index, message.ms);
      else {
        this.pending.delete(message.id);
        if (message.type === 'result') request.resolve(message.output);
        else request.reject(new Error(message.message));
      }
    });
    this.child.on('error', (error) => this.fail(error, settleReady));
    this.child.on('exit', (code, signal) => this.fail(new Error(`it exited (${signal ?? `code ${code}`})`), settleReady));
    this.hold(false);
  }

  /** An idle helper must not keep this process alive; one that is proving for it must (or Node ends the wait). */
  private hold(busy: boolean): void {
    const channel = this.child.channel as { ref?: () => void; unref?: () => void } | undefined;
    if (busy) {
      this.child.ref();
      channel?.ref?.();
    } else {
      this.child.unref();
      channel?.unref?.();
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** False once the helper has exited or failed; a new one has to be started. */
  get alive(): boolean {
    return !this.gone;
  }

  /** Proves the issuer branch in the helper, once it is ready. Rejects if it fails or exits meanwhile. */
  readonly proveIssuer: IssuerBranchProver = async (input, events) => {
    const id = ++this.seq;
    this.waiting.add(id);
    this.hold(true);
    try {
      await this.ready;
      if (this.gone) throw this.gone;
      return await new Promise<IssuerBranchOutput>((resolve, reject) => {
        this.pending.set(id, { events, resolve, reject });
        this.child.send({ type: 'issuer', id, input } satisfies HelperRequest, (error) => {
          if (error && this.pending.delete(id)) reject(error);
        });
      });
    } finally {
      this.waiting.delete(id);
      if (this.waiting.size === 0 && !this.gone) this.hold(false);
    }
  };

  close(): void {
    this.fail(new Error('it was closed'), () => undefined);
    this.child.kill('SIGKILL');
  }

  private fail(error: Error, settleReady: (error?: Error) => void): void {
    this.gone ??= error;
    settleReady(this.gone);
    for (const request of this.pending.values()) request.reject(this.gone);
    this.pending.clear();
  }
}
