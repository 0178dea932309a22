// The thumbnail route's answer, shared by the app:// protocol and the browser test harness (no Electron here).
import { readFile } from 'node:fs/promises';

/** Serves a job's photo for its thumbnail: only JPEG or PNG bytes, so the route can never hand out other files. */
export async function thumbnail(path: string | undefined): Promise<Response> {
  if (!path) return new Response('not found', { status: 404 });
  try {
    const body = new Uint8Array(await readFile(path));
    const type = body[0] === 0xff && body[1] === 0xd8 ? 'image/jpeg' : body[0] === 0x89 && body[1] === 0x50 ? 'image/png' : undefined;
    if (!type) return new Response('not found', { status: 404 });
    return new Response(body, { headers: { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' } });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
