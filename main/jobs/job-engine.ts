// The job engine: queue, scheduler, dedup, retries, persistence and logs for proofs (DESIGN §6). Plain Node — every
// collaborator (prover, clock, folder, ids, emitter) comes in through EngineDeps. Every state change is written to the
// job store before it is reported, so a crash loses nothing that was shown as done.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ShutterproofError, type ErrorCode } from '../../common/error-codes.js';
import type { AddOutcome, ExportOutcome, ExportScope, Job, JobGroup, JobsSnapshot, LogLine, ProverStatus, VerifyOutcome } from '../../common/ipc-contract.js';
import { jobError } from '../prover/failure-kinds.js';
import type { Activity, BatchSummary, Clock, EngineDeps, Prover } from './engine-types.js';
import { systemClock } from './engine-types.js';
import { EventBatcher } from './event-batcher.js';
import { exportPacks } from './export-packs.js';
import { takeInPaths } from './file-intake.js';
import { FINISHED, isActive, nextQueued, topPriority } from './job-order.js';
import { JobStore } from './job-store.js';
import { LogStore } from './log-store.js';
import { findReusable, runProof } from './run-proof.js';
import { toVerifyOutcome } from './verify-outcome.js';

const AUTO_RETRY: ReadonlySet<ErrorCode> = new Set(['prover_crashed', 'out_of_memory']);
const PRUNE_EVERY_MS = 6 * 3600_000;

interface Worker {
  prover: Prover;
  jobId?: string;
}

export class JobEngine {
  private readonly jobs = new Map<string, Job>();
  private readonly groups = new Map<string, JobGroup>();
  private readonly store: JobStore;
  readonly logs: LogStore;
  private readonly batcher: EventBatcher;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly workers: Worker[] = [];
  private readonly running = new Map<string, { controller: AbortController; remove: boolean }>();
  private verifier: Prover | undefined;
  private status: ProverStatus = { state: 'starting' };
  private batch: BatchSummary & { total: number } = { succeeded: 0, failed: 0, cancelled: 0, total: 0 };
  private pruneTimer: unknown;
  private closed = false;

  constructor(private readonly deps: EngineDeps) {
    this.clock = deps.clock ?? systemClock;
    this.newId = deps.newId ?? (() => randomUUID());
    this.store = new JobStore(deps.root);
    this.logs = new LogStore(deps.root, () => this.clock.now());
    this.batcher = new EventBatcher(deps.emit, this.clock);
  }

  /** Loads the store, re-queues jobs a crash left running, prunes old history and starts warming the prover. */
  open(): void {
    const { jobs, groups } = this.store.load();
    for (const group of groups) this.groups.set(group.id, group);
    for (const job of jobs) this.jobs.set(job.id, job);
    for (const job of jobs) {
      if (job.state !== 'running' && job.state !== 'interrupted') continue;
      this.update(job.id, { state: 'interrupted', stage: undefined, progress: undefined });
      this.log(job.id, 'warn', 'Shutterproof stopped while this proof was being made; it is queued again.');
      this.update(job.id, { state: 'queued' });
    }
    this.prune();
    this.schedulePrune();
    this.worker(0).prover.start();
    this.pump();
  }

  list(): JobsSnapshot {
    return { jobs: [...this.jobs.values()], groups: [...this.groups.values()] };
  }

  proverStatus(): ProverStatus {
    return this.status;
  }

  async add(req: { paths: string[]; trustListId?: string | null }): Promise<AddOutcome> {
    const trustListId = req.trustListId === undefined ? this.deps.settings().defaultTrustListId : req.trustListId;
    if (trustListId !== null && !this.deps.trustLists.get(trustListId)) throw new ShutterproofError('trust_list_invalid', 'that trust list was removed');
    const room = (this.deps.maxQueued ?? 10_000) - [...this.jobs.values()].filter(isActive).length;
    const intake = await takeInPaths(req.paths, { maxBytes: this.deps.maxPhotoBytes, maxFiles: Math.max(0, room) });
    if (intake.files.length === 0) return { groupId: null, added: 0, skipped: intake.skipped };

    const now = this.clock.now();
    const n = intake.files.length;
    const label = intake.folderName ? `${n} photo${n === 1 ? '' : 's'} from ${intake.folderName}` : n === 1 ? intake.files[0].name : `${n} photos`;
    const group: JobGroup = { id: this.newId(), label, createdAt: now };
    this.groups.set(group.id, group);
    this.store.saveGroup(group);
    this.batcher.group(group);
    for (const [i, file] of intake.files.entries()) {
      const job: Job = { id: this.newId(), groupId: group.id, file, trustListId, state: 'queued', priority: 0, attempts: 0, createdAt: now + i / 1000 };
      this.jobs.set(job.id, job);
      this.batch.total++;
      const reusable = this.reusableFor(job);
      if (reusable) this.finishCached(job, reusable);
      else this.commit(job);
    }
    this.pump();
    return { groupId: group.id, added: n, skipped: intake.skipped };
  }

  cancel(id: string): void {
    const job = this.require(id);
    if (job.state === 'running') return void this.running.get(id)?.controller.abort();
    if (job.state === 'queued' || job.state === 'interrupted') {
      this.update(id, { state: 'cancelled', finishedAt: this.clock.now(), error: jobError('cancelled') });
      this.countFinished('cancelled');
    }
  }

  retry(id: string): void {
    const job = this.require(id);
    if (!FINISHED.has(job.state) && job.state !== 'interrupted') return;
    this.batch.total++;
    this.log(id, 'info', 'Retry requested.');
    this.update(id, { state: 'queued', attempts: 0, error: undefined, result: undefined, finishedAt: undefined, startedAt: undefined, stage: undefined, progress: undefined });
    this.pump();
  }

  remove(id: string): void {
    const job = this.require(id);
    const run = this.running.get(id);
    if (run) {
      // Removed once the prover is down: the job's files must not be deleted under it.
      run.remove = true;
      run.controller.abort();
      return;
    }
    if (isActive(job)) this.batch.total = Math.max(0, this.batch.total - 1);
    this.forget(job);
    this.settleBatch();
  }

  moveToTop(id: string): void {
    const job = this.require(id);
    if (job.state !== 'queued') return;
    this.update(id, { priority: topPriority(this.jobs.values()) + 1 });
  }

  logsOf(id: string, after: number): { lines: LogLine[]; lastSeq: number } {
    this.require(id);
    return this.logs.since(id, after);
  }

  jobsIn(scope: ExportScope): Job[] {
    const all = [...this.jobs.values()];
    if (scope.kind === 'job') return all.filter((j) => j.id === scope.jobId);
    if (scope.kind === 'group') return all.filter((j) => j.groupId === scope.groupId);
    return all;
  }

  exportTo(folder: string, scope: ExportScope, includeStrippedPhoto: boolean): Promise<ExportOutcome> {
    return exportPacks(this.jobsIn(scope), folder, includeStrippedPhoto);
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  async verify(req: { packPath: string; photoPath?: string }): Promise<VerifyOutcome> {
    this.verifier ??= this.deps.createProver('verifier', () => undefined);
    const outcome = await this.verifier.run({ id: `verify-${this.newId()}`, op: 'verify', pack: req.packPath, photo: req.photoPath });
    return toVerifyOutcome(outcome);
  }

  /** Applies a concurrency change and prunes with a new retention. */
  settingsChanged(): void {
    this.prune();
    const want = this.concurrency();
    while (this.workers.length > want) {
      const idle = this.workers.findIndex((w, i) => i > 0 && !w.jobId);
      if (idle < 0) break;
      void this.workers.splice(idle, 1)[0].prover.stop();
    }
    this.pump();
  }

  activity(): Activity {
    let running = 0;
    let queued = 0;
    for (const job of this.jobs.values()) {
      if (job.state === 'running') running++;
      else if (job.state === 'queued') queued++;
    }
    const done = this.batch.succeeded + this.batch.failed + this.batch.cancelled;
    return { running, queued, fraction: running + queued === 0 || this.batch.total === 0 ? null : Math.min(1, done / this.batch.total) };
  }

  /** Removes finished jobs older than the retention setting (their logs and packs too). */
  prune(): number {
    const cutoff = this.clock.now() - this.deps.settings().historyRetentionDays * 86_400_000;
    let removed = 0;
    for (const job of [...this.jobs.values()]) {
      if (FINISHED.has(job.state) && (job.finishedAt ?? job.createdAt) < cutoff) {
        this.forget(job);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Quits: running jobs are stopped and left `interrupted` (the next start queues them again), provers are shut
   * down, pending events are sent.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pruneTimer !== undefined) this.clock.clearTimeout(this.pruneTimer);
    for (const id of this.running.keys()) this.update(id, { state: 'interrupted', stage: undefined, progress: undefined });
    await Promise.all([...this.workers.map((w) => w.prover.stop()), this.verifier?.stop()]);
    this.batcher.flush();
    this.batcher.dispose();
  }

  // ---- scheduling ----

  private concurrency(): number {
    return Math.max(1, Math.min(8, this.deps.settings().concurrency || 1));
  }

  private worker(index: number): Worker {
    while (this.workers.length <= index) {
      const primary = this.workers.length === 0;
      const prover = this.deps.createProver('worker', (status) => {
        if (!primary) return;
        this.status = status;
        this.deps.emit('prover:status', status);
      });
      this.workers.push({ prover });
    }
    return this.workers[index];
  }

  private pump(): void {
    if (this.closed) return;
    const limit = this.concurrency();
    for (let i = 0; i < limit; i++) {
      const worker = this.worker(i);
      if (worker.jobId) continue;
      const job = nextQueued(this.jobs.values());
      if (!job) break;
      worker.jobId = job.id;
      void this.run(worker, job).finally(() => {
        worker.jobId = undefined;
        this.pump();
      });
    }
    this.deps.onActivity?.(this.activity());
  }

  private async run(worker: Worker, job: Job): Promise<void> {
    const reusable = this.reusableFor(job, worker.prover);
    if (reusable) return this.finishCached(job, reusable);
    const controller = new AbortController();
    const handle = { controller, remove: false };
    this.running.set(job.id, handle);
    this.update(job.id, { state: 'running', startedAt: this.clock.now(), attempts: job.attempts + 1, error: undefined, stage: undefined, progress: undefined });
    const outcome = await runProof(job, {
      prover: worker.prover,
      settings: this.deps.settings(),
      trustLists: this.deps.trustLists,
      packsDir: join(this.deps.root, 'packs', job.id),
      signal: controller.signal,
      onStage: (stage) => this.update(job.id, { stage, progress: undefined }, false),
      onProgress: (progress) => this.update(job.id, { progress }, false),
      log: (level, msg) => this.log(job.id, level, msg),
    });
    this.running.delete(job.id);
    if (this.closed) return;
    const current = this.jobs.get(job.id);
    if (!current) return;
    if (handle.remove) return void this.remove(job.id);
    const now = this.clock.now();
    if (outcome.ok) {
      this.update(job.id, { state: 'succeeded', result: outcome.result, finishedAt: now, stage: undefined, progress: undefined });
      this.log(job.id, 'info', `Proof made and verified in ${Math.round(outcome.result.timings.totalMs / 1000)} s.`);
      return this.countFinished('succeeded');
    }
    const { error } = outcome;
    if (error.code === 'cancelled') {
      this.update(job.id, { state: 'cancelled', error, finishedAt: now, stage: undefined, progress: undefined });
      return this.countFinished('cancelled');
    }
    this.log(job.id, 'error', `${error.code}: ${error.detail ?? error.message}`);
    if (AUTO_RETRY.has(error.code) && current.attempts < 2) {
      this.log(job.id, 'warn', 'Trying once more automatically.');
      this.update(job.id, { state: 'queued', error, stage: undefined, progress: undefined });
      return;
    }
    this.update(job.id, { state: 'failed', error, finishedAt: now, stage: undefined, progress: undefined });
    this.countFinished('failed');
  }

  // ---- dedup ----

  private reusableFor(job: Job, prover?: Prover): Job | undefined {
    const version = (prover ?? this.workers[0]?.prover)?.circuit?.version;
    if (version === undefined) return undefined;
    const list = job.trustListId === null ? null : this.deps.trustLists.get(job.trustListId);
    if (list === undefined) return undefined;
    return findReusable(this.jobs.values(), job, version, list?.root ?? null);
  }

  private finishCached(job: Job, source: Job): void {
    const now = this.clock.now();
    this.jobs.set(job.id, { ...job, state: 'succeeded', startedAt: now, finishedAt: now, result: { ...source.result!, cached: true } });
    this.commit(this.jobs.get(job.id)!);
    this.log(job.id, 'info', 'Same photo, trust list and circuit as an earlier proof: its proof pack was reused.');
    this.countFinished('succeeded');
  }

  // ---- bookkeeping ----

  private update(id: string, patch: Partial<Job>, persist = true): void {
    const job = this.jobs.get(id);
    if (!job) return;
    const next: Job = { ...job, ...patch };
    for (const key of Object.keys(patch) as (keyof Job)[]) if (patch[key] === undefined) delete next[key];
    this.jobs.set(id, next);
    if (persist) this.store.saveJob(next);
    this.batcher.job(next);
  }

  private commit(job: Job): void {
    this.store.saveJob(job);
    this.batcher.job(job);
  }

  private log(id: string, level: LogLine['level'], msg: string): void {
    this.batcher.log(id, this.logs.append(id, level, msg));
  }

  private forget(job: Job): void {
    this.jobs.delete(job.id);
    this.store.deleteJob(job.id);
    this.logs.remove(job.id);
    this.batcher.jobRemoved(job.id);
    const packs = join(this.deps.root, 'packs', job.id);
    // A cached job points at another job's pack; that pack stays while anyone still uses it.
    const inUse = [...this.jobs.values()].some((j) => j.result?.packPath.startsWith(packs));
    if (!inUse && existsSync(packs)) rmSync(packs, { recursive: true, force: true });
    if (![...this.jobs.values()].some((j) => j.groupId === job.groupId)) {
      this.groups.delete(job.groupId);
      this.store.deleteGroup(job.groupId);
      this.batcher.groupRemoved(job.groupId);
    }
  }

  private countFinished(kind: keyof BatchSummary): void {
    this.batch[kind]++;
    this.settleBatch();
  }

  private settleBatch(): void {
    const { running, queued } = this.activity();
    this.deps.onActivity?.(this.activity());
    if (running + queued > 0 || this.batch.total === 0) return;
    const { succeeded, failed, cancelled } = this.batch;
    this.batch = { succeeded: 0, failed: 0, cancelled: 0, total: 0 };
    if (succeeded + failed + cancelled > 0) this.deps.onBatchFinished?.({ succeeded, failed, cancelled });
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new ShutterproofError('bad_request', `no job ${id}`);
    return job;
  }

  private schedulePrune(): void {
    this.pruneTimer = this.clock.setTimeout(() => {
      this.prune();
      this.schedulePrune();
    }, PRUNE_EVERY_MS);
  }
}

