// Files that belong to jobs go away with the last job that uses them; settings changes apply to a running engine.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, photo, tempDir, until, type Harness } from '../engine-support/engine-harness.js';
import { isAlive } from '../engine-support/prover-double.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

describe('job engine: cleanup and settings', () => {
  it('keeps a reused proof pack until the last job pointing at it is removed', async () => {
    const h = makeEngine();
    open.push(h);
    h.engine.open();
    const dir = tempDir('sp-photos-');
    const bytes = Buffer.from('shared');
    await h.engine.add({ paths: [photo(dir, 'orig.jpg', bytes)] });
    await until(() => h.engine.list().jobs[0]?.state === 'succeeded');
    await h.engine.add({ paths: [photo(join(dir, 'b'), 'dup.jpg', bytes)] });
    const [orig, dup] = ['orig.jpg', 'dup.jpg'].map((n) => h.engine.list().jobs.find((j) => j.file.name === n)!);
    expect(dup.result?.cached).toBe(true);
    const folder = dirname(orig.result!.packPath);
    h.engine.remove(orig.id);
    expect(existsSync(folder)).toBe(true);
    expect(existsSync(dup.result!.packPath)).toBe(true);
    h.engine.remove(dup.id);
    expect(existsSync(folder)).toBe(false);
    expect(h.engine.list()).toEqual({ jobs: [], groups: [] });
  });

  it('raising concurrency starts a second prover for waiting jobs; lowering it stops idle ones', async () => {
    const h = makeEngine({ env: { FAKE_PROVER_SLOW_MS: '1200' } });
    open.push(h);
    h.engine.open();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'slow-1.jpg'), photo(dir, 'slow-2.jpg'), photo(dir, 'slow-3.jpg')] });
    await until(() => h.engine.activity().running === 1);
    h.settings.concurrency = 2;
    h.engine.settingsChanged();
    await until(() => h.engine.activity().running === 2, 10_000, 'two running');
    await until(() => h.engine.activity().running + h.engine.activity().queued === 0, 20_000, 'all done');
    expect(h.provers.filter((p) => p.status.state !== 'starting')).toHaveLength(2);
    h.settings.concurrency = 1;
    h.engine.settingsChanged();
    await until(() => (h.provers[1] as unknown as { child: unknown }).child === null, 5000, 'second prover stopped');
  });

  it('prover status reaches the renderer as it warms up', async () => {
    const h = makeEngine({ flags: ['--warmup-ms', '200'] });
    open.push(h);
    h.engine.open();
    await until(() => h.engine.proverStatus().state === 'ready', 10_000, 'ready');
    await new Promise((r) => setTimeout(r, 120));
    const states = h.emitted.filter((e) => e.channel === 'prover:status').map((e) => (e.payload as { state: string }).state);
    expect(states).toContain('warming');
    expect(states.at(-1)).toBe('ready');
  });

  it('closing while a proof runs stops the prover and leaves the job interrupted, to be queued on the next start', async () => {
    const h = makeEngine();
    h.engine.open();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'hang.jpg')] });
    await until(() => h.engine.activity().running === 1);
    const pid = (h.provers[0] as unknown as { child: { sub: { pid: number } } }).child.sub.pid;
    const id = h.engine.list().jobs[0].id;
    await h.engine.close();
    expect(isAlive(pid)).toBe(false);
    const next = makeEngine({ root: h.root });
    open.push(next);
    const saved = JSON.parse(readFileSync(join(h.root, 'jobs', `${id}.json`), 'utf8'));
    expect(saved.state).toBe('interrupted');
    next.engine.open();
    expect(next.engine.get(id)?.state).toMatch(/queued|running/);
  });
});

