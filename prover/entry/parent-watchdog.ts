// A proving process must not outlive the process that started it: a proof holds ~5 GB and runs for minutes. Proof
// steps and compiles block the main thread in native code for tens of seconds, so neither a timer nor stdin's end
// can be seen there in time; this check runs on a worker thread of its own and kills the whole process with SIGKILL
// (nothing half-written is left: packs are written atomically) when the parent is gone. Gone means the parent pid
// changed (re-parented to init or a subreaper) or no longer exists (Windows keeps the old ppid).
import { Worker } from 'node:worker_threads';

export const WATCHDOG_INTERVAL_MS = 250;

const SOURCE = `
const { workerData: { parent, intervalMs } } = require('node:worker_threads');
const gone = () => {
  if (process.ppid !== parent) return true;
  try { process.kill(parent, 0); return false; } catch (e) { return e.code === 'ESRCH'; }
};
setInterval(() => { if (gone()) process.kill(process.pid, 'SIGKILL'); }, intervalMs);
`;

/** Starts the watchdog for `parent` (this process's parent when it starts); it never keeps the process alive. */
export function watchParent(parent: number = process.ppid, intervalMs: number = WATCHDOG_INTERVAL_MS): void {
  const worker = new Worker(SOURCE, { eval: true, workerData: { parent, intervalMs } });
  worker.unref();
}
