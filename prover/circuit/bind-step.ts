// The final step: joins the leaf and CA signature proofs, checks that every byte window the statement relies on
// lies where the prover says (CBOR/DER/JUMBF framing, see SOUNDNESS.md), and exposes only assetHash and trustRoot.
import { Bool, Field, Gadgets, Provable, ZkProgram } from '../o1js.js';
import { BindParams, challenge, halves128, limbs88 } from './bind-params.js';
import { ChainState, hashChainState } from './chain-state.js';
import { ecdsaCommitment, EcdsaStepProof, digestBytes } from './ecdsa-step.js';
import {
  ASSET_HASH_PREFIX, CLAIM_REF_SUFFIX, HASH_DATA_LABEL, JUMD_CBOR, P256_SPKI_PREFIX, SIG_STRUCTURE_PREFIX,
  SPKI_LENGTH, X5CHAIN_KEY, CLAIM_REF_LENGTH, JUMD_WINDOW_LENGTH, ASSET_HASH_WINDOW_LENGTH,
} from './framing.js';
import { assertLe, assertWindow, Capture, openCapture, pow, powersOf, rlc, type Opened } from './rlc-gadgets.js';
import { TrustPath, trustLeafFields } from './trust-tree.js';
import { StatementInput } from './statement.js';

/** Capture slots: S 0..7, TBS 8..11, assertion 12..16. */
export const CAPTURE_COUNT = 17;
export const Captures = Provable.Array(Capture, CAPTURE_COUNT);

/** RLC of a CBOR byte-string header for length hi*256+lo in its canonical 1/2/3-byte form; returns [rlc, size]. */
export function bstrHeader(form: Bool[], hi: Field, lo: Field, r: Field): [Field, Field] {
  const [f1, f2, f3] = form.map((b) => b.toField());
  f1.add(f2).add(f3).assertEquals(1, 'one header form');
  hi.mul(f1.add(f2)).assertEquals(0, 'short header length fits one byte');
  assertLe(lo, Provable.if(form[0], Field(23), Field(255)), 'immediate length below 24');
  assertLe(f2.mul(24), lo, 'one-byte length at least 24');
  assertLe(f3, hi, 'two-byte length at least 256');
  const one = f1.mul(Field(0x40).add(lo));
  const two = f2.mul(rlc([0x58, lo], r));
  const three = f3.mul(rlc([0x59, hi, lo], r));
  return [one.add(two).add(three), f1.add(f2.mul(2)).add(f3.mul(3))];
}

function bytes8(values: Field[]): void {
  for (const v of values) Gadgets.rangeCheck8(v);
}

export function bindChecks(
  pub: StatementInput,
  leafCommitment: Field,
  caCommitment: Field,
  s: ChainState,
  t: ChainState,
  a: ChainState,
  p: BindParams,
  caps: Capture[],
  path: TrustPath,
): void {
  bytes8([p.lpHi, p.lpLo, p.lcHi, p.lcLo, p.arrByte, p.certHi, p.certLo, p.bodyHi, p.bodyLo, p.tbsHi, p.tbsLo]);
  bytes8([p.toggles, ...p.padS, ...p.padT, ...p.padA, ...p.leafKey, ...p.caKey, ...p.assetHash]);

  // Fiat-Shamir: every chain ran with the challenge derived from what they hashed and from all offsets.
  const r = challenge(s, t, a, p);
  s.r.assertEquals(r, 'challenge S');
  t.r.assertEquals(r, 'challenge TBS');
  a.r.assertEquals(r, 'challenge assertion');
  t.prev.assertEquals(hashChainState(a), 'the TBS chain continues the assertion chain');

  // Signatures: the leaf key signed SHA-256(S); the CA key signed SHA-256(TBS); the CA key is in the trust list.
  const leafLimbs = [...limbs88(p.leafKey.slice(0, 32)), ...limbs88(p.leafKey.slice(32))];
  const caLimbs = [...limbs88(p.caKey.slice(0, 32)), ...limbs88(p.caKey.slice(32))];
  leafCommitment.assertEquals(ecdsaCommitment(s, leafLimbs), 'leaf signature proof');
  caCommitment.assertEquals(ecdsaCommitment(t, caLimbs), 'CA signature proof');
  const [xh, xl] = halves128(p.caKey.slice(0, 32));
  const [yh, yl] = halves128(p.caKey.slice(32));
  path.calculateRoot(trustLeafFields([xh, xl, yh, yl])).assertEquals(pub.trustRoot, 'CA key in the trust list');
  const [ah, al] = halves128(p.assetHash);
  ah.assertEquals(pub.assetHashHi, 'asset hash');
  al.assertEquals(pub.assetHashLo, 'asset hash');

  const rp = powersOf(r);
  const r64 = rp[64];
  const open = (state: ChainState, slot: number, capIndex: number, pos: Field): Opened =>
    openCapture(state, slot, caps[capIndex], pos, rp, r64);
  const start: Opened = { pre: Field(0), rPos: Field(1) };

  // --- S = ["Signature1", protected, h'', claim] -------------------------------------------------------------
  const lp = p.lpHi.mul(256).add(p.lpLo);
  const lc = p.lcHi.mul(256).add(p.lcLo);
  const [lpHdr, lpHdrLen] = bstrHeader(p.lpForm, p.lpHi, p.lpLo, r);
  const [lcHdr, lcHdrLen] = bstrHeader(p.lcForm, p.lcHi, p.lcLo, r);
  const p0 = Field(SIG_STRUCTURE_PREFIX.length).add(lpHdrLen);
  const pEnd = p0.add(lp);
  const c0 = pEnd.add(1).add(lcHdrLen);
  const sLen = c0.add(lc);
  const sP0 = open(s, 0, 0, p0);
  const sPEnd = open(s, 1, 1, pEnd);
  const sC0 = open(s, 2, 2, c0);
  const sEnd = open(s, 3, 3, sLen);
  assertWindow(start, sP0, rlc(SIG_STRUCTURE_PREFIX, r).add(rp[SIG_STRUCTURE_PREFIX.length].mul(lpHdr)), 'S header');
  assertWindow(sPEnd, sC0, Field(0x40).add(r.mul(lcHdr)), 'S empty external_aad and claim header');
  padding(s, sLen, sEnd, p.padS, r);

  // x5chain in the protected header: key 33, [array header], leaf bstr header, certificate header, then the TBS.
  const tLen = p.tbsHi.mul(256).add(p.tbsLo).add(4);
  assertLe(Field(0x81), Provable.if(p.isArray, p.arrByte, Field(0x81)), 'x5chain array of at least one');
  assertLe(Provable.if(p.isArray, p.arrByte, Field(0x81)), Field(0x97), 'x5chain array header');
  p.certHi.mul(256).add(p.certLo).assertEquals(p.bodyHi.mul(256).add(p.bodyLo).add(4), 'bstr holds the certificate');
  assertLe(tLen, p.bodyHi.mul(256).add(p.bodyLo), 'the TBS lies inside the certificate');
  const a1 = p.isArray.toField();
  const certHeader = rlc([0x59, p.certHi, p.certLo, 0x30, 0x82, p.bodyHi, p.bodyLo], r);
  const x5Head = rlc(X5CHAIN_KEY, r)
    .add(a1.mul(rp[2]).mul(p.arrByte))
    .add(Provable.if(p.isArray, rp[3], rp[2]).mul(certHeader));
  const x5Len = a1.add(9);
  const tEnd = open(t, 3, 11, tLen);
  const e2 = p.o2.add(x5Len).add(tLen);
  assertLe(p0, p.o2, 'x5chain inside the protected header');
  assertLe(e2, pEnd, 'x5chain inside the protected header');
  const sO2 = open(s, 4, 4, p.o2);
  const sE2 = open(s, 5, 5, e2);
  const x5Pow = Provable.if(p.isArray, rp[10], rp[9]);
  assertWindow(sO2, sE2, x5Head.add(x5Pow.mul(tEnd.pre)), 'leaf certificate in x5chain');

  // The claim references the hard-binding assertion by SHA-256(A).
  const e3 = p.o3.add(CLAIM_REF_LENGTH);
  assertLe(c0, p.o3, 'reference inside the claim');
  assertLe(e3, sLen, 'reference inside the claim');
  const sO3 = open(s, 6, 6, p.o3);
  const sE3 = open(s, 7, 7, e3);
  const digestA = digestBytes(a).map((b) => b.value);
  assertWindow(sO3, sE3, rlc([...CLAIM_REF_SUFFIX, ...digestA], r), 'claim reference to c2pa.hash.data');

  // --- TBS: SEQUENCE header, then the P-256 SubjectPublicKeyInfo of the leaf key --------------------------------
  const t4 = open(t, 0, 8, Field(4));
  assertWindow(start, t4, rlc([0x30, 0x82, p.tbsHi, p.tbsLo], r), 'TBS header');
  const e4 = p.o4.add(SPKI_LENGTH);
  assertLe(Field(4), p.o4, 'key inside the TBS');
  assertLe(e4, tLen, 'key inside the TBS');
  const tO4 = open(t, 1, 9, p.o4);
  const tE4 = open(t, 2, 10, e4);
  assertWindow(tO4, tE4, rlc([...P256_SPKI_PREFIX, ...p.leafKey], r), 'leaf key in the TBS');
  padding(t, tLen, tEnd, p.padT, r);

  // --- Assertion: labelled c2pa.hash.data, carrying assetHash under "hash" ----------------------------------------
  p.o5.sub(4).mul(p.o5.sub(12)).assertEquals(0, 'jumd box at the start of the assertion');
  p.toggles.sub(0x03).mul(p.toggles.sub(0x13)).assertEquals(0, 'labelled assertion toggles');
  const aO5 = open(a, 0, 12, p.o5);
  const aE5 = open(a, 1, 13, p.o5.add(JUMD_WINDOW_LENGTH));
  assertWindow(aO5, aE5, rlc([...JUMD_CBOR, p.toggles, ...HASH_DATA_LABEL], r), 'c2pa.hash.data label');
  const e6 = p.o6.add(ASSET_HASH_WINDOW_LENGTH);
  assertLe(p.o5.add(JUMD_WINDOW_LENGTH), p.o6, 'hash after the label');
  assertLe(e6, p.aLen, 'hash inside the assertion');
  const aO6 = open(a, 2, 14, p.o6);
  const aE6 = open(a, 3, 15, e6);
  assertWindow(aO6, aE6, rlc([...ASSET_HASH_PREFIX, ...p.assetHash], r), 'asset hash in the assertion');
  const aEnd = open(a, 4, 16, p.aLen);
  padding(a, p.aLen, aEnd, p.padA, r);
}

/** The chain hashed exactly the message of length `len` followed by standard SHA-256 padding. */
function padding(state: ChainState, len: Field, end: Opened, lenBytes: Field[], r: Field): void {
  lenBytes[0].mul(256).add(lenBytes[1]).assertEquals(len.mul(8), 'SHA-256 length field');
  const gap = state.n.mul(64).sub(len).sub(9);
  gap.toBits(6); // 0 <= gap < 64: the padding fills exactly the last block
  const padRlc = Field(0x80).add(pow(r, gap.add(7), 7).mul(rlc(lenBytes, r)));
  assertWindow(end, { pre: state.acc, rPos: Field(0) }, padRlc, 'SHA-256 padding');
}

export const C2paEs256 = ZkProgram({
  name: 'c2pa-es256',
  publicInput: StatementInput,
  methods: {
    bind: {
      privateInputs: [EcdsaStepProof, EcdsaStepProof, ChainState, ChainState, ChainState, BindParams, Captures, TrustPath],
      async method(
        pub: StatementInput,
        leaf: EcdsaStepProof,
        ca: EcdsaStepProof,
        s: ChainState,
        t: ChainState,
        a: ChainState,
        params: BindParams,
        caps: Capture[],
        path: TrustPath,
      ) {
        leaf.verify();
        ca.verify();
        bindChecks(pub, leaf.publicOutput, ca.publicOutput, s, t, a, params, caps, path);
      },
    },
  },
});

export class C2paEs256Proof extends ZkProgram.Proof(C2paEs256) {}
