// The final step's constraints on honest and tampered witnesses (constraint checks only, no proving): each attack
// in the statement must leave the constraints unsatisfiable, not merely be refused by the witness builder.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ShutterproofError } from '../../common/error-codes.js';
import { buildWitness, type CircuitWitness } from '../../prover/circuit/witness.js';
import { trustRoot } from '../../prover/circuit/trust-tree.js';
import { CLAIM_REF_SUFFIX } from '../../prover/circuit/framing.js';
import { loadTestPki } from '../support/pki.js';
import { hashDataAssertion, makeEvidence, publicKeyOf } from './circuit-support/evidence.js';
import { chainStates, runBind } from './circuit-support/bind-run.js';

type Key = { x: bigint; y: bigint };
let keys: Key[];
let otherKey: Key;
let honest: CircuitWitness;
let evidence: Awaited<ReturnType<typeof makeEvidence>>;
let states: ReturnType<typeof chainStates>;
const assetHash = createHash('sha256').update('pixels of a test photo').digest();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();

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
  it('accept an honest witness', async () => {
    await runBind(honest, states);
  });

  it('reject a tampered photo (asset hash differs)', async () => {
    const other = createHash('sha256').update('other pixels').digest();
    await expect(runBind(honest, states, { assetHash: other })).rejects.toThrow(/asset hash/);
  });

  it('reject a CA outside the trust list', async () => {
    // The issuing CA is not in this list: the witness builder refuses, and the honest path fails the Merkle check.
    expect(codeOf(() => buildWitness(evidence, { keys: [keys[0], otherKey] }))).toBe('untrusted_signer');
    await expect(runBind(honest, states, { trustRoot: trustRoot([keys[0], otherKey]) })).rejects.toThrow(/trust list/);
  });

  it('reject a claim whose assertion reference is changed', async () => {
    const changed = await makeEvidence({ refHash: sha(Buffer.from('another assertion')) });
    expect(codeOf(() => buildWitness(changed, { keys }))).toBe('manifest_invalid');
    // Force the window onto the changed reference: its bytes no longer end in SHA-256 of the assertion.
    const at = Buffer.from(changed.sigStructure).indexOf(Buffer.from(CLAIM_REF_SUFFIX));
    const w = buildWitness(changed, { keys }, { claimRefAt: at });
    await expect(runBind(w)).rejects.toThrow(/claim reference/);
  });

  it('reject a reference url that does not name c2pa.hash.data', async () => {
    // Same hash (the genuine SHA-256 of the assertion), only the url names another assertion.
    const changed = await makeEvidence({ refUrl: 'self#jumbf=c2pa.assertions/c2pa.thumbnail' });
    expect(codeOf(() => buildWitness(changed, { keys }))).toBe('manifest_invalid');
    const urlEnd = Buffer.from(changed.sigStructure).indexOf(Buffer.from('c2pa.thumbnail')) + 'c2pa.thumbnail'.length;
    const w = buildWitness(changed, { keys }, { claimRefAt: urlEnd - 'c2pa.assertions/c2pa.hash.data'.length });
    await expect(runBind(w)).rejects.toThrow(/claim reference/);
  });

  it('reject a Sig_structure pointing at a look-alike reference outside the claim', async () => {
    // The exact bytes of a genuine reference, planted in the protected header; the claim itself references
    // something else. The run is byte-identical, so only the "inside the claim" bounds can refuse it.
    const A = hashDataAssertion(assetHash);
    const lookAlike = Buffer.concat([Buffer.from('self#jumbf='), Buffer.from(CLAIM_REF_SUFFIX), sha(A)]);
    const ev = await makeEvidence({ protectedExtra: lookAlike, refHash: sha(Buffer.from('x')) });
    const at = Buffer.from(ev.sigStructure).indexOf(Buffer.from(CLAIM_REF_SUFFIX));
    expect(at).toBeLessThan(ev.sigStructure.length - ev.claim.length);
    const w = buildWitness(ev, { keys }, { claimRefAt: at });
    await expect(runBind(w)).rejects.toThrow(/reference inside the claim/);
  });

  it('reject offsets changed after the challenge was fixed', async () => {
    await expect(runBind(honest, states, { params: (p) => ({ ...p, o4: p.o4.add(1) }) })).rejects.toThrow(/challenge/);
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

