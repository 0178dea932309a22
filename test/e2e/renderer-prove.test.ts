// The whole app as a person meets it, minus the Electron window: the built renderer in headless Chromium, wired to
// the real job engine and the real prover. Drop a signed photo, watch real progress, see the result, export the
// proof pack, and check it with `shutterproof verify` in a separate process. Saves a screenshot of the result. The
// photo is in Truepic's layout (ES256 leaf under an RSA CA, certificates in the unprotected header), so the app proves
// with the RSA-issuer circuit; test/integration/cli-prove-verify.test.ts proves the P-256 layout from the CLI.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proofPack } from '../../common/proof-pack.js';
import { EXPECTED_VKS } from '../../prover/circuit/expected-vk.js';
import { defaultCacheDir } from '../../prover/runtime.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';
import { bridgeClientScript } from './browser-bridge/build-client.js';
import { startBridge, type Bridge } from './browser-bridge/bridge-server.js';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rendererDir = resolve('out/renderer-web');
const screenshots = resolve('test-results');

let f: Fixtures;
let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium).`);
  await run(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  const root = await mkdtemp(join(tmpdir(), 'shutterproof-e2e-'));
  f = await makeFixtures(join(root, 'fixtures'));
  bridge = await startBridge({ root: join(root, 'app'), rendererDir, proverCacheDir: defaultCacheDir() });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript({ content: await bridgeClientScript() });
  await page.goto(bridge.url);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

async function drop(path: string, name: string): Promise<void> {
  const base64 = (await readFile(path)).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/jpeg' }));
      return data;
    },
    { name, base64 },
  );
  const zone = page.getByLabel('Drop photos or folders to add them');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

describe('drop a photo, get a proof (real engine, real prover, headless Chromium)', () => {
  it('shows the empty state that teaches what to do', async () => {
    await expect.poll(() => page.getByText(/Drop photos/i).first().isVisible()).toBe(true);
  });

  it('proves a dropped photo with honest progress, shows the result, and exports a pack that verifies', async () => {
    await drop(f.photos.rsaIssuerJpeg, 'holiday.jpg');
    const row = page.getByRole('listitem', { name: /^holiday\.jpg, / });
    await row.waitFor();

    // Progress comes from the prover's real steps: the bar starts low, moves, and is never invented.
    await page.getByRole('listitem', { name: 'holiday.jpg, Making the proof' }).waitFor({ timeout: 10 * 60_000 });
    const bar = row.getByRole('progressbar');
    await bar.waitFor();
    // Readings while proving (the row names no other stage then): the bar counts proof steps done of total.
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const otherStage = await row.locator('.job-row__stage').count();
          const now = await bar.getAttribute('aria-valuenow');
          if (!otherStage && now !== null) seen.push(Number(now));
          return seen.at(-1) ?? 0;
        },
        { timeout: 15 * 60_000, interval: 1000 },
      )
      .toBeGreaterThan(50);
    expect(seen[0]).toBeLessThan(50);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    await page.getByRole('listitem', { name: 'holiday.jpg, Proof ready' }).waitFor({ timeout: 30 * 60_000 });
    await page.getByRole('button', { name: 'Details of holiday.jpg' }).click();
    await expect.poll(() => page.getByText(/does not prove|not proved|doesn.t prove/i).first().isVisible()).toBe(true);
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'e2e-proof-ready.png'), fullPage: true });

    bridge.exportFolder = join(f.dir, '..', 'exported');
    await mkdir(bridge.exportFolder, { recursive: true });
    await row.getByRole('button', { name: 'More actions for holiday.jpg' }).click();
    await page.getByRole('menu', { name: 'More actions for holiday.jpg' }).getByRole('menuitem', { name: 'Export…' }).click();
    await page.getByRole('checkbox', { name: /Include the photo without its Content Credentials/ }).check();
    await page.getByRole('button', { name: 'Choose folder and export' }).click();
    const packPath = join(bridge.exportFolder, 'holiday.proof.json');
    await expect.poll(() => existsSync(packPath), { timeout: 30_000 }).toBe(true);
    // The notice comes once the export is done (the pack is copied first, the photo after it); it opens what it wrote.
    await page.getByText('Exported 1 proof pack and 1 photo.').waitFor();
    expect(existsSync(join(bridge.exportFolder, 'holiday.no-credentials.jpg'))).toBe(true);
    await page.locator('.notice').getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => bridge.revealed.at(-1)).toBe(packPath);

    const pack = proofPack.parse(JSON.parse(await readFile(packPath, 'utf8')));
    // The key the prover compiled from source is, byte for byte, the one `verify` ships for this circuit.
    expect(pack.circuit).toEqual({ id: 'c2pa-es256-rsa', version: 1, vkHash: EXPECTED_VKS['c2pa-es256-rsa'].hash });
    expect(pack.verificationKey).toEqual(EXPECTED_VKS['c2pa-es256-rsa']);
    expect(pack.timings.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['rsa-issuer-1', 'rsa-issuer-2', 'rsa-issuer-3', 'bind']));
    const cli = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      run(process.execPath, [resolve('bin/shutterproof.js'), ...args]).then(
        (ok) => ({ code: 0, ...ok }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const verified = await cli('verify', packPath, '--photo', f.photos.rsaIssuerJpeg, '--trust-list', f.trust.mixed);
    expect(verified.stdout).toContain('Valid proof.');
    // Proved with "This photo's issuer only": the verifier's list holds that RSA CA among P-256 ones, and names it.
    expect(verified.stdout).toContain('Vouched for by "RSA Root CA", an authority on your trust list "trust-mixed"');
    // The same proof presented as the P-256 circuit's, with that circuit's own key, does not verify.
    const relabelled = join(bridge.exportFolder, 'relabelled.proof.json');
    const es256 = EXPECTED_VKS['c2pa-es256'];
    await writeFile(relabelled, JSON.stringify({ ...pack, circuit: { id: 'c2pa-es256', version: 2, vkHash: es256.hash }, verificationKey: es256 }));
    const refused = await cli('verify', relabelled);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('error proof_invalid');
  });
});
