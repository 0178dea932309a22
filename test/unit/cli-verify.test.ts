// `shutterproof verify` against forged packs, each built here without the prover: a pack made by an older circuit
// version, a pack carrying another verification key, a real proof of another o1js program with the same public
// input (carrying this circuit's key), a trust list the verifier does not trust, and an oversized trust list.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROOF_PACK_FORMAT } from '../../common/proof-pack.js';
import { STATEMENT } from '../../common/proof-statement.js';
import { runCli } from '../../prover/entry/cli.js';
import { Cache, ZkProgram } from '../../prover/o1js.js';
import { EXPECTED_VK, EXPECTED_VKS } from '../../prover/circuit/expected-vk.js';
import { assetHashInput, StatementInput } from '../../prover/circuit/statement.js';
import { trustRoot } from '../../prover/circuit/trust-tree.js';
import { publicKeyHex } from '../../prover/pipeline/trust-source.js';
import { loadTestPki, pem } from '../support/pki.js';
import { publicKeyOf } from './circuit-support/evidence.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

const assetHash = 'ab'.repeat(32);
let dir: string;
let caPem: string;
let otherPem: string;
let packOf: (changes?: (p: Record<string, any>) => void) => Promise<string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shutterproof-verify-'));
  const pki = await loadTestPki();
  const ca = await publicKeyOf(pki.intermediate);
  const root = trustRoot([ca]).toString();
  caPem = join(dir, 'newsroom.pem');
  otherPem = join(dir, 'other.pem');
  await writeFile(caPem, pem(pki.intermediate));
  await writeFile(otherPem, pem(pki.other));
  let n = 0;
  packOf = async (changes) => {
    const pack: Record<string, any> = {
      format: PROOF_PACK_FORMAT,
      circuit: { id: 'c2pa-es256', version: 2, vkHash: EXPECTED_VK.hash },
      publicInputs: { assetHash, trustRoot: root },
      proof: { publicInput: [], publicOutput: [], maxProofsVerified: 2, proof: 'AAAA' },
      verificationKey: { ...EXPECTED_VK },
      trustList: { name: 'Adobe Content Authenticity Root (official)', root, keys: [{ publicKey: publicKeyHex(ca) }] },
      photo: { assetHash },
      statement: STATEMENT,
      prover: { app: 'shutterproof 0.1.0', o1js: '2.15.0', backend: 'native' },
      createdAt: '2026-12-07T06:00:00.000Z',
      timings: { totalMs: 1, steps: [] },
      verified: true,
    };
    changes?.(pack);
    const path = join(dir, `pack-${n++}.proof.json`);
    await writeFile(path, JSON.stringify(pack));
    return path;
  };
}, 60_000);

describe('shutterproof verify refuses forged packs', () => {
  it('a pack made by circuit v1: exit 3, made by a version no longer accepted', async () => {
    const path = await packOf((p) => {
      p.format = 'shutterproof.proof/v1';
      p.circuit.version = 1;
      p.circuit.vkHash = '5245961844567450364082725262193795266029172488169995263481256763609920684527';
    });
    const { code, stderr } = await cli('verify', path);
    expect(code).toBe(3);
    expect(stderr).toContain('error circuit_version_unsupported');
    expect(stderr).toContain('no longer accepted');
    expect(stderr).toMatch(/make the proof again/i);
  });

  it('a pack carrying another verification key, even under the expected hash: exit 3 before its proof is read', async () => {
    const path = await packOf((p) => (p.verificationKey.data = p.verificationKey.data.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'))));
    const { code, stderr } = await cli('verify', path);
    expect(code).toBe(3);
    expect(stderr).toContain('error verification_key_mismatch');
  });

  it("a pack naming the RSA-issuer circuit but carrying the P-256 circuit's key, or the reverse: exit 3 before its proof is read", async () => {
    for (const [id, other] of [['c2pa-es256-rsa', 'c2pa-es256'], ['c2pa-es256', 'c2pa-es256-rsa']] as const) {
      const path = await packOf((p) => {
        p.circuit = { id, version: id === 'c2pa-es256' ? 2 : 1, vkHash: EXPECTED_VKS[other].hash };
        p.verificationKey = { ...EXPECTED_VKS[other] };
      });
      const { code, stderr } = await cli('verify', path);
      expect(code).toBe(3);
      expect(stderr).toContain('error verification_key_mismatch');
    }
  });

  it('a pack of a circuit this version does not know: exit 3, circuit_version_unsupported, naming the circuits it accepts', async () => {
    const path = await packOf((p) => (p.circuit = { id: 'c2pa-ps256-rsa', version: 1, vkHash: EXPECTED_VK.hash }));
    const { code, stderr } = await cli('verify', path);
    expect(code).toBe(3);
    expect(stderr).toContain('error circuit_version_unsupported');
    expect(stderr).toContain('c2pa-es256 v2, c2pa-es256-rsa v1');
  });

  it('a trust-list key that is neither a P-256 point nor an RSA modulus the circuits take: pack_invalid', async () => {
    for (const key of ['rsa:' + '7f'.repeat(256), 'rsa:' + 'ff'.repeat(128), '05' + 'ab'.repeat(64)]) {
      const { code, stderr } = await cli('verify', await packOf((p) => (p.trustList.keys = [{ publicKey: key }])));
      expect(code).toBe(2);
      expect(stderr).toContain('error pack_invalid');
    }
  });

  it('a real proof of another program with the same public input, carrying this circuit key: exit 3', async () => {
    // The v1 forgery: any o1js program with three public fields proves "anything"; v1 verified with the pack's key.
    const Forged = ZkProgram({
      name: 'forged-statement',
      publicInput: StatementInput,
      methods: { claim: { privateInputs: [], async method(pub: StatementInput) { pub.assetHashHi.assertEquals(pub.assetHashHi); } } },
    });
    await Forged.compile({ cache: Cache.FileSystem(join(dir, 'forged-cache')) });
    const pki = await loadTestPki();
    const input = assetHashInput(Buffer.from(assetHash, 'hex'), trustRoot([await publicKeyOf(pki.intermediate)]));
    const { proof } = await Forged.claim(input);
    const path = await packOf((p) => (p.proof = proof.toJSON()));
    const { code, stderr } = await cli('verify', path, '--cache', join(dir, 'cache'));
    expect(code).toBe(3);
    expect(stderr).toContain('error proof_invalid');
  }, 180_000);

  it('--trust-list: a proof not anchored in the verifier list exits 3; the right list gets past the anchor', async () => {
    const other = await cli('verify', await packOf(), '--trust-list', otherPem);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('error trust_list_mismatch');
    expect(other.stderr).toContain('"other"');
    // With the issuing CA's list the anchor holds, and only the (bogus) proof fails.
    const right = await cli('verify', await packOf(), '--trust-list', caPem, '--cache', join(dir, 'cache'));
    expect(right.code).toBe(3);
    expect(right.stderr).toContain('error proof_invalid');
  }, 120_000);

  it('a pack listing more trust-list keys than a proof holds: pack_invalid with its own sentence', async () => {
    const path = await packOf((p) => (p.trustList.keys = Array.from({ length: 70_000 }, () => p.trustList.keys[0])));
    const { code, stderr } = await cli('verify', path);
    expect(code).toBe(2);
    expect(stderr).toContain('error pack_invalid');
    expect(stderr).toContain('70000 trust-list keys; a proof holds at most 65536');
  });
});
