// A proving process never outlives what started it: when its parent is killed (SIGKILL, nothing can clean up), the
// prover is gone within a second, while compiling its keys (warm-up) and while its main thread is stuck in a step.
// The real built entries run here: the app's prover process and the proving child of `shutterproof prove`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVER_NODE_FLAGS } from '../../common/prover-process.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';

const entry = resolve('out/node/prover/entry/process-main.js');
const cliEntry = resolve('out/node/prover/entry/cli-main.js');
const started: number[] = [];
let dir: string;

/** Gone, or a zombie waiting to be reaped: it runs nothing any more. */
function stopped(pid: number): boolean {
  try {
    return /^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<number> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`${what}: still not so after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
}

/**
 * A parent that starts the prover as the app does (stdin a pipe from it), with the prover's output going to a file
 * so that nothing but the parent's death reaches the prover. Prints the prover's pid.
 */
const PARENT = `
const { spawn } = require('node:child_process');
const { openSync } = require('node:fs');
const [args, log, request] = process.argv.slice(1);
const out = openSync(log, 'a');
const child = spawn(process.execPath, JSON.parse(args), { stdio: ['pipe', out, out] });
process.stdout.write(child.pid + '\\n');
if (request) child.stdin.write(request + '\\n');
setInterval(() => {}, 1000);
`;

function startParent(args: string[], log: string, request = ''): Promise<{ parent: ChildProcess; prover: number }> {
  const parent = spawn(process.execPath, ['-e', PARENT, JSON.stringify(args), log, request], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(parent.pid!);
  return new Promise((resolve, reject) => {
    parent.stdout!.once('data', (chunk: Buffer) => {
      const prover = Number(chunk.toString().trim());
      started.push(prover);
      resolve({ parent, prover });
    });
    parent.once('exit', () => reject(new Error('the parent exited first')));
  });
}

const logged = (log: string, text: string) => () => existsSync(log) && readFileSync(log, 'utf8').includes(text);

beforeAll(() => {
  if (!existsSync(entry)) throw new Error('Build the prover first: npm run build:prover');
  dir = mkdtempSync(join(tmpdir(), 'shutterproof-orphan-'));
});

afterAll(() => {
  for (const pid of started)
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
});

describe.skipIf(process.platform !== 'linux')('a prover whose parent is killed', () => {
  it('stops within a second during warm-up (compiling into an empty key cache)', async () => {
    const log = join(dir, 'warmup.log');
    const request = JSON.stringify({ id: 'w1', op: 'warmup' });
    const { parent, prover } = await startParent([...PROVER_NODE_FLAGS, entry, '--cache', join(dir, 'cache-warmup')], log, request);
    await waitFor(logged(log, '"type":"stage"'), 30_000, 'warm-up started');
    // Let the compile take the main thread.
    await new Promise((r) => setTimeout(r, 1500));
    expect(stopped(prover)).toBe(false);
    parent.kill('SIGKILL');
    expect(await waitFor(() => stopped(prover), 1000, 'prover stopped')).toBeLessThan(1000);
  }, 60_000);

  it("stops within a second while its main thread is blocked, as in a proof step's native call", async () => {
    const log = join(dir, 'step.log');
    // The real entry, with a module loaded first that blocks the main thread for 30 s once the prover is serving,
    // as a proof step does; it says when it starts blocking.
    const block = `data:text/javascript,setTimeout(()=>{process.stderr.write('BLOCKING\\n');const end=Date.now()+30000;while(Date.now()<end);},3000)`;
    const { parent, prover } = await startParent([...PROVER_NODE_FLAGS, '--import', block, entry, '--cache', join(dir, 'cache-step')], log);
    await waitFor(logged(log, 'BLOCKING'), 30_000, 'main thread blocked');
    await new Promise((r) => setTimeout(r, 300));
    expect(stopped(prover)).toBe(false);
    parent.kill('SIGKILL');
    expect(await waitFor(() => stopped(prover), 1000, 'prover stopped')).toBeLessThan(1000);
  }, 60_000);
});

describe.skipIf(process.platform !== 'linux')('the proving child of `shutterproof prove`', () => {
  let f: Fixtures;
  beforeAll(async () => {
    f = await makeFixtures(join(dir, 'fixtures'));
  }, 120_000);

  it('stops within a second when the command is killed while it prepares the prover', async () => {
    const cli = spawn(process.execPath, [cliEntry, 'prove', f.photos.rsJpeg, '--trust-list', f.trust.test, '--out', join(dir, 'out'), '--cache', join(dir, 'cache-cli')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.push(cli.pid!);
    let stderr = '';
    cli.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(() => stderr.includes('Preparing the prover'), 30_000, 'prover preparing');
    const [prover] = execFileSync('ps', ['-o', 'pid=', '--ppid', String(cli.pid)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    started.push(prover);
    await new Promise((r) => setTimeout(r, 1000));
    expect(stopped(prover)).toBe(false);
    cli.kill('SIGKILL');
    expect(await waitFor(() => stopped(prover), 1000, 'prover stopped')).toBeLessThan(1000);
  }, 150_000);
});
