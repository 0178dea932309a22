// What the job engine needs from the world, passed in so tests run it in plain Node with doubles and a real child.
import type { ProverStatus, Settings, TrustListView } from '../../common/ipc-contract.js';
import type { ProverRequest } from '../../common/prover-protocol.js';
import type { RunOptions, RunOutcome } from '../prover/supervisor.js';
import type { Emit, Timers } from './event-batcher.js';

/** The part of ProverSupervisor the engine uses. */
export interface Prover {
  readonly status: ProverStatus;
  readonly circuit: { id: string; version: number } | undefined;
  start(): void;
  run(request: ProverRequest, options?: RunOptions): Promise<RunOutcome>;
  stop(): Promise<void>;
}

export interface Clock extends Timers {
  now(): number;
}

export interface TrustLists {
  list(): TrustListView[];
  get(id: string): TrustListView | undefined;
  pemPath(id: string): string;
}

export interface BatchSummary {
  succeeded: number;
  failed: number;
  cancelled: number;
}

export interface Activity {
  running: number;
  queued: number;
  /** Share of the current batch done, 0..1 (finished jobs, plus running ones by proof steps done); null when idle. */
  fraction: number | null;
}

export interface EngineDeps {
  /** The engine's folder under user data: jobs, groups, logs, proof packs. */
  root: string;
  emit: Emit;
  settings: () => Settings;
  /** `worker` provers run proofs (one per concurrent job, warmed up); `verifier` checks packs on demand. */
  createProver: (role: 'worker' | 'verifier', onStatus: (status: ProverStatus) => void) => Prover;
  trustLists: TrustLists;
  clock?: Clock;
  newId?: () => string;
  /** Queued plus running jobs allowed at once. */
  maxQueued?: number;
  maxPhotoBytes?: number;
  /** The current batch (everything since the queue was last empty) finished. */
  onBatchFinished?: (summary: BatchSummary) => void;
  /** Running/queued counts changed (taskbar progress, keeping the computer awake). */
  onActivity?: (activity: Activity) => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
