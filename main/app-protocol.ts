// Serves the built renderer from app://shutterproof/ instead of file://, so every response carries our strict CSP
// header (file:// responses carry none) and the page has a real origin that IPC sender checks can compare against.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { thumbnail } from './thumbnail.js';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://shutterproof`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Production CSP: our own files only; no inline or remote script, no network. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The Vite dev server needs its inline preamble and a websocket for hot reload. */
export const DEV_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws:");

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The photo of a known job, as the thumbnail route may serve it; undefined for anything else. */
export type PhotoOfJob = (jobId: string) => string | undefined;

const THUMBNAIL_PREFIX = '/thumbnails/';

export function serveRenderer(rendererDir: string, photoOfJob: PhotoOfJob): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'shutterproof') return new Response('not found', { status: 404 });
    if (url.pathname.startsWith(THUMBNAIL_PREFIX)) return thumbnail(photoOfJob(decodeURIComponent(url.pathname.slice(THUMBNAIL_PREFIX.length))));
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    // Nothing outside the renderer folder is ever served.
    if (!file.startsWith(root)) return new Response('forbidden', { status: 403 });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), {
        headers: {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

