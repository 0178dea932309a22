// A damaged settings file (empty, cut short, not an object) is set aside beside the new one and the app starts with
// defaults; a start that fails anyway shows what happened and ends the process, releasing the single-instance lock.
// The real electron-store runs here, with Electron mocked (it only asks for paths the test gives itself).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../engine-support/engine-harness.js';

vi.mock('electron', () => ({ default: {}, app: undefined, ipcMain: undefined, shell: undefined }));

const { defaultSettings, openSettings } = await import('../../main/settings.js');
const { startGuarded, START_FAILED_TITLE } = await import('../../main/start-guard.js');

const defaults = defaultSettings('/home/u/Documents');

describe('a damaged settings file', () => {
  for (const [what, text] of [
    ['empty', ''],
    ['truncated', '{"settings":{"concurrency":2,"the'],
    ['not an object', '[1,2,3]'],
    ['null', 'null'],
  ] as const) {
    it(`(${what}) is kept beside the new one, and the app starts with default settings`, () => {
      const dir = tempDir('sp-settings-');
      writeFileSync(join(dir, 'settings.json'), text);
      const warnings: string[] = [];
      const settings = openSettings(defaults, { dir, warn: (msg) => warnings.push(msg) });
      expect(settings.get()).toEqual(defaults);
      const kept = readdirSync(dir).filter((name) => name.startsWith('settings.damaged-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(join(dir, kept[0]), 'utf8')).toBe(text);
      expect(warnings[0]).toMatch(/settings file .* kept as .*settings\.damaged-/);
      // The new file works: a change is stored and read back by the next start.
      settings.set({ concurrency: 3 });
      expect(openSettings(defaults, { dir }).get().concurrency).toBe(3);
    });
  }

  it('damaged while the app runs, is set aside on the next read', () => {
    const dir = tempDir('sp-settings-');
    const settings = openSettings(defaults, { dir });
    settings.set({ theme: 'dark' });
    writeFileSync(join(dir, 'settings.json'), '{"sett');
    expect(settings.get()).toEqual(defaults);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.damaged-'))).toBe(true);
  });

  it('a good file is left as it is', () => {
    const dir = tempDir('sp-settings-');
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings: { theme: 'light' } }));
    expect(openSettings(defaults, { dir }).get().theme).toBe('light');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });
});

describe('a failed start', () => {
  it('shows what happened and exits (which releases the single-instance lock)', async () => {
    const shown: [string, string][] = [];
    const exits: number[] = [];
    const ok = await startGuarded(
      () => {
        throw new Error('EACCES: permission denied, mkdir /data/logs');
      },
      { showError: (title, content) => shown.push([title, content]), exit: (code) => exits.push(code), log: () => undefined, logFolder: '/data/logs' },
    );
    expect(ok).toBe(false);
    expect(shown).toHaveLength(1);
    expect(shown[0][0]).toBe(START_FAILED_TITLE);
    expect(shown[0][1]).toContain('EACCES: permission denied');
    expect(shown[0][1]).toContain('/data/logs');
    expect(exits).toEqual([1]);
  });

  it('an asynchronous failure too; a good start shows nothing', async () => {
    const exits: number[] = [];
    await startGuarded(async () => Promise.reject(new Error('late')), { showError: () => undefined, exit: (c) => exits.push(c) });
    expect(exits).toEqual([1]);
    const shown: string[] = [];
    expect(await startGuarded(() => undefined, { showError: (t) => shown.push(t), exit: (c) => exits.push(c) })).toBe(true);
    expect(shown).toEqual([]);
    expect(exits).toEqual([1]);
  });
});
