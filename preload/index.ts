// window.shutterproof over Electron IPC. Files are passed as DOM File objects and resolved to paths here with
// webUtils, so the page can only name files the user dropped or picked. Built as CommonJS: a sandboxed preload
// cannot load ESM.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { PATHS_GRANTED_CHANNEL } from '../common/ipc-channels.js';
import type { IpcResponse } from '../common/ipc-contract.js';
import { createApi } from './create-api.js';

const api = createApi({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<IpcResponse<unknown>>,
  on(channel, listener) {
    // The page gets the payload only, never the IPC event (it would expose `sender`).
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
  pathOf: (file) => webUtils.getPathForFile(file),
  platform: process.platform,
});

contextBridge.exposeInMainWorld('shutterproof', api);

// Main accepts only paths the user gave in this session. Files reach the page by a drop or a file input, and both
// are seen here first (capture phase on window, before any page listener): their paths are sent to main, ahead of
// the call that names them. A File the page makes up itself has no path and grants nothing.
function grant(files: FileList | null | undefined): void {
  if (!files || files.length === 0) return;
  const paths = Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path.length > 0);
  if (paths.length) ipcRenderer.send(PATHS_GRANTED_CHANNEL, paths);
}
if (typeof window !== 'undefined') {
  window.addEventListener('drop', (event) => grant(event.dataTransfer?.files), true);
  window.addEventListener(
    'change',
    (event) => {
      const target = event.target as HTMLInputElement | null;
      if (target?.tagName === 'INPUT' && target.type === 'file') grant(target.files);
    },
    true,
  );
}
