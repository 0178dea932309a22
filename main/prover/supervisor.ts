// Owns one prover process at a time: spawns it (execa, argument array, no shell, minimal environment), waits for
// `hello`, warms it up, sends requests and gives each exactly one outcome. Cancel and timeout kill the process
// (SIGTERM, then SIGKILL after the grace period) and a new one is started for the next request; a process that dies
// on its own fails its request with a typed error carrying the stderr tail.
import { access } from 'node:fs/promises';
import { execa, type ResultPromise } from 'execa';
import { isErrorCode } from '../../common/error-codes.js';
import type { JobError, ProverStatus } from '../../common/ipc-contract.js';
import { PROCESS_EVENT_ID, type ProverEvent, type ProverRequest } from '../../common/prover-protocol.js';
import { availableMemory } from './available-memory.js';
import { classifyExit, formatGiB, jobError } from './failure-kinds.js';
import { abortPromise, delay, describeDuration } from './waiting.js';
import { createLineParser, type ParsedLine } from './protocol-parser.js';

export interface ProverCommand {
  file: string;
  args: string[];
  /** The child's whole environment: nothing is inherited. */
  env: Record<string, string>;
}

export { minimalEnv } from './child-env.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type ProgressEvent = Extract<ProverEvent, { type: 'stage' | 'progress' | 'log' }>;

export interface SupervisorOptions {
  command: ProverCommand;
  /** Bytes of memory free now; injectable so tests can simulate a full machine. */
  freeMemory?: () => number;
  /** A proof is refused below this (default 6 GiB: a proof peaks near that). */
  minFreeMemoryBytes?: number;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  helloTimeoutMs?: number;
  /** Compile the circuit as soon as the process is up (the app does; one-shot verifiers do not). */
  warmup?: boolean;
  /** After this many processes in a row die on their own with nothing done, stop restarting until asked again. */
  maxStartFailures?: number;
  onStatus?: (status: ProverStatus) => void;
  /** Output not tied to a request (process start, warmup, stderr while idle). */
  onLog?: (level: LogLevel, msg: string) => void;
}

export interface RunOptions {
  onEvent?: (event: ProgressEvent) => void;
  /** stderr lines while this request runs. */
  onStderr?: (line: string) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type RunOutcome = { ok: true; summary: Record<string, unknown>; packPath?: string } | { ok: false; error: JobError };

type KillReason = 'cancel' | 'timeout' | 'stop' | 'hello-timeout';

interface Pending {
  id: string;
  options: RunOptions;
  settle: (outcome: RunOutcome) => void;
  /** Cancel or timeout killed the process for this request; its own handler settles it once the process is gone. */
  ownKill?: boolean;
}

interface Child {
  sub: ResultPromise<{ buffer: false; reject: false }>;
  controller: AbortController;
  ready: Promise<boolean>;
  helloSeen: boolean;
  killReason?: KillReason;
  pending: Map<string, Pending>;
  stderrTail: string[];
  exited: Promise<void>;
}

const STDERR_TAIL_LINES = 40;

export class ProverSupervisor {
  private child: Child | null = null;
  private currentStatus: ProverStatus = { state: 'starting' };
  private startFailures = 0;
  private stopping = false;
  private seq = 0;
  circuit: { id: string; version: number } | undefined;
  private readonly opts: Required<Omit<SupervisorOptions, 'onStatus' | 'onLog'>> & Pick<SupervisorOptions, 'onStatus' | 'onLog'>;

  constructor(options: SupervisorOptions) {
    this.opts = {
      freeMemory: availableMemory,
      minFreeMemoryBytes: 6 * 2 ** 30,
      killGraceMs: 1500,
      helloTimeoutMs: 120_000,
      warmup: true,
      maxStartFailures: 3,
      ...options,
    };
  }

  get status(): ProverStatus {
    return this.currentStatus;
  }

  /** Starts the process (and its warmup) if none is running. */
  start(): void {
    this.stopping = false;
    if (!this.child) this.child = this.spawn();
  }

  /** Runs one request; the promise always resolves, exactly once, with a result or a typed error. */
  async run(request: ProverRequest, options: RunOptions = {}): Promise<RunOutcome> {
    if (options.signal?.aborted) return { ok: false, error: jobError('cancelled') };
    if (request.op === 'prove') {
      const free = this.opts.freeMemory();
      if (free < this.opts.minFreeMemoryBytes) {
        return {
          ok: false,
          error: jobError(
            'out_of_memory',
            `Only ${formatGiB(free)} of memory is free; a proof needs about ${formatGiB(this.opts.minFreeMemoryBytes)}. Close other programs, then press Retry.`,
          ),
        };
      }
    }
    this.startFailures = 0;
    // A process being killed (another request's cancel) takes no new work: wait for it, then use its successor.
    while (this.child?.killReason) await this.child.exited;
    this.start();
    const child = this.child!;
    // Waiting for warmup is part of the request: cancel must work during it, the timeout starts after it.
    const ready = await Promise.race([child.ready, abortPromise(options.signal)]);
    if (ready === 'aborted') {
      this.kill(child, 'cancel');
      await child.exited;
      return { ok: false, error: jobError('cancelled') };
    }
    if (!ready || this.child !== child) return { ok: false, error: this.lastExitError ?? jobError('prover_crashed', 'The prover stopped before it was ready.') };

    return new Promise<RunOutcome>((resolve) => {
      let done = false;
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        pending.ownKill = true;
        this.kill(child, 'cancel');
        void child.exited.then(() => settle({ ok: false, error: jobError('cancelled') }));
      };
      const settle = (outcome: RunOutcome) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        child.pending.delete(request.id);
        // A process that is gone or going has already reported restarting; do not paper over that with "ready".
        if (this.child === child && !child.killReason) this.setStatus(child.pending.size ? { state: 'busy' } : { state: 'ready' });
        resolve(outcome);
      };
      const pending: Pending = { id: request.id, options, settle };
      child.pending.set(request.id, pending);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => {
          pending.ownKill = true;
          this.kill(child, 'timeout');
          void child.exited.then(() => settle({ ok: false, error: jobError('timeout', `Stopped after ${describeDuration(options.timeoutMs ?? 0)}.`) }));
        }, options.timeoutMs);
      }
      if (request.op === 'prove') this.setStatus({ state: 'busy' });
      child.sub.stdin.write(JSON.stringify(request) + '\n');
    });
  }

  /** Asks the process to exit, then kills it if it does not within the grace period. Pending requests are cancelled. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child) return;
    if (child.pending.size === 0 && child.helloSeen) {
      child.sub.stdin.write(JSON.stringify({ id: `shutdown-${++this.seq}`, op: 'shutdown' }) + '\n');
      const exited = await Promise.race([child.exited.then(() => true), delay(this.opts.killGraceMs).then(() => false)]);
      if (exited) return;
    }
    this.kill(child, 'stop');
    await child.exited;
  }

  private lastExitError: JobError | undefined;

  private kill(child: Child, reason: KillReason): void {
    child.killReason ??= reason;
    child.controller.abort();
  }

  private setStatus(status: ProverStatus): void {
    const same = JSON.stringify(status) === JSON.stringify(this.currentStatus);
    this.currentStatus = status;
    if (!same) this.opts.onStatus?.(status);
  }

  private spawn(): Child {
    const { command, killGraceMs } = this.opts;
    const controller = new AbortController();
    const sub = execa(command.file, command.args, {
      env: command.env,
      extendEnv: false,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      reject: false,
      cancelSignal: controller.signal,
      forceKillAfterDelay: killGraceMs,
      windowsHide: true,
    });
    let markReady!: (ok: boolean) => void;
    const ready = new Promise<boolean>((resolve) => (markReady = resolve));
    const child: Child = { sub, controller, ready, helloSeen: false, pending: new Map(), stderrTail: [], exited: Promise.resolve() };
    this.setStatus(this.currentStatus.state === 'restarting' ? this.currentStatus : { state: 'starting' });

    const helloTimer = setTimeout(() => this.kill(child, 'hello-timeout'), this.opts.helloTimeoutMs);
    const warmupId = `warmup-${++this.seq}`;
    const parser = createLineParser();
    const onLine = (line: ParsedLine) => {
      if (line.kind === 'log') return this.opts.onLog?.(line.level, line.msg);
      const event = line.event;
      if (event.type === 'hello') {
        clearTimeout(helloTimer);
        child.helloSeen = true;
        this.circuit = event.circuit;
        if (!this.opts.warmup) {
          this.setStatus({ state: 'ready' });
          return markReady(true);
        }
        this.setStatus({ state: 'warming', done: 0, total: 1, label: 'Preparing the prover' });
        sub.stdin.write(JSON.stringify({ id: warmupId, op: 'warmup' }) + '\n');
        return;
      }
      if (event.id === warmupId) return this.onWarmupEvent(event, markReady);
      if (event.id === PROCESS_EVENT_ID) {
        if (event.type === 'log') this.opts.onLog?.(event.level, event.msg);
        else if (event.type === 'error') this.opts.onLog?.('error', `${event.code}: ${event.detail ?? event.message}`);
        return;
      }
      const pending = child.pending.get(event.id);
      if (!pending) return this.opts.onLog?.('debug', `event for unknown request ${event.id}: ${event.type}`);
      if (event.type === 'result') void this.settleResult(pending, event.summary, event.packPath);
      else if (event.type === 'error')
        pending.settle({
          ok: false,
          error: { ...jobError(isErrorCode(event.code) ? event.code : 'internal_error', event.detail), retryable: event.retryable },
        });
      else pending.options.onEvent?.(event);
    };
    sub.stdout.on('data', (chunk: Buffer) => parser.push(chunk).forEach(onLine));
    sub.stdout.on('end', () => parser.end().forEach(onLine));
    sub.stderr.on('data', (chunk: Buffer) => this.onStderr(child, chunk.toString('utf8')));
    // A dead pipe must surface as an exit, not an unhandled error.
    sub.stdin.on('error', () => undefined);

    child.exited = sub.then((result) => {
      clearTimeout(helloTimer);
      this.onExit(child, { exitCode: result.exitCode, signal: result.signal }, markReady);
    });
    return child;
  }

  private onWarmupEvent(event: ProverEvent, markReady: (ok: boolean) => void): void {
    const current = this.currentStatus;
    const label = current.state === 'warming' ? current.label : 'Preparing the prover';
    if (event.type === 'stage') this.setStatus({ state: 'warming', done: 0, total: 1, label: event.label, ...(event.name === 'compile' ? { firstTime: true } : {}) });
    else if (event.type === 'progress') this.setStatus({ ...(current.state === 'warming' ? current : { state: 'warming' as const }), done: event.done, total: event.total, label });
    else if (event.type === 'log') {
      this.opts.onLog?.(event.level, event.msg);
      if (current.state === 'warming') this.setStatus({ ...current, label: event.msg.slice(0, 120) });
    } else if (event.type === 'result') {
      this.startFailures = 0;
      this.setStatus({ state: 'ready' });
      markReady(true);
    } else if (event.type === 'error') {
      // A failed warmup is reported, but requests are still tried: the prove path compiles on its own.
      this.setStatus({ state: 'failed', error: jobError(isErrorCode(event.code) ? event.code : 'internal_error', event.detail) });
      markReady(true);
    }
  }

  private async settleResult(pending: Pending, summary: Record<string, unknown>, packPath: string | undefined): Promise<void> {
    // Success is a result event *and* the artefact on disk.
    if (packPath) {
      try {
        await access(packPath);
      } catch {
        return pending.settle({ ok: false, error: jobError('internal_error', `The prover reported ${packPath}, which does not exist.`) });
      }
    }
    this.startFailures = 0;
    pending.settle({ ok: true, summary, packPath });
  }

  private onStderr(child: Child, text: string): void {
    for (const raw of text.split('\n')) {
      const line = raw.trimEnd().slice(0, 500);
      if (!line) continue;
      child.stderrTail.push(line);
      if (child.stderrTail.length > STDERR_TAIL_LINES) child.stderrTail.shift();
      const [first] = child.pending.values();
      if (first?.options.onStderr) first.options.onStderr(line);
      else this.opts.onLog?.('debug', line);
    }
  }

  private onExit(child: Child, how: { exitCode?: number; signal?: string }, markReady: (ok: boolean) => void): void {
    if (this.child === child) this.child = null;
    const error = classifyExit({ ...how, killedByUs: child.killReason !== undefined, stderrTail: child.stderrTail });
    this.lastExitError = child.killReason === 'hello-timeout' ? jobError('prover_crashed', 'The prover did not start in time.') : error;
    markReady(false);
    // Requests killed on purpose are settled by their own cancel/timeout handlers; any other request on the same
    // process lost it through no fault of its own and fails as a crash (retryable).
    const others: RunOutcome = {
      ok: false,
      error: child.killReason === 'stop' ? jobError('cancelled') : child.killReason ? jobError('prover_crashed', 'The prover was restarted while this request was waiting.') : this.lastExitError,
    };
    for (const pending of [...child.pending.values()]) if (!pending.ownKill) pending.settle(others);
    if (this.stopping) return;
    // A process that keeps dying on its own (at start or during warmup) is not restarted forever.
    const onItsOwn = child.killReason !== 'cancel' && child.killReason !== 'timeout';
    if (onItsOwn && ++this.startFailures >= this.opts.maxStartFailures) {
      this.setStatus({ state: 'failed', error: this.lastExitError });
      return;
    }
    const reason = child.killReason === 'cancel' ? 'cancelled' : child.killReason === 'timeout' ? 'timeout' : this.lastExitError.code;
    this.setStatus({ state: 'restarting', reason });
    this.child = this.spawn();
  }
}
