// Entry of the `shutterproof` command. Library output that would land on stdout goes to stderr, so stdout carries
// only results (and is valid JSON with --json).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXIT, errorInfo } from '../../common/error-codes.js';
import { PROVER_ENV, PROVER_NODE_FLAGS, PROVER_PROCESS_MARK } from '../../common/prover-process.js';
import { childFailure } from './child-exit.js';

const CANCEL_GRACE_MS = 1_000;
const STDERR_TAIL_CHARS = 4_000;

// Proving runs in a child started with the prover's memory settings (they must be given at start-up); its exit code
// becomes ours. Ctrl-C is passed on; a child busy in a minutes-long synchronous compile cannot run its handler, so
// after a short grace it is killed (packs are written atomically: nothing half-written is left).
if (process.argv[2] === 'prove' && !process.env[PROVER_PROCESS_MARK]) {
  const child = spawn(process.execPath, [...PROVER_NODE_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    // stderr passes through here so that a child that dies without a word can still be explained by its last lines.
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, ...PROVER_ENV, [PROVER_PROCESS_MARK]: '1' },
  });
  let stderrTail = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  let cancelled = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      if (cancelled) return;
      cancelled = true;
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS).unref();
    });
  child.on('close', (code, signal) => {
    if (cancelled) {
      if (code !== 130) process.stderr.write('\ncancelled\n');
      process.exit(130);
    }
    const failure = childFailure({ code, signal, stderrTail });
    if (!failure) process.exit(code ?? EXIT.internal);
    const { hint, exit } = errorInfo(failure.code);
    process.stderr.write(`error ${failure.code}: ${failure.message}\n  ${hint}\n  detail: ${failure.detail}\n`);
    if (process.argv.includes('--json')) process.stdout.write(JSON.stringify([{ ok: false, error: failure }], null, 2) + '\n');
    process.exit(exit);
  });
} else {
  // The proving child of `shutterproof prove` dies with the command that started it (parent-watchdog.ts).
  if (process.env[PROVER_PROCESS_MARK]) (await import('./parent-watchdog.js')).watchParent();
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  for (const level of ['log', 'info', 'debug'] as const) console[level] = console.error;

  process.once('SIGINT', () => {
    process.stderr.write('\ncancelled\n');
    process.exit(130);
  });

  const { runCli } = await import('./cli.js');
  const code = await runCli(process.argv.slice(2), (text) => stdoutWrite(text), (text) => process.stderr.write(text));
  process.exitCode = code;
  // o1js keeps worker threads alive; a finished command ends now.
  setImmediate(() => process.exit(code));
}
