// The app's one window, locked down (DESIGN §9): isolated, sandboxed preload, no Node in the page, CSP on every
// response, no navigation away, no new windows, no webviews, every permission request refused.
import { BrowserWindow, session, type Session } from 'electron';
import { DEV_CSP } from './app-protocol.js';

export interface WindowOptions {
  preloadPath: string;
  /** app://shutterproof/index.html, or the dev server's URL. */
  url: string;
  devServer: boolean;
  iconPath?: string;
}

export function hardenSession(ses: Session, devServer: boolean): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  if (devServer) {
    // Responses from app:// carry the CSP already; the dev server's do not.
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DEV_CSP] } });
    });
  }
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  hardenSession(session.defaultSession, options.devServer);
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Shutterproof',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  const contents = window.webContents;
  const home = new URL(options.url);
  // Reloading our own page is fine; going anywhere else is not.
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(home, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(home, url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}

/**
 * Whether `url` is a page of the app itself: the same scheme, host and port as the page it opened with. Not by
 * `URL.origin`: Node gives "null" as the origin of app:, file:, data:, about: and every other non-http scheme, so
 * app://shutterproof and file:///etc/passwd would compare equal.
 */
export function isOwnPage(home: URL, url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return target.protocol === home.protocol && target.host === home.host && target.host !== '' && target.username === '' && target.password === '';
}
