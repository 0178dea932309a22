// Job logs: the last lines of each job in a capped ring in memory (what the UI shows and resyncs from) and the full
// log as NDJSON in <root>/logs/<jobId>.log (what "Copy log" and support get). Sequence numbers count per job and
// continue across restarts, so a reloaded renderer asks `logs(jobId, after)` and gets exactly what it missed.
// File writes are batched: `flush` runs before lines leave the engine (a batch to the renderer, a `since` answer)
// and before a job's state is saved, so nothing shown or reported done is missing from the file after a kill.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLine } from '../../common/ipc-contract.js';
import { LineRing } from './line-ring.js';
import { PendingAppends } from './pending-appends.js';

export const RING_LINES = 500;
const MAX_MSG_CHARS = 2000;
/** The full log stops growing here; a flooding prover must not fill the disk. */
export const MAX_LOG_FILE_LINES = 200_000;
/** Rings kept in memory at once; the least recently opened is dropped first (its file stays). */
export const MAX_RINGS = 64;

interface JobLog {
  ring: LineRing;
  lastSeq: number;
  file: string;
}

export class LogStore {
  private readonly dir: string;
  private readonly logs = new Map<string, JobLog>();
  private readonly pending = new PendingAppends();

  constructor(root: string, private readonly now: () => number) {
    this.dir = join(root, 'logs');
    mkdirSync(this.dir, { recursive: true });
  }

  append(jobId: string, level: LogLine['level'], msg: string): LogLine {
    const log = this.open(jobId);
    const line: LogLine = { seq: log.lastSeq + 1, ts: this.now(), level, msg: msg.length > MAX_MSG_CHARS ? msg.slice(0, MAX_MSG_CHARS) + '…' : msg };
    log.lastSeq = line.seq;
    log.ring.push(line);
    if (line.seq <= MAX_LOG_FILE_LINES) this.pending.add(log.file, JSON.stringify(line) + '\n');
    return line;
  }

  /** Writes buffered lines of one job, or of every job, to their files. */
  flush(jobId?: string): void {
    this.pending.flush(jobId === undefined ? undefined : this.file(jobId));
  }

  /** Lines with seq > after: from memory when the ring reaches back far enough, else from the file. */
  since(jobId: string, after: number): { lines: LogLine[]; lastSeq: number } {
    const log = this.open(jobId);
    this.pending.flush(log.file);
    const first = log.ring.first?.seq ?? log.lastSeq + 1;
    // A full ring is already the newest RING_LINES lines: reading the file could only return the same.
    if (after + 1 >= first || log.ring.length >= RING_LINES) return { lines: log.ring.after(after), lastSeq: log.lastSeq };
    const fromFile = this.readFile(log.file).filter((l) => l.seq > after);
    const tail = log.ring.after(fromFile.at(-1)?.seq ?? after);
    // Only the last RING_LINES lines travel over IPC at once: the UI shows no more.
    return { lines: [...fromFile, ...tail].slice(-RING_LINES), lastSeq: log.lastSeq };
  }

  remove(jobId: string): void {
    const file = this.file(jobId);
    this.logs.delete(jobId);
    this.pending.discard(file);
    rmSync(file, { force: true });
  }

  /** Forgets the in-memory ring of a finished job; its file stays. */
  release(jobId: string): void {
    this.flush(jobId);
    this.logs.delete(jobId);
  }

  filePath(jobId: string): string {
    return this.file(jobId);
  }

  private open(jobId: string): JobLog {
    let log = this.logs.get(jobId);
    if (!log) {
      const file = this.file(jobId);
      const lines = this.readFile(file);
      log = { ring: new LineRing(RING_LINES, lines), lastSeq: lines.at(-1)?.seq ?? 0, file };
      this.logs.set(jobId, log);
      if (this.logs.size > MAX_RINGS) this.logs.delete(this.logs.keys().next().value!);
    }
    return log;
  }

  private readFile(file: string): LogLine[] {
    // Lines of a ring dropped from memory may still be buffered; the file must be whole before it is read.
    this.pending.flush(file);
    if (!existsSync(file)) return [];
    const out: LogLine[] = [];
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (!text) continue;
      try {
        out.push(JSON.parse(text) as LogLine);
      } catch {
        // A line cut by a kill mid-append is skipped.
      }
    }
    return out;
  }

  private file(jobId: string): string {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(jobId)) throw new Error(`unsafe job id ${JSON.stringify(jobId)}`);
    return join(this.dir, `${jobId}.log`);
  }
}
