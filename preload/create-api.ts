// The domain API of common/preload-api.ts, built over a transport. Preload gives it Electron's IPC; the browser
// end-to-end harness gives it loopback HTTP, so the page under test talks through this very code. No generic
// invoke is exposed: only these calls exist.
import { errorInfo } from '../common/error-codes.js';
import type { EventMap, InvokeArgs, InvokeChannel, InvokeResult, IpcResponse } from '../common/ipc-contract.js';
import { encodeApiError, type ShutterproofApi } from '../common/preload-api.js';

export interface ApiTransport {
  invoke(channel: InvokeChannel, ...args: unknown[]): Promise<IpcResponse<unknown>>;
  /** Subscribes to a main -> renderer event; returns the unsubscribe function. */
  on(channel: keyof EventMap, listener: (payload: unknown) => void): () => void;
  /** The path of a file the user dropped or picked; '' for a File the page made up. */
  pathOf(file: File): string | Promise<string>;
  platform: string;
}

export function createApi(transport: ApiTransport): ShutterproofApi {
  async function call<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
    const response = (await transport.invoke(channel, ...args)) as IpcResponse<InvokeResult<C>>;
    if (response.ok) return response.value;
    throw encodeApiError(response.error);
  }

  const bind =
    <C extends InvokeChannel>(channel: C) =>
    (...args: InvokeArgs<C>) =>
      call(channel, ...args);

  const subscribe =
    <E extends keyof EventMap>(channel: E) =>
    (listener: (payload: EventMap[E]) => void) =>
      transport.on(channel, (payload) => listener(payload as EventMap[E]));

  /** Paths of files the user dropped or picked; a File made up by the page has no path and is left out. */
  async function pathsOf(files: File[]): Promise<string[]> {
    const paths = await Promise.all(files.map((file) => transport.pathOf(file)));
    return paths.filter((path) => path.length > 0);
  }

  async function pathOf(file: File): Promise<string> {
    const [path] = await pathsOf([file]);
    if (!path) {
      const { message, retryable } = errorInfo('unreadable_file');
      throw encodeApiError({ code: 'unreadable_file', message, retryable, hint: 'Drop the file from your computer again.' });
    }
    return path;
  }

  return {
    jobs: {
      list: bind('jobs:list'),
      addFiles: async (files, trustListId) => {
        const paths = await pathsOf(files);
        if (paths.length === 0)
          return {
            groupId: null,
            added: 0,
            skipped: files.map((f) => ({ name: f.name, code: 'unreadable_file' as const, message: errorInfo('unreadable_file').message })),
          };
        return call('jobs:add', trustListId === undefined ? { paths } : { paths, trustListId });
      },
      pick: bind('dialog:pick-photos'),
      addSample: bind('jobs:add-sample'),
      cancel: bind('jobs:cancel'),
      retry: bind('jobs:retry'),
      remove: bind('jobs:remove'),
      moveToTop: bind('jobs:move-to-top'),
      logs: bind('jobs:logs'),
      export: bind('jobs:export'),
      reveal: bind('jobs:reveal'),
      onChanged: subscribe('jobs:changed'),
      onLog: subscribe('jobs:log'),
    },
    verify: {
      run: async (pack, photo) =>
        call('verify:run', photo ? { packPath: await pathOf(pack), photoPath: await pathOf(photo) } : { packPath: await pathOf(pack) }),
    },
    settings: {
      get: bind('settings:get'),
      set: bind('settings:set'),
      pickOutputFolder: bind('settings:pick-output-folder'),
      onChanged: subscribe('settings:changed'),
    },
    trustLists: {
      list: bind('trust-lists:list'),
      import: async (file, name) => call('trust-lists:import', name === undefined ? { path: await pathOf(file) } : { path: await pathOf(file), name }),
      remove: bind('trust-lists:remove'),
      onChanged: subscribe('trust-lists:changed'),
    },
    prover: {
      status: bind('prover:status'),
      restart: bind('prover:restart'),
      onStatus: subscribe('prover:status'),
    },
    platform: transport.platform,
  };
}
