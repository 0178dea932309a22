// Merging log lines into a job's capped tail. Lines come from two places that overlap — onLog batches and a
// jobs.logs(jobId, after) resync — so merging is by sequence number: duplicates are dropped and order is by seq.
import type { LogLine } from '../../../common/ipc-contract.js';

export const LOG_LINES_PER_JOB = 2000;

export interface JobLog {
  lines: LogLine[];
  /** Highest seq we hold. */
  lastSeq: number;
  /** True when a batch skipped sequence numbers (main drops lines from an overfull batch); a resync fills it. */
  gap: boolean;
}

export const EMPTY_LOG: JobLog = { lines: [], lastSeq: 0, gap: false };

export function mergeLog(current: JobLog, incoming: LogLine[], cap = LOG_LINES_PER_JOB, resync = false): JobLog {
  if (incoming.length === 0) return resync && current.gap ? { ...current, gap: false } : current;
  const fresh = incoming.filter((line) => line.seq > current.lastSeq);
  if (fresh.length === 0) {
    // Nothing past our tail: only a hole can be filled. Pure repeats change nothing (and cause no re-render).
    const held = new Set(current.lines.map((line) => line.seq));
    const head = current.lines[0]?.seq ?? 0;
    // Older lines than our head matter only while the tail has room for them.
    const fillsHole = incoming.some((line) => !held.has(line.seq) && (current.lines.length < cap || line.seq > head));
    if (!fillsHole) return resync && current.gap ? { ...current, gap: false } : current;
  }
  const inOrder = fresh.every((line, i) => i === 0 || line.seq > fresh[i - 1].seq);
  let lines: LogLine[];
  if (inOrder && fresh.length === incoming.length) {
    // The common case: a batch that continues the tail.
    lines = current.lines.concat(fresh);
  } else {
    const bySeq = new Map<number, LogLine>();
    for (const line of current.lines) bySeq.set(line.seq, line);
    for (const line of incoming) bySeq.set(line.seq, line);
    lines = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
  if (lines.length > cap) lines = lines.slice(lines.length - cap);
  const lastSeq = lines.length ? lines[lines.length - 1].seq : current.lastSeq;
  const firstIncoming = Math.min(...incoming.map((l) => l.seq));
  // A resync answers everything after what we asked for, so it closes any gap; a live batch opens one when it
  // starts past the line we expected next.
  const gap = resync ? false : current.gap || (current.lastSeq > 0 && firstIncoming > current.lastSeq + 1);
  return { lines, lastSeq, gap };
}
