// The whole product promise, headless: a real signed photo is proved with the real circuit, and the pack verifies
// with `shutterproof verify` in a fresh process, anchored in the verifier's own trust list — and stops verifying
// when anything in it is changed. Also: the circuit compiled from source yields exactly the key verify ships.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { proofPack, type ProofPack } from '../../common/proof-pack.js';
import { EXPECTED_VK, EXPECTED_VK_HASH } from '../../prover/circuit/expected-vk.js';
import { defaultCacheDir } from '../../prover/runtime.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';

const bin = resolve('bin/shutterproof.js');
const cacheDir = defaultCacheDir();

async function shutterproof(...args: string[]) {
  return shutterproofWith({}, ...args);
}

async function shutterproofWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { maxBuffer: 64 * 2 ** 20, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let f: Fixtures;
let out: string;
let packPath: string;
let pack: ProofPack;
let proveLog: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shutterproof-e2e-cli-'));
  f = await makeFixtures(join(dir, 'fixtures'));
  out = join(dir, 'proofs');
  // This proof runs its two branches in two processes, as on a machine with 4+ cores and 16+ GB (branch-helper.ts);
  // the app's end-to-end test proves with the default here (one process, branches one after the other).
  const proved = await shutterproofWith({ SHUTTERPROOF_PARALLEL_BRANCHES: '1' }, 'prove', f.photos.rsJpeg, '--trust-list', f.trust.test, '--out', out, '--cache', cacheDir, '--strip');
  if (proved.code !== 0) throw new Error(`prove failed (${proved.code}):\n${proved.stderr}`);
  proveLog = proved.stderr;
  packPath = join(out, 'rs-signed.proof.json');
  pack = proofPack.parse(JSON.parse(await readFile(packPath, 'utf8')));
});

async function tampered(name: string, change: (p: ProofPack) => void): Promise<string> {
  const copy = structuredClone(pack);
  change(copy);
  const path = join(out, `${name}.proof.json`);
  await writeFile(path, JSON.stringify(copy));
  return path;
}

describe('shutterproof prove + verify with the real circuit', () => {
  it('proved the issuer branch in a second process, at the same time, without falling back', () => {
    expect(proveLog).toContain('one in a second prover process');
    expect(proveLog).not.toContain('finishing its part here');
    expect(pack.timings.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['hash-assertion-1', 'ecdsa-issuer', 'ecdsa-signer', 'bind']));
  });

  it('writes a proof pack that reveals no certificate and says what it proves', async () => {
    expect(pack.verified).toBe(true);
    // The key the prover compiled from source is, byte for byte, the one `verify` ships: anyone can recompute it.
    expect(pack.verificationKey.data).toBe(EXPECTED_VK.data);
    expect(pack.verificationKey.hash).toBe(EXPECTED_VK_HASH);
    expect(pack.circuit).toEqual({ id: 'c2pa-es256', version: 2, vkHash: EXPECTED_VK_HASH });
    expect(pack.trustList.keys).toHaveLength(2);
    const text = await readFile(packPath, 'utf8');
    expect(text).not.toContain('BEGIN CERTIFICATE');
    expect(text).not.toMatch(/Shutterproof Test (Leaf|Signer)/i);
    expect(pack.statement.doesNotProve.join(' ')).toMatch(/revoked/);
    expect(existsSync(join(out, 'rs-signed.stripped.jpg'))).toBe(true);
  });

  it('verifies in a fresh process, with the original photo and with the photo stripped of its credentials', async () => {
    const plain = await shutterproof('verify', packPath);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Valid proof.');
    expect((await shutterproof('verify', packPath, '--photo', f.photos.rsJpeg)).code).toBe(0);
    const stripped = await shutterproof('verify', packPath, '--photo', join(out, 'rs-signed.stripped.jpg'), '--json');
    expect(stripped.code).toBe(0);
    expect(JSON.parse(stripped.stdout)).toMatchObject({ valid: true, verified: { photoMatches: true, anchor: null } });
  });

  it('without --trust-list, warns that the list came with the pack', async () => {
    const plain = await shutterproof('verify', packPath);
    expect(plain.stdout).toContain('WARNING: No trust list of yours was used');
    expect(plain.stdout).not.toMatch(/Vouched for by/);
  });

  it('--trust-list: accepts the pack against the list it was made for and names it; refuses an unrelated CA (exit 3)', async () => {
    const mine = await shutterproof('verify', packPath, '--trust-list', f.trust.test, '--photo', f.photos.rsJpeg);
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.stdout).toContain('Vouched for by one of the 2 authorities on your trust list "trust-test"');
    expect(mine.stdout).not.toContain('WARNING');
    const unrelated = await shutterproof('verify', packPath, '--trust-list', f.trust.other);
    expect(unrelated.code).toBe(3);
    expect(unrelated.stderr).toContain('error trust_list_mismatch');
  });

  it('shows a renamed trust list only as an unproved note of the pack', async () => {
    const path = await tampered('renamed-list', (p) => void (p.trustList.name = 'Adobe Content Authenticity Root (official)'));
    const result = await shutterproof('verify', path, '--json');
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.unverifiedNotes.trustListName).toBe('Adobe Content Authenticity Root (official)');
    expect(JSON.stringify(summary.verified)).not.toContain('Adobe');
    const text = (await shutterproof('verify', path)).stdout;
    expect(text.indexOf('Adobe')).toBeGreaterThan(text.indexOf('Not proved'));
  });

  it('rejects the genuine pack carried with a foreign verification key (exit 3)', async () => {
    const path = await tampered('foreign-key', (p) => void (p.verificationKey.data = p.verificationKey.data.slice(0, -4) + 'AAAA'));
    const result = await shutterproof('verify', path);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error verification_key_mismatch');
  });

  it('rejects another photo with photo_mismatch (exit 3)', async () => {
    const other = await shutterproof('verify', packPath, '--photo', f.photos.tsJpeg);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('error photo_mismatch');
  });

  it('rejects a pack whose public inputs were changed with proof_invalid (exit 3)', async () => {
    const flipped = pack.publicInputs.assetHash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const path = await tampered('other-hash', (p) => {
      p.publicInputs.assetHash = flipped;
      p.photo.assetHash = flipped;
    });
    const result = await shutterproof('verify', path);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error proof_invalid');
  });

  it('rejects a pack whose trust list was swapped with proof_invalid (exit 3)', async () => {
    const path = await tampered('other-list', (p) => void p.trustList.keys.reverse());
    const result = await shutterproof('verify', path);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error proof_invalid');
  });

  it('rejects a pack whose proof bytes were damaged with proof_invalid (exit 3)', async () => {
    const path = await tampered('damaged-proof', (p) => {
      const bytes = String(p.proof.proof);
      const at = Math.floor(bytes.length / 2);
      p.proof.proof = bytes.slice(0, at) + (bytes[at] === 'A' ? 'B' : 'A') + bytes.slice(at + 1);
    });
    const result = await shutterproof('verify', path);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error proof_invalid');
  });

  it('rejects a pack made for another verification key with verification_key_mismatch (exit 3)', async () => {
    const path = await tampered('other-key', (p) => {
      p.verificationKey.hash = '1';
      p.circuit.vkHash = '1';
    });
    const result = await shutterproof('verify', path);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('error verification_key_mismatch');
  });
});
