// Builds everything the prover needs from the C2PA evidence: finds every offset by reading the exact signed bytes'
// structure (witness-layout.ts), checks the maxima (refusing oversize input before any proving), picks the trust-list key that issued the leaf,
// and derives the Fiat-Shamir challenge exactly as the final step recomputes it.
import { createHash } from 'node:crypto';
import { Bool, Field } from '../o1js.js';
import { ShutterproofError } from '../../common/error-codes.js';
import type { ManifestEvidence } from '../c2pa/evidence.js';
import { BindParams, challenge } from './bind-params.js';
import { ChainState } from './chain-state.js';
import { BLOCKS_PER_STEP, CAPTURES, LIMITS, type CircuitId } from './constants.js';
import { padded } from './field-native.js';
import { findIssuerKey, readLeafCertificate, type LeafCertificate } from './leaf-certificate.js';
import { Capture } from './rlc-gadgets.js';
import { type CaKey, isRsaKey, type P256Key, type RsaKey, TrustPath, trustPath, trustRoot } from './trust-tree.js';
import type { AssertionParams } from './assertion-windows.js';
import type { SigParams } from './sig-windows.js';
import type { TbsParams } from './tbs-walk.js';
import { assertionLayout, invalid, sigLayout, tbsLayout, type Layout } from './witness-layout.js';

export interface MessagePlan {
  /** Message followed by its SHA-256 padding. */
  padded: Uint8Array;
  length: number;
  /** Block index of each capture slot of this message's chain. */
  capBlocks: number[];
  /** Blocks hashed by each chain step. */
  steps: number[];
}

/** The CA's key and its signature on the leaf's TBSCertificate, by kind. */
export type IssuerWitness =
  | { kind: 'ecdsa'; key: P256Key; signature: { r: bigint; s: bigint } }
  | { kind: 'rsa'; key: RsaKey; signature: bigint };

export interface CircuitWitness {
  /** The circuit of the family this photo's signature chain needs. */
  circuit: CircuitId;
  s: MessagePlan;
  t: MessagePlan;
  a: MessagePlan;
  r: bigint;
  params: BindParams;
  captures: Capture[];
  coseSignature: { r: bigint; s: bigint };
  issuer: IssuerWitness;
  leafKey: P256Key;
  caIndex: number;
  path: TrustPath;
  assetHash: Uint8Array;
  trustRoot: bigint;
}

export type TrustInput = { keys: CaKey[] } | { cas: { publicKey: CaKey }[] };

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytesToBig = (b: Uint8Array) => BigInt('0x' + hex(b));
const bigToBytes = (v: bigint) => Uint8Array.from(Buffer.from(v.toString(16).padStart(64, '0'), 'hex'));
const equalBytes = (x: Uint8Array, y: Uint8Array) => Buffer.from(x).equals(Buffer.from(y));

function checkLimit(part: string, size: number, max: number): void {
  if (size > max)
    throw new ShutterproofError('input_exceeds_circuit_limits', `${part} is ${size} bytes; the circuit holds at most ${max}`);
}

function plan(message: Uint8Array, positions: number[]): MessagePlan {
  const p = padded(message);
  const blocks = p.length / 64;
  const steps: number[] = [];
  for (let left = blocks; left > 0; left -= BLOCKS_PER_STEP) steps.push(Math.min(BLOCKS_PER_STEP, left));
  const capBlocks = Array.from({ length: CAPTURES }, (_, k) => (k < positions.length ? Math.floor(positions[k] / 64) : 0));
  return { padded: p, length: message.length, capBlocks, steps };
}

function capture(msg: MessagePlan, pos: number): Capture {
  const b = Math.floor(pos / 64);
  const m = pos % 64;
  return new Capture({
    b: Field(b),
    m: Field(m),
    bytes: Array.from({ length: 64 }, (_, j) => Field(msg.padded[64 * b + j] ?? 0)),
    lt: Array.from({ length: 64 }, (_, j) => Bool(j < m)),
  });
}

const f = (v: number | bigint) => Field(v);
const fieldBytes = (b: Uint8Array) => Array.from(b, (v) => Field(v));

function digestState(message: Uint8Array): ChainState {
  const d = createHash('sha256').update(message).digest();
  const h = Array.from({ length: 8 }, (_, i) => Field(d.readUInt32BE(4 * i)));
  const zeros = Array.from({ length: CAPTURES }, () => Field(0));
  return new ChainState({ r: Field(0), h, n: Field(padded(message).length / 64), acc: Field(0), rpow: Field(0), capBlock: zeros, capPre: zeros, capEval: zeros, prev: Field(0) });
}

export interface Layouts {
  sig: Layout<SigParams>;
  tbs: Layout<TbsParams> & { leafKey: Uint8Array };
  assertion: Layout<AssertionParams>;
  assetHash: Uint8Array;
}

/**
 * For tests only, to show that the circuit itself refuses what an honest prover would never build: `claimRefAt`
 * places the claim-reference window at a chosen offset, `acceptUnsuitable` records a signing certificate's
 * extensions without judging them, and `layout` rewrites any offset, length or value before the challenge is
 * derived (a dishonest prover's free choice).
 */
export interface ForcedWitness {
  claimRefAt?: number;
  acceptUnsuitable?: boolean;
  layout?: (l: Layouts) => void;
}

export function buildWitness(evidence: ManifestEvidence, trust: TrustInput, force: ForcedWitness = {}): CircuitWitness {
  const S = evidence.sigStructure;
  const A = evidence.hashDataAssertion;
  checkLimit('the Sig_structure', S.length, LIMITS.sigStructure);
  checkLimit('the c2pa.hash.data assertion', A.length, LIMITS.hashDataAssertion);
  if (evidence.coseAlg !== -7) throw new ShutterproofError('unsupported_algorithm', `COSE algorithm ${evidence.coseAlg}`);
  const leafDer = evidence.certChain[0];
  if (!leafDer) invalid('no signing certificate');
  const leaf = readLeafCertificate(leafDer);
  const T = leaf.tbs;
  checkLimit('the signing certificate (TBSCertificate)', T.length, LIMITS.tbsCertificate);
  const keys = 'keys' in trust ? trust.keys : trust.cas.map((ca) => ca.publicKey);
  const caIndex = findIssuerKey(keys, leaf);
  const issuer = issuerWitness(keys[caIndex], leaf);

  const refHash = createHash('sha256').update(A).digest();
  if (force.claimRefAt === undefined && !equalBytes(refHash, evidence.hashDataRef))
    invalid('the claim does not record the hash of the c2pa.hash.data assertion');
  const tbs = tbsLayout(T, force.acceptUnsuitable);
  if (tbs.issuerAlgorithm !== issuer.kind) invalid("the certificate's signature algorithm differs from the one its signed part names");
  const sig = sigLayout(S, evidence.protectedHeader.length, evidence.claim.length, refHash, force.claimRefAt);
  const layouts: Layouts = { sig, tbs, assertion: assertionLayout(A, evidence.assetHash), assetHash: evidence.assetHash };
  force.layout?.(layouts);
  const { assertion, assetHash } = layouts;

  const s = plan(S, sig.positions);
  const t = plan(T, tbs.positions);
  const a = plan(A, assertion.positions);
  const len8 = (n: number) => [f((8 * n) >> 8), f((8 * n) & 0xff)];
  const params = new BindParams({
    s: sig.params, t: tbs.params, a: assertion.params,
    padS: len8(S.length), padT: len8(T.length), padA: len8(A.length),
    leafKey: fieldBytes(tbs.leafKey),
    // An RSA CA's key reaches the final step as limbs (RsaKeyInput); its 64 bytes here stay 0.
    caKey: issuer.kind === 'ecdsa' ? [...fieldBytes(bigToBytes(issuer.key.x)), ...fieldBytes(bigToBytes(issuer.key.y))] : fieldBytes(new Uint8Array(64)),
    assetHash: fieldBytes(assetHash),
  });
  const open = (m: MessagePlan, list: number[]) => list.map((pos) => capture(m, pos));
  const captures = [...open(s, sig.positions), ...open(t, tbs.positions), ...open(a, assertion.positions)];
  const r = challenge(digestState(S), digestState(T), digestState(A), params, captures).toBigInt();
  const cose = evidence.coseSignature;
  if (cose.length !== 64) invalid('the COSE signature is not a raw P-256 signature');
  const leafKey = { x: bytesToBig(tbs.leafKey.subarray(0, 32)), y: bytesToBig(tbs.leafKey.subarray(32)) };
  return {
    circuit: issuer.kind === 'rsa' ? 'c2pa-es256-rsa' : 'c2pa-es256',
    s, t, a, r, params, captures,
    coseSignature: { r: bytesToBig(cose.subarray(0, 32)), s: bytesToBig(cose.subarray(32)) },
    issuer,
    leafKey, caIndex,
    path: trustPath(keys, caIndex),
    assetHash,
    trustRoot: trustRoot(keys),
  };
}

function issuerWitness(key: CaKey, leaf: LeafCertificate): IssuerWitness {
  const signature = leaf.caSignature;
  // findIssuerKey verified the signature with the algorithm of the key's own kind, so the kinds agree here.
  if (isRsaKey(key) && signature.kind === 'rsa') return { kind: 'rsa', key, signature: signature.s };
  if (!isRsaKey(key) && signature.kind === 'ecdsa') return { kind: 'ecdsa', key, signature: { r: signature.r, s: signature.s } };
  throw new Error('the issuer key and its signature are of different kinds');
}
