// Log files are written in batches: lines wait in memory until something needs the file whole (a batch to the
// renderer, a job's saved state, a resync, quitting). These tests pin down that nothing shown or reported done is
// ever missing from the file, even after a kill -9.
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job, LogLine } from '../../common/ipc-contract.js';
import { LineRing } from '../../main/jobs/line-ring.js';
import { LogStore, RING_LINES } from '../../main/jobs/log-store.js';
import { PendingAppends } from '../../main/jobs/pending-appends.js';
import { makeEngine, photo, tempDir, until, type Harness } from '../engine-support/engine-harness.js';

const CHILD = fileURLToPath(new URL('../engine-support/engine-child.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');
const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

function fileLines(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((text) => JSON.parse(text) as LogLine);
}

/** The file holds lines 1..n with no hole and no repeat. */
function expectWhole(lines: LogLine[]): void {
  expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: lines.length }, (_, i) => i + 1));
}

describe('log ring and pending appends', () => {
  it('the ring keeps the newest lines in order', () => {
    const ring = new LineRing(3);
    for (let seq = 1; seq <= 7; seq++) ring.push({ seq, ts: 0, level: 'info', msg: `line ${seq}` });
    expect(ring.length).toBe(3);
    expect(ring.first?.seq).toBe(5);
    expect(ring.after(0).map((l) => l.seq)).toEqual([5, 6, 7]);
    expect(ring.after(6).map((l) => l.seq)).toEqual([7]);
    expect(new LineRing(2, ring.after(0)).after(0).map((l) => l.seq)).toEqual([6, 7]);
  });

  it('writes pending text on flush, per file, and on its own once too much is pending', () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a.log'), join(dir, 'b.log')];
    const pending = new PendingAppends(10);
    pending.add(a, 'one\n');
    pending.add(b, 'two\n');
    expect(existsSync(a) || existsSync(b)).toBe(false);
    pending.flush(a);
    expect(readFileSync(a, 'utf8')).toBe('one\n');
    expect(existsSync(b)).toBe(false);
    pending.add(a, 'three\n');
    expect(readFileSync(a, 'utf8')).toBe('one\nthree\n');
    expect(readFileSync(b, 'utf8')).toBe('two\n');
    pending.add(b, 'gone\n');
    pending.discard(b);
    pending.flush();
    expect(readFileSync(b, 'utf8')).toBe('two\n');
  });
});

describe('log files', () => {
  it('buffers lines until flushed; a resync and a new process see every line', () => {
    const root = tempDir();
    const logs = new LogStore(root, () => 1000);
    for (let i = 1; i <= 1200; i++) logs.append('job1', 'info', `line ${i}`);
    expect(fileLines(logs.filePath('job1'))).toEqual([]);
    // A resync hands lines out, so it writes them first; older than a full ring it answers from the ring.
    const old = logs.since('job1', 10);
    expect(old.lines.map((l) => l.seq)).toEqual(Array.from({ length: RING_LINES }, (_, i) => 1200 - RING_LINES + 1 + i));
    expectWhole(fileLines(logs.filePath('job1')));
    logs.append('job1', 'info', 'line 1201');
    logs.flush();
    expect(fileLines(logs.filePath('job1'))).toHaveLength(1201);
    expect(new LogStore(root, () => 2000).append('job1', 'warn', 'after restart').seq).toBe(1202);
  });

  it('removing a job drops its pending lines with its file', () => {
    const root = tempDir();
    const logs = new LogStore(root, () => 1000);
    logs.append('job1', 'info', 'kept?');
    logs.remove('job1');
    logs.flush();
    expect(existsSync(logs.filePath('job1'))).toBe(false);
  });

  it('a job saved as finished already has its whole log in the file', async () => {
    let seen: { lines: LogLine[]; lastSeq: number } | undefined;
    const h: Harness = makeEngine({
      deps: {
        emit: (channel, payload) => {
          if (channel !== 'jobs:changed' || seen) return;
          const done = (payload as { upserts: Job[] }).upserts.find((j) => j.state === 'succeeded');
          // Read before asking the engine anything: a resync would write pending lines itself.
          if (done) seen = { lines: fileLines(h.engine.logs.filePath(done.id)), lastSeq: h.engine.logsOf(done.id, 0).lastSeq };
        },
      },
    });
    open.push(h);
    h.engine.open();
    await h.engine.add({ paths: [photo(tempDir('sp-photos-'), 'flood.jpg')] });
    await until(() => seen !== undefined, 20_000, 'the job reported done');
    expectWhole(seen!.lines);
    expect(seen!.lines.at(-1)?.seq).toBe(seen!.lastSeq);
    expect(seen!.lines.some((l) => l.msg === 'flood line 4999')).toBe(true);
    expect(seen!.lines.some((l) => /^Proof made and verified/.test(l.msg))).toBe(true);
  });

  it('quitting writes the lines of a job still running', async () => {
    const h = makeEngine();
    h.engine.open();
    await h.engine.add({ paths: [photo(tempDir('sp-photos-'), 'hang.jpg')] });
    await until(() => h.engine.list().jobs[0]?.state === 'running');
    const id = h.engine.list().jobs[0].id;
    for (let i = 0; i < 50; i++) h.engine.logs.append(id, 'debug', `late line ${i}`);
    await h.engine.close();
    const lines = fileLines(h.engine.logs.filePath(id));
    expectWhole(lines);
    expect(lines.at(-1)?.msg).toBe('late line 49');
  });

  it('after kill -9, a job that was reported done has its whole log on disk', async () => {
    const root = tempDir();
    const child = execa(process.execPath, ['--import', TSX, CHILD, root, photo(tempDir('sp-photos-'), 'flood.jpg')], { buffer: false, reject: false });
    let done: string | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const [what, id] = line.split(' ');
        // Killed the moment the job is reported done: no later flush can help.
        if (what === 'done' && !done) {
          done = id;
          child.kill('SIGKILL');
        }
      }
    });
    await child;
    expect(done).toBeDefined();
    const lines = fileLines(join(root, 'logs', `${done}.log`));
    expectWhole(lines);
    expect(lines.some((l) => l.msg === 'flood line 4999')).toBe(true);
    expect(lines.some((l) => /^Proof made and verified/.test(l.msg))).toBe(true);
  }, 60_000);
});
