// The final step's constraints on honest and tampered witnesses (constraint checks only, no proving).
import { describe, expect, it, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { buildWitness, type CircuitWitness } from '../../prover/circuit/witness.js';
import { loadTestPki } from '../support/pki.js';
import { makeEvidence, publicKeyOf } from './circuit-support/evidence.js';
import { chainStates, runBind } from './circuit-support/bind-run.js';

let keys: { x: bigint; y: bigint }[];
let honest: CircuitWitness;
let states: ReturnType<typeof chainStates>;

beforeAll(async () => {
  const pki = await loadTestPki();
  keys = [await publicKeyOf(pki.root), await publicKeyOf(pki.intermediate)];
  honest = buildWitness(await makeEvidence(), { keys });
  states = chainStates(honest);
}, 120_000);

describe('final step constraints', () => {
  it('accept an honest witness', async () => {
    await runBind(honest, states);
  });

  it('reject a tampered photo (asset hash differs)', async () => {
    const other = createHash('sha256').update('other pixels').digest();
    await expect(runBind(honest, states, { assetHash: other })).rejects.toThrow();
  });
});
