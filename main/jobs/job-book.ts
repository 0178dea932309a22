// The engine's record of jobs and groups: the maps in memory, each change written to the job store first and then
// queued for the renderer, and the files that belong to a job (log, proof packs) removed with it.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { Job, JobGroup, LogLine } from '../../common/ipc-contract.js';
import type { EventBatcher } from './event-batcher.js';
import { JobStore } from './job-store.js';
import { LogStore } from './log-store.js';

export class JobBook {
  readonly jobs = new Map<string, Job>();
  readonly groups = new Map<string, JobGroup>();
  readonly store: JobStore;
  readonly logs: LogStore;
  readonly packsRoot: string;

  constructor(
    root: string,
    readonly batcher: EventBatcher,
    now: () => number,
  ) {
    this.store = new JobStore(root);
    this.logs = new LogStore(root, now);
    this.packsRoot = join(root, 'packs');
  }

  load(): Job[] {
    const { jobs, groups } = this.store.load();
    for (const group of groups) this.groups.set(group.id, group);
    for (const job of jobs) this.jobs.set(job.id, job);
    return jobs;
  }

  packsDir(jobId: string): string {
    return join(this.packsRoot, jobId);
  }

  /** Applies a patch (an `undefined` value deletes the field); `persist: false` for progress that need not survive. */
  update(id: string, patch: Partial<Job>, persist = true): void {
    const job = this.jobs.get(id);
    if (!job) return;
    const next: Job = { ...job, ...patch };
    for (const key of Object.keys(patch) as (keyof Job)[]) if (patch[key] === undefined) delete next[key];
    this.jobs.set(id, next);
    if (persist) {
      // The saved state must never be ahead of the saved log: a job stored as finished has its whole log on disk.
      this.logs.flush(id);
      this.store.saveJob(next);
    }
    this.batcher.job(next);
  }

  insert(job: Job): void {
    this.jobs.set(job.id, job);
    this.store.saveJob(job);
    this.batcher.job(job);
  }

  /** Many new jobs at once: one folder flush for all of them. */
  insertMany(jobs: Job[]): void {
    for (const job of jobs) this.jobs.set(job.id, job);
    this.store.saveJobs(jobs);
    for (const job of jobs) this.batcher.job(job);
  }

  addGroup(group: JobGroup): void {
    this.groups.set(group.id, group);
    this.store.saveGroup(group);
    this.batcher.group(group);
  }

  removeGroup(id: string): void {
    this.groups.delete(id);
    this.store.deleteGroup(id);
    this.batcher.groupRemoved(id);
  }

  log(id: string, level: LogLine['level'], msg: string): void {
    this.batcher.log(id, this.logs.append(id, level, msg));
  }

  /** Deletes a job, its log, its proof packs unless another job still points at them, and its group when empty. */
  forget(job: Job): void {
    this.jobs.delete(job.id);
    this.store.deleteJob(job.id);
    this.logs.remove(job.id);
    this.batcher.jobRemoved(job.id);
    // A reused ("cached") result points into the folder of the job that made it.
    const folders = new Set([this.packsDir(job.id)]);
    if (job.result) folders.add(dirname(job.result.packPath));
    for (const folder of folders) {
      if (!folder.startsWith(this.packsRoot + sep)) continue;
      const inUse = [...this.jobs.values()].some((j) => j.result && dirname(j.result.packPath) === folder);
      if (!inUse && existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    }
    if (![...this.jobs.values()].some((j) => j.groupId === job.groupId)) this.removeGroup(job.groupId);
  }
}
