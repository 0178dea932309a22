// Persistent job store: one small JSON file per job and per group under <root>/jobs and <root>/groups, each written
// atomically. A change rewrites one file, so 10,000 jobs cost no more per change than ten; loading reads them all
// once at start. Leftover temporary files (a kill during a write) and unreadable files are ignored and cleaned up.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Job, JobGroup } from '../../common/ipc-contract.js';
import { syncFolder, TEMP_SUFFIX, writeFileAtomic } from './atomic-file.js';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface StoredState {
  jobs: Job[];
  groups: JobGroup[];
  /** Files that could not be read (kept aside with a .bad suffix). */
  damaged: string[];
}

export class JobStore {
  private readonly jobsDir: string;
  private readonly groupsDir: string;

  constructor(root: string) {
    this.jobsDir = join(root, 'jobs');
    this.groupsDir = join(root, 'groups');
    mkdirSync(this.jobsDir, { recursive: true });
    mkdirSync(this.groupsDir, { recursive: true });
  }

  load(): StoredState {
    const damaged: string[] = [];
    const jobs = this.readAll<Job>(this.jobsDir, damaged, (v) => typeof v.id === 'string' && typeof v.state === 'string' && !!v.file);
    const groups = this.readAll<JobGroup>(this.groupsDir, damaged, (v) => typeof v.id === 'string' && typeof v.label === 'string');
    return { jobs, groups, damaged };
  }

  saveJob(job: Job): void {
    writeFileAtomic(this.path(this.jobsDir, job.id), JSON.stringify(job));
  }

  /**
   * Many new jobs at once (a dropped folder). Queued jobs are written atomically but flushed to disk together with
   * the folder, once: a power cut in that instant can lose a just-added photo, never a finished proof.
   */
  saveJobs(jobs: Job[]): void {
    for (const job of jobs) writeFileAtomic(this.path(this.jobsDir, job.id), JSON.stringify(job), { syncFolder: false, flush: job.state !== 'queued' });
    syncFolder(this.jobsDir);
  }

  deleteJob(id: string): void {
    rmSync(this.path(this.jobsDir, id), { force: true });
  }

  saveGroup(group: JobGroup): void {
    writeFileAtomic(this.path(this.groupsDir, group.id), JSON.stringify(group));
  }

  deleteGroup(id: string): void {
    rmSync(this.path(this.groupsDir, id), { force: true });
  }

  private path(dir: string, id: string): string {
    // Ids are ours, but a file name built from data is checked anyway.
    if (!SAFE_ID.test(id)) throw new Error(`unsafe id ${JSON.stringify(id)}`);
    return join(dir, `${id}.json`);
  }

  private readAll<T>(dir: string, damaged: string[], valid: (v: Record<string, unknown>) => boolean): T[] {
    const out: T[] = [];
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (name.endsWith(TEMP_SUFFIX)) {
        rmSync(file, { force: true });
        continue;
      }
      if (!name.endsWith('.json')) continue;
      try {
        const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        if (!valid(value)) throw new Error('not a record');
        out.push(value as T);
      } catch {
        damaged.push(name);
        try {
          renameSync(file, `${file}.bad`);
        } catch {
          // Keeping a damaged file aside is best effort; loading must go on.
        }
      }
    }
    return out;
  }
}
