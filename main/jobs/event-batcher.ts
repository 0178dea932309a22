// Collects job changes and log lines and hands them to the renderer at most once per interval: a flood of progress
// events or log lines becomes one message per 100 ms. Pending data is bounded: a job's upsert replaces its previous
// one, and log lines per job beyond the cap are dropped from the batch (the renderer resyncs with `logs(jobId, after)`
// when it sees a gap in the sequence numbers). `beforeEmit` runs before each send, so what the renderer is shown is
// already in the log files.
import type { EventMap, Job, JobGroup, LogLine } from '../../common/ipc-contract.js';

export type Emit = <E extends keyof EventMap>(channel: E, payload: EventMap[E]) => void;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const BATCH_INTERVAL_MS = 100;
const MAX_LINES_PER_JOB_BATCH = 200;

export class EventBatcher {
  private upserts = new Map<string, Job>();
  private removed = new Set<string>();
  private groups = new Map<string, JobGroup>();
  private removedGroups = new Set<string>();
  private logs = new Map<string, LogLine[]>();
  private timer: unknown;

  constructor(
    private readonly emit: Emit,
    private readonly timers: Timers,
    private readonly intervalMs = BATCH_INTERVAL_MS,
    private readonly beforeEmit: () => void = () => undefined,
  ) {}

  job(job: Job): void {
    this.removed.delete(job.id);
    this.upserts.set(job.id, job);
    this.schedule();
  }

  jobRemoved(id: string): void {
    this.upserts.delete(id);
    this.logs.delete(id);
    this.removed.add(id);
    this.schedule();
  }

  group(group: JobGroup): void {
    this.removedGroups.delete(group.id);
    this.groups.set(group.id, group);
    this.schedule();
  }

  groupRemoved(id: string): void {
    this.groups.delete(id);
    this.removedGroups.add(id);
    this.schedule();
  }

  log(jobId: string, line: LogLine): void {
    let lines = this.logs.get(jobId);
    if (!lines) this.logs.set(jobId, (lines = []));
    lines.push(line);
    // Trimmed in one go at twice the cap: a shift per line under a flood copies the array every time.
    if (lines.length >= 2 * MAX_LINES_PER_JOB_BATCH) lines.splice(0, lines.length - MAX_LINES_PER_JOB_BATCH);
    this.schedule();
  }

  /** Sends everything pending now (before quitting, or in tests). */
  flush(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.beforeEmit();
    if (this.upserts.size || this.removed.size || this.groups.size || this.removedGroups.size) {
      this.emit('jobs:changed', {
        upserts: [...this.upserts.values()],
        removed: [...this.removed],
        groups: [...this.groups.values()],
        removedGroups: [...this.removedGroups],
      });
    }
    for (const [jobId, lines] of this.logs) this.emit('jobs:log', { jobId, lines: lines.length > MAX_LINES_PER_JOB_BATCH ? lines.slice(-MAX_LINES_PER_JOB_BATCH) : lines });
    this.upserts = new Map();
    this.removed = new Set();
    this.groups = new Map();
    this.removedGroups = new Set();
    this.logs = new Map();
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.intervalMs);
  }
}
