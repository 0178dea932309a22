// Electron smoke test: the real app starts, shows its window with the bridge and without Node, and answers IPC.
// Electron's binary cannot be downloaded on every machine; without it this test is skipped and says why.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const hasElectron = existsSync(join(repo, 'node_modules/electron/path.txt'));
if (!hasElectron) {
  console.warn(
    'Skipping the Electron smoke test: Electron’s binary is not installed (node_modules/electron/path.txt is missing). ' +
      'Run `node node_modules/electron/install.js` where the internet is reachable, then run this test again.',
  );
}

describe.skipIf(!hasElectron)('Electron app (smoke)', () => {
  let app: ElectronApplication;

  beforeAll(async () => {
    if (!existsSync(join(repo, 'out/main/index.js')) || !existsSync(join(repo, 'out/renderer/index.html'))) {
      await execa('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
    }
    const userData = mkdtempSync(join(tmpdir(), 'sp-electron-'));
    app = await electron.launch({ args: [repo, `--user-data-dir=${userData}`], cwd: repo, env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens a locked-down window with the bridge', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.title()).toMatch(/Shutterproof/);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys(window.shutterproof).sort())).toEqual(['jobs', 'platform', 'prover', 'settings', 'trustLists', 'verify']);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      return { url: w.webContents.getURL() };
    });
    expect(prefs.url).toMatch(/^app:\/\/shutterproof\//);
  });

  it('answers invoke calls through the domain API', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => window.shutterproof.jobs.list())).toEqual({ jobs: [], groups: [] });
    expect(await page.evaluate(() => window.shutterproof.settings.get())).toMatchObject({ concurrency: 1 });
    const error = await page.evaluate(() => window.shutterproof.jobs.cancel('no-such-job').then(() => 'resolved', (e: Error) => e.message));
    expect(error).toContain('shutterproof-error:');
  });

  it('refuses navigation away from the app and new windows', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => {
      window.open('https://example.com');
      location.href = 'https://example.com';
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(page.url()).toMatch(/^app:\/\/shutterproof\//);
    expect(app.windows()).toHaveLength(1);
  });
});
