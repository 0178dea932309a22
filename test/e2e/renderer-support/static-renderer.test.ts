// The built renderer (out/renderer-web) in headless Chromium, served from a sub-path of a plain static server,
// with only window.shutterproof injected (an in-page fake, no engine). Checks that it loads under its own CSP
// with relative assets, that 10,000 jobs stay responsive in a real browser, and saves screenshots.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPageFakeApi, type PageFakeSeed } from './page-fake-api.js';
import { serveStatic } from './static-server.js';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = resolve('test-results');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium).`);
  await run(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  server = await serveStatic(resolve('out/renderer-web'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(seed: PageFakeSeed, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
  const problems: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.addInitScript(installPageFakeApi, seed);
  await page.goto(server.url);
  return { page, problems };
}

describe('built renderer from a static server', () => {
  it('loads with relative assets under its CSP, shows the prover banner and the grouped list', async () => {
    const { page, problems } = await open({ jobs: 8, groups: 2 });
    await page.getByText('Getting the prover ready — about a minute').waitFor();
    await page.getByRole('listitem', { name: 'IMG_1001.jpg, Waiting for the prover' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Assignment 1', 'Assignment 2']);
    await page.getByRole('button', { name: 'Details of IMG_1000.jpg' }).click();
    await page.getByText('Verified ✓').waitFor();
    await page.screenshot({ path: join(screenshots, 'renderer-light.png') });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Trust lists' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'renderer-settings.png'), fullPage: true });
    await page.getByRole('button', { name: 'Check a proof' }).click();
    await page.getByRole('heading', { name: 'Check a proof' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'renderer-verify.png') });
    // Thumbnails of paths that do not exist fall back to icons; their failed loads are not app errors.
    expect(problems.filter((p) => !/ERR_FILE_NOT_FOUND|Not allowed to load local resource|Failed to load resource/.test(p))).toEqual([]);
  });

  it('looks right in dark mode and on the failure details', async () => {
    const { page } = await open({ jobs: 8, groups: 2 }, 'dark');
    await page.getByRole('button', { name: 'Details of IMG_1003.jpg' }).click();
    await page.getByText('This photo was changed after its Content Credentials were signed.').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'renderer-dark-failure.png') });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(27, 28, 30)');
    // The Appearance setting overrides the system's preference.
    const forcedLight = await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light';
      return getComputedStyle(document.body).backgroundColor;
    });
    expect(forcedLight).toBe('rgb(246, 246, 244)');
  });

  it('stays responsive with 10,000 jobs: few rows in the DOM, fast updates and scrolling', async () => {
    const { page } = await open({ jobs: 10_000, groups: 10 });
    await page.getByRole('listitem', { name: /^IMG_1000\.jpg,/ }).waitFor();
    const rows = await page.locator('.job-row').count();
    expect(rows).toBeLessThan(40);

    // One batch from main touching 200 jobs, timed to the next painted frame.
    const deltaMs = await page.evaluate(async () => {
      const fake = (window as unknown as { __fake: { emit(c: string, p: unknown): void } }).__fake;
      const jobs = (await window.shutterproof.jobs.list()).jobs.slice(0, 200).map((j) => ({ ...j, state: 'running' as const, progress: { done: 1, total: 4 } }));
      const t0 = performance.now();
      fake.emit('jobs:changed', { upserts: jobs, removed: [], groups: [], removedGroups: [] });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    const scrollMs = await page.evaluate(async () => {
      const scroller = document.querySelector('.job-list') as HTMLElement;
      const t0 = performance.now();
      for (let i = 1; i <= 20; i++) {
        scroller.scrollTop = i * 20_000;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return (performance.now() - t0) / 20;
    });
    console.info(`Chromium, 10,000 jobs: ${rows} rows in the DOM; a 200-job delta painted in ${deltaMs.toFixed(0)} ms; ${scrollMs.toFixed(1)} ms per scrolled frame`);
    expect(deltaMs).toBeLessThan(500);
    expect(await page.locator('.job-row').count()).toBeLessThan(40);
    await page.screenshot({ path: join(screenshots, 'renderer-10000-jobs.png') });
  });
});
