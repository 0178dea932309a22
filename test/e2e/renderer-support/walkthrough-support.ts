// Helpers of the at-a-glance walkthrough: the built renderer in headless Chromium over the browser bridge (the real
// job engine) with the prover protocol double, dropped files, and screenshots kept in test-results/walkthrough.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { fakeProverCommand } from '../../engine-support/prover-double.js';
import { bridgeClientScript } from '../browser-bridge/build-client.js';
import { startBridge, type Bridge } from '../browser-bridge/bridge-server.js';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = resolve('test-results/walkthrough');
export const WIDE = { width: 1280, height: 800 };
export const NARROW = { width: 900, height: 700 };

export interface App {
  bridge: Bridge;
  page: Page;
  root: string;
}

export interface Walkthrough {
  browser: Browser;
  script: string;
  apps: App[];
}

/** Builds the renderer and the bridge client, and launches Chromium. */
export async function startWalkthrough(): Promise<Walkthrough> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium).`);
  await run(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  await mkdir(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return { browser, script: await bridgeClientScript(), apps: [] };
}

export async function stopWalkthrough(w: Walkthrough | undefined): Promise<void> {
  await w?.browser.close();
  for (const app of w?.apps ?? []) await app.bridge.close();
}

/**
 * A fresh app: its own user-data folder, the real engine with the fake prover (`flags` script its start), and a page.
 * `stepMs` seeds this computer's measured proof times (proof-times.json), as if it had made proofs before.
 */
export async function openApp(w: Walkthrough, options: { flags?: string[]; stepMs?: number } = {}): Promise<App> {
  const root = await mkdtemp(join(tmpdir(), 'shutterproof-walk-'));
  if (options.stepMs) {
    await mkdir(join(root, 'app', 'engine'), { recursive: true });
    const learned = { beforeMs: 2000, stepMs: options.stepMs, steps: 3, afterMs: 3000 };
    await writeFile(join(root, 'app', 'engine', 'proof-times.json'), JSON.stringify(learned));
  }
  const bridge = await startBridge({
    root: join(root, 'app'),
    rendererDir: resolve('out/renderer-web'),
    proverCacheDir: join(root, 'cache'),
    prover: fakeProverCommand(options.flags ?? []),
  });
  const page = await w.browser.newPage({ viewport: WIDE });
  page.setDefaultTimeout(10_000);
  await page.addInitScript({ content: w.script });
  await page.goto(bridge.url);
  const app = { bridge, page, root };
  w.apps.push(app);
  return app;
}

/** Drops files on the jobs screen as one drop; `files` maps the name the user sees to the bytes' source file. */
export async function drop(page: Page, files: Record<string, string>): Promise<void> {
  const list = await Promise.all(Object.entries(files).map(async ([name, path]) => ({ name, base64: (await readFile(path)).toString('base64') })));
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const { name, base64 } of list) data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/jpeg' }));
    return data;
  }, list);
  const zone = page.getByLabel('Drop photos or folders to add them');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
}

/** Light and dark screenshots of the same state. */
export async function shotBoth(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

export const row = (page: Page, name: string, state?: string) =>
  page.getByRole('listitem', { name: state ? `${name}, ${state}` : new RegExp(`^${name.replace(/[.()]/g, '\\$&')}, `) });

/**
 * The words a person reads in the main views: the whole window but the Details pane (where technical words belong)
 * and the statement of what a proof proves (shown whole, as the prover words it); closed disclosures do not count.
 */
export async function visibleWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.details, .statement').forEach((el) => el.remove());
    copy.querySelectorAll('details:not([open]) > :not(summary)').forEach((el) => el.remove());
    return copy.textContent ?? '';
  });
}

/** Technical words that belong under Details only (issue 19, point 9). */
export function expectPlainWords(text: string): void {
  expect(text).not.toMatch(/\bPEM\b|\bCA\b|P-256|ES256|\b[0-9a-f]{40,}\b/);
  expect(text).not.toMatch(/trust root|circuit/i);
}

/** Whether every element matching `selector` shows its text in full (nothing cut to "I…"). */
export async function unclipped(page: Page, selector: string): Promise<boolean> {
  return page.$$eval(selector, (els) => els.length > 0 && els.every((el) => el.scrollWidth <= el.clientWidth + 1 && el.clientWidth > 0));
}
