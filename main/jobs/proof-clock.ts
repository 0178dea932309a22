// How long proofs take on this computer, measured and kept across runs (proof-times.json in the engine's folder),
// so every running job has a finishing time from its first second and between steps, and every queued job a figure
// the window can add up. Times are learned per phase: before proving (reading, checking, preparing), each proof
// step, and after (verifying and saving).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobEstimate } from '../../common/ipc-contract.js';
import { writeFileAtomic } from './atomic-file.js';

/** BENCHMARKS.md: about 7 minutes per photo on 2 cores, until this computer has made a proof of its own. */
export const TYPICAL_PROOF_MS = 7 * 60_000;
const WEIGHT = 0.4;

interface Learned {
  beforeMs: number;
  stepMs: number;
  steps: number;
  afterMs: number;
}

interface Run {
  startedAt: number;
  proveAt?: number;
  total?: number;
  done: number;
  lastStepAt?: number;
  provedAt?: number;
}

export class ProofClock {
  private learned: Learned | undefined;
  private readonly runs = new Map<string, Run>();
  private readonly file: string;

  constructor(root: string) {
    this.file = join(root, 'proof-times.json');
    try {
      if (existsSync(this.file)) this.learned = valid(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      this.learned = undefined; // a damaged file only costs the estimate until the next proof
    }
  }

  typical(): JobEstimate {
    const l = this.learned;
    return l ? { typicalMs: Math.round(l.beforeMs + l.steps * l.stepMs + l.afterMs), measured: true } : { typicalMs: TYPICAL_PROOF_MS, measured: false };
  }

  started(jobId: string, now: number): JobEstimate {
    this.runs.set(jobId, { startedAt: now, done: 0 });
    return this.estimate(jobId, now);
  }

  stage(jobId: string, name: string, provingStage: string, now: number): JobEstimate | undefined {
    const run = this.runs.get(jobId);
    if (!run) return undefined;
    if (name === provingStage) run.proveAt ??= now;
    else if (run.proveAt !== undefined) run.provedAt ??= now;
    return this.estimate(jobId, now);
  }

  progress(jobId: string, done: number, total: number, now: number): JobEstimate | undefined {
    const run = this.runs.get(jobId);
    if (!run || run.proveAt === undefined || run.provedAt !== undefined) return undefined;
    run.total = total;
    if (done > run.done) {
      run.done = done;
      run.lastStepAt = now;
    }
    return this.estimate(jobId, now);
  }

  /** A proof was made: its phases teach the clock. Failed and cancelled runs teach nothing. */
  succeeded(jobId: string, now: number): void {
    const run = this.runs.get(jobId);
    this.runs.delete(jobId);
    if (!run || run.proveAt === undefined || !run.total) return;
    const provedAt = run.provedAt ?? now;
    const sample: Learned = { beforeMs: run.proveAt - run.startedAt, stepMs: (provedAt - run.proveAt) / run.total, steps: run.total, afterMs: now - provedAt };
    const l = this.learned;
    this.learned = l
      ? { beforeMs: mix(l.beforeMs, sample.beforeMs), stepMs: mix(l.stepMs, sample.stepMs), steps: sample.steps, afterMs: mix(l.afterMs, sample.afterMs) }
      : sample;
    try {
      writeFileAtomic(this.file, JSON.stringify(this.learned), { flush: false });
    } catch {
      // Not being able to remember a time must never fail a proof.
    }
  }

  forget(jobId: string): void {
    this.runs.delete(jobId);
  }

  private estimate(jobId: string, now: number): JobEstimate {
    const run = this.runs.get(jobId)!;
    const typical = this.typical();
    const l = this.learned;
    let finishAt: number;
    if (run.provedAt !== undefined) finishAt = run.provedAt + (l?.afterMs ?? 0);
    else if (run.proveAt !== undefined && run.total) {
      // This run's own pace once a step is done, leaning on history while it has only one or two.
      const own = run.done > 0 ? (run.lastStepAt! - run.proveAt) / run.done : undefined;
      const known = l?.stepMs ?? (typical.typicalMs * 0.9) / run.total;
      const stepMs = own === undefined ? known : own * Math.min(1, run.done / 3) + known * (1 - Math.min(1, run.done / 3));
      finishAt = (run.lastStepAt ?? run.proveAt) + (run.total - run.done) * stepMs + (l?.afterMs ?? 0);
    } else finishAt = run.startedAt + typical.typicalMs;
    return { ...typical, finishAt: Math.round(Math.max(finishAt, now)) };
  }
}

function mix(old: number, sample: number): number {
  return old * (1 - WEIGHT) + sample * WEIGHT;
}

function valid(data: unknown): Learned | undefined {
  const d = data as Partial<Learned>;
  const ok = [d.beforeMs, d.stepMs, d.steps, d.afterMs].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
  return ok && d.steps! > 0 ? (d as Learned) : undefined;
}
