// The window's security settings and the app:// renderer server, with Electron replaced by a recording double.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../engine-support/engine-harness.js';

const recorded = vi.hoisted(() => ({
  options: undefined as undefined | { webPreferences: Record<string, unknown> },
  listeners: new Map<string, (...args: unknown[]) => void>(),
  openHandler: undefined as undefined | (() => { action: string }),
  permission: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  handler: undefined as undefined | ((req: Request) => Promise<Response>),
  loaded: '' as string,
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = {
      on: (event: string, fn: (...args: unknown[]) => void) => recorded.listeners.set(event, fn),
      setWindowOpenHandler: (fn: () => { action: string }) => (recorded.openHandler = fn),
    };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      recorded.options = options;
    }
    once() {}
    loadURL(url: string) {
      recorded.loaded = url;
      return Promise.resolve();
    }
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof recorded.permission) => (recorded.permission = fn),
      setPermissionCheckHandler: (fn: typeof recorded.permissionCheck) => (recorded.permissionCheck = fn),
      webRequest: { onHeadersReceived: () => undefined },
    },
  },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, fn: typeof recorded.handler) => (recorded.handler = fn),
  },
}));

const { createMainWindow } = await import('../../main/window.js');
const { serveRenderer, CSP, APP_INDEX_URL } = await import('../../main/app-protocol.js');

describe('main window', () => {
  beforeEach(() => recorded.listeners.clear());

  it('is isolated, sandboxed and without Node', () => {
    createMainWindow({ preloadPath: '/app/preload.cjs', url: APP_INDEX_URL, devServer: false });
    expect(recorded.options?.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(recorded.loaded).toBe('app://shutterproof/index.html');
  });

  it('denies navigation elsewhere, new windows, webviews and every permission', () => {
    createMainWindow({ preloadPath: '/p.cjs', url: APP_INDEX_URL, devServer: false });
    const navigate = recorded.listeners.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const reload = { preventDefault: vi.fn() };
    navigate(reload, 'app://shutterproof/index.html');
    expect(reload.preventDefault).not.toHaveBeenCalled();
    expect(recorded.openHandler!()).toEqual({ action: 'deny' });
    // Node's URL gives every non-http scheme the origin "null", like app://shutterproof itself.
    for (const foreign of ['file:///etc/passwd', 'app://other/index.html', 'data:text/html,<p>hi', 'about:blank', 'chrome://settings', 'javascript:alert(1)', 'blob:app://shutterproof/x', 'custom://shutterproof/', 'app://user@shutterproof/', 'not a url']) {
      for (const event of ['will-navigate', 'will-redirect']) {
        const attempt = { preventDefault: vi.fn() };
        recorded.listeners.get(event)!(attempt, foreign);
        expect(attempt.preventDefault, `${event} ${foreign}`).toHaveBeenCalled();
      }
    }
    const redirectHome = { preventDefault: vi.fn() };
    recorded.listeners.get('will-redirect')!(redirectHome, 'app://shutterproof/index.html#jobs');
    expect(redirectHome.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    recorded.listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const answer = vi.fn();
    recorded.permission!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck!()).toBe(false);
  });
});

describe('app:// renderer server', () => {
  it('serves files from the renderer folder with the strict CSP and nothing outside it', async () => {
    const dir = join(tempDir('sp-renderer-'), 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'export {}');
    writeFileSync(join(dir, '..', 'secret.txt'), 'secret');
    const photo = join(dir, '..', 'photo.jpg');
    writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    serveRenderer(dir, (jobId) => (jobId === 'job-1' ? photo : jobId === 'job-2' ? join(dir, '..', 'secret.txt') : undefined));
    const get = (url: string) => recorded.handler!(new Request(url));
    const index = await get('app://shutterproof/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe');
    expect((await get('app://shutterproof/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);
    // The URL parser may already fold "%2e%2e" away (404); an encoded slash reaches the folder guard (403).
    for (const url of ['app://shutterproof/%2e%2e/secret.txt', 'app://shutterproof/..%2fsecret.txt', 'app://shutterproof/%2e%2e%2fsecret.txt']) {
      const response = await get(url);
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('secret');
    }
    expect((await get('app://shutterproof/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://shutterproof/missing.js')).status).toBe(404);
  });

  it("serves a job's photo as its thumbnail, and nothing for unknown jobs or files that are not photos", async () => {
    const get = (url: string) => recorded.handler!(new Request(url));
    const thumb = await get('app://shutterproof/thumbnails/job-1');
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect((await get('app://shutterproof/thumbnails/job-2')).status).toBe(404);
    expect((await get('app://shutterproof/thumbnails/nobody')).status).toBe(404);
  });
});

describe('the navigation guard in development', () => {
  it('allows the dev server and nothing else', async () => {
    createMainWindow({ preloadPath: '/p.cjs', url: 'http://localhost:5173/', devServer: true });
    const navigate = recorded.listeners.get('will-navigate')!;
    const own = { preventDefault: vi.fn() };
    navigate(own, 'http://localhost:5173/index.html');
    expect(own.preventDefault).not.toHaveBeenCalled();
    for (const foreign of ['http://localhost:5174/', 'https://localhost:5173/', 'file:///tmp/x.html', 'http://evil.test/']) {
      const attempt = { preventDefault: vi.fn() };
      navigate(attempt, foreign);
      expect(attempt.preventDefault, foreign).toHaveBeenCalled();
    }
  });
});
