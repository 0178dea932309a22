// The V8 code cache of o1js's compiled bundle, in fresh processes (the bundle is compiled once per process): the
// first start writes it, the next one loads it, and a damaged or stale file is never used (compiled again, rewritten).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const built = (path: string) => pathToFileURL(resolve('out/node/prover', path)).href;
// A process that initialises o1js with its start-up caches in the folder, then says what the code cache did.
const child = `
  const { BACKEND: backend } = await import(${JSON.stringify(built('runtime.js'))});
  const { initializeFromCache } = await import(${JSON.stringify(built('circuit/srs-cache.js'))});
  const { bindingsCodeCacheState } = await import(${JSON.stringify(built('circuit/bindings-code-cache.js'))});
  await initializeFromCache(process.argv[1]);
  console.log(JSON.stringify({ backend, state: bindingsCodeCacheState() }));
  process.exit(0);
`;
const start = (dir: string) =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', child, dir], { encoding: 'utf8' })) as { backend: string; state: string };
const OWN = /^o1js-bindings-\d+-[0-9a-f]{12}\.v8cache$/;
const DAY = 24 * 3600_000;
const age = (file: string, days: number) => utimesSync(file, new Date(Date.now() - days * DAY), new Date(Date.now() - days * DAY));

describe('code cache of the o1js bindings', () => {
  it('is written by the first start and loaded by the next; a damaged or stale file is compiled over and rewritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shutterproof-v8cache-'));
    // Other installations' caches: one unused for 40 days (removed when this one is written), one used yesterday.
    const unused = join(dir, 'o1js-bindings-1-aaaaaaaaaaaa.v8cache');
    const recent = join(dir, 'o1js-bindings-2-bbbbbbbbbbbb.v8cache');
    for (const file of [unused, recent]) writeFileSync(file, 'x');
    age(unused, 40);
    age(recent, 1);
    const first = start(dir);
    if (first.backend !== 'native') return expect(first.state).toBe('off');
    expect(first.state).toBe('compiled');
    expect([existsSync(unused), existsSync(recent)]).toEqual([false, true]);
    const name = readdirSync(dir).find((f) => OWN.test(f) && join(dir, f) !== recent)!;
    expect(name).toBeDefined();
    const good = readFileSync(join(dir, name));
    expect(good.length).toBeGreaterThan(1_000_000);
    // Loading it marks it as in use.
    age(join(dir, name), 20);
    expect(start(dir).state).toBe('loaded');
    expect(Date.now() - statSync(join(dir, name)).mtimeMs).toBeLessThan(DAY);

    const damaged = Buffer.from(good);
    damaged[damaged.length - 1000] ^= 1;
    writeFileSync(join(dir, name), damaged);
    expect(start(dir).state).toBe('compiled');
    expect(start(dir).state).toBe('loaded');

    // The header names the bundle it was made from (length:mtime); a cache of another bundle, intact and with a
    // good checksum, is not used.
    const stale = Buffer.from(readFileSync(join(dir, name)));
    const at = stale.indexOf(':', 8 + 32 + 4);
    stale[at - 1] = stale[at - 1] === 0x30 ? 0x31 : 0x30;
    createHash('sha256').update(stale.subarray(8 + 32)).digest().copy(stale, 8);
    writeFileSync(join(dir, name), stale);
    expect(start(dir).state).toBe('compiled');
    expect(start(dir).state).toBe('loaded');
  }, 60_000);
});
