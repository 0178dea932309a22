// Builds a JobEngine for tests: real supervisor, the protocol double as prover, a temp folder, recorded events.
import { rmSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { EventMap, Settings, TrustListView } from '../../common/ipc-contract.js';
import { JobEngine } from '../../main/jobs/job-engine.js';
import type { EngineDeps } from '../../main/jobs/engine-types.js';
import { ProverSupervisor } from '../../main/prover/supervisor.js';
import { fakeProverCommand } from './prover-double.js';

export const defaultSettings: Settings = {
  concurrency: 1,
  outputFolder: tmpdir(),
  historyRetentionDays: 30,
  jobTimeoutMinutes: 60,
  defaultTrustListId: null,
  includeStrippedPhoto: false,
  theme: 'system',
};

export interface Emitted {
  at: number;
  channel: keyof EventMap;
  payload: unknown;
}

const made: string[] = [];
// Test folders go when the test process ends (a kill -9 test's child leaves its folder to the parent that made it).
process.once('exit', () => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function tempDir(prefix = 'sp-engine-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A file that is a JPEG by its first bytes; unique content unless `content` is given. */
export function photo(dir: string, name: string, content?: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const body = content ?? randomBytes(64);
  writeFileSync(path, Buffer.concat([Buffer.from(name.endsWith('.png') ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] : [0xff, 0xd8, 0xff, 0xe0]), body]));
  return path;
}

export interface Harness {
  engine: JobEngine;
  root: string;
  settings: Settings;
  emitted: Emitted[];
  requestLog: string;
  /** Prove requests the double received, in order (photo file names). */
  proved(): string[];
  trustLists: Map<string, TrustListView>;
  /** Worker provers (proofs), in the order they were made. */
  provers: ProverSupervisor[];
  /** The short-request prover (checks of added photos, verify), once made. */
  verifiers: ProverSupervisor[];
}

export function makeEngine(options: { root?: string; settings?: Partial<Settings>; deps?: Partial<EngineDeps>; flags?: string[]; env?: Record<string, string> } = {}): Harness {
  const root = options.root ?? tempDir();
  const requestLog = join(root, 'requests.ndjson');
  const settings: Settings = { ...defaultSettings, ...options.settings };
  const emitted: Emitted[] = [];
  const trustLists = new Map<string, TrustListView>();
  const provers: ProverSupervisor[] = [];
  const verifiers: ProverSupervisor[] = [];
  const engine = new JobEngine({
    root,
    emit: (channel, payload) => emitted.push({ at: Date.now(), channel, payload }),
    settings: () => settings,
    createProver: (role, onStatus) => {
      const prover = new ProverSupervisor({
        command: fakeProverCommand(options.flags ?? [], { FAKE_PROVER_LOG: requestLog, ...options.env }),
        freeMemory: () => 64 * 2 ** 30,
        warmup: role === 'worker',
        killGraceMs: 800,
        onStatus,
      });
      (role === 'worker' ? provers : verifiers).push(prover);
      return prover;
    },
    trustLists: { list: () => [...trustLists.values()], get: (id) => trustLists.get(id), pemPath: (id) => join(root, `${id}.pem`) },
    ...options.deps,
  });
  return {
    engine,
    root,
    settings,
    emitted,
    requestLog,
    trustLists,
    provers,
    verifiers,
    proved: () =>
      existsSync(requestLog)
        ? readFileSync(requestLog, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { op: string; input?: string })
            .filter((r) => r.op === 'prove')
            .map((r) => r.input!.split('/').at(-1)!)
        : [],
  };
}

export async function until(check: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
