// How a job is described to people: its state in plain words, how far along it is, and how long is left.
// Progress is computed only from what main reported; when nothing is measured the bar is indeterminate rather than
// invented.
import type { Job, JobState } from '../../../common/ipc-contract.js';

export const STATE_WORDS: Record<JobState, string> = {
  queued: 'Waiting',
  running: 'Making the proof',
  succeeded: 'Proof ready',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted — will start again',
};

export interface JobProgress {
  /** 0..1, or null for "running, but nothing measurable yet". */
  fraction: number | null;
  /** e.g. "3 of 12 done" */
  text: string;
}

/**
 * The bar shows the work the current stage counts (proof steps done of total while proving; programs compiled while
 * preparing), and is indeterminate in stages that count nothing. Stages are not shares of the bar: the ones before
 * proving take a second or two and proving takes minutes, so "stage 4 of 5" would show 60 % before any proving.
 */
export function jobProgress(job: Job): JobProgress | null {
  if (job.state === 'succeeded') return { fraction: 1, text: 'Done' };
  if (job.state !== 'running') return null;
  const { progress } = job;
  if (!progress || progress.total <= 0) return { fraction: null, text: '' };
  return {
    fraction: Math.min(1, Math.max(0, progress.done / progress.total)),
    text: `${formatCount(progress.done)} of ${formatCount(progress.total)} done`,
  };
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function formatEta(ms: number | undefined): string | null {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `about ${hours} h ${rest} min left` : `about ${hours} h left`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

export function canCancel(job: Job): boolean {
  return job.state === 'queued' || job.state === 'running';
}

export function canRetry(job: Job): boolean {
  return job.state === 'failed' || job.state === 'cancelled' || job.state === 'interrupted';
}

export function canMoveToTop(job: Job): boolean {
  return job.state === 'queued';
}

export function isFinishedOk(job: Job): boolean {
  return job.state === 'succeeded' && !!job.result;
}
