// The IPC wrapper: sender checks, runtime argument validation, and errors crossing as typed JobErrors.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';
import { schemas } from '../../common/ipc-contract.js';
import { apiErrorOf, encodeApiError } from '../../common/preload-api.js';
import { ownWindowSender, registerHandlers, toJobError, type Handlers } from '../../main/ipc.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const mainFrame = (url: string) => ({ url, parent: null });
const event = (senderId: number, frame: unknown) => ({ sender: { id: senderId }, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

function setup(calls: unknown[][] = []) {
  const ipc = fakeIpcMain();
  const handlers = new Proxy({} as Handlers, {
    get: (_t, channel: string) => (...args: unknown[]) => {
      calls.push([channel, ...args]);
      if (args[0] === 'explode') throw new ShutterproofError('queue_full', 'too many');
      if (args[0] === 'bug') throw new TypeError('x is undefined');
      return { echoed: args };
    },
  });
  const check = ownWindowSender(() => 7, (url) => url.startsWith('app://shutterproof/'));
  const dispose = registerHandlers(ipc as never, handlers, check);
  return { ipc, dispose, calls };
}

const good = event(7, mainFrame('app://shutterproof/index.html'));

describe('IPC wrapper', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { ipc, dispose } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(schemas).sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes validated arguments from our own window to the handler', async () => {
    const { ipc, calls } = setup();
    const out = await ipc.handlers.get('jobs:logs')!(good, 'job-1', 5);
    expect(out).toEqual({ ok: true, value: { echoed: ['job-1', 5] } });
    expect(calls).toEqual([['jobs:logs', 'job-1', 5]]);
  });

  it('refuses other windows, subframes and foreign pages without calling the handler', async () => {
    const { ipc, calls } = setup();
    const call = ipc.handlers.get('jobs:cancel')!;
    for (const bad of [
      event(8, mainFrame('app://shutterproof/index.html')),
      event(7, { url: 'app://shutterproof/index.html', parent: {} }),
      event(7, mainFrame('https://evil.example/')),
      event(7, mainFrame('file:///etc/passwd')),
      event(7, null),
    ]) {
      expect(await call(bad, 'job-1')).toMatchObject({ ok: false, error: { code: 'bad_request', detail: expect.stringContaining('untrusted sender') } });
    }
    expect(calls).toEqual([]);
  });

  it('rejects bad arguments with bad_request naming the field', async () => {
    const { ipc, calls } = setup();
    expect(await ipc.handlers.get('jobs:logs')!(good, 'job-1', -1)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ipc.handlers.get('jobs:add')!(good, { paths: [] })).toMatchObject({ ok: false, error: { code: 'bad_request', detail: expect.stringContaining('paths') } });
    expect(await ipc.handlers.get('settings:set')!(good, { concurrency: 1, evil: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ipc.handlers.get('jobs:list')!(good, 'extra')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(calls).toEqual([]);
  });

  it('turns thrown errors into JobErrors that survive the preload encoding', async () => {
    const { ipc } = setup();
    const typed = (await ipc.handlers.get('jobs:cancel')!(good, 'explode')) as { ok: false; error: { code: string } };
    expect(typed).toMatchObject({ ok: false, error: { code: 'queue_full', message: 'Too many photos are waiting already.', detail: 'too many' } });
    const bug = (await ipc.handlers.get('jobs:cancel')!(good, 'bug')) as { ok: false; error: { code: string; detail: string } };
    expect(bug.error).toMatchObject({ code: 'internal_error', detail: 'x is undefined' });
    // What the renderer sees after contextBridge wraps the rejection.
    const wrapped = new Error(`Error invoking remote method 'jobs:cancel': ${encodeApiError(typed.error as never).message}`);
    expect(apiErrorOf(wrapped)).toEqual(typed.error);
  });

  it('maps file-system failures to disk_full and output_unwritable', () => {
    expect(toJobError(Object.assign(new Error('no space'), { code: 'ENOSPC' })).code).toBe('disk_full');
    expect(toJobError(Object.assign(new Error('denied'), { code: 'EACCES' })).code).toBe('output_unwritable');
  });
});
