// Test harness: the real job engine and the real prover behind a loopback HTTP server, so the built renderer can be
// driven in headless Chromium exactly as Electron would show it. The page talks to it through the bridge client
// (bridge-client.js) injected as window.shutterproof; invoke calls go through main's own IPC wrapper (argument
// validation and error encoding included), and events arrive as server-sent events.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { EventMap } from '../../../common/ipc-contract.js';
import { createAppCore } from '../../../main/app-core.js';
import { thumbnail } from '../../../main/thumbnail.js';
import type { Desktop } from '../../../main/handlers.js';
import { registerHandlers } from '../../../main/ipc.js';
import type { JobEngine } from '../../../main/jobs/job-engine.js';
import { PROVER_ENV, PROVER_NODE_FLAGS } from '../../../common/prover-process.js';
import { minimalEnv, type ProverCommand } from '../../../main/prover/supervisor.js';
import { samplePhotoIn } from '../../../main/sample-photo.js';
import { defaultSettings, type SettingsAccess } from '../../../main/settings-defaults.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface Bridge {
  url: string;
  engine: JobEngine;
  /** Where the next "choose a folder" dialog answers. */
  exportFolder: string;
  revealed: string[];
  close(): Promise<void>;
}

export interface BridgeOptions {
  root: string;
  rendererDir: string;
  proverCacheDir: string;
  /** Another prover program (benchmarks use the protocol test double); the real prover by default. */
  prover?: ProverCommand;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { root, rendererDir } = options;
  const uploads = join(root, 'uploads');
  mkdirSync(uploads, { recursive: true });
  const proverRoot = resolve('out/node/prover');
  const clients = new Set<ServerResponse>();
  const emit = <E extends keyof EventMap>(channel: E, payload: EventMap[E]) => {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of clients) client.write(frame);
  };

  let current = defaultSettings(join(root, 'documents'));
  const settings: SettingsAccess = {
    get: () => current,
    set: (patch) => (current = { ...current, ...patch }),
  };
  const revealed: string[] = [];
  let exportFolder = join(root, 'exported');
  const desktop: Desktop = {
    pickFolder: async () => exportFolder,
    pickPhotos: async () => null,
    reveal: (path) => void revealed.push(path),
  };
  const { engine, handlers } = createAppCore({
    userData: root,
    proverCommand: () =>
      options.prover ?? {
        file: process.execPath,
        args: [...PROVER_NODE_FLAGS, join(proverRoot, 'entry', 'process-main.js'), '--cache', options.proverCacheDir],
        env: minimalEnv(PROVER_ENV),
      },
    settings,
    desktop,
    emit,
    samplePhoto: samplePhotoIn(resolve('resources/sample')),
  });
  const bridge: Bridge = {
    url: '',
    engine,
    get exportFolder() {
      return exportFolder;
    },
    set exportFolder(folder) {
      exportFolder = folder;
    },
    revealed,
    close: async () => {},
  };

  // main's own wrapper registers the guarded handlers; every caller on loopback is this test's page.
  const guarded = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  registerHandlers(
    { handle: (channel, fn) => void guarded.set(channel, fn as never), removeHandler: (channel) => void guarded.delete(channel) },
    handlers,
    () => true,
  );

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/invoke/')) {
      const handler = guarded.get(decodeURIComponent(url.pathname.slice('/invoke/'.length)));
      if (!handler) return void res.writeHead(404).end();
      const args = JSON.parse((await body(req)).toString('utf8')) as unknown[];
      return json(res, await handler({}, ...args));
    }
    if (req.method === 'POST' && url.pathname === '/upload') {
      // A dropped file's bytes land under the harness folder, as if the user had dropped that file from disk.
      const name = (url.searchParams.get('name') ?? 'file').replace(/[\\/]/g, '_');
      const dir = join(uploads, randomUUID());
      mkdirSync(dir);
      const path = join(dir, name);
      await writeFile(path, await body(req));
      return json(res, { path });
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/thumbnails/')) {
      // main's own thumbnail route: a known job's photo, JPEG or PNG bytes only.
      const response = await thumbnail(engine.get(decodeURIComponent(url.pathname.slice('/thumbnails/'.length)))?.file.path);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      return void res.end(Buffer.from(await response.arrayBuffer()));
    }
    if (req.method === 'GET') return serveStatic(url.pathname, res);
    res.writeHead(405).end();
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const file = normalize(join(rendererDir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(resolve(rendererDir)) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  bridge.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bridge.close = async () => {
    for (const client of clients) client.end();
    await engine.close();
    await new Promise<void>((done) => server.close(() => done()));
  };
  engine.open();
  return bridge;
}

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
