// `shutterproof prove` proves in a child process started with the prover's memory settings; Ctrl-C (SIGINT) still
// ends the command with exit 130 and leaves no prover process behind. Runs the built command (npm test builds it).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROVER_NODE_FLAGS } from '../../common/prover-process.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'shutterproof.js');
let dir: string;
let f: Fixtures;
// Processes this test started, stopped whatever the outcome: a prover left compiling would hold GBs for minutes.
const started: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shutterproof-cli-cancel-'));
  f = await makeFixtures(join(dir, 'fixtures'));
}, 120_000);

afterAll(async () => {
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it.runIf(process.platform === 'linux')('Ctrl-C while preparing the prover exits 130 and stops the proving process', async () => {
  // An empty key cache: the prover starts compiling, which is where a person would give up and press Ctrl-C.
  const cli = spawn(process.execPath, [bin, 'prove', f.photos.rsJpeg, '--trust-list', f.trust.test, '--out', join(dir, 'out'), '--cache', join(dir, 'cache')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(cli.pid!);
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    cli.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('Preparing the prover')) resolve();
    });
    cli.on('exit', () => reject(new Error(`exited before preparing the prover:\n${stderr}`)));
  });
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(cli.pid)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  expect(children).toHaveLength(1);
  const prover = children[0];
  started.push(prover);
  const cmdline = (await readFile(`/proc/${prover}/cmdline`, 'utf8')).split('\0');
  expect(cmdline).toEqual(expect.arrayContaining([...PROVER_NODE_FLAGS]));
  expect(await readFile(`/proc/${prover}/environ`, 'utf8')).toContain('MALLOC_ARENA_MAX=2');

  const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
  cli.kill('SIGINT');
  expect(await exited).toBe(130);
  await expect.poll(() => alive(prover), { timeout: 5_000 }).toBe(false);
}, 60_000);
