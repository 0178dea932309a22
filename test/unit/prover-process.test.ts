// The real prover process, spoken to over its protocol. Nothing here proves (that is the integration test): these
// requests fail or finish before the circuit is compiled, so they take seconds.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proverEvent, type ProverEvent } from '../../common/prover-protocol.js';
import { CIRCUIT_VERSION } from '../../prover/circuit/constants.js';

const entry = resolve('out/node/prover/entry/process-main.js');
let child: ChildProcessWithoutNullStreams;
let events: ProverEvent[] = [];
let waiters: (() => void)[] = [];
let dir: string;

function until(predicate: (e: ProverEvent) => boolean): Promise<ProverEvent> {
  return new Promise((done) => {
    const check = () => {
      const found = events.find(predicate);
      if (found) done(found);
      else waiters.push(check);
    };
    check();
  });
}

function send(line: string) {
  child.stdin.write(line + '\n');
}

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error('Build the prover first: npm run build:prover');
  dir = await mkdtemp(join(tmpdir(), 'shutterproof-proc-'));
  await writeFile(join(dir, 'notes.txt'), 'not a photo');
  child = spawn(process.execPath, [entry, '--cache', join(dir, 'cache')], { stdio: 'pipe' });
  createInterface({ input: child.stdout }).on('line', (line) => {
    events.push(proverEvent.parse(JSON.parse(line)));
    const pending = waiters;
    waiters = [];
    pending.forEach((w) => w());
  });
  await until((e) => e.type === 'hello');
});

afterAll(() => child?.kill('SIGKILL'));

describe('prover process protocol', () => {
  it('greets with its circuit and pid, and keeps stdout to protocol lines only', async () => {
    const hello = await until((e) => e.type === 'hello');
    expect(hello).toMatchObject({ id: '*', circuit: { id: 'c2pa-es256', version: CIRCUIT_VERSION }, pid: child.pid });
  });

  it('answers a line that is not JSON with bad_request and keeps serving', async () => {
    send('this is not json');
    await until((e) => e.type === 'error' && e.id === '*' && e.code === 'bad_request');
    send(JSON.stringify({ id: 'r1', op: 'inspect', input: join(dir, 'notes.txt') }));
    const end = await until((e) => e.id === 'r1' && (e.type === 'error' || e.type === 'result'));
    expect(end).toMatchObject({ type: 'error', code: 'unsupported_format', retryable: false });
  });

  it('answers an invalid request with bad_request under its id', async () => {
    send(JSON.stringify({ id: 'r2', op: 'prove', input: 42 }));
    const end = await until((e) => e.id === 'r2' && e.type === 'error');
    expect(end).toMatchObject({ code: 'bad_request' });
    expect((end as { detail?: string }).detail).toContain('input');
  });

  it('ends a prove request for a missing file with exactly one error, before any proving', async () => {
    send(JSON.stringify({ id: 'r3', op: 'prove', input: join(dir, 'gone.jpg'), out: dir }));
    await until((e) => e.id === 'r3' && e.type === 'error');
    const ends = events.filter((e) => e.id === 'r3' && (e.type === 'error' || e.type === 'result'));
    expect(ends).toEqual([expect.objectContaining({ code: 'unreadable_file' })]);
    expect(events.some((e) => e.id === 'r3' && e.type === 'stage' && e.name === 'prepare')).toBe(false);
  });

  it('shuts down cleanly on request', async () => {
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    send(JSON.stringify({ id: 'bye', op: 'shutdown' }));
    await until((e) => e.id === 'bye' && e.type === 'result');
    expect(await exited).toBe(0);
  });
});
