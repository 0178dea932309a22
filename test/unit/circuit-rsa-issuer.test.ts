// Circuit c2pa-es256-rsa: an ES256 claim signature by a leaf certificate that an RSA CA signed (Truepic's layout,
// certificates in the unprotected header). Constraint checks only: the issuer's PKCS#1 v1.5 step on the TBS chain,
// and the final step with the RSA key's commitment and trust-tree leaf. Each refusal names the link it attacks
// (prover/circuit/SOUNDNESS.md, "Circuit c2pa-es256-rsa").
import { beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { Bool, Field, Provable } from '../../prover/o1js.js';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { ChainState } from '../../prover/circuit/chain-state.js';
import { powerStates } from '../../prover/circuit/issuer-branch.js';
import { PowerState } from '../../prover/circuit/rsa/rsa-power.js';
import { pkcs1Check, rsaCommitment } from '../../prover/circuit/rsa/rsa-check.js';
import { KEY_BYTES } from '../../prover/circuit/rsa/encoding.js';
import { toLimbs } from '../../prover/circuit/rsa/limbs.js';
import { rsaTrustLeafFields, trustLeaf, trustLeafFields, trustRoot, type CaKey, type RsaKey } from '../../prover/circuit/trust-tree.js';
import { buildWitness, type CircuitWitness } from '../../prover/circuit/witness.js';
import { loadTestPki, type TestCert } from '../support/pki.js';
import { smallJpeg } from '../support/photos.js';
import { signPhoto, signRsaIssuerLayout } from '../support/sign.js';
import { chainStates, runBind } from './circuit-support/bind-run.js';
import { publicKeyOf } from './circuit-support/evidence.js';

const rsaKeyOf = (cert: TestCert): RsaKey => ({
  n: BigInt('0x' + Buffer.from(new X509Certificate(cert.der).publicKey.export({ format: 'jwk' }).n!, 'base64url').toString('hex')),
});

let keys: CaKey[];
let other2048: RsaKey;
let honest: CircuitWitness;
let honest2048: CircuitWitness;

/** Runs the issuer's PKCS#1 step on the TBS chain's final state and a power state (no proofs). */
function runPkcs1(t: ChainState, power: PowerState) {
  return Provable.runAndCheck(() => {
    pkcs1Check(Provable.witness(ChainState, () => t), Provable.witness(PowerState, () => power));
  });
}

beforeAll(async () => {
  const pki = await loadTestPki();
  other2048 = rsaKeyOf(pki.rsaCa2048);
  // A mixed list: the RSA CA among P-256 ones.
  keys = [await publicKeyOf(pki.root), rsaKeyOf(pki.rsaCa), await publicKeyOf(pki.intermediate)];
  const photo = await signRsaIssuerLayout(smallJpeg(5));
  honest = buildWitness(readEvidence(photo), { keys });
  const photo2048 = await signPhoto(smallJpeg(6), { writer: 'c2pa-rs', format: 'jpeg', signer: pki.rsaCa2048Leaf, chain: [pki.rsaCa2048] });
  honest2048 = buildWitness(readEvidence(photo2048), { keys: [other2048] });
}, 180_000);

describe('circuit c2pa-es256-rsa', () => {
  it('is chosen for a leaf that an RSA CA signed, with the RSA key at its place in the list', () => {
    expect(honest.circuit).toBe('c2pa-es256-rsa');
    expect(honest.issuer.kind).toBe('rsa');
    expect(honest.caIndex).toBe(1);
    expect(honest2048.circuit).toBe('c2pa-es256-rsa');
  });

  it('accepts the issuer RSA-4096 and RSA-2048 signatures on the TBS, and the final step over them', async () => {
    for (const w of [honest, honest2048]) {
      if (w.issuer.kind !== 'rsa') throw new Error('expected an RSA issuer');
      const states = chainStates(w);
      const last = powerStates(w.issuer.key, w.issuer.signature).at(-1)!;
      await runPkcs1(states.t, last);
      await runBind(w, states);
    }
  }, 180_000);

  it('refuses an RSA signature over another TBS (link 7r: the digest comes from the TBS chain)', async () => {
    if (honest.issuer.kind !== 'rsa' || honest2048.issuer.kind !== 'rsa') throw new Error('expected RSA issuers');
    const last = powerStates(honest.issuer.key, honest.issuer.signature).at(-1)!;
    await expect(runPkcs1(chainStates(honest2048).t, last)).rejects.toThrow(/PKCS#1 v1.5 signature/);
  }, 120_000);

  it('refuses a power state that stopped before s^65537 (one power step, not two)', async () => {
    if (honest.issuer.kind !== 'rsa') throw new Error('expected an RSA issuer');
    const halfway = powerStates(honest.issuer.key, honest.issuer.signature)[1];
    await expect(runPkcs1(chainStates(honest).t, halfway)).rejects.toThrow(/s\^65537/);
  }, 120_000);

  it("refuses the final step with another RSA key than the one the issuer's step committed to", async () => {
    if (honest.issuer.kind !== 'rsa') throw new Error('expected an RSA issuer');
    const forged: CircuitWitness = { ...honest, issuer: { ...honest.issuer, key: other2048 } };
    await expect(runBind(forged, chainStates(honest), { caCommitment: rsaCommitmentFor(honest) })).rejects.toThrow(/CA signature proof/);
  }, 120_000);

  it('refuses an RSA CA that is not in the trust list', async () => {
    await expect(runBind(honest, chainStates(honest), { trustRoot: trustRoot([keys[0], other2048]) })).rejects.toThrow(/trust list/);
  }, 120_000);

  it('keeps key kinds apart in the trust tree: an RSA leaf starts with 2^128, which no P-256 leaf can', async () => {
    const rsa = keys[1] as RsaKey;
    const size = KEY_BYTES.findIndex((k) => rsa.n >> BigInt(8 * k - 1) === 1n);
    const fields = toLimbs(rsa.n).map((x) => Field(x));
    expect(trustLeaf(rsa)).toBe(rsaTrustLeafFields(KEY_BYTES.map((_, i) => Bool(i === size)), fields).toBigInt());
    expect(trustLeaf(rsa)).not.toBe(trustLeafFields([fields[0], fields[1], fields[2], fields[3]]).toBigInt());
    // The P-256 leaf's first input is range-checked below 2^128 in the circuit (packBytes of the key bytes).
    expect(trustLeaf(keys[0])).not.toBe(trustLeaf(rsa));
  });
});

/** The commitment the honest issuer step made: with it, a different key fails the final step's opening. */
function rsaCommitmentFor(w: CircuitWitness): Field {
  if (w.issuer.kind !== 'rsa') throw new Error('expected an RSA issuer');
  const key = powerStates(w.issuer.key, w.issuer.signature)[0];
  return rsaCommitment(chainStates(w).t, key.n, key.size);
}
