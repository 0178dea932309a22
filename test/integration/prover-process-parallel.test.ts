// The long-lived prover process proving with its branch helper, as on a machine with 4+ cores and 16+ GiB (forced
// here): the helper writes the request's progress to the protocol stream the moment each of its steps finishes
// (prover/pipeline/branch-helper.ts), instead of the count waiting for the main process's own step to end. Every line of the
// stream stays a valid protocol event, the counts reach the total, and the proof verifies.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVER_ENV, PROVER_NODE_FLAGS } from '../../common/prover-process.js';
import { PROVING_STAGE, proverEvent, type ProverEvent } from '../../common/prover-protocol.js';
import { defaultCacheDir } from '../../prover/runtime.js';
import { makeFixtures } from '../support/fixtures.js';

const entry = resolve('out/node/prover/entry/process-main.js');
/** Events this close to another belong to one burst of the main process's output. */
const ALONE_MS = 500;

interface Seen {
  at: number;
  event: ProverEvent;
}

let seen: Seen[];
let invalid: string[];
let packPath: string;
let photo: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shutterproof-parallel-'));
  const f = await makeFixtures(join(dir, 'fixtures'));
  photo = f.photos.tsJpeg;
  const child = spawn(process.execPath, [...PROVER_NODE_FLAGS, entry, '--cache', defaultCacheDir()], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...PROVER_ENV, SHUTTERPROOF_PARALLEL_BRANCHES: '1' },
  });
  seen = [];
  invalid = [];
  const ended = new Promise<void>((done, fail) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      let parsed;
      try {
        parsed = proverEvent.safeParse(JSON.parse(line));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) return invalid.push(line);
      const event = parsed.data;
      seen.push({ at: Date.now(), event });
      if (event.id === 'p1' && (event.type === 'result' || event.type === 'error')) child.stdin.end(JSON.stringify({ id: 's', op: 'shutdown' }) + '\n');
    });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`the prover exited with ${code}`))));
  });
  const out = join(dir, 'proofs');
  child.stdin.write(JSON.stringify({ id: 'p1', op: 'prove', input: photo, trustList: f.trust.test, out }) + '\n');
  await ended;
  packPath = join(out, 'ts-signed.proof.json');
});

const ofProof = () => seen.filter((s) => s.event.id === 'p1');

describe('the prover process with its branch helper', () => {
  it('writes only valid protocol lines, ending the request with one result', () => {
    expect(invalid).toEqual([]);
    const ends = ofProof().filter((s) => s.event.type === 'result' || s.event.type === 'error');
    expect(ends.map((s) => s.event.type)).toEqual(['result']);
    expect(existsSync(packPath)).toBe(true);
  });

  it("reports the helper's steps as they finish, not only when the main process's step ends", () => {
    const events = ofProof();
    const start = events.findIndex((s) => s.event.type === 'stage' && s.event.name === PROVING_STAGE);
    const end = events.findIndex((s, i) => i > start && s.event.type === 'stage');
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const counts = events.slice(start + 1, end).flatMap((s) => (s.event.type === 'progress' ? [s.event] : []));
    expect(Math.max(...counts.map((c) => c.done))).toBe(counts[0]!.total);
    // The main process writes its progress in a burst with its next event (the next step's log line) as one of its
    // own steps ends, and relays the helper's steps only then; a line the helper writes while the main process is
    // inside a step has nothing near it. Without the helper's lines, at most one count below the total comes alone:
    // the main process's last step before it waits for the helper, if it does. (The total comes alone anyway: the
    // final proof is verified before the next stage.)
    const alone = events.filter(
      (s, i) =>
        i > start &&
        i < end &&
        s.event.type === 'progress' &&
        s.event.done < s.event.total &&
        s.at - events[i - 1]!.at > ALONE_MS &&
        events[i + 1]!.at - s.at > ALONE_MS,
    );
    const timeline = events.slice(start, end + 1).map((s) => `${((s.at - events[start]!.at) / 1000).toFixed(1)} s ${JSON.stringify(s.event)}`);
    expect(alone.length, timeline.join('\n')).toBeGreaterThanOrEqual(2);
  });

  it('makes a pack that `shutterproof verify` accepts with the photo', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [resolve('bin/shutterproof.js'), 'verify', packPath, '--photo', photo]);
    expect(stdout).toContain('Valid proof.');
    expect(stdout).toContain('The photo matches the proof.');
  });
});
