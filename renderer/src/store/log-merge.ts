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
    // Sorting lines that are already in order (a resync answer) costs one pass.
    lines = mergeSorted(current.lines, [...incoming].sort((a, b) => a.seq - b.seq));
  }
  if (lines.length > cap) lines = lines.slice(lines.length - cap);
  const lastSeq = lines.length ? lines[lines.length - 1].seq : current.lastSeq;
  let firstIncoming = Infinity;
  for (const line of incoming) firstIncoming = Math.min(firstIncoming, line.seq);
  // A resync answers everything after what we asked for, so it closes any gap; a live batch opens one when it
  // starts past the line we expected next.
  const gap = resync ? false : current.gap || (current.lastSeq > 0 && firstIncoming > current.lastSeq + 1);
  return { lines, lastSeq, gap };
}

/**
 * Two seq-ordered runs as one, without repeats; an incoming line replaces a held one with the same seq. Linear: a
 * resync under a flood merges a few hundred lines into thousands ten times a second, where a map and a sort of
 * both allocated and sorted everything each time.
 */
function mergeSorted(held: LogLine[], incoming: LogLine[]): LogLine[] {
  const out: LogLine[] = [];
  let i = 0;
  let j = 0;
  while (i < held.length || j < incoming.length) {
    const a = held[i];
    const b = incoming[j];
    if (b === undefined || (a !== undefined && a.seq < b.seq)) {
      out.push(a);
      i++;
      continue;
    }
    // The last of several incoming lines with one seq wins, as it would in a map.
    while (incoming[j + 1]?.seq === b.seq) j++;
    out.push(incoming[j]);
    if (a?.seq === b.seq) i++;
    j++;
  }
  return out;
}
