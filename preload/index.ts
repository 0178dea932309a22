// window.shutterproof over Electron IPC. Files are passed as DOM File objects and resolved to paths here with
// webUtils, so the page can only name files the user dropped or picked. Built as CommonJS: a sandboxed preload
// cannot load ESM.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
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
