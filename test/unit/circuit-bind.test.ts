// The final step's constraints on honest and dishonest witnesses (constraint checks only, no proving). Each test
// names the link of SOUNDNESS.md it attacks; a dishonest witness is built with the witness builder's test hooks,
// so the challenge is derived from the forged values exactly as a cheating prover would derive it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ShutterproofError } from '../../common/error-codes.js';
import { Bool, Field } from '../../prover/o1js.js';
import { Capture } from '../../prover/circuit/rlc-gadgets.js';
import { buildWitness, type CircuitWitness } from '../../prover/circuit/witness.js';
import { trustRoot } from '../../prover/circuit/trust-tree.js';
import { ASSET_HASH_KEY, CLAIM_REF_ENTRIES, PAD_KEY } from '../../prover/circuit/framing.js';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { loadTestPki } from '../support/pki.js';
import { smallJpeg, smallPng } from '../support/photos.js';
import { signPhoto } from '../support/sign.js';
import { hashDataAssertion, makeEvidence, publicKeyOf } from './circuit-support/evidence.js';
import { chainStates, runBind } from './circuit-support/bind-run.js';

type Key = { x: bigint; y: bigint };
let keys: Key[];
let otherKey: Key;
let honest: CircuitWitness;
let evidence: Awaited<ReturnType<typeof makeEvidence>>;
let states: ReturnType<typeof chainStates>;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();
const assetHash = sha(Buffer.from('pixels of a test photo'));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ShutterproofError ? error.code : String(error);
  }
  return undefined;
}

beforeAll(async () => {
  const pki = await loadTestPki();
  keys = [await publicKeyOf(pki.root), await publicKeyOf(pki.intermediate)];
  otherKey = await publicKeyOf(pki.other);
  evidence = await makeEvidence();
  honest = buildWitness(evidence, { keys });
  states = chainStates(honest);
}, 120_000);

describe('final step constraints', () => {
  it('accept honest witnesses: the test evidence and manifests written by c2pa-rs and c2pa-ts', async () => {
    await runBind(honest, states);
    for (const writer of ['c2pa-rs', 'c2pa-ts'] as const) {
      const signed = await signPhoto(writer === 'c2pa-rs' ? smallJpeg() : smallPng(), { writer, format: writer === 'c2pa-rs' ? 'jpeg' : 'png' });
      await runBind(buildWitness(readEvidence(signed), { keys }));
    }
  }, 120_000);

  it('accept certificates in the unprotected header (a C2PA 1.x claim by c2pa-rs)', async () => {
    const signed = await signPhoto(smallJpeg(3), { writer: 'c2pa-rs', format: 'jpeg', x5chainIn: 'unprotected', claimVersion: 1 });
    const ev = readEvidence(signed);
    expect(ev.x5chainIn).toBe('unprotected');
    await runBind(buildWitness(ev, { keys }));
  }, 120_000);

  it('public asset hash: reject a tampered photo', async () => {
    await expect(runBind(honest, states, { assetHash: sha(Buffer.from('other pixels')) })).rejects.toThrow(/asset hash/);
  });

  it('trust list: reject a CA outside it', async () => {
    expect(codeOf(() => buildWitness(evidence, { keys: [keys[0], otherKey] }))).toBe('untrusted_signer');
    await expect(runBind(honest, states, { trustRoot: trustRoot([keys[0], otherKey]) })).rejects.toThrow(/trust list/);
  });

  it('challenge: reject offsets changed after it was fixed', async () => {
    const moved = buildWitness(evidence, { keys }, { layout: (l) => void (l.assertion.params.hashAt = l.assertion.params.hashAt.add(1)) });
    await expect(runBind({ ...moved, r: honest.r }, states)).rejects.toThrow(/challenge/);
  });

  it('challenge: reject an opened block whose bytes were shifted to keep its RLC (forged capture)', async () => {
    // +1 on byte j and -1/r on byte j+1 leaves sum b_i r^i unchanged but moves every partial sum that stops at j+1.
    const k = 0;
    const j = 10;
    const bytes = [...honest.captures[k].bytes];
    bytes[j] = bytes[j].add(1);
    bytes[j + 1] = bytes[j + 1].sub(Field(honest.r).inv());
    const captures = honest.captures.map((c, i) => (i === k ? new Capture({ ...c, bytes }) : c));
    await expect(runBind({ ...honest, captures }, states)).rejects.toThrow();
  });

  it('challenge: covers every opened byte (a byte changed within range changes r)', async () => {
    const bytes = [...honest.captures[3].bytes];
    bytes[5] = Field((Number(bytes[5].toBigInt()) + 1) % 256);
    const captures = honest.captures.map((c, i) => (i === 3 ? new Capture({ ...c, bytes }) : c));
    await expect(runBind({ ...honest, captures }, states)).rejects.toThrow(/challenge S/);
  });

  it('protected header: reject one that does not begin with alg ES256', async () => {
    const ev = await makeEvidence({ protectedFirst: [Buffer.from([0x61, 0x78]), Buffer.from([0x40])] });
    expect(codeOf(() => buildWitness(ev, { keys }))).toBe('manifest_invalid');
  });

  it('claim reference: reject a changed hash of the assertion', async () => {
    const changed = await makeEvidence({ refHash: sha(Buffer.from('another assertion')) });
    expect(codeOf(() => buildWitness(changed, { keys }))).toBe('manifest_invalid');
    const at = Buffer.from(changed.sigStructure).indexOf(Buffer.from(CLAIM_REF_ENTRIES)) - 1;
    await expect(runBind(buildWitness(changed, { keys }, { claimRefAt: at }))).rejects.toThrow(/claim reference/);
  });

  it('claim reference: reject a url that only ends like the hash.data url', async () => {
    // Another manifest's hash.data, with the genuine hash of this assertion: v1 matched only the url's end.
    const url = 'self#jumbf=/c2pa/urn:uuid:forged/c2pa.assertions/c2pa.hash.data';
    const changed = await makeEvidence({ refUrl: url });
    expect(codeOf(() => buildWitness(changed, { keys }))).toBe('manifest_invalid');
    const urlAt = Buffer.from(changed.sigStructure).indexOf(Buffer.from(url));
    const at = urlAt + url.length - 'self#jumbf=c2pa.assertions/c2pa.hash.data'.length - 7;
    await expect(runBind(buildWitness(changed, { keys }, { claimRefAt: at }))).rejects.toThrow(/claim reference/);
  });

  it('claim reference: reject a genuine-looking reference planted outside the claim', async () => {
    const A = hashDataAssertion(assetHash);
    const lookAlike = Buffer.concat([Buffer.from([0xa2]), Buffer.from(CLAIM_REF_ENTRIES), sha(A)]);
    const ev = await makeEvidence({ protectedExtra: lookAlike, refHash: sha(Buffer.from('x')) });
    const at = Buffer.from(ev.sigStructure).indexOf(lookAlike);
    expect(at).toBeLessThan(ev.sigStructure.length - ev.claim.length);
    await expect(runBind(buildWitness(ev, { keys }, { claimRefAt: at }))).rejects.toThrow(/reference inside the claim/);
  });

  it('asset hash: reject a look-alike hash/pad run inside another entry of hash.data', async () => {
    // The signer's assertion carries, inside its "name" text, the bytes of a hash entry with the forger's hash,
    // a pad key and a pad header reaching exactly the end of the assertion. Only the zeros check can refuse it.
    const forged = sha(Buffer.from('the picture the forger wants'));
    const build = (padLen: number) =>
      Buffer.concat([Buffer.from(ASSET_HASH_KEY), forged, Buffer.from(PAD_KEY), Buffer.from([0x58, padLen])]);
    const probe = hashDataAssertion(assetHash, { name: build(0) });
    const nameAt = Buffer.from(probe).indexOf(build(0));
    const padLen = probe.length - (nameAt + build(0).length);
    expect(padLen).toBeGreaterThanOrEqual(24);
    expect(padLen).toBeLessThan(256);
    const A = hashDataAssertion(assetHash, { name: build(padLen) });
    const ev = await makeEvidence({ assertion: A });
    const w = buildWitness(ev, { keys }, {
      layout: (l) => {
        const p = l.assertion.params;
        p.hashAt = Field(nameAt);
        p.pad.form = [false, true, false].map((b) => Bool(b));
        p.pad.hi = Field(0);
        p.pad.lo = Field(padLen);
        l.assertion.positions[4] = nameAt + build(0).length;
        l.assertion.positions[5] = nameAt;
        l.assetHash = forged;
      },
    });
    await expect(runBind(w)).rejects.toThrow(/the pad is zeros/);
  });

  it('refuse oversize input before proving', async () => {
    const big = await makeEvidence({ claimPadding: 5000 });
    let error: unknown;
    try {
      buildWitness(big, { keys });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShutterproofError);
    expect((error as ShutterproofError).code).toBe('input_exceeds_circuit_limits');
    expect((error as ShutterproofError).detail).toMatch(/Sig_structure is \d+ bytes; the circuit holds at most 4096/);
  });
});
