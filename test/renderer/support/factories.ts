// Small builders for jobs, groups and log lines as main would send them.
import type { Job, JobGroup, JobResult, LogLine } from '../../../common/ipc-contract.js';

let n = 0;

export function makeGroup(overrides: Partial<JobGroup> = {}): JobGroup {
  n++;
  return { id: `g${n}`, label: `${n} photos from Holidays`, createdAt: 1_700_000_000_000 + n, ...overrides };
}

export function makeJob(overrides: Partial<Job> & { name?: string } = {}): Job {
  n++;
  const { name, ...rest } = overrides;
  const fileName = name ?? `photo-${n}.jpg`;
  return {
    id: `j${n}`,
    groupId: 'g0',
    file: { path: `/home/ana/Pictures/${fileName}`, name: fileName, size: 2_400_000, sha256: 'cd'.repeat(32) },
    trustListId: null,
    state: 'queued',
    priority: 0,
    attempts: 0,
    createdAt: 1_700_000_000_000 + n,
    ...rest,
  };
}

export function makeResult(overrides: Partial<JobResult> = {}): JobResult {
  return {
    packPath: '/home/ana/.config/Shutterproof/packs/j1/photo.proof.json',
    strippedPath: '/home/ana/.config/Shutterproof/packs/j1/photo.stripped.jpg',
    publicInputs: { assetHash: 'ab'.repeat(32), trustRoot: '987654321' },
    verified: true,
    circuit: { id: 'c2pa-es256', version: 1, vkHash: '42' },
    trustList: { name: "This photo's issuer", root: '987654321', size: 1 },
    timings: { totalMs: 125_000, steps: [{ name: 'read', ms: 40 }, { name: 'prove', ms: 120_000 }] },
    ...overrides,
  };
}

export function makeLines(from: number, to: number, ts = 1_700_000_000_000): LogLine[] {
  const lines: LogLine[] = [];
  for (let seq = from; seq <= to; seq++) lines.push({ seq, ts: ts + seq, level: 'info', msg: `line ${seq}` });
  return lines;
}
