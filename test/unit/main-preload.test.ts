// The preload bridge with Electron's renderer side replaced by a double: the exposed API, file paths, errors, events.
import { describe, expect, it, vi } from 'vitest';
import type { ShutterproofApi } from '../../common/preload-api.js';
import { apiErrorOf } from '../../common/preload-api.js';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, Set<(...a: unknown[]) => void>>(),
  reply: (channel: string, ...args: unknown[]): unknown => ({ ok: true, value: { channel, args } }),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      bridge.invoked.push([channel, ...args]);
      return bridge.reply(channel, ...args);
    },
    on: (channel: string, fn: (...a: unknown[]) => void) => {
      if (!bridge.listeners.has(channel)) bridge.listeners.set(channel, new Set());
      bridge.listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (...a: unknown[]) => void) => bridge.listeners.get(channel)?.delete(fn),
  },
  // Only files the user dropped have a path; a File made up by the page has none.
  webUtils: { getPathForFile: (file: { name: string; dropped?: boolean }) => (file.dropped ? `/photos/${file.name}` : '') },
}));

await import('../../preload/index.js');
const api = bridge.exposed.get('shutterproof') as ShutterproofApi;
const dropped = (name: string) => ({ name, dropped: true }) as unknown as File;

describe('preload bridge', () => {
  it('exposes only the domain API, no generic invoke', () => {
    expect([...bridge.exposed.keys()]).toEqual(['shutterproof']);
    expect(Object.keys(api).sort()).toEqual(['jobs', 'platform', 'prover', 'settings', 'trustLists', 'verify']);
    expect(JSON.stringify(Object.keys(api.jobs))).not.toContain('invoke');
  });

  it('resolves dropped files to paths and leaves made-up files out', async () => {
    bridge.invoked.length = 0;
    await api.jobs.addFiles([dropped('a.jpg'), { name: 'fake.jpg' } as File], 'tl1');
    expect(bridge.invoked).toEqual([['jobs:add', { paths: ['/photos/a.jpg'], trustListId: 'tl1' }]]);
    const none = await api.jobs.addFiles([{ name: 'fake.jpg' } as File]);
    expect(none).toMatchObject({ added: 0, skipped: [{ name: 'fake.jpg', code: 'unreadable_file' }] });
    await api.verify.run(dropped('x.proof.json'), dropped('x.jpg'));
    expect(bridge.invoked.at(-1)).toEqual(['verify:run', { packPath: '/photos/x.proof.json', photoPath: '/photos/x.jpg' }]);
  });

  it('asks for the sample photo by name only: the page sends no path', async () => {
    bridge.invoked.length = 0;
    await api.jobs.addSample();
    expect(bridge.invoked).toEqual([['jobs:add-sample']]);
  });

  it('rejects with an ApiError carrying the job error', async () => {
    const error = { code: 'queue_full', message: 'Too many photos are waiting already.', hint: 'h', retryable: false };
    bridge.reply = () => ({ ok: false, error });
    const rejected = await api.jobs.cancel('j1').catch((e: unknown) => e);
    expect(apiErrorOf(rejected)).toEqual(error);
    bridge.reply = (channel, ...args) => ({ ok: true, value: { channel, args } });
  });

  it('subscriptions pass the payload only and unsubscribe', () => {
    const seen: unknown[] = [];
    const off = api.jobs.onChanged((delta) => seen.push(delta));
    const [listener] = bridge.listeners.get('jobs:changed')!;
    listener({ sender: 'secret' }, { upserts: [], removed: ['a'], groups: [], removedGroups: [] });
    expect(seen).toEqual([{ upserts: [], removed: ['a'], groups: [], removedGroups: [] }]);
    off();
    expect(bridge.listeners.get('jobs:changed')!.size).toBe(0);
  });
});
