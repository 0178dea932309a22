// The helper prover process (branch-helper.ts): proves issuer branches for the process that started it, over its
// IPC channel, and never outlives it. Output meant for stdout goes to stderr, as in process-main.ts: with
// --progress-out its stdout is the prover protocol stream, which it writes only `progress` events to.
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { HelperMessage, HelperRequest, ProgressShare } from '../pipeline/branch-helper.js';
import { watchParent } from './parent-watchdog.js';
import { etaMs } from '../reporter.js';

for (const level of ['log', 'info', 'debug'] as const) console[level] = console.error;
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  (process.stderr.write as (...a: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;

const send = (message: HelperMessage) => process.send?.(message);
if (!process.send) {
  process.stderr.write('helper-main.js is started by the prover, with an IPC channel\n');
  process.exit(2);
}

// Killed within a quarter of a second of the parent dying, even in the middle of a native step (parent-watchdog.ts).
watchParent();
process.on('disconnect', () => process.exit(0));

const { values } = parseArgs({ options: { cache: { type: 'string' }, 'progress-out': { type: 'boolean' } } });

/**
 * One protocol line, written whole with one write(2) (far below PIPE_BUF, so never split by the other process's
 * lines). A pipe that is full (EAGAIN) loses this event only: the next one, or the prover's own, carries the count.
 */
function writeProgress(share: ProgressShare, done: number): void {
  const eta = etaMs(done, share.total, Date.now() - share.startedAt);
  const event = { id: share.requestId, type: 'progress', done, total: share.total, ...(eta === undefined ? {} : { etaMs: eta }) };
  try {
    writeSync(1, JSON.stringify(event) + '\n');
  } catch {
    // Nothing to do: see above.
  }
}

/** Steps the prover has proved itself, per request it still wants progress written for, as it last said. */
const doneThere = new Map<number, number>();

const { compileIssuerBranch } = await import('../circuit/programs.js');
const { proveIssuerBranch } = await import('../circuit/issuer-branch.js');
try {
  if (!values.cache) throw new Error('--cache <circuit cache folder> is required');
  const t0 = Date.now();
  await compileIssuerBranch(values.cache);
  process.stderr.write(`second prover process ready (compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: (error as Error)?.message ?? String(error) });
  process.disconnect();
}

// One request at a time: a second proof in the same process would share o1js's global proving state.
let queue = Promise.resolve();
process.on('message', (request: HelperRequest) => {
  if (request?.type === 'steps-done-here') {
    if (doneThere.has(request.id)) doneThere.set(request.id, Math.max(doneThere.get(request.id)!, request.count));
    return;
  }
  if (request?.type === 'stop-reporting') {
    doneThere.delete(request.id);
    return;
  }
  if (request?.type !== 'issuer') return;
  const { id, input } = request;
  const share = values['progress-out'] ? request.progress : undefined;
  doneThere.set(id, 0);
  let doneHere = 0;
  queue = queue.then(async () => {
    try {
      // An RSA issuer's programs are compiled when the first photo that needs them arrives.
      await compileIssuerBranch(values.cache!, input.issuer.kind);
      const output = await proveIssuerBranch(input, {
        onStep: (index) => send({ type: 'step', id, index }),
        onStepDone: (index, ms) => {
          send({ type: 'step-done', id, index, ms });
          doneHere++;
          if (share && doneThere.has(id)) writeProgress(share, doneHere + doneThere.get(id)!);
        },
      });
      send({ type: 'result', id, output });
    } catch (error) {
      send({ type: 'error', id, message: (error as Error)?.message ?? String(error) });
    } finally {
      doneThere.delete(id);
    }
  });
});
