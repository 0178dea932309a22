// Fail fast and time that tells the truth: every added photo is checked at once (not behind a running proof), a photo
// that cannot be proved is never queued, and every job carries a finishing time learned from earlier proofs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, photo, tempDir, until, type Harness } from '../engine-support/engine-harness.js';
import { ProofClock, TYPICAL_PROOF_MS } from '../../main/jobs/proof-clock.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

function start(options: Parameters<typeof makeEngine>[0] = {}): Harness {
  const h = makeEngine(options);
  open.push(h);
  h.engine.open();
  return h;
}

describe('the quick check of added photos', () => {
  it('fails a photo that cannot be proved while another proof runs, and never sends it to be proved', async () => {
    const h = start({ env: { FAKE_PROVER_SLOW_MS: '4000' } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'slow-first.jpg')] });
    await until(() => h.engine.list().jobs[0]?.state === 'running', 10_000, 'first running');
    const t0 = Date.now();
    await h.engine.add({ paths: [photo(dir, 'precheck-hash_mismatch.jpg'), photo(dir, 'fine.jpg')] });
    const bad = () => h.engine.list().jobs.find((j) => j.file.name.startsWith('precheck'))!;
    await until(() => bad().state === 'failed', 3_000, 'verdict while the first proof runs');
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(bad().error).toMatchObject({ code: 'hash_mismatch', retryable: false });
    expect(h.engine.list().jobs.find((j) => j.file.name === 'slow-first.jpg')!.state).toBe('running');
    await until(() => h.engine.list().jobs.every((j) => j.state !== 'queued' && j.state !== 'running'), 20_000, 'settled');
    expect(h.proved()).toEqual(['slow-first.jpg', 'fine.jpg']);
  });

  it('checks a retried photo again, so a photo that still cannot be proved fails again at once', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'precheck-no_content_credentials.jpg')] });
    const job = () => h.engine.list().jobs[0]!;
    await until(() => job().state === 'failed', 5_000, 'failed');
    h.engine.retry(job().id);
    expect(job()).toMatchObject({ state: 'queued', check: 'pending' });
    await until(() => job().state === 'failed', 5_000, 'failed again');
    expect(h.proved()).toEqual([]);
  });

  it('lets a photo through when the check itself cannot answer (the proof decides)', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'precheck-internal_error.jpg')] });
    await until(() => h.engine.list().jobs[0]?.state === 'succeeded', 10_000, 'proved');
  });
});

describe('the proof clock', () => {
  it('gives a typical figure before any proof, then learns phases from a proof and keeps them across runs', () => {
    const root = tempDir();
    const clock = new ProofClock(root);
    expect(clock.typical()).toEqual({ typicalMs: TYPICAL_PROOF_MS, measured: false });
    expect(clock.started('a', 0).finishAt).toBe(TYPICAL_PROOF_MS);
    clock.stage('a', 'prove', 'prove', 10_000);
    for (let done = 1; done <= 4; done++) clock.progress('a', done, 4, 10_000 + done * 60_000);
    clock.stage('a', 'save', 'prove', 250_000);
    clock.succeeded('a', 255_000);
    const again = new ProofClock(root);
    expect(again.typical()).toEqual({ typicalMs: 255_000, measured: true });
    // Between steps the finishing time stays put (the window counts down to it); after a step it moves by this run's pace.
    again.started('b', 1_000_000);
    again.stage('b', 'prove', 'prove', 1_010_000);
    expect(again.progress('b', 0, 4, 1_010_000)!.finishAt).toBe(1_010_000 + 4 * 60_000 + 5_000);
    expect(again.progress('b', 1, 4, 1_130_000)!.finishAt).toBeGreaterThan(1_010_000 + 4 * 60_000 + 5_000);
  });

  it('ignores a damaged times file', () => {
    const root = tempDir();
    writeFileSync(join(root, 'proof-times.json'), '{"stepMs": -3');
    expect(new ProofClock(root).typical().measured).toBe(false);
  });

  it('puts an estimate on queued and running jobs and writes what it learned', async () => {
    const h = start({ env: { FAKE_PROVER_SLOW_MS: '300' } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'slow-a.jpg')] });
    expect(h.engine.list().jobs[0]!.estimate).toEqual({ typicalMs: TYPICAL_PROOF_MS, measured: false });
    await until(() => h.engine.list().jobs[0]?.state === 'running', 10_000, 'running');
    expect(h.engine.list().jobs[0]!.estimate?.finishAt).toBeGreaterThan(Date.now());
    await until(() => h.engine.list().jobs[0]?.state === 'succeeded', 10_000, 'done');
    const file = join(h.root, 'proof-times.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).steps).toBe(3);
    await h.engine.add({ paths: [photo(dir, 'b.jpg')] });
    expect(h.engine.list().jobs.find((j) => j.file.name === 'b.jpg')!.estimate?.measured).toBe(true);
  });
});

describe('a trust list that was removed', () => {
  it('has its own sentence, trust_list_removed, when photos are added with it', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await expect(h.engine.add({ paths: [photo(dir, 'a.jpg')], trustListId: 'gone' })).rejects.toMatchObject({ code: 'trust_list_removed' });
  });
});
