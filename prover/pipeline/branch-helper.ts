// A second prover process for the issuer branch of a proof (prover/circuit/prover.ts), so the two independent
// branches run at the same time on a machine with the cores and the memory for two provers. The helper compiles only
// the two programs that branch needs, from the same key cache, while this process compiles its own; it takes plain
// data and returns a proof, over an IPC channel (structured clone: bigints and byte arrays as they are). It proves
// nothing this process does not check: `bind` verifies its proof in-circuit like any other.
//
// Its lifetime is this process's: it exits when the channel closes, and a watchdog thread in it (helper-main.ts)
// kills it within a quarter of a second of this process dying, even by SIGKILL in the middle of a native call.
//
// Progress: a proof step blocks this process's thread for tens of seconds, so the helper's step messages wait in the
// channel until this process's step ends. Where this process speaks the prover protocol (process-main.ts), the helper
// therefore writes the request's `progress` events to the protocol stream itself, the moment its steps finish,
// counting its own steps plus those this process has told it about (`stepsDoneHere`). Each is one line of well under
// PIPE_BUF bytes, so the kernel writes it whole between this process's lines; a count can arrive after a higher one
// from the other process, and the engine keeps the higher.
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PROVER_ENV, PROVER_NODE_FLAGS } from '../../common/prover-process.js';
import type { IssuerBranchInput, IssuerBranchOutput, StepEvents } from '../circuit/issuer-branch.js';

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

let protocolOut = false;

/** Lets helpers started from now on write protocol progress to this process's stdout (the protocol stream). */
export function shareProtocolOutput(): void {
  protocolOut = true;
}

/** What a helper needs to write a request's progress events itself. */
export interface ProgressShare {
  /** The protocol request the proof is for. */
  requestId: string;
  /** Steps in the whole proof (both branches and the merge). */
  total: number;
  /** When proving began (Date.now()), for the estimate of the time left. */
  startedAt: number;
}

/** Messages from the helper. */
export type HelperMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'step'; id: number; index: number }
  | { type: 'step-done'; id: number; index: number; ms: number }
  | { type: 'result'; id: number; output: IssuerBranchOutput }
  | { type: 'error'; id: number; message: string };

/** What the helper is sent: the one request it takes, and how far this process's own steps are. */
export type HelperRequest =
  | { type: 'issuer'; id: number; input: IssuerBranchInput; progress?: ProgressShare }
  | { type: 'steps-done-here'; id: number; count: number }
  | { type: 'stop-reporting'; id: number };

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
  /** Whether it writes the progress of requests it is given a ProgressShare for. */
  readonly writesProgress: boolean;

  constructor(circuitCacheDir: string) {
    // Built, the helper is entry/helper-main.js beside this folder; run from source (the benchmark under tsx), it is the .ts
    // file, loaded with this process's loader flags.
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = fileURLToPath(new URL(fromSource ? '../entry/helper-main.ts' : '../entry/helper-main.js', import.meta.url));
    const flags = fromSource ? [...PROVER_NODE_FLAGS, ...process.execArgv] : PROVER_NODE_FLAGS;
    // The helper's messages go to our stderr, like our own; our stdout (the prover protocol) it shares only to write
    // progress events, and only where this process speaks the protocol.
    this.writesProgress = protocolOut;
    const progressArgs = protocolOut ? ['--progress-out'] : [];
    this.child = spawn(process.execPath, [...flags, entry, '--cache', circuitCacheDir, ...progressArgs], {
      stdio: ['ignore', protocolOut ? 'inherit' : 'ignore', 'inherit', 'ipc'],
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

  /**
   * Proves the issuer branch in the helper, once it is ready. Rejects if it fails or exits meanwhile. With `progress`
   * (and a helper that writes progress), the helper also writes that request's progress events.
   */
  async proveIssuer(input: IssuerBranchInput, events: StepEvents, progress?: ProgressShare): Promise<IssuerBranchOutput> {
    const id = ++this.seq;
    this.waiting.add(id);
    this.hold(true);
    try {
      await this.ready;
      if (this.gone) throw this.gone;
      return await new Promise<IssuerBranchOutput>((resolve, reject) => {
        this.pending.set(id, { events, resolve, reject });
        const request: HelperRequest = { type: 'issuer', id, input, ...(progress && this.writesProgress ? { progress } : {}) };
        this.child.send(request, (error) => {
          if (error && this.pending.delete(id)) reject(error);
        });
      });
    } finally {
      this.waiting.delete(id);
      if (this.waiting.size === 0 && !this.gone) this.hold(false);
    }
  }

  /** Tells the helper how many steps this process has proved itself for the requests it is proving. */
  stepsDoneHere(count: number): void {
    if (this.gone || !this.writesProgress) return;
    for (const id of this.pending.keys()) this.child.send({ type: 'steps-done-here', id, count } satisfies HelperRequest, () => undefined);
  }

  /** This process is done with the proofs the helper is still proving (it failed first): no more progress for them. */
  stopReporting(): void {
    if (this.gone || !this.writesProgress) return;
    for (const id of this.pending.keys()) this.child.send({ type: 'stop-reporting', id } satisfies HelperRequest, () => undefined);
  }

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
