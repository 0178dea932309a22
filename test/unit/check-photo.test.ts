// The `check` request: what prove checks before proving, answered in milliseconds through the prover's own server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runServer } from '../../prover/entry/server.js';
import { smallJpeg } from '../support/photos.js';
import { flipPixelByte, signPhoto } from '../support/sign.js';

const dir = mkdtempSync(join(tmpdir(), 'sp-check-'));
const paths: Record<string, string> = {};

beforeAll(async () => {
  const write = (name: string, bytes: Uint8Array) => {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], bytes);
  };
  const signed = await signPhoto(smallJpeg(21), { writer: 'c2pa-rs', format: 'jpeg' });
  write('good.jpg', signed);
  write('plain.jpg', smallJpeg(22));
  write('tampered.jpg', flipPixelByte(signed));
}, 60_000);

async function ask(input: string): Promise<Record<string, unknown>> {
  const stdin = new PassThrough();
  const events: Record<string, unknown>[] = [];
  const done = runServer(['--cache', join(dir, 'cache')], stdin, (e) => events.push(e));
  stdin.end(JSON.stringify({ id: 'c1', op: 'check', input }) + '\n');
  await done;
  return events.find((e) => e.id === 'c1' && (e.type === 'result' || e.type === 'error'))!;
}

describe('check request', () => {
  it('answers a provable photo with a result in well under a second', async () => {
    const t0 = Date.now();
    const answer = await ask(paths['good.jpg']!);
    expect(answer).toMatchObject({ type: 'result', summary: { ok: true, issuers: 1 } });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('answers a photo without Content Credentials with no_content_credentials', async () => {
    expect(await ask(paths['plain.jpg']!)).toMatchObject({ type: 'error', code: 'no_content_credentials', retryable: false });
  });

  it('answers a changed photo with hash_mismatch', async () => {
    expect(await ask(paths['tampered.jpg']!)).toMatchObject({ type: 'error', code: 'hash_mismatch' });
  });
});
