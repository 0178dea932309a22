// The current batch: everything queued since the queue was last empty. It drives the taskbar progress and the one
// "batch finished" notification.
import type { BatchSummary } from './engine-types.js';

export class BatchTracker {
  private counts: BatchSummary = { succeeded: 0, failed: 0, cancelled: 0 };
  private total = 0;

  queued(n = 1): void {
    this.total += n;
  }

  unqueued(): void {
    this.total = Math.max(0, this.total - 1);
  }

  finished(kind: keyof BatchSummary): void {
    this.counts[kind]++;
  }

  /** Jobs finished, plus `inProgress` (the running jobs' shares of their proof steps done), over the batch's jobs. */
  fraction(inProgress = 0): number | null {
    if (this.total === 0) return null;
    const { succeeded, failed, cancelled } = this.counts;
    return Math.min(1, (succeeded + failed + cancelled + inProgress) / this.total);
  }

  /** Called when nothing is queued or running: returns the finished batch once, then starts a new one. */
  close(): BatchSummary | undefined {
    if (this.total === 0) return undefined;
    const done = this.counts;
    this.counts = { succeeded: 0, failed: 0, cancelled: 0 };
    this.total = 0;
    return done.succeeded + done.failed + done.cancelled > 0 ? done : undefined;
  }
}
