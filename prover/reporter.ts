// How long-running prover work tells its caller what it is doing. The process server turns these calls into
// protocol events; the CLI prints them.
export interface Reporter {
  /** The protocol request these events are for, where they go out as protocol events (server.ts). */
  readonly requestId?: string;
  stage(name: string, label: string, index: number, total: number): void;
  progress(done: number, total: number, etaMs?: number): void;
  log(level: 'debug' | 'info' | 'warn' | 'error', msg: string): void;
}

/** Estimates the time left from the average duration of the units of work done so far. */
export function etaMs(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0 || done >= total) return undefined;
  return Math.round((elapsedMs / done) * (total - done));
}
