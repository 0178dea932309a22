// The final step: joins the leaf and CA signature proofs, checks that every byte window the statement relies on
// lies where the prover says, inside the CBOR/DER/JUMBF structure that gives it its meaning (SOUNDNESS.md), and
// exposes only assetHash and trustRoot.
import { Field, Gadgets, Provable, ZkProgram } from '../o1js.js';
import { assertionChecks, ASSERTION_OPENINGS } from './assertion-windows.js';
import { BindParams, challenge, halves128, limbs88 } from './bind-params.js';
import { ChainState, hashChainState } from './chain-state.js';
import { ecdsaCommitment, EcdsaStepProof, digestBytes } from './ecdsa-step.js';
import { assertWindow, Capture, openCapture, pow, rlc, type Opened } from './rlc-gadgets.js';
import { sigChecks, SIG_OPENINGS } from './sig-windows.js';
import { p256Spki, tbsChecks, TBS_OPENINGS } from './tbs-walk.js';
import { p256IssuerKey, rsaIssuerKey, RsaKeyInput, type IssuerKey } from './issuer-key.js';
import { RsaPkcs1StepProof } from './rsa/rsa-check.js';
import { TrustPath } from './trust-tree.js';
import { StatementInput } from './statement.js';
import { RlcContext } from './window-gadgets.js';

/** Openings, message by message in this order: S, TBS, assertion. */
export const CAPTURE_COUNT = SIG_OPENINGS + TBS_OPENINGS + ASSERTION_OPENINGS;
export const Captures = Provable.Array(Capture, CAPTURE_COUNT);

/** Opens positions of one message from its captures, one capture slot after the other. */
function opener(state: ChainState, captures: Capture[], ctx: RlcContext): { open: (pos: Field) => Opened; done: () => void } {
  let k = 0;
  return {
    open(pos: Field) {
      if (k >= captures.length) throw new Error('more openings than captures');
      const opened = openCapture(state, k, captures[k], pos, ctx.rp, ctx.rp[64]);
      k++;
      return opened;
    },
    done() {
      if (k !== captures.length) throw new Error(`${captures.length - k} captures left unopened`);
    },
  };
}

export function bindChecks(
  pub: StatementInput,
  leafCommitment: Field,
  caCommitment: Field,
  issuerKey: (p: BindParams) => IssuerKey,
  s: ChainState,
  t: ChainState,
  a: ChainState,
  p: BindParams,
  caps: Capture[],
  path: TrustPath,
): void {
  for (const v of [...p.padS, ...p.padT, ...p.padA]) Gadgets.rangeCheck8(v);

  // Fiat-Shamir: every chain ran with the challenge derived from what they hashed, all offsets and opened blocks.
  const r = challenge(s, t, a, p, caps);
  s.r.assertEquals(r, 'challenge S');
  t.r.assertEquals(r, 'challenge TBS');
  a.r.assertEquals(r, 'challenge assertion');
  t.prev.assertEquals(hashChainState(a), 'the TBS chain continues the assertion chain');

  // Signatures: the leaf key signed SHA-256(S); the CA key signed SHA-256(TBS); the CA key is in the trust list.
  const leafLimbs = [...limbs88(p.leafKey.slice(0, 32)), ...limbs88(p.leafKey.slice(32))];
  const ca = issuerKey(p);
  leafCommitment.assertEquals(ecdsaCommitment(s, leafLimbs), 'leaf signature proof');
  caCommitment.assertEquals(ca.commitment(t), 'CA signature proof');
  path.calculateRoot(ca.leaf()).assertEquals(pub.trustRoot, 'CA key in the trust list');
  const [ah, al] = halves128(p.assetHash);
  ah.assertEquals(pub.assetHashHi, 'asset hash');
  al.assertEquals(pub.assetHashLo, 'asset hash');

  const ctx = new RlcContext(r);
  const sOpen = opener(s, caps.slice(0, SIG_OPENINGS), ctx);
  const tOpen = opener(t, caps.slice(SIG_OPENINGS, SIG_OPENINGS + TBS_OPENINGS), ctx);
  const aOpen = opener(a, caps.slice(SIG_OPENINGS + TBS_OPENINGS), ctx);

  const tbs = tbsChecks(ctx, tOpen.open, p.t, () => p256Spki(ctx, p.leafKey), ca.algorithm);
  padding(t, tbs.length, tbs.end, p.padT, r);
  const digestA = digestBytes(a).map((b) => b.value);
  const sig = sigChecks(ctx, sOpen.open, p.s, digestA);
  padding(s, sig.length, sig.end, p.padS, r);
  const assertion = assertionChecks(ctx, aOpen.open, p.a, p.assetHash);
  padding(a, assertion.length, assertion.end, p.padA, r);
  [sOpen, tOpen, aOpen].forEach((o) => o.done());
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
        bindChecks(pub, leaf.publicOutput, ca.publicOutput, (p) => p256IssuerKey(p.caKey), s, t, a, params, caps, path);
      },
    },
  },
});

export class C2paEs256Proof extends ZkProgram.Proof(C2paEs256) {}

/** ES256 claim signature by a leaf certificate that an RSA CA signed (sha256WithRSAEncryption): Truepic's layout. */
export const C2paEs256RsaCa = ZkProgram({
  name: 'c2pa-es256-rsa',
  publicInput: StatementInput,
  methods: {
    bind: {
      privateInputs: [EcdsaStepProof, RsaPkcs1StepProof, RsaKeyInput, ChainState, ChainState, ChainState, BindParams, Captures, TrustPath],
      async method(
        pub: StatementInput,
        leaf: EcdsaStepProof,
        ca: RsaPkcs1StepProof,
        caKey: RsaKeyInput,
        s: ChainState,
        t: ChainState,
        a: ChainState,
        params: BindParams,
        caps: Capture[],
        path: TrustPath,
      ) {
        leaf.verify();
        ca.verify();
        bindChecks(pub, leaf.publicOutput, ca.publicOutput, () => rsaIssuerKey(caKey), s, t, a, params, caps, path);
      },
    },
  },
});

export class C2paEs256RsaCaProof extends ZkProgram.Proof(C2paEs256RsaCa) {}
