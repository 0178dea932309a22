// How a job is described to people: its state in plain words, how far along it is, and how long is left.
// Progress is computed only from what main reported (stage index/total, done/total); when nothing is known the
// bar is indeterminate rather than invented.
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
  /** e.g. "Step 4 of 5 · 3 of 12" */
  text: string;
}

export function jobProgress(job: Job): JobProgress | null {
  if (job.state === 'succeeded') return { fraction: 1, text: 'Done' };
  if (job.state !== 'running') return null;
  const { stage, progress } = job;
  const within = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const parts: string[] = [];
  if (stage) parts.push(`Step ${stage.index + 1} of ${stage.total}`);
  if (progress && progress.total > 0) parts.push(`${formatCount(progress.done)} of ${formatCount(progress.total)}`);
  let fraction: number | null = null;
  // Each stage is an equal share of the bar; within the current stage, done/total fills its share.
  if (stage && stage.total > 0) fraction = Math.min(1, (stage.index + (within ?? 0)) / stage.total);
  else if (within !== null) fraction = within;
  return { fraction, text: parts.join(' · ') };
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
