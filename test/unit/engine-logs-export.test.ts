import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { PROOF_PACK_FORMAT } from '../../common/proof-pack.js';
import { afterEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import type { LogLine } from '../../common/ipc-contract.js';
import { EventBatcher } from '../../main/jobs/event-batcher.js';
import { LogStore, RING_LINES } from '../../main/jobs/log-store.js';
import { TrustListStore } from '../../main/jobs/trust-lists.js';
import { makeEngine, photo, tempDir, until, type Harness } from '../engine-support/engine-harness.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.engine.close()));
});

describe('job logs', () => {
  it('keeps a capped ring, a full file, and resyncs from any sequence number', () => {
    const root = tempDir();
    const logs = new LogStore(root, () => 1000);
    for (let i = 1; i <= 1200; i++) logs.append('job1', 'info', `line ${i}`);
    const recent = logs.since('job1', 1190);
    expect(recent.lines.map((l) => l.seq)).toEqual([1191, 1192, 1193, 1194, 1195, 1196, 1197, 1198, 1199, 1200]);
    expect(recent.lastSeq).toBe(1200);
    // Older than the ring: read from the file, capped to what the UI shows.
    const old = logs.since('job1', 10);
    expect(old.lines).toHaveLength(RING_LINES);
    expect(old.lines.at(-1)?.seq).toBe(1200);
    expect(readFileSync(logs.filePath('job1'), 'utf8').trim().split('\n')).toHaveLength(1200);
    // A new process continues the sequence from the file.
    const reopened = new LogStore(root, () => 2000);
    expect(reopened.append('job1', 'warn', 'after restart').seq).toBe(1201);
  });

  it('streams a flooding prover as batched log events with increasing sequence numbers', async () => {
    const h = makeEngine();
    open.push(h);
    h.engine.open();
    await h.engine.add({ paths: [photo(tempDir('sp-photos-'), 'flood.jpg')] });
    await until(() => h.engine.list().jobs[0]?.state === 'succeeded', 20_000);
    await new Promise((r) => setTimeout(r, 150));
    const batches = h.emitted.filter((e) => e.channel === 'jobs:log').map((e) => (e.payload as { lines: LogLine[] }).lines);
    const seqs = batches.flat().map((l) => l.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(batches.every((b) => b.length <= 200)).toBe(true);
    const id = h.engine.list().jobs[0].id;
    const { lines, lastSeq } = h.engine.logsOf(id, 0);
    expect(lastSeq).toBeGreaterThan(7000);
    expect(lines).toHaveLength(RING_LINES);
    expect(h.engine.logsOf(id, lastSeq - 3).lines.map((l) => l.seq)).toEqual([lastSeq - 2, lastSeq - 1, lastSeq]);
  });

  it('the batcher keeps only the newest version of a job per flush', () => {
    const sent: unknown[] = [];
    let fire: () => void = () => undefined;
    const batcher = new EventBatcher((c, p) => sent.push([c, p]), { setTimeout: (fn) => ((fire = fn), 1), clearTimeout: () => undefined });
    const job = { id: 'a', groupId: 'g', file: { path: '/a', name: 'a', size: 1, sha256: 'x' }, trustListId: null, state: 'queued' as const, priority: 0, attempts: 0, createdAt: 0 };
    batcher.job(job);
    batcher.job({ ...job, state: 'running' });
    expect(sent).toEqual([]);
    fire();
    expect(sent).toEqual([['jobs:changed', { upserts: [{ ...job, state: 'running' }], removed: [], groups: [], removedGroups: [] }]]);
  });
});

describe('export', () => {
  it('copies packs (and stripped photos when asked, whatever the setting was while proving) without overwriting', async () => {
    // The setting is off while proving: the photo copy is kept anyway, so asking at export time still includes it.
    const h = makeEngine({ settings: { includeStrippedPhoto: false } });
    open.push(h);
    h.engine.open();
    const dir = tempDir('sp-photos-');
    await h.engine.add({ paths: [photo(dir, 'a.jpg'), photo(dir, 'nocc.jpg')] });
    await until(() => h.engine.activity().fraction === null && h.engine.list().jobs.every((j) => j.finishedAt));
    const folder = tempDir('sp-export-');
    writeFileSync(join(folder, 'a.proof.json'), 'already here');
    const proved = h.engine.list().jobs.find((j) => j.file.name === 'a.jpg')!;
    expect(await h.engine.exportTo(folder, { kind: 'all' }, true)).toEqual({ folder, packs: 1, photos: 1, revealJobId: proved.id });
    // Show in folder opens this copy from now on.
    expect(h.engine.get(proved.id)?.exportedTo).toBe(join(folder, 'a (2).proof.json'));
    expect(readdirSync(folder).sort()).toEqual(['a (2).proof.json', 'a.no-credentials.jpg', 'a.proof.json']);
    expect(readFileSync(join(folder, 'a.proof.json'), 'utf8')).toBe('already here');
    expect(JSON.parse(readFileSync(join(folder, 'a (2).proof.json'), 'utf8')).format).toBe(PROOF_PACK_FORMAT);
  });
});

describe('trust lists', () => {
  async function caPem(cn: string): Promise<string> {
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: `CN=${cn}`, notBefore: new Date('2025-01-01'), notAfter: new Date('2035-01-01'), signingAlgorithm: alg, keys: keys as CryptoKeyPair });
    return cert.toString('pem');
  }

  it('imports a PEM bundle with the root from the parser and certificate details, and removes it', async () => {
    const root = tempDir();
    const file = join(tempDir('sp-pem-'), 'newsroom.pem');
    writeFileSync(file, (await caPem('Camera CA 1')) + '\n' + (await caPem('Camera CA 2')));
    const seen: string[] = [];
    const store = new TrustListStore(root, async (text, name) => (seen.push(name), { root: String(text.length) }), () => 5, () => 'tl-1');
    const view = await store.import(file);
    expect(view).toMatchObject({ id: 'tl-1', name: 'newsroom', importedAt: 5 });
    expect(view.certificates.map((c) => c.subject)).toEqual(['CN=Camera CA 1', 'CN=Camera CA 2']);
    expect(view.certificates[0].notAfter).toBe('2035-01-01T00:00:00.000Z');
    expect(seen).toEqual(['newsroom']);
    expect(new TrustListStore(root, async () => ({ root: '0' })).list()).toEqual([view]);
    expect(store.remove('tl-1')).toBe(true);
    expect(new TrustListStore(root, async () => ({ root: '0' })).list()).toEqual([]);
  });

  it('refuses a file that is not PEM certificates with trust_list_invalid', async () => {
    const file = join(tempDir('sp-pem-'), 'bad.pem');
    writeFileSync(file, 'hello');
    const store = new TrustListStore(tempDir(), async () => ({ root: '1' }));
    await expect(store.import(file)).rejects.toMatchObject({ code: 'trust_list_invalid' });
    await expect(store.import('/does/not/exist.pem')).rejects.toMatchObject({ code: 'unreadable_file' });
  });
});
