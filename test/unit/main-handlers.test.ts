// Handlers and settings without Electron: a fake desktop for dialogs, electron-store replaced by a Map.
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { schemas } from '../../common/ipc-contract.js';
import { createHandlers, type Desktop } from '../../main/handlers.js';
import { toJobError } from '../../main/ipc.js';
import { SAMPLE_GROUP_LABEL, samplePhotoIn } from '../../main/sample-photo.js';
import { TrustListStore } from '../../main/jobs/trust-lists.js';
import { defaultSettings, openSettings } from '../../main/settings.js';
import { makeEngine, photo, tempDir, until, type Harness } from '../engine-support/engine-harness.js';

const backing = new Map<string, unknown>();
vi.mock('electron-store', () => ({
  default: class {
    constructor(options: { defaults: Record<string, unknown> }) {
      for (const [k, v] of Object.entries(options.defaults)) if (!backing.has(k)) backing.set(k, v);
    }
    get(key: string) {
      return backing.get(key);
    }
    set(key: string, value: unknown) {
      backing.set(key, value);
    }
  },
}));

const open: Harness[] = [];
const settingsOf = (handlers: ReturnType<typeof createHandlers>) => handlers['settings:get']() as ReturnType<ReturnType<typeof openSettings>['get']>;
afterEach(async () => {
  backing.clear();
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

describe('settings', () => {
  it('returns defaults, applies valid patches, and ignores a bad stored value field by field', () => {
    const settings = openSettings(defaultSettings('/home/u/Documents'));
    expect(settings.get()).toMatchObject({ concurrency: 1, outputFolder: '/home/u/Documents/Shutterproof', theme: 'system' });
    expect(settings.set({ concurrency: 2, theme: 'dark' })).toMatchObject({ concurrency: 2, theme: 'dark' });
    expect(() => settings.set({ concurrency: 99 })).toThrow();
    backing.set('settings', { concurrency: 'lots', theme: 'light' });
    expect(settings.get()).toMatchObject({ concurrency: 1, theme: 'light' });
  });
});

describe('handlers', () => {
  function setup(folder: string | null) {
    const h = makeEngine();
    open.push(h);
    h.engine.open();
    const settings = openSettings(defaultSettings(tempDir('sp-documents-')));
    const trustLists = new TrustListStore(tempDir(), async () => ({ root: '1' }));
    const events: [string, unknown][] = [];
    const revealed: string[] = [];
    const desktop: Desktop = { pickFolder: async () => folder, pickPhotos: async () => null, reveal: (p) => revealed.push(p) };
    const handlers = createHandlers({ engine: h.engine, settings, trustLists, desktop, emit: (c, p) => events.push([c, p]) });
    return { h, handlers, events, revealed };
  }

  it('export asks for a folder and copies packs; a cancelled dialog exports nothing', async () => {
    const out = tempDir('sp-export-');
    const { h, handlers, revealed } = setup(out);
    await handlers['jobs:add']({ paths: [photo(tempDir('sp-photos-'), 'x.jpg')] });
    await until(() => h.engine.list().jobs[0]?.state === 'succeeded');
    const job = h.engine.list().jobs[0];
    // Before any export, Show in folder has no pack of the user's to open: it shows the photo.
    handlers['jobs:reveal'](job.id);
    expect(revealed.at(-1)).toBe(job.file.path);
    // Every proof keeps the photo without its credentials, so it can be included whatever the setting said.
    expect(await handlers['jobs:export']({ scope: { kind: 'all' }, includeStrippedPhoto: true })).toEqual({ folder: out, packs: 1, photos: 1, revealJobId: job.id });
    expect(readdirSync(out).sort()).toEqual(['x.no-credentials.jpg', 'x.proof.json']);
    handlers['jobs:reveal'](job.id);
    expect(revealed.at(-1)).toBe(join(out, 'x.proof.json'));
    // The folder chosen is the one suggested next time.
    expect(settingsOf(handlers).outputFolder).toBe(out);
    // The exported copy moved away: a sentence that says so, not a file manager at nothing.
    unlinkSync(join(out, 'x.proof.json'));
    expect(() => handlers['jobs:reveal'](job.id)).toThrow(expect.objectContaining({ code: 'exported_copy_missing' }));
    backing.clear();
    const cancelled = setup(null);
    // The suggested folder (Documents/Shutterproof on a first export) exists when the dialog opens in it.
    expect(existsSync(settingsOf(cancelled.handlers).outputFolder)).toBe(false);
    expect(await cancelled.handlers['jobs:export']({ scope: { kind: 'all' }, includeStrippedPhoto: false })).toBeNull();
    expect(existsSync(settingsOf(cancelled.handlers).outputFolder)).toBe(true);
    expect(await cancelled.handlers['dialog:pick-photos']()).toBeNull();
  });

  it('settings changes are broadcast; an unknown default trust list is refused', async () => {
    const { handlers, events } = setup('/tmp');
    handlers['settings:set']({ historyRetentionDays: 7 });
    expect(events).toContainEqual(['settings:changed', expect.objectContaining({ historyRetentionDays: 7 })]);
    expect(() => handlers['settings:set']({ defaultTrustListId: 'nope' })).toThrow(/trust list/);
  });
});

describe('jobs:add-sample', () => {
  const shipped = samplePhotoIn(fileURLToPath(new URL('../../resources/sample/', import.meta.url)));

  function setup(samplePhoto: string | undefined) {
    // A default trust list is set: the sample must still be proved with "this photo's issuer only".
    const h = makeEngine({ settings: { defaultTrustListId: 'tl-1' } });
    h.trustLists.set('tl-1', { id: 'tl-1', name: 'Newsroom', root: '7', importedAt: 0, certificates: [] });
    open.push(h);
    h.engine.open();
    const desktop: Desktop = { pickFolder: async () => null, pickPhotos: async () => null, reveal: () => {} };
    const trustLists = new TrustListStore(tempDir(), async () => ({ root: '1' }));
    const handlers = createHandlers({ engine: h.engine, settings: openSettings(defaultSettings('/tmp')), trustLists, desktop, emit: () => {}, samplePhoto });
    return { h, handlers };
  }

  it('adds the shipped sample photo as its own labelled group, proved for its own issuer', async () => {
    const { h, handlers } = setup(shipped);
    const outcome = await handlers['jobs:add-sample']();
    expect(outcome).toMatchObject({ added: 1, skipped: [] });
    const { jobs, groups } = h.engine.list();
    expect(groups).toEqual([expect.objectContaining({ id: outcome.groupId, label: SAMPLE_GROUP_LABEL })]);
    expect(jobs[0]).toMatchObject({ groupId: outcome.groupId, trustListId: null, file: expect.objectContaining({ path: shipped, name: 'sample-photo.jpg' }) });
    await until(() => h.proved().includes('sample-photo.jpg'), 15_000, 'the sample to be proved');
  });

  it('takes no arguments from the page, so the page cannot choose the photo', () => {
    expect(schemas['jobs:add-sample'].safeParse([]).success).toBe(true);
    expect(schemas['jobs:add-sample'].safeParse(['/etc/passwd']).success).toBe(false);
  });

  it('says the sample is missing, in plain words, when this copy of the app has none', async () => {
    for (const samplePhoto of [undefined, tempDir() + '/sample-photo.jpg']) {
      const { h, handlers } = setup(samplePhoto);
      const error = await Promise.resolve(handlers['jobs:add-sample']()).catch((e: unknown) => e);
      expect(toJobError(error)).toMatchObject({ code: 'sample_missing', message: errorInfo('sample_missing').message });
      expect(h.engine.list().jobs).toEqual([]);
    }
  });
});

