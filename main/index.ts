// Electron main entry: single instance, lifecycle, the window, and wiring the job engine to IPC. Everything with
// logic lives in jobs/, prover/ and the small modules imported here.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { PATHS_GRANTED_CHANNEL, type EventMap } from '../common/ipc-contract.js';
import { APP_INDEX_URL, APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.js';
import { openAppLog } from './app-log.js';
import { bundledSampleDir, proverCommand } from './app-paths.js';
import { createAppCore } from './app-core.js';
import type { Desktop } from './handlers.js';
import { ownWindowSender, registerHandlers } from './ipc.js';
import { PathRegistry } from './path-guard.js';
import { samplePhotoIn } from './sample-photo.js';
import { defaultSettings, openSettings } from './settings.js';
import { ShellFeedback } from './shell-feedback.js';
import { startGuarded } from './start-guard.js';
import { createMainWindow } from './window.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Windows shows notifications only for an app with an identity.
  if (process.platform === 'win32') app.setAppUserModelId('org.shutterproof.app');
  void app.whenReady().then(() =>
    startGuarded(start, {
      showError: (title, content) => dialog.showErrorBox(title, content),
      log: (msg) => process.stderr.write(msg + '\n'),
      exit: (code) => app.exit(code),
      logFolder: join(app.getPath('userData'), 'logs'),
    }),
  );
}

let window: BrowserWindow | null = null;

function emit<E extends keyof EventMap>(channel: E, payload: EventMap[E]): void {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
}

function openWindow(): void {
  window = createMainWindow({
    preloadPath: join(here, '../preload/index.cjs'),
    url: devServerUrl ?? APP_INDEX_URL,
    devServer: devServerUrl !== undefined,
  });
  window.on('closed', () => (window = null));
}

function start(): void {
  const userData = app.getPath('userData');
  const appLog = openAppLog(join(userData, 'logs'));
  const settings = openSettings(defaultSettings(app.getPath('documents')), { dir: userData, warn: (msg) => appLog('warn', msg) });
  const feedback = new ShellFeedback(() => window);
  const desktop: Desktop = {
    async pickFolder(title, defaultPath) {
      const options = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    async pickPhotos() {
      const options = {
        title: 'Choose photos',
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: [{ name: 'Photos', extensions: ['jpg', 'jpeg', 'png'] }],
      };
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : picked.filePaths;
    },
    reveal: (path) => shell.showItemInFolder(path),
  };

  // Paths the page may name: those the user dropped or chose in a file input (reported by preload as it happens).
  const paths = new PathRegistry();
  const ownPage = (url: string) => (devServerUrl ? url.startsWith(devServerUrl) : url.startsWith(APP_ORIGIN + '/'));
  const { engine, handlers } = createAppCore({
    userData,
    proverCommand,
    settings,
    desktop,
    emit,
    log: appLog,
    onActivity: (activity) => feedback.activity(activity),
    onBatchFinished: (summary) => feedback.batchFinished(summary),
    paths,
    samplePhoto: samplePhotoIn(bundledSampleDir()),
  });
  const trusted = ownWindowSender(() => window?.webContents.id, ownPage);
  registerHandlers(ipcMain, handlers, trusted);
  ipcMain.on(PATHS_GRANTED_CHANNEL, (event, list: unknown) => {
    if (!trusted(event as unknown as IpcMainInvokeEvent) || !Array.isArray(list)) return;
    paths.grant(list.filter((p): p is string => typeof p === 'string' && p.length <= 4096).slice(0, 10_000));
  });
  if (!devServerUrl) serveRenderer(join(here, '../renderer'), (jobId) => engine.get(jobId)?.file.path);

  engine.open();
  openWindow();

  app.on('second-instance', () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void (async () => {
      const { running } = engine.activity();
      if (running > 0 && window && !window.isDestroyed()) {
        const { response } = await dialog.showMessageBox(window, {
          type: 'question',
          buttons: ['Quit', 'Keep working'],
          defaultId: 1,
          cancelId: 1,
          message: running === 1 ? 'A proof is being made.' : `${running} proofs are being made.`,
          detail: 'If you quit now, Shutterproof starts them again the next time you open it.',
        });
        if (response !== 0) return;
      }
      // Stop the prover cleanly and write out every pending change before the process goes.
      await engine.close();
      feedback.dispose();
      closed = true;
      app.quit();
    })();
  });
}
