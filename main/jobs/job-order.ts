// Which queued job runs next: highest priority first ("move to top" raises it), then the oldest, then by id so
// the order is total and stable across restarts.
import type { Job } from '../../common/ipc-contract.js';

export function compareQueued(a: Job, b: Job): number {
  return b.priority - a.priority || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function nextQueued(jobs: Iterable<Job>): Job | undefined {
  let best: Job | undefined;
  // A photo still being checked waits for its verdict: one that cannot be proved never starts.
  for (const job of jobs) if (job.state === 'queued' && job.check !== 'pending' && (!best || compareQueued(job, best) < 0)) best = job;
  return best;
}

export function topPriority(jobs: Iterable<Job>): number {
  let top = 0;
  for (const job of jobs) if (job.state === 'queued' && job.priority > top) top = job.priority;
  return top;
}

export const FINISHED: ReadonlySet<Job['state']> = new Set(['succeeded', 'failed', 'cancelled']);

export function isActive(job: Job): boolean {
  return job.state === 'queued' || job.state === 'running';
}
