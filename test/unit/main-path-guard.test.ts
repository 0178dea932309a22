// Main checks the paths the page names itself: only what the user picked or dropped in this session, no UNC or
// device paths, regular files only (read through one handle, size capped first), and no output folder from the page.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { schemas } from '../../common/ipc-contract.js';
import { createHandlers, type Desktop } from '../../main/handlers.js';
import { TrustListStore } from '../../main/jobs/trust-lists.js';
import { PathRegistry, readRegularFile, refusedPathReason } from '../../main/path-guard.js';
import { defaultSettings, type SettingsAccess } from '../../main/settings-defaults.js';
import { makeEngine, photo, tempDir, type Harness } from '../engine-support/engine-harness.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

function setup() {
  const h = makeEngine();
  open.push(h);
  h.engine.open();
  let current = defaultSettings('/tmp');
  const settings: SettingsAccess = { get: () => current, set: (patch) => (current = { ...current, ...patch }) };
  const trustLists = new TrustListStore(tempDir(), async () => ({ root: '1' }));
  const desktop: Desktop = { pickFolder: async () => null, pickPhotos: async () => null, reveal: () => undefined };
  const paths = new PathRegistry();
  const handlers = createHandlers({ engine: h.engine, settings, trustLists, desktop, emit: () => undefined, paths });
  return { h, handlers, paths };
}

describe('paths main accepts from the page', () => {
  it('a folder nobody picked or dropped is not walked; once dropped, it is', async () => {
    const { handlers, paths } = setup();
    const folder = join(tempDir('sp-photos-'), 'Private');
    photo(folder, 'a.jpg');
    photo(folder, 'b.jpg');
    const refused = await handlers['jobs:add']({ paths: [folder] });
    expect(refused).toMatchObject({ groupId: null, added: 0, skipped: [{ name: 'Private', code: 'unreadable_file' }] });
    paths.grant([folder]);
    expect(await handlers['jobs:add']({ paths: [folder] })).toMatchObject({ added: 2, skipped: [] });
  });

  it('a trust list or proof pack nobody picked is refused with unreadable_file', async () => {
    const { handlers } = setup();
    const pem = join(tempDir(), 'list.pem');
    writeFileSync(pem, 'x');
    await expect(handlers['trust-lists:import']({ path: pem })).rejects.toMatchObject({ code: 'unreadable_file', detail: expect.stringContaining('not picked or dropped') });
    await expect(Promise.resolve().then(() => handlers['verify:run']({ packPath: pem }))).rejects.toMatchObject({ code: 'unreadable_file' });
  });

  it.runIf(process.platform === 'linux')('a FIFO as a trust list is refused at once instead of blocking main', async () => {
    const { handlers, paths } = setup();
    const fifo = join(tempDir(), 'list.pem');
    execFileSync('mkfifo', [fifo]);
    paths.grant([fifo]);
    const t0 = Date.now();
    await expect(handlers['trust-lists:import']({ path: fifo })).rejects.toMatchObject({ code: 'unreadable_file', detail: expect.stringContaining('not a regular file') });
    expect(Date.now() - t0).toBeLessThan(1000);
  }, 5000);

  it('a trust list over the size cap is refused before it is read', async () => {
    const { handlers, paths } = setup();
    const big = join(tempDir(), 'big.pem');
    writeFileSync(big, Buffer.alloc(4 * 2 ** 20 + 1, 0x41));
    paths.grant([big]);
    await expect(handlers['trust-lists:import']({ path: big })).rejects.toMatchObject({ code: 'trust_list_too_large' });
    await expect(readRegularFile(big, 1024)).rejects.toMatchObject({ code: 'file_too_large' });
  });

  it('UNC and device paths are refused even when granted', async () => {
    const { handlers, paths } = setup();
    for (const unc of ['\\\\server\\share\\list.pem', '//server/share/list.pem', '\\\\?\\C:\\list.pem', '\\\\.\\pipe\\x']) {
      paths.grant([unc]);
      await expect(handlers['trust-lists:import']({ path: unc })).rejects.toMatchObject({ code: 'unreadable_file' });
      expect(refusedPathReason(unc, 'win32')).toMatch(/UNC|device/);
    }
    expect(refusedPathReason('C:\\photos\\NUL.pem', 'win32')).toMatch(/device/);
    expect(refusedPathReason('C:\\photos\\con', 'win32')).toMatch(/device/);
    expect(refusedPathReason('C:\\photos\\a.jpg', 'win32')).toBeUndefined();
    expect(refusedPathReason('/dev/zero', 'linux')).toMatch(/device/);
    expect(refusedPathReason('/proc/self/mem', 'linux')).toMatch(/device/);
    expect(refusedPathReason('/home/u/a.jpg', 'linux')).toBeUndefined();
    expect(refusedPathReason('relative/a.jpg', 'linux')).toMatch(/absolute/);
  });

  it('settings:set takes no output folder from the page (only main\'s folder dialog sets it)', () => {
    expect(schemas['settings:set'].safeParse([{ outputFolder: '/etc' }]).success).toBe(false);
    expect(schemas['settings:set'].safeParse([{ theme: 'dark' }]).success).toBe(true);
  });
});

describe('preload reports dropped and chosen files to main', () => {
  it('sends the paths of a drop and of a file input, and nothing for files the page made up', async () => {
    vi.resetModules();
    const sent: unknown[][] = [];
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: () => undefined },
      ipcRenderer: { invoke: async () => ({ ok: true }), on: () => undefined, removeListener: () => undefined, send: (...a: unknown[]) => sent.push(a) },
      webUtils: { getPathForFile: (file: { name: string; real?: boolean }) => (file.real ? `/photos/${file.name}` : '') },
    }));
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    await import('../../preload/index.js');
    const drop = Object.assign(new Event('drop'), { dataTransfer: { files: [{ name: 'a.jpg', real: true }, { name: 'fake.jpg' }] } });
    target.dispatchEvent(drop);
    const change = new Event('change');
    Object.defineProperty(change, 'target', { value: { tagName: 'INPUT', type: 'file', files: [{ name: 'list.pem', real: true }] } });
    target.dispatchEvent(change);
    target.dispatchEvent(Object.assign(new Event('drop'), { dataTransfer: { files: [{ name: 'made-up.jpg' }] } }));
    expect(sent).toEqual([
      ['paths:granted', ['/photos/a.jpg']],
      ['paths:granted', ['/photos/list.pem']],
    ]);
    vi.unstubAllGlobals();
  });
});
