// The supervisor against a real child process speaking the protocol (test/engine-support/fake-prover.mjs).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProverStatus } from '../../common/ipc-contract.js';
import { ProverSupervisor, type SupervisorOptions } from '../../main/prover/supervisor.js';
import { fakeProverCommand, isAlive } from '../engine-support/prover-double.js';

const dir = mkdtempSync(join(tmpdir(), 'sp-sup-'));
const supervisors: ProverSupervisor[] = [];
afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.stop()));
});

function make(flags: string[] = [], extra: Partial<SupervisorOptions> = {}) {
  const statuses: ProverStatus[] = [];
  const sup = new ProverSupervisor({
    command: fakeProverCommand(flags),
    freeMemory: () => 64 * 2 ** 30,
    onStatus: (s) => statuses.push(s),
    ...extra,
  });
  supervisors.push(sup);
  return { sup, statuses };
}

const prove = (id: string, name: string) => ({ id, op: 'prove' as const, input: join(dir, name), out: join(dir, 'out', id) });

describe('prover supervisor', () => {
  it('warms up with progress, then proves with stage events and a result whose pack exists', async () => {
    const { sup, statuses } = make(['--warmup-ms', '80']);
    sup.start();
    const events: string[] = [];
    const outcome = await sup.run(prove('a', 'photo.jpg'), { onEvent: (e) => events.push(e.type) });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.packPath).toMatch(/photo\.proof\.json$/);
    expect(events).toContain('stage');
    expect(events).toContain('progress');
    expect(statuses.map((s) => s.state)).toEqual(expect.arrayContaining(['warming', 'ready', 'busy']));
    expect(statuses.filter((s) => s.state === 'warming').some((s) => s.state === 'warming' && s.done === 4 && s.total === 4)).toBe(true);
    expect(sup.circuit).toEqual({ id: 'c2pa-es256', version: 2 });
    expect(statuses.at(-1)).toEqual({ state: 'ready' });
  });

  it('maps an error event to its code with sentence and hint', async () => {
    const { sup } = make();
    const outcome = await sup.run(prove('b', 'nocc.jpg'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'no_content_credentials', retryable: false, detail: 'no JUMBF box' } });
    expect(!outcome.ok && outcome.error.hint.length).toBeGreaterThan(10);
  });

  it('a crash fails the request with prover_crashed and the stderr tail, then restarts for the next one', async () => {
    const { sup, statuses } = make();
    const crashed = await sup.run(prove('c', 'crash.jpg'));
    expect(crashed).toMatchObject({ ok: false, error: { code: 'prover_crashed', retryable: true } });
    expect(!crashed.ok && crashed.error.detail).toContain('simulated crash');
    expect(statuses).toContainEqual({ state: 'restarting', reason: 'prover_crashed' });
    expect((await sup.run(prove('d', 'fine.jpg'))).ok).toBe(true);
  });

  it('detects out of memory from stderr', async () => {
    const { sup } = make();
    const outcome = await sup.run(prove('e', 'oom.jpg'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'out_of_memory' } });
  });

  it('refuses a proof when too little memory is free, with a plain message', async () => {
    const { sup } = make([], { freeMemory: () => 2 * 2 ** 30, minFreeMemoryBytes: 6 * 2 ** 30 });
    const outcome = await sup.run(prove('f', 'photo.jpg'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'out_of_memory' } });
    expect(!outcome.ok && outcome.error.detail).toBe('Only 2.0 GB of memory is free; a proof needs about 6.0 GB. Close other programs, then press Retry.');
  });

  it('cancel kills even a process that ignores SIGTERM within 2 s, and a new process serves the next request', async () => {
    const { sup } = make([], { killGraceMs: 800 });
    const controller = new AbortController();
    let pid = 0;
    const running = sup.run(prove('g', 'stubborn.jpg'), { signal: controller.signal, onEvent: () => undefined });
    await new Promise((r) => setTimeout(r, 400));
    pid = (sup as unknown as { child: { sub: { pid: number } } }).child.sub.pid;
    expect(isAlive(pid)).toBe(true);
    const t0 = Date.now();
    controller.abort();
    const outcome = await running;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(isAlive(pid)).toBe(false);
    expect((await sup.run(prove('h', 'after.jpg'))).ok).toBe(true);
  });

  it('times out a hung request with the timeout code', async () => {
    const { sup } = make();
    const outcome = await sup.run(prove('i', 'hang.jpg'), { timeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect((await sup.run(prove('j', 'ok.jpg'))).ok).toBe(true);
  });

  it('survives garbage and floods on stdout/stderr', async () => {
    const { sup } = make();
    let logs = 0;
    let stderr = 0;
    const outcome = await sup.run(prove('k', 'flood-garbage.jpg'), {
      onEvent: (e) => e.type === 'log' && logs++,
      onStderr: () => stderr++,
    });
    expect(outcome.ok).toBe(true);
    expect(logs).toBeGreaterThanOrEqual(5000);
    // stderr is its own pipe: the result on stdout can arrive before the last stderr lines are read.
    await vi.waitFor(() => expect(stderr).toBeGreaterThan(1000));
  });

  it('stops restarting a process that dies at start, and reports failed', async () => {
    const { sup, statuses } = make(['--die-at-start'], { maxStartFailures: 2 });
    const outcome = await sup.run(prove('l', 'x.jpg'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'prover_crashed' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', error: { code: 'prover_crashed' } });
  });

  it('stop() shuts the process down cleanly', async () => {
    const { sup } = make();
    sup.start();
    await sup.run({ id: 'v', op: 'verify', pack: join(dir, 'p.json') });
    const pid = (sup as unknown as { child: { sub: { pid: number } } }).child.sub.pid;
    await sup.stop();
    expect(isAlive(pid)).toBe(false);
  });

  it('a process that never says hello is killed after the start timeout', async () => {
    const { sup } = make(['--hello-delay', '10000'], { helloTimeoutMs: 300, maxStartFailures: 1 });
    const t0 = Date.now();
    const outcome = await sup.run(prove('m', 'x.jpg'));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'prover_crashed', detail: 'The prover did not start in time.' } });
  });

  it('a prover that keeps dying while warming up ends in the failed status instead of restarting forever', async () => {
    const { sup, statuses } = make(['--die-in-warmup'], { maxStartFailures: 3 });
    sup.start();
    for (let t = 0; t < 200 && statuses.at(-1)?.state !== 'failed'; t++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    expect(statuses.filter((s) => s.state === 'restarting')).toHaveLength(2);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', error: { code: 'prover_crashed', detail: expect.stringContaining('died compiling') } });
  });
});
