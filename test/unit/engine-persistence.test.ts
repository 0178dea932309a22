// Persistence and crash recovery: an engine in a child process is killed with SIGKILL mid-batch; a new engine on the
// same folder must show every finished job intact and queue again the ones that were running.
import { execa } from 'execa';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../common/ipc-contract.js';
import { JobStore } from '../../main/jobs/job-store.js';
import { makeEngine, photo, tempDir, until, type Harness } from '../engine-support/engine-harness.js';

const CHILD = fileURLToPath(new URL('../engine-support/engine-child.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');
const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

describe('job engine: persistence', () => {
  it('survives kill -9 mid-batch: finished jobs intact, running ones interrupted then queued, nothing lost', async () => {
    const root = tempDir();
    const dir = tempDir('sp-photos-');
    const paths = Array.from({ length: 6 }, (_, i) => photo(dir, `p${i}.jpg`));
    const child = execa(process.execPath, ['--import', TSX, CHILD, root, ...paths], { buffer: false, reject: false });
    const done: string[] = [];
    let runningAfterTwo: string | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const [what, id] = line.split(' ');
        if (what === 'done') done.push(id);
        if (what === 'running' && done.length >= 2 && !done.includes(id)) runningAfterTwo ??= id;
      }
    });
    // Pull the plug while the third job is being proved.
    await until(() => runningAfterTwo !== undefined, 30_000, 'a third job running');
    child.kill('SIGKILL');
    await child;

    const stored = new JobStore(root).load();
    expect(stored.damaged).toEqual([]);
    expect(stored.jobs).toHaveLength(6);
    const byId = new Map(stored.jobs.map((j) => [j.id, j]));
    for (const id of done) expect(byId.get(id)).toMatchObject({ state: 'succeeded', result: { verified: true } });
    expect(readdirSync(join(root, 'jobs')).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const emitted: Job[][] = [];
    const h = makeEngine({ root, deps: { emit: (c, p) => c === 'jobs:changed' && emitted.push((p as { upserts: Job[] }).upserts) } });
    open.push(h);
    h.engine.open();
    const wasRunning = stored.jobs.filter((j) => j.state === 'running').map((j) => j.id);
    expect(wasRunning).toEqual([runningAfterTwo]);
    expect(stored.jobs.filter((j) => j.state === 'queued')).toHaveLength(6 - 1 - done.length);
    for (const id of wasRunning) {
      expect(h.engine.logsOf(id, 0).lines.some((l) => /stopped while/.test(l.msg))).toBe(true);
    }
    for (const id of done) expect(h.engine.get(id)).toEqual(byId.get(id));
    await until(() => h.engine.list().jobs.every((j) => j.state === 'succeeded'), 30_000, 'all succeeded');
    expect(h.engine.list().jobs).toHaveLength(6);
  }, 90_000);

  it('a running job at restart is shown interrupted then queued', () => {
    const root = tempDir();
    const store = new JobStore(root);
    const job: Job = {
      id: 'j1',
      groupId: 'g1',
      file: { path: '/nowhere/x.jpg', name: 'x.jpg', size: 4, sha256: 'a'.repeat(64) },
      trustListId: null,
      state: 'running',
      priority: 0,
      attempts: 1,
      createdAt: 1,
      startedAt: 2,
    };
    store.saveJob(job);
    store.saveGroup({ id: 'g1', label: 'x.jpg', createdAt: 1 });
    writeFileSync(join(root, 'jobs', '.j2.json.123.1.tmp'), '{"half');
    writeFileSync(join(root, 'jobs', 'broken.json'), '{"half');
    const states: string[] = [];
    const h = makeEngine({ root, deps: { emit: () => undefined } });
    open.push(h);
    // Watch the store, which sees every state on its way.
    const save = JobStore.prototype.saveJob;
    JobStore.prototype.saveJob = function (this: JobStore, j: Job) {
      states.push(j.state);
      save.call(this, j);
    };
    try {
      h.engine.open();
    } finally {
      JobStore.prototype.saveJob = save;
    }
    expect(states.slice(0, 2)).toEqual(['interrupted', 'queued']);
    expect(readdirSync(join(root, 'jobs')).sort()).toEqual(['broken.json.bad', 'j1.json']);
  });

  it('prunes finished jobs older than the retention', async () => {
    let now = Date.now();
    const clock = { now: () => now, setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (t: unknown) => clearTimeout(t as NodeJS.Timeout) };
    const h = makeEngine({ settings: { historyRetentionDays: 2 }, deps: { clock } });
    open.push(h);
    h.engine.open();
    await h.engine.add({ paths: [photo(tempDir('sp-photos-'), 'old.jpg')] });
    await until(() => h.engine.list().jobs[0]?.state === 'succeeded');
    const id = h.engine.list().jobs[0].id;
    now += 1 * 86_400_000;
    expect(h.engine.prune()).toBe(0);
    now += 2 * 86_400_000;
    expect(h.engine.prune()).toBe(1);
    expect(h.engine.get(id)).toBeUndefined();
    expect(readdirSync(join(h.root, 'jobs'))).toEqual([]);
  });
});
