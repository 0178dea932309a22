// How a job is described to people: its state in plain words, how far along it is, and how long is left.
// Progress is computed only from what main reported; when nothing is measured the bar is indeterminate rather than
// invented.
import type { ErrorCode } from '../../../common/error-codes.js';
import type { Job, JobState, ProverStatus } from '../../../common/ipc-contract.js';

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

/** Failures where the photo is fine and trying again can go differently (a busier computer, a full disk freed). */
const WORTH_RETRYING: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['timeout', 'disk_full', 'output_unwritable', 'internal_error', 'unreadable_file']);

/** Retry only where it can help: a verdict about the photo itself would only fail again the same way. */
export function canRetry(job: Job): boolean {
  if (job.state === 'cancelled' || job.state === 'interrupted') return true;
  if (job.state !== 'failed') return false;
  return !job.error || job.error.retryable || WORTH_RETRYING.has(job.error.code);
}

/** What a waiting or running row says it is waiting for: its quick check, or a prover that is still getting ready. */
export function waitingFor(job: Job, prover: ProverStatus | null): string | null {
  if (job.state === 'queued' && job.check === 'pending') return 'Checking the photo…';
  const notReady = prover?.state === 'starting' || prover?.state === 'warming' || prover?.state === 'restarting';
  if (notReady && (job.state === 'queued' || job.state === 'running')) return 'Waiting for the prover';
  return null;
}

/** Time left on a running job, counted down from main's finishing time between its steps. */
export function remainingText(job: Job, now: number): string | null {
  if (job.state !== 'running') return null;
  // Without main's finishing time, the prover's own figure for its current step is the best there is.
  if (job.estimate?.finishAt === undefined) return formatEta(job.progress?.etaMs);
  const left = job.estimate.finishAt - now;
  if (left <= 15_000) return 'almost done';
  return formatEta(left);
}

/** Minutes of work a running job has done (what Cancel or Remove would throw away). */
export function workDoneText(job: Job, now: number): string | null {
  if (job.state !== 'running' || job.startedAt === undefined) return null;
  const minutes = Math.floor((now - job.startedAt) / 60_000);
  return minutes < 1 ? null : minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** How long everything still to do will take: running jobs to their finishing time, waiting ones at this computer's pace. */
export function queueRemainingMs(jobs: Iterable<Job>, now: number, concurrency: number): { ms: number; photos: number; measured: boolean } | null {
  let ms = 0;
  let photos = 0;
  let measured = true;
  for (const job of jobs) {
    if (job.state === 'running') ms += Math.max(0, (job.estimate?.finishAt ?? now) - now);
    else if (job.state === 'queued' && job.check !== 'pending') ms += job.estimate?.typicalMs ?? 0;
    else continue;
    photos++;
    if (job.estimate && !job.estimate.measured) measured = false;
  }
  return photos ? { ms: ms / Math.max(1, concurrency), photos, measured } : null;
}

export function canMoveToTop(job: Job): boolean {
  return job.state === 'queued';
}

export function isFinishedOk(job: Job): boolean {
  return job.state === 'succeeded' && !!job.result;
}

/** A waiting photo's time, once its check passed: this computer's pace, or a typical figure until it has one. */
export function typicalText(job: Job): string {
  const eta = formatEta(job.estimate?.typicalMs)?.replace(/ left$/, '') ?? '';
  return job.estimate?.measured ? `${eta} once it starts` : `${eta} once it starts (typical)`;
}
