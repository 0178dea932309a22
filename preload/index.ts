// window.shutterproof: the small domain API of common/preload-api.ts, built from the IPC contract. No generic
// invoke: only these calls exist. Files are passed as DOM File objects and resolved to paths here, so the page
// can only name files the user dropped or picked. Built as CommonJS: a sandboxed preload cannot load ESM.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { EventMap, InvokeArgs, InvokeChannel, InvokeResult, IpcResponse } from '../common/ipc-contract.js';
import { encodeApiError, type ShutterproofApi } from '../common/preload-api.js';

async function call<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
  const response = (await ipcRenderer.invoke(channel, ...args)) as IpcResponse<InvokeResult<C>>;
  if (response.ok) return response.value;
  throw encodeApiError(response.error);
}

const bind =
  <C extends InvokeChannel>(channel: C) =>
  (...args: InvokeArgs<C>) =>
    call(channel, ...args);

function subscribe<E extends keyof EventMap>(channel: E) {
  return (listener: (payload: EventMap[E]) => void) => {
    // The page gets the payload only, never the IPC event (it would expose `sender`).
    const wrapped = (_event: IpcRendererEvent, payload: EventMap[E]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
}

/** Paths of files the user dropped or picked; a File made up by the page has no path and is left out. */
function pathsOf(files: File[]): string[] {
  return files.map((file) => webUtils.getPathForFile(file)).filter((path) => path.length > 0);
}

function pathOf(file: File): string {
  const [path] = pathsOf([file]);
  if (!path) throw encodeApiError({ code: 'unreadable_file', message: 'Shutterproof could not read this file.', hint: 'Drop the file from your computer again.', retryable: false });
  return path;
}

const api: ShutterproofApi = {
  jobs: {
    list: bind('jobs:list'),
    addFiles: (files, trustListId) => {
      const paths = pathsOf(files);
      if (paths.length === 0) return Promise.resolve({ groupId: null, added: 0, skipped: files.map((f) => ({ name: f.name, code: 'unreadable_file' as const, message: 'Shutterproof could not read this file.' })) });
      return call('jobs:add', trustListId === undefined ? { paths } : { paths, trustListId });
    },
    pick: bind('dialog:pick-photos'),
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
    run: async (pack, photo) => call('verify:run', photo ? { packPath: pathOf(pack), photoPath: pathOf(photo) } : { packPath: pathOf(pack) }),
  },
  settings: {
    get: bind('settings:get'),
    set: bind('settings:set'),
    pickOutputFolder: bind('settings:pick-output-folder'),
    onChanged: subscribe('settings:changed'),
  },
  trustLists: {
    list: bind('trust-lists:list'),
    import: async (file, name) => call('trust-lists:import', name === undefined ? { path: pathOf(file) } : { path: pathOf(file), name }),
    remove: bind('trust-lists:remove'),
    onChanged: subscribe('trust-lists:changed'),
  },
  prover: {
    status: bind('prover:status'),
    onStatus: subscribe('prover:status'),
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('shutterproof', api);
