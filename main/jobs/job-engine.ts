// The job engine: queue, scheduler, dedup, retries, persistence and logs for proofs (DESIGN §6). Plain Node — every
// collaborator (prover, clock, folder, ids, emitter) comes in through EngineDeps. Every state change is written to the
// job store before it is reported, so a crash loses nothing that was shown as done.
import { randomUUID } from 'node:crypto';
import { ShutterproofError, type ErrorCode } from '../../common/error-codes.js';
import type { AddOutcome, ExportOutcome, ExportScope, Job, JobGroup, JobsSnapshot, LogLine, ProverStatus, VerifyOutcome } from '../../common/ipc-contract.js';
import { PROVING_STAGE, type ProverRequest } from '../../common/prover-protocol.js';
import { jobError } from '../prover/failure-kinds.js';
import type { RunOutcome } from '../prover/supervisor.js';
import { BatchTracker } from './batch-tracker.js';
import type { Activity, BatchSummary, Clock, EngineDeps, Prover } from './engine-types.js';
import { systemClock } from './engine-types.js';
import { BATCH_INTERVAL_MS, EventBatcher } from './event-batcher.js';
import { exportPacks } from './export-packs.js';
import { groupLabel, recoverCutGroups } from './group-labels.js';
import { takeInPaths } from './file-intake.js';
import { FINISHED, isActive, nextQueued, topPriority } from './job-order.js';
import { JobBook } from './job-book.js';
import type { LogStore } from './log-store.js';
import { PhotoChecks, type Verdict } from './photo-checks.js';
import { ProofClock } from './proof-clock.js';
import { ProverPool, type Worker } from './prover-pool.js';
import { findReusable, runProof } from './run-proof.js';
import { toVerifyOutcome } from './verify-outcome.js';

const AUTO_RETRY: ReadonlySet<ErrorCode> = new Set(['prover_crashed', 'out_of_memory']);
const PRUNE_EVERY_MS = 6 * 3600_000;
const INSERT_SLICE = 100;

export class JobEngine {
  private readonly book: JobBook;
  private readonly batcher: EventBatcher;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly pool: ProverPool;
  /** `proved`: the share of its proof steps done, which the batch's progress counts (0..1, never going back). */
  private readonly running = new Map<string, { controller: AbortController; remove: boolean; proved: number }>();
  private verifier: Prover | undefined;
  private readonly batch = new BatchTracker();
  private readonly checks: PhotoChecks;
  private readonly times: ProofClock;
  private pruneTimer: unknown;
  private closed = false;

  /** Per-job logs (ring + file). */
  get logs(): LogStore {
    return this.book.logs;
  }

  constructor(private readonly deps: EngineDeps) {
    this.clock = deps.clock ?? systemClock;
    this.newId = deps.newId ?? (() => randomUUID());
    this.batcher = new EventBatcher(deps.emit, this.clock, BATCH_INTERVAL_MS, () => this.book.logs.flush());
    this.book = new JobBook(deps.root, this.batcher, () => this.clock.now());
    this.pool = new ProverPool(deps.createProver, (status) => deps.emit('prover:status', status));
    this.checks = new PhotoChecks((request) => this.ask(request), deps.trustLists, (id, verdict) => this.checked(id, verdict));
    this.times = new ProofClock(deps.root);
  }

  /** Loads the store, re-queues jobs a crash left running, prunes old history and starts warming the prover. */
  open(): void {
    const loaded = this.book.load();
    recoverCutGroups(this.book);
    for (const job of loaded) {
      if (job.state !== 'running' && job.state !== 'interrupted') continue;
      this.book.update(job.id, { state: 'interrupted', stage: undefined, progress: undefined });
      this.book.log(job.id, 'warn', 'Shutterproof stopped while this proof was being made; it is queued again.');
      this.book.update(job.id, { state: 'queued' });
    }
    this.prune();
    this.schedulePrune();
    this.checks.enqueue([...this.book.jobs.values()].filter((job) => job.state === 'queued' && job.check === 'pending'));
    this.pool.worker(0).prover.start();
    this.pump();
  }

  list(): JobsSnapshot {
    return { jobs: [...this.book.jobs.values()], groups: [...this.book.groups.values()] };
  }

  proverStatus(): ProverStatus {
    return this.pool.status;
  }

  /** "Try again" on a prover that could not start: start it (and its warmup) once more. */
  restartProver(): void {
    this.pool.worker(0).prover.start();
  }

  /** `label` names the group instead of its photos (main's own additions, e.g. the sample photo; never the page's). */
  async add(req: { paths: string[]; trustListId?: string | null; label?: string }): Promise<AddOutcome> {
    const trustListId = req.trustListId === undefined ? this.deps.settings().defaultTrustListId : req.trustListId;
    if (trustListId !== null && !this.deps.trustLists.get(trustListId)) throw new ShutterproofError('trust_list_removed', `no trust list ${trustListId}`);
    const room = (this.deps.maxQueued ?? 10_000) - [...this.book.jobs.values()].filter(isActive).length;
    const intake = await takeInPaths(req.paths, { maxBytes: this.deps.maxPhotoBytes, maxFiles: Math.max(0, room) });
    if (intake.files.length === 0) return { groupId: null, added: 0, skipped: intake.skipped };

    const now = this.clock.now();
    const n = intake.files.length;
    const label = req.label ?? groupLabel(n, intake.folderName);
    const group: JobGroup = { id: this.newId(), label, createdAt: now };
    // Marked until its last photo is written: a crash before then is found at the next start (group-labels.ts).
    this.book.addGroup({ ...group, adding: { total: n, ...(intake.folderName ? { folderName: intake.folderName } : {}) } });
    const estimate = this.times.typical();
    const jobs = intake.files.map((file, i): Job => ({ id: this.newId(), groupId: group.id, file, trustListId, state: 'queued', priority: 0, attempts: 0, check: 'pending', estimate, createdAt: now + i / 1000 }));
    // Written in slices with a pause between them: flushing thousands of files must not freeze the window.
    for (let start = 0; start < jobs.length; start += INSERT_SLICE) {
      const slice = jobs.slice(start, start + INSERT_SLICE).map((job) => {
        const reusable = this.reusableFor(job);
        return reusable ? this.cachedFrom(job, reusable) : job;
      });
      this.batch.queued(slice.length);
      this.book.insertMany(slice);
      for (const job of slice) if (job.state === 'succeeded') this.afterCached(job.id);
      this.checks.enqueue(slice.filter((job) => job.state === 'queued'));
      if (start + INSERT_SLICE < jobs.length) await new Promise((resolve) => setImmediate(resolve));
    }
    this.book.addGroup(group);
    this.pump();
    return { groupId: group.id, added: n, skipped: intake.skipped };
  }

  cancel(id: string): void {
    const job = this.require(id);
    if (job.state === 'running') return void this.running.get(id)?.controller.abort();
    if (job.state === 'queued' || job.state === 'interrupted') {
      this.book.update(id, { state: 'cancelled', finishedAt: this.clock.now(), error: jobError('cancelled') });
      this.countFinished('cancelled');
    }
  }

  retry(id: string): void {
    const job = this.require(id);
    if (!FINISHED.has(job.state) && job.state !== 'interrupted') return;
    this.batch.queued();
    this.book.log(id, 'info', 'Retry requested.');
    this.book.update(id, { state: 'queued', attempts: 0, error: undefined, result: undefined, finishedAt: undefined, startedAt: undefined, stage: undefined, progress: undefined, check: 'pending', estimate: this.times.typical() });
    this.checks.enqueue([this.book.jobs.get(id)!]);
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
    if (isActive(job)) this.batch.unqueued();
    this.book.forget(job);
    this.settleBatch();
  }

  moveToTop(id: string): void {
    const job = this.require(id);
    if (job.state !== 'queued') return;
    this.book.update(id, { priority: topPriority(this.book.jobs.values()) + 1 });
  }

  logsOf(id: string, after: number): { lines: LogLine[]; lastSeq: number } {
    this.require(id);
    return this.book.logs.since(id, after);
  }

  jobsIn(scope: ExportScope): Job[] {
    const all = [...this.book.jobs.values()];
    if (scope.kind === 'job') return all.filter((j) => j.id === scope.jobId);
    if (scope.kind === 'group') return all.filter((j) => j.groupId === scope.groupId);
    return all;
  }

  exportTo(folder: string, scope: ExportScope, includeStrippedPhoto: boolean): Promise<ExportOutcome> {
    return exportPacks(this.jobsIn(scope), folder, includeStrippedPhoto, (id, packCopy) => this.book.update(id, { exportedTo: packCopy }));
  }

  get(id: string): Job | undefined {
    return this.book.jobs.get(id);
  }

  /** Checks a pack against this app's own trust lists (none imported: the result warns that the list is the pack's). */
  async verify(req: { packPath: string; photoPath?: string }): Promise<VerifyOutcome> {
    const lists = this.deps.trustLists.list().map((view) => ({ name: view.name, path: this.deps.trustLists.pemPath(view.id) }));
    const request = { id: `verify-${this.newId()}`, op: 'verify' as const, pack: req.packPath, photo: req.photoPath, ...(lists.length ? { trustLists: lists } : {}) };
    return toVerifyOutcome(await this.ask(request));
  }

  /** Runs a short request (verify, trust-list roots) on a prover process of its own, never queued behind proofs. */
  ask(request: ProverRequest): Promise<RunOutcome> {
    this.verifier ??= this.deps.createProver('verifier', () => undefined);
    return this.verifier.run(request);
  }

  /** Applies a concurrency change and prunes with a new retention. */
  settingsChanged(): void {
    this.prune();
    this.pool.shrinkTo(this.concurrency());
    this.pump();
  }

  activity(): Activity {
    let running = 0;
    let queued = 0;
    for (const job of this.book.jobs.values()) {
      if (job.state === 'running') running++;
      else if (job.state === 'queued') queued++;
    }
    let proving = 0;
    for (const handle of this.running.values()) proving += handle.proved;
    return { running, queued, fraction: running + queued === 0 ? null : this.batch.fraction(proving) };
  }

  /** Removes finished jobs older than the retention setting (their logs and packs too). */
  prune(): number {
    const cutoff = this.clock.now() - this.deps.settings().historyRetentionDays * 86_400_000;
    let removed = 0;
    for (const job of [...this.book.jobs.values()]) {
      if (FINISHED.has(job.state) && (job.finishedAt ?? job.createdAt) < cutoff) {
        this.book.forget(job);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Quits: running jobs are stopped and left `interrupted` (the next start queues them again), provers are shut
   * down, pending events are sent and buffered log lines written.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pruneTimer !== undefined) this.clock.clearTimeout(this.pruneTimer);
    for (const id of this.running.keys()) this.book.update(id, { state: 'interrupted', stage: undefined, progress: undefined });
    await Promise.all([this.pool.stopAll(), this.verifier?.stop()]);
    this.batcher.flush();
    this.batcher.dispose();
    this.book.logs.flush();
  }

  // ---- scheduling ----

  private concurrency(): number {
    return Math.max(1, Math.min(8, this.deps.settings().concurrency || 1));
  }

  private pump(): void {
    if (this.closed) return;
    const limit = this.concurrency();
    for (let i = 0; i < limit; i++) {
      const worker = this.pool.worker(i);
      if (worker.jobId) continue;
      const job = nextQueued(this.book.jobs.values());
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
    if (reusable) {
      const cached = this.cachedFrom(job, reusable);
      this.book.update(job.id, { state: cached.state, startedAt: cached.startedAt, finishedAt: cached.finishedAt, result: cached.result, error: undefined });
      return this.afterCached(job.id);
    }
    const controller = new AbortController();
    const handle = { controller, remove: false, proved: 0 };
    this.running.set(job.id, handle);
    const startedAt = this.clock.now();
    this.book.update(job.id, { state: 'running', startedAt, attempts: job.attempts + 1, error: undefined, stage: undefined, progress: undefined, estimate: this.times.started(job.id, startedAt) });
    const outcome = await runProof(job, {
      prover: worker.prover,
      settings: this.deps.settings(),
      trustLists: this.deps.trustLists,
      packsDir: this.book.packsDir(job.id),
      signal: controller.signal,
      onStage: (stage) => this.book.update(job.id, { stage, progress: undefined, ...this.estimated(this.times.stage(job.id, stage.name, PROVING_STAGE, this.clock.now())) }, false),
      onProgress: (progress) => {
        // Two prover processes can report one proof's steps (prover/pipeline/branch-helper.ts), so a count may arrive after a
        // higher one of the same stage; what was shown done stays done.
        const shown = this.book.jobs.get(job.id)?.progress;
        if (shown && shown.total === progress.total && shown.done > progress.done) return;
        const proving = this.book.jobs.get(job.id)?.stage?.name === PROVING_STAGE;
        const estimate = proving ? this.times.progress(job.id, progress.done, progress.total, this.clock.now()) : undefined;
        this.book.update(job.id, { progress, ...this.estimated(estimate) }, false);
        if (!proving) return;
        handle.proved = Math.max(handle.proved, Math.min(1, progress.done / progress.total));
        this.deps.onActivity?.(this.activity());
      },
      log: (level, msg) => this.book.log(job.id, level, msg),
    });
    this.running.delete(job.id);
    if (outcome.ok) this.times.succeeded(job.id, this.clock.now());
    else this.times.forget(job.id);
    if (this.closed) return;
    const current = this.book.jobs.get(job.id);
    if (!current) return;
    if (handle.remove) return void this.remove(job.id);
    const now = this.clock.now();
    if (outcome.ok) {
      this.book.update(job.id, { state: 'succeeded', result: outcome.result, finishedAt: now, stage: undefined, progress: undefined });
      this.book.log(job.id, 'info', `Proof made and verified in ${Math.round(outcome.result.timings.totalMs / 1000)} s.`);
      return this.countFinished('succeeded');
    }
    const { error } = outcome;
    if (error.code === 'cancelled') {
      this.book.update(job.id, { state: 'cancelled', error, finishedAt: now, stage: undefined, progress: undefined });
      return this.countFinished('cancelled');
    }
    this.book.log(job.id, 'error', `${error.code}: ${error.detail ?? error.message}`);
    if (AUTO_RETRY.has(error.code) && current.attempts < 2) {
      this.book.log(job.id, 'warn', 'Trying once more automatically.');
      this.book.update(job.id, { state: 'queued', error, stage: undefined, progress: undefined, estimate: this.times.typical() });
      return;
    }
    this.book.update(job.id, { state: 'failed', error, finishedAt: now, stage: undefined, progress: undefined });
    this.countFinished('failed');
  }

  // ---- the quick check and the clock ----

  private checked(id: string, verdict: Verdict): void {
    const job = this.book.jobs.get(id);
    // Cancelled, removed or retried meanwhile: this verdict is about a job that is no longer waiting for it.
    if (!job || job.state !== 'queued' || job.check !== 'pending' || this.closed) return;
    if (!verdict.ok) {
      this.book.log(id, 'error', `${verdict.error.code}: ${verdict.error.detail ?? verdict.error.message}`);
      this.book.update(id, { state: 'failed', check: undefined, estimate: undefined, error: verdict.error, finishedAt: this.clock.now() });
      return this.countFinished('failed');
    }
    if (verdict.note) this.book.log(id, 'warn', verdict.note);
    this.book.update(id, { check: 'passed' });
    this.pump();
  }

  private estimated(estimate: Job['estimate']): Partial<Job> {
    return estimate ? { estimate } : {};
  }

  // ---- dedup ----

  private reusableFor(job: Job, prover?: Prover): Job | undefined {
    const version = prover?.circuit?.version ?? this.pool.circuitVersion();
    if (version === undefined) return undefined;
    const list = job.trustListId === null ? null : this.deps.trustLists.get(job.trustListId);
    if (list === undefined) return undefined;
    return findReusable(this.book.jobs.values(), job, version, list?.root ?? null);
  }

  private cachedFrom(job: Job, source: Job): Job {
    const now = this.clock.now();
    return { ...job, state: 'succeeded', startedAt: now, finishedAt: now, result: { ...source.result!, cached: true } };
  }

  private afterCached(id: string): void {
    this.book.log(id, 'info', 'Same photo, trust list and circuit as an earlier proof: its proof pack was reused.');
    this.countFinished('succeeded');
  }

  // ---- bookkeeping ----

  private countFinished(kind: keyof BatchSummary): void {
    this.batch.finished(kind);
    this.settleBatch();
  }

  private settleBatch(): void {
    const activity = this.activity();
    this.deps.onActivity?.(activity);
    if (activity.running + activity.queued > 0) return;
    const summary = this.batch.close();
    if (summary) this.deps.onBatchFinished?.(summary);
  }

  private require(id: string): Job {
    const job = this.book.jobs.get(id);
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

