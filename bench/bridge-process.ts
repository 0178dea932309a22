// The engine and the browser bridge in a process of their own, for app-bench.ts: its memory is then the engine's
// (plus the bridge's HTTP server and Node with tsx), not Vite's and Playwright's. Not run on its own.
//   node --expose-gc --import tsx bench/bridge-process.ts <json BridgeOptions without root>
// Prints one JSON line {url} when the prover is ready, then answers JSON lines on stdin, one JSON line each:
//   {"op":"add","dir":...}  adds the photos and starts sampling memory every 100 ms -> {added}
//   {"op":"wait"}           when every job has finished -> {states, lastSeq, wallMs (since add), rss (before add),
//                           peakRss (sampled), maxRss (the kernel's high-water mark, start-up included), peakHeap,
//                           heapAfterGc}
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startBridge, type BridgeOptions } from '../test/e2e/browser-bridge/bridge-server.js';

const options = JSON.parse(process.argv[2]!) as Omit<BridgeOptions, 'root'>;
const root = mkdtempSync(join(tmpdir(), 'sp-app-bench-'));
mkdirSync(join(root, 'app'));
const bridge = await startBridge({ ...options, root: join(root, 'app') });
const reply = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

const memory = { rss: 0, peakRss: 0, peakHeap: 0 };
let addedAt = 0;
let sampler: NodeJS.Timeout | undefined;
function sample(): void {
  const { rss, heapUsed } = process.memoryUsage();
  memory.peakRss = Math.max(memory.peakRss, rss);
  memory.peakHeap = Math.max(memory.peakHeap, heapUsed);
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

await until(() => bridge.engine.proverStatus().state === 'ready');
reply({ url: bridge.url });

for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line) as { op: 'add'; dir: string } | { op: 'wait' };
  if (request.op === 'add') {
    memory.rss = memory.peakRss = process.memoryUsage().rss;
    addedAt = performance.now();
    sampler = setInterval(sample, 100);
    const outcome = await bridge.engine.add({ paths: [request.dir] });
    reply({ added: outcome.added });
  } else {
    const { engine } = bridge;
    await until(() => engine.list().jobs.every((j) => j.state === 'succeeded' || j.state === 'failed'));
    const wallMs = performance.now() - addedAt;
    clearInterval(sampler);
    sample();
    const jobs = engine.list().jobs;
    (globalThis as { gc?: () => void }).gc?.();
    reply({
      states: jobs.map((j) => j.state),
      lastSeq: jobs.length ? engine.logsOf(jobs[0].id, 0).lastSeq : 0,
      wallMs,
      ...memory,
      maxRss: process.resourceUsage().maxRSS * 1024,
      heapAfterGc: process.memoryUsage().heapUsed,
    });
  }
}
await bridge.close();
