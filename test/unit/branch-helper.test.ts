// The helper process that proves one branch of a proof in parallel (prover/pipeline/branch-helper.ts): when it is used, that a
// helper which dies is an error the prover can act on (it proves the branch itself), and that a helper never outlives
// the prover that started it, even one killed with SIGKILL while the helper is busy compiling.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { branchesInParallel } from '../../prover/pipeline/branch-helper.js';
import type { IssuerBranchInput } from '../../prover/circuit/issuer-branch.js';

const GiB = 2 ** 30;
const builtHelper = pathToFileURL(resolve('out/node/prover/pipeline/branch-helper.js')).href;

/** Gone, or a zombie waiting to be reaped: it runs nothing any more. */
function stopped(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return /^\d+ \(.*\) [ZX]/.test(readFileSync(stat, 'utf8'));
  } catch {
    return true;
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`still not true after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - t0;
}

const kill = (pid: number) => {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

describe('branchesInParallel', () => {
  const big = { cores: 8, memory: 32 * GiB };
  it('runs branches in parallel with 4+ cores and 16+ GiB, else one after the other', () => {
    expect(branchesInParallel({}, big)).toBe(true);
    expect(branchesInParallel({}, { cores: 4, memory: 16 * GiB })).toBe(true);
    expect(branchesInParallel({}, { cores: 2, memory: 32 * GiB })).toBe(false);
    expect(branchesInParallel({}, { cores: 8, memory: 15 * GiB })).toBe(false);
  });
  it('follows SHUTTERPROOF_PARALLEL_BRANCHES=1|0 over the machine', () => {
    expect(branchesInParallel({ SHUTTERPROOF_PARALLEL_BRANCHES: '0' }, big)).toBe(false);
    expect(branchesInParallel({ SHUTTERPROOF_PARALLEL_BRANCHES: '1' }, { cores: 1, memory: GiB })).toBe(true);
    expect(branchesInParallel({ SHUTTERPROOF_PARALLEL_BRANCHES: 'yes' }, { cores: 1, memory: GiB })).toBe(false);
  });
});

describe.skipIf(process.platform !== 'linux')('the helper process', () => {
  it('rejects a branch it can no longer prove when it exits, instead of leaving the prover waiting', async () => {
    const { BranchHelper } = (await import(builtHelper)) as typeof import('../../prover/pipeline/branch-helper.js');
    const helper = new BranchHelper(mkdtempSync(join(tmpdir(), 'shutterproof-helper-')));
    const pid = helper.pid!;
    try {
      expect(helper.alive).toBe(true);
      const proving = helper.proveIssuer({} as IssuerBranchInput, {});
      kill(pid);
      await expect(proving).rejects.toThrow(/exited \(SIGKILL\)/);
      expect(helper.alive).toBe(false);
    } finally {
      kill(pid);
    }
  }, 20_000);

  it('is killed within a second when its prover is killed with SIGKILL in the middle of its compile', async () => {
    // A prover that starts a helper compiling into an empty folder (minutes of work) and is killed two seconds later.
    const prover = `
      const { BranchHelper } = await import(${JSON.stringify(builtHelper)});
      const helper = new BranchHelper(process.argv[1]);
      console.log(helper.pid);
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), 2000);
    `;
    let pid = 0;
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', prover, mkdtempSync(join(tmpdir(), 'shutterproof-helper-'))], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      const e = error as { signal?: string; stdout?: string };
      expect(e.signal).toBe('SIGKILL');
      pid = Number(e.stdout?.trim());
    }
    expect(pid).toBeGreaterThan(0);
    try {
      // The watchdog checks four times a second; a process with gigabytes mapped takes a moment to be torn down.
      const ms = await waitUntil(() => stopped(pid), 1000);
      expect(ms).toBeLessThan(1000);
    } finally {
      kill(pid);
    }
  }, 30_000);
});
