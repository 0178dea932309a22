// A proving child of `shutterproof prove` that dies (the out-of-memory killer's SIGKILL, a crash) is never a silent
// exit: the command prints the code, its sentence, what to do and the signal, and exits 4.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { childFailure } from '../../prover/entry/child-exit.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';

const cli = resolve('out/node/prover/entry/cli-main.js');
let dir: string;
let f: Fixtures;
const started: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shutterproof-killed-'));
  f = await makeFixtures(join(dir, 'fixtures'));
}, 120_000);

afterAll(() => {
  for (const pid of started)
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
});

describe('childFailure', () => {
  it('says nothing for our own exit codes: the child has printed its result or error', () => {
    for (const code of [0, 2, 3, 4, 130]) expect(childFailure({ code, signal: null, stderrTail: '' })).toBeUndefined();
  });
  it('SIGKILL or an out-of-memory message is out_of_memory; other signals and statuses prover_crashed', () => {
    expect(childFailure({ code: null, signal: 'SIGKILL', stderrTail: '' })).toMatchObject({ code: 'out_of_memory', detail: expect.stringContaining('SIGKILL') });
    expect(childFailure({ code: null, signal: 'SIGABRT', stderrTail: 'FATAL ERROR: Reached heap limit' })).toMatchObject({ code: 'out_of_memory' });
    expect(childFailure({ code: null, signal: 'SIGSEGV', stderrTail: '' })).toMatchObject({ code: 'prover_crashed', detail: expect.stringContaining('SIGSEGV') });
    expect(childFailure({ code: 1, signal: null, stderrTail: 'TypeError' })).toMatchObject({ code: 'prover_crashed', detail: expect.stringContaining('status 1') });
  });
});

describe.skipIf(process.platform !== 'linux')('shutterproof prove when its prover is killed', () => {
  it.each([
    ['SIGKILL', 'out_of_memory'],
    ['SIGABRT', 'prover_crashed'],
  ] as const)('%s -> %s with its sentence, hint and the signal, exit 4', async (signal, code) => {
    const run = spawn(process.execPath, [cli, 'prove', f.photos.rsJpeg, '--trust-list', f.trust.test, '--out', join(dir, 'out'), '--cache', join(dir, `cache-${signal}`)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.push(run.pid!);
    let stderr = '';
    run.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => run.on('close', (status) => done(status)));
    const t0 = Date.now();
    while (!stderr.includes('Preparing the prover')) {
      if (Date.now() - t0 > 30_000) throw new Error(`never prepared the prover:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const [prover] = execFileSync('ps', ['-o', 'pid=', '--ppid', String(run.pid)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    started.push(prover);
    process.kill(prover, signal);
    expect(await exited).toBe(4);
    const { message, hint } = errorInfo(code);
    expect(stderr).toContain(`error ${code}: ${message}`);
    expect(stderr).toContain(hint);
    expect(stderr).toContain(`killed by ${signal}`);
  }, 60_000);
});
