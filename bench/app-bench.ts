// App-side benchmark (not a test): prints figures for the engine + renderer with the prover replaced by the protocol
// test double, so only Shutterproof's own overhead is measured.
//   npx vite build --config renderer/vite.config.ts && npx tsx bench/app-bench.ts [overhead] [firehose] [10k]
// Needs Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH).
//   1. per-job overhead: 200 photos through an instant prover, wall time per job (no proving in it)
//   2. 10,000 queued jobs: time until the page shows the list, and input latency (click -> next frame)
//   3. a prover printing 50,000 log lines a second for 10 s with the log pane open: longest frame, and the peak RSS of
//      the engine + bridge process (bridge-process.ts)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { minimalEnv } from '../main/prover/supervisor.js';
import { bridgeClientScript } from '../test/e2e/browser-bridge/build-client.js';
import { startBridge, type Bridge } from '../test/e2e/browser-bridge/bridge-server.js';

/** `npx tsx bench/app-bench.ts firehose` runs one part; no argument runs all three. */
const parts = process.argv.slice(2);
const wanted = (part: string) => parts.length === 0 || parts.includes(part);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rendererDir = resolve('out/renderer-web');
const double = resolve('test/engine-support/fake-prover.mjs');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

function photos(count: number, name: (i: number) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sp-app-bench-photos-'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, name(i)), Buffer.concat([JPEG, Buffer.from(String(i))]));
  return dir;
}

async function bridge(env: Record<string, string> = {}): Promise<Bridge> {
  const root = mkdtempSync(join(tmpdir(), 'sp-app-bench-'));
  mkdirSync(join(root, 'app'));
  return startBridge({
    root: join(root, 'app'),
    rendererDir,
    proverCacheDir: join(root, 'cache'),
    prover: { file: process.execPath, args: [double], env: minimalEnv({ FAKE_PROVER_STEP_MS: '0', ...env }) },
  });
}

/** bridge-process.ts started with the protocol double as prover; requests and answers are JSON lines. */
function bridgeProcess(env: Record<string, string>) {
  const options = { rendererDir, proverCacheDir: mkdtempSync(join(tmpdir(), 'sp-app-bench-cache-')), prover: { file: process.execPath, args: [double], env: minimalEnv({ FAKE_PROVER_STEP_MS: '0', ...env }) } };
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', resolve('bench/bridge-process.ts'), JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const { value, done } = await answers.next();
    if (done) throw new Error('the bridge process ended');
    return JSON.parse(value as string);
  };
  return {
    next,
    ask: (request: unknown) => (child.stdin!.write(JSON.stringify(request) + '\n'), next()),
    close: () => new Promise<void>((done) => (child.once('exit', () => done()), child.stdin!.end())),
  };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Milliseconds from a click until the browser has painted the next frame. */
async function clickLatency(page: Page, name: string): Promise<number> {
  const button = page.getByRole('button', { name, exact: true });
  await button.evaluate((el) => {
    el.addEventListener('click', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => ((window as unknown as { latency: number }).latency = performance.now() - t0)));
    }, { once: true });
  });
  await button.click();
  await page.waitForFunction(() => (window as unknown as { latency?: number }).latency !== undefined);
  return page.evaluate(() => {
    const w = window as unknown as { latency?: number };
    const value = w.latency!;
    delete w.latency;
    return value;
  });
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const client = await bridgeClientScript();
async function open(b: Bridge): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript({ content: client });
  await page.goto(b.url);
  return page;
}

// 1. Per-job overhead.
if (wanted('overhead')) {
  const b = await bridge();
  const N = 200;
  const dir = photos(N, (i) => `p${i}.jpg`);
  await until(() => b.engine.proverStatus().state === 'ready', 30_000);
  const t0 = performance.now();
  await b.engine.add({ paths: [dir] });
  await until(() => b.engine.list().jobs.every((j) => j.state === 'succeeded'), 120_000);
  const perJob = (performance.now() - t0) / N;
  console.log(`per-job overhead: ${perJob.toFixed(1)} ms per job (${N} jobs through an instant prover, hashing, persistence and events included)`);
  await b.close();
}

// 3. Log firehose. The engine and bridge run in a process of their own (bridge-process.ts), so the memory figures are
// theirs alone; this process holds Vite and Playwright.
if (wanted('firehose')) {
  const engine = bridgeProcess({ FAKE_PROVER_FIREHOSE_RATE: '50000', FAKE_PROVER_FIREHOSE_SECONDS: '10' });
  const { url } = (await engine.next()) as { url: string };
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript({ content: client });
  await page.goto(url);
  await engine.ask({ op: 'add', dir: photos(1, () => 'firehose.jpg') });
  await page.getByRole('button', { name: 'Details of firehose.jpg' }).click();
  // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.frames = []; window.stop = false; let last = performance.now();
    const tick = (now) => { window.frames.push(now - last); last = now; if (!window.stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const t0 = performance.now();
  const done = (await engine.ask({ op: 'wait' })) as { states: string[]; lastSeq: number; wallMs: number; rss: number; peakRss: number; maxRss: number; peakHeap: number; heapAfterGc: number };
  const wall = performance.now() - t0;
  const frames = (await page.evaluate('window.stop = true, window.frames')) as number[];
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  // The double prints for 10 s; an engine that keeps up finishes the job a little after that.
  console.log(`firehose: ${done.lastSeq.toLocaleString('en')} log lines drained in ${(done.wallMs / 1000).toFixed(1)} s (${Math.round(done.lastSeq / (done.wallMs / 1000)).toLocaleString('en')} lines/s; job ${done.states.join(', ')})`);
  console.log(`firehose: frames ${frames.length} in ${(wall / 1000).toFixed(1)} s, longest ${Math.max(...frames).toFixed(0)} ms, frames over 100 ms: ${frames.filter((f) => f > 100).length}`);
  console.log(`firehose: engine + bridge process RSS ${mb(done.rss)} MB before, peak ${mb(done.peakRss)} MB sampled (+${mb(done.peakRss - done.rss)} MB), high-water mark ${mb(done.maxRss)} MB; JS heap in use: peak ${mb(done.peakHeap)} MB, ${mb(done.heapAfterGc)} MB after the job and a full GC`);
  await page.close();
  await engine.close();
}

// 2. 10,000 queued jobs (the first one hangs, so the rest stay queued).
if (wanted('10k')) {
  const b = await bridge();
  const N = 10_000;
  const dir = photos(N, (i) => (i === 0 ? 'a-hang.jpg' : `p${i}.jpg`));
  let t0 = performance.now();
  await b.engine.add({ paths: [dir] });
  console.log(`10,000 jobs: added in ${Math.round(performance.now() - t0)} ms`);
  t0 = performance.now();
  const page = await open(b);
  await page.getByRole('listitem', { name: /Waiting$/ }).first().waitFor({ timeout: 60_000 });
  console.log(`10,000 jobs: page shows the list ${Math.round(performance.now() - t0)} ms after opening`);
  console.log(`10,000 jobs: rows in the DOM: ${await page.getByRole('listitem').count()}`);
  const latencies = [];
  for (let i = 0; i < 5; i++) {
    latencies.push(await clickLatency(page, 'Settings'));
    latencies.push(await clickLatency(page, 'Photos'));
  }
  console.log(`10,000 jobs: input latency click->paint median ${median(latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
  await page.close();
  await b.close();
}

await browser.close();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
