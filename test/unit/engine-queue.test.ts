// The job engine with the real supervisor and a real child process speaking the prover protocol.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job, JobsDelta } from '../../common/ipc-contract.js';
import { isAlive } from '../engine-support/prover-double.js';
import { makeEngine, photo, tempDir, until, type Harness } from '../engine-support/engine-harness.js';

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

const jobNamed = (h: Harness, name: string): Job => h.engine.list().jobs.find((j) => j.file.name === name)!;
const settled = (h: Harness) => () => h.engine.list().jobs.every((j) => j.state !== 'queued' && j.state !== 'running');

describe('job engine: adding and running', () => {
  it('validates paths, expands folders, and proves every photo into one group', async () => {
    const h = start();
    const photos = tempDir('sp-photos-');
    const a = photo(photos, 'a.jpg');
    photo(join(photos, 'trip'), 'b.png');
    photo(join(photos, 'trip', 'deeper'), 'c.jpeg');
    writeFileSync(join(photos, 'trip', 'notes.txt'), 'not a photo');
    writeFileSync(join(photos, 'fake.jpg'), 'GIF89a not really a jpeg');
    const outcome = await h.engine.add({ paths: [a, join(photos, 'trip'), join(photos, 'fake.jpg'), join(photos, 'missing.jpg'), 'relative.jpg'] });
    expect(outcome.added).toBe(3);
    expect(outcome.skipped.map((s) => [s.name, s.code]).sort()).toEqual([
      ['fake.jpg', 'unsupported_format'],
      ['missing.jpg', 'unreadable_file'],
      ['relative.jpg', 'unreadable_file'],
    ]);
    const { groups, jobs } = h.engine.list();
    expect(groups).toHaveLength(1);
    expect(groups[0].label).toBe('3 photos');
    expect(jobs.every((j) => j.groupId === outcome.groupId && /^[0-9a-f]{64}$/.test(j.file.sha256))).toBe(true);
    await until(settled(h));
    expect(h.engine.list().jobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const done = jobNamed(h, 'b.png');
    expect(done.result?.packPath && existsSync(done.result.packPath)).toBe(true);
    expect(done.attempts).toBe(1);
    const folder = await h.engine.add({ paths: [join(photos, 'trip')] });
    expect(h.engine.list().groups.find((g) => g.id === folder.groupId)?.label).toBe('2 photos from trip');
  });

  it('skips files over the size cap with file_too_large', async () => {
    const h = start({ deps: { maxPhotoBytes: 100 } });
    const dir = tempDir('sp-photos-');
    const out = await h.engine.add({ paths: [photo(dir, 'huge.jpg', Buffer.alloc(500))] });
    expect(out).toMatchObject({ groupId: null, added: 0, skipped: [{ name: 'huge.jpg', code: 'file_too_large' }] });
  });

  it('batches events to at most one jobs:changed per 100 ms, with snapshot-able deltas', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'flood-1.jpg'), photo(dir, 'flood-2.jpg')] });
    await until(settled(h));
    await new Promise((r) => setTimeout(r, 150));
    const changes = h.emitted.filter((e) => e.channel === 'jobs:changed');
    for (let i = 1; i < changes.length; i++) expect(changes[i].at - changes[i - 1].at).toBeGreaterThanOrEqual(95);
    const last = new Map<string, Job>();
    for (const c of changes) for (const j of (c.payload as JobsDelta).upserts) last.set(j.id, j);
    expect([...last.values()].map((j) => j.state)).toEqual(['succeeded', 'succeeded']);
  });

  it('reuses an earlier proof of the same bytes instantly (cached) without calling the prover', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    const bytes = Buffer.from('same bytes');
    await h.engine.add({ paths: [photo(dir, 'first.jpg', bytes)] });
    await until(settled(h));
    const copy = photo(join(dir, 'copy'), 'first-copy.jpg', bytes);
    const t0 = Date.now();
    await h.engine.add({ paths: [copy] });
    const cached = jobNamed(h, 'first-copy.jpg');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(cached.state).toBe('succeeded');
    expect(cached.result?.cached).toBe(true);
    expect(cached.result?.packPath).toBe(jobNamed(h, 'first.jpg').result?.packPath);
    expect(h.proved()).toEqual(['first.jpg']);
    // A different trust list is a different statement: no reuse.
    h.trustLists.set('tl1', { id: 'tl1', name: 'News', root: '12345', importedAt: 0, certificates: [] });
    await h.engine.add({ paths: [photo(join(dir, 'again'), 'first-again.jpg', bytes)], trustListId: 'tl1' });
    await until(settled(h));
    expect(h.proved()).toEqual(['first.jpg', 'first-again.jpg']);
  });

  it('runs the highest priority first; move to top jumps the queue', async () => {
    const h = start({ env: { FAKE_PROVER_STEP_MS: '80' } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: ['one', 'two', 'three', 'four'].map((n) => photo(dir, `${n}.jpg`)) });
    h.engine.moveToTop(jobNamed(h, 'four.jpg').id);
    h.engine.moveToTop(jobNamed(h, 'three.jpg').id);
    await until(settled(h), 20_000);
    expect(h.proved()).toEqual(['one.jpg', 'three.jpg', 'four.jpg', 'two.jpg']);
  });

  it('refuses photos beyond the bounded queue with queue_full', async () => {
    const h = start({ deps: { maxQueued: 2 }, env: { FAKE_PROVER_STEP_MS: '100' } });
    const dir = tempDir('sp-photos-');
    const out = await h.engine.add({ paths: ['a', 'b', 'c'].map((n) => photo(dir, `${n}.jpg`)) });
    expect(out.added).toBe(2);
    expect(out.skipped).toEqual([{ name: 'c.jpg', code: 'queue_full', message: 'Too many photos are waiting already.' }]);
  });

  it('runs two jobs at once when concurrency is 2', async () => {
    const h = start({ settings: { concurrency: 2 }, env: { FAKE_PROVER_SLOW_MS: '1500' } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'slow-a.jpg'), photo(dir, 'slow-b.jpg')] });
    await until(() => h.engine.activity().running === 2, 10_000, 'two running');
    await until(settled(h));
  });
});

describe('job engine: failures, cancel, retry', () => {
  it('cancels a running proof within 2 s by killing the prover (even one ignoring SIGTERM)', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'stubborn.jpg'), photo(dir, 'next.jpg')] });
    await until(() => jobNamed(h, 'stubborn.jpg').stage !== undefined, 10_000, 'stage');
    const pid = (h.provers[0] as unknown as { child: { sub: { pid: number } } }).child.sub.pid;
    const t0 = Date.now();
    h.engine.cancel(jobNamed(h, 'stubborn.jpg').id);
    await until(() => jobNamed(h, 'stubborn.jpg').state === 'cancelled', 2000, 'cancelled');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(isAlive(pid)).toBe(false);
    expect(jobNamed(h, 'stubborn.jpg').error?.code).toBe('cancelled');
    await until(settled(h));
    expect(jobNamed(h, 'next.jpg').state).toBe('succeeded');
  });

  it('cancels a queued job at once', async () => {
    const h = start({ env: { FAKE_PROVER_SLOW_MS: '800' } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'slow.jpg'), photo(dir, 'waiting.jpg')] });
    h.engine.cancel(jobNamed(h, 'waiting.jpg').id);
    expect(jobNamed(h, 'waiting.jpg').state).toBe('cancelled');
    await until(settled(h));
    expect(h.proved()).toEqual(['slow.jpg']);
  });

  it('times a hung proof out with the timeout code and no automatic retry', async () => {
    const h = start({ settings: { jobTimeoutMinutes: 0.01 } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'hang.jpg')] });
    await until(settled(h));
    expect(jobNamed(h, 'hang.jpg')).toMatchObject({ state: 'failed', attempts: 1, error: { code: 'timeout' } });
  });

  it('retries a crash once automatically; input errors never', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'once.jpg'), photo(dir, 'crash.jpg'), photo(dir, 'oom.jpg'), photo(dir, 'nocc.jpg')] });
    await until(settled(h), 30_000);
    expect(jobNamed(h, 'once.jpg')).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(jobNamed(h, 'crash.jpg')).toMatchObject({ state: 'failed', attempts: 2, error: { code: 'prover_crashed' } });
    expect(jobNamed(h, 'crash.jpg').error?.detail).toContain('simulated crash');
    expect(jobNamed(h, 'oom.jpg')).toMatchObject({ state: 'failed', attempts: 2, error: { code: 'out_of_memory' } });
    expect(jobNamed(h, 'nocc.jpg')).toMatchObject({ state: 'failed', attempts: 1, error: { code: 'no_content_credentials' } });
    expect(h.proved().filter((n) => n === 'nocc.jpg')).toHaveLength(1);
  });

  it('manual retry queues a failed job again; remove deletes it with its log', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'nocc.jpg')] });
    await until(settled(h));
    const job = jobNamed(h, 'nocc.jpg');
    h.engine.retry(job.id);
    expect(h.engine.get(job.id)?.state).toMatch(/queued|running/);
    await until(settled(h));
    expect(h.proved()).toEqual(['nocc.jpg', 'nocc.jpg']);
    const logFile = h.engine.logs.filePath(job.id);
    expect(existsSync(logFile)).toBe(true);
    h.engine.remove(job.id);
    expect(h.engine.list()).toEqual({ jobs: [], groups: [] });
    expect(existsSync(logFile)).toBe(false);
    expect(existsSync(join(h.root, 'jobs', `${job.id}.json`))).toBe(false);
  });

  it('removing a running job stops it and deletes it', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'hang.jpg')] });
    await until(() => h.engine.activity().running === 1);
    h.engine.remove(jobNamed(h, 'hang.jpg').id);
    await until(() => h.engine.list().jobs.length === 0, 3000, 'removed');
  });

  it('reports the batch once everything finished', async () => {
    const batches: unknown[] = [];
    const h = start({ deps: { onBatchFinished: (b) => batches.push(b) } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'a.jpg'), photo(dir, 'nocc.jpg')] });
    await until(() => batches.length === 1);
    expect(batches).toEqual([{ succeeded: 1, failed: 1, cancelled: 0 }]);
  });

  it('keeps the higher count when a lower one of the same stage arrives after it (two prover processes)', async () => {
    const h = start();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'late-count.jpg')] });
    await until(settled(h));
    const shown = h.emitted
      .filter((e) => e.channel === 'jobs:changed')
      .flatMap((e) => (e.payload as JobsDelta).upserts)
      .filter((j) => j.stage?.name === 'prove' && j.progress)
      .map((j) => j.progress!.done);
    // The double sends 2 of 3, then (150 ms later, in a batch of its own) 1 of 3: only 2 is ever shown.
    expect(shown).toContain(2);
    expect(shown).not.toContain(1);
  });

  it("counts a running job's proof steps in the batch's progress, never going back", async () => {
    const fractions: number[] = [];
    const h = start({ env: { FAKE_PROVER_SLOW_MS: '500' }, deps: { onActivity: (a) => a.fraction !== null && fractions.push(a.fraction) } });
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'slow-a.jpg'), photo(dir, 'slow-b.jpg')] });
    await until(settled(h));
    // The double proves in stage "prove" with progress 2 of 3; its other stages' progress is not proof steps.
    // One job of two, two thirds through proving: 1/3.
    expect(fractions.some((f) => Math.abs(f - 1 / 3) < 1e-9)).toBe(true);
    expect(fractions.some((f) => Math.abs(f - 5 / 6) < 1e-9)).toBe(true);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });
});
