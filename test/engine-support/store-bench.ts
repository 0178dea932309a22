// Measures the job store at 10,000 jobs (tests only): node --import tsx test/engine-support/store-bench.ts
import { performance } from 'node:perf_hooks';
import type { Job } from '../../common/ipc-contract.js';
import { JobStore } from '../../main/jobs/job-store.js';
import { tempDir } from './engine-harness.js';

const root = tempDir('sp-bench-');
const store = new JobStore(root);
const N = 10_000;
const job = (i: number): Job => ({
  id: `job-${i}`,
  groupId: 'g',
  file: { path: `/photos/p${i}.jpg`, name: `p${i}.jpg`, size: 1234, sha256: 'a'.repeat(64) },
  trustListId: null,
  state: 'succeeded',
  priority: 0,
  attempts: 1,
  createdAt: i,
  finishedAt: i,
});
let t = performance.now();
store.saveJobs(Array.from({ length: N }, (_, i) => job(i)));
const writeMs = performance.now() - t;
t = performance.now();
const loaded = new JobStore(root).load();
const loadMs = performance.now() - t;
t = performance.now();
for (let i = 0; i < 200; i++) store.saveJob({ ...job(i), state: 'failed' });
const changeMs = (performance.now() - t) / 200;
console.log(JSON.stringify({ jobs: loaded.jobs.length, writeAllMs: Math.round(writeMs), loadMs: Math.round(loadMs), oneChangeMs: +changeMs.toFixed(2) }));
