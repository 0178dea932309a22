// Builds everything the prover needs from the C2PA evidence: finds every offset by scanning the exact signed bytes,
// checks the maxima (refusing oversize input before any proving), picks the trust-list key that issued the leaf,
// and derives the Fiat-Shamir challenge exactly as the final step recomputes it.
import { createHash } from 'node:crypto';
import { Bool, Field } from '../o1js.js';
import { ShutterproofError } from '../../common/error-codes.js';
import type { ManifestEvidence } from '../c2pa/evidence.js';
import { BindParams, challenge } from './bind-params.js';
import { ChainState } from './chain-state.js';
import { BLOCKS_PER_STEP, CAPTURES, LIMITS } from './constants.js';
import { padded } from './field-native.js';
import {
  ASSET_HASH_PREFIX, CLAIM_REF_SUFFIX, JUMD_CBOR, JUMD_TOGGLES, P256_SPKI_PREFIX, SIG_STRUCTURE_PREFIX, SPKI_LENGTH,
  CLAIM_REF_LENGTH, JUMD_WINDOW_LENGTH, ASSET_HASH_WINDOW_LENGTH, X5CHAIN_KEY, HASH_DATA_LABEL,
} from './framing.js';
import { findIssuerKey, readLeafCertificate } from './leaf-certificate.js';
import { Capture } from './rlc-gadgets.js';
import { type CaKey, TrustPath, trustPath, trustRoot } from './trust-tree.js';

export interface MessagePlan {
  /** Message followed by its SHA-256 padding. */
  padded: Uint8Array;
  length: number;
  /** Block index of each capture slot of this message's chain. */
  capBlocks: number[];
  /** Blocks hashed by each chain step. */
  steps: number[];
}

export interface CircuitWitness {
  s: MessagePlan;
  t: MessagePlan;
  a: MessagePlan;
  r: bigint;
  params: BindParams;
  captures: Capture[];
  coseSignature: { r: bigint; s: bigint };
  caSignature: { r: bigint; s: bigint };
  leafKey: CaKey;
  caKey: CaKey;
  caIndex: number;
  path: TrustPath;
  assetHash: Uint8Array;
  trustRoot: bigint;
}

export type TrustInput = { keys: CaKey[] } | { cas: { publicKey: CaKey }[] };

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytesToBig = (b: Uint8Array) => BigInt('0x' + hex(b));
const bigToBytes = (v: bigint) => Uint8Array.from(Buffer.from(v.toString(16).padStart(64, '0'), 'hex'));

function invalid(detail: string): never {
  throw new ShutterproofError('manifest_invalid', detail);
}

function checkLimit(part: string, size: number, max: number): void {
  if (size > max)
    throw new ShutterproofError('input_exceeds_circuit_limits', `${part} is ${size} bytes; the circuit holds at most ${max}`);
}

/** Offset of `needle` in `hay` within [from, to), requiring exactly one occurrence. */
function findOnce(hay: Uint8Array, needle: number[] | Uint8Array, from: number, to: number, what: string): number {
  const buf = Buffer.from(hay.subarray(0, to));
  const n = Buffer.from(needle);
  const at = buf.indexOf(n, from);
  if (at < 0) invalid(`${what} not found`);
  if (buf.indexOf(n, at + 1) >= 0) invalid(`${what} occurs more than once`);
  return at;
}

const equalAt = (hay: Uint8Array, at: number, needle: ArrayLike<number>) =>
  Array.from(needle).every((v, i) => hay[at + i] === v);

/** Canonical CBOR bstr header size and form one-hot for a length. */
function bstrForm(len: number): { size: number; form: boolean[] } {
  if (len < 24) return { size: 1, form: [true, false, false] };
  if (len < 256) return { size: 2, form: [false, true, false] };
  return { size: 3, form: [false, false, true] };
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
    bytes: Array.from(msg.padded.subarray(64 * b, 64 * b + 64), (v) => Field(v)),
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

/**
 * `force` exists for tests only: it places the claim-reference window at a chosen offset instead of searching the
 * claim, to show that the circuit refuses look-alike runs the honest search would never pick.
 */
export function buildWitness(evidence: ManifestEvidence, trust: TrustInput, force: { claimRefAt?: number } = {}): CircuitWitness {
  const S = evidence.sigStructure;
  const A = evidence.hashDataAssertion;
  checkLimit('the Sig_structure', S.length, LIMITS.sigStructure);
  checkLimit('the c2pa.hash.data assertion', A.length, LIMITS.hashDataAssertion);
  if (evidence.coseAlg !== -7) throw new ShutterproofError('unsupported_algorithm', `COSE algorithm ${evidence.coseAlg}`);
  if (evidence.x5chainIn !== 'protected') invalid('x5chain is not in the protected header');
  const leafDer = evidence.certChain[0];
  if (!leafDer) invalid('no signing certificate');
  const leaf = readLeafCertificate(leafDer);
  const T = leaf.tbs;
  checkLimit('the signing certificate (TBSCertificate)', T.length, LIMITS.tbsCertificate);
  const keys = 'keys' in trust ? trust.keys : trust.cas.map((ca) => ca.publicKey);
  const caIndex = findIssuerKey(keys, leaf);
  const caKey = keys[caIndex];

  // S = 0x84 "Signature1" bstr(protected) 0x40 bstr(claim)
  const lp = evidence.protectedHeader.length;
  const lc = evidence.claim.length;
  const hp = bstrForm(lp);
  const hc = bstrForm(lc);
  const p0 = SIG_STRUCTURE_PREFIX.length + hp.size;
  const pEnd = p0 + lp;
  const c0 = pEnd + 1 + hc.size;
  if (!equalAt(S, 0, SIG_STRUCTURE_PREFIX) || S.length !== c0 + lc || S[pEnd] !== 0x40) invalid('unexpected Sig_structure layout');
  if (!equalAt(S, p0, evidence.protectedHeader) || !equalAt(S, c0, evidence.claim)) invalid('Sig_structure does not hold the header and claim');

  // x5chain: key 33, optional array header, bstr(leaf) 0x59 len16, the leaf DER (0x30 0x82 len16), its TBS.
  const certAt = findOnce(S, leafDer, p0, pEnd, 'the signing certificate in the protected header');
  if (leafDer[0] !== 0x30 || leafDer[1] !== 0x82 || S[certAt - 3] !== 0x59) invalid('unsupported certificate framing');
  const isArray = S[certAt - 4] >= 0x81 && S[certAt - 4] <= 0x97 && equalAt(S, certAt - 6, X5CHAIN_KEY);
  const o2 = certAt - 3 - (isArray ? 1 : 0) - 2;
  if (!equalAt(S, o2, X5CHAIN_KEY)) invalid('the signing certificate is not the first in x5chain');
  const certLen = leafDer.length;
  const bodyLen = certLen - 4;
  if (T[0] !== 0x30 || T[1] !== 0x82) invalid('unsupported TBSCertificate framing');
  const tbsLen = T.length - 4;

  // Claim: the hashed-uri of c2pa.hash.data ends with the url text, then "hash": bstr(32) SHA-256(A).
  const refHash = createHash('sha256').update(A).digest();
  const o3 =
    force.claimRefAt ??
    (equalAt(refHash, 0, evidence.hashDataRef)
      ? findOnce(S, [...CLAIM_REF_SUFFIX, ...refHash], c0, S.length, 'the claim reference to c2pa.hash.data')
      : invalid('the claim does not record the hash of the c2pa.hash.data assertion'));

  // TBS: the P-256 SubjectPublicKeyInfo of the leaf key.
  const o4 = findOnce(T, P256_SPKI_PREFIX, 4, T.length, 'the P-256 key in the signing certificate');
  if (o4 + SPKI_LENGTH > T.length) invalid('truncated key in the signing certificate');
  const keyAt = o4 + P256_SPKI_PREFIX.length;
  const leafKey = { x: bytesToBig(T.subarray(keyAt, keyAt + 32)), y: bytesToBig(T.subarray(keyAt + 32, keyAt + 64)) };

  // Assertion: jumd box (at 4 when A starts with its jumd box, at 12 after the superbox header), label, "hash".
  const o5 = [4, 12].find((at) => equalAt(A, at, JUMD_CBOR));
  if (o5 === undefined) invalid('the c2pa.hash.data assertion is not a CBOR JUMBF box');
  const toggles = A[o5 + JUMD_CBOR.length];
  if (!JUMD_TOGGLES.includes(toggles) || !equalAt(A, o5 + JUMD_CBOR.length + 1, HASH_DATA_LABEL))
    invalid('the hard-binding assertion is not labelled c2pa.hash.data');
  const assetHash = evidence.assetHash;
  const o6 = findOnce(A, [...ASSET_HASH_PREFIX, ...assetHash], o5 + JUMD_WINDOW_LENGTH, A.length, 'the asset hash in c2pa.hash.data');

  const s = plan(S, [p0, pEnd, c0, S.length, o2, o2 + 9 + (isArray ? 1 : 0) + T.length, o3, o3 + CLAIM_REF_LENGTH]);
  const t = plan(T, [4, o4, o4 + SPKI_LENGTH, T.length]);
  const a = plan(A, [o5, o5 + JUMD_WINDOW_LENGTH, o6, o6 + ASSET_HASH_WINDOW_LENGTH, A.length]);
  const len8 = (n: number) => [f((8 * n) >> 8), f((8 * n) & 0xff)];
  const params = new BindParams({
    lpHi: f(lp >> 8), lpLo: f(lp & 0xff), lpForm: hp.form.map((v) => Bool(v)),
    lcHi: f(lc >> 8), lcLo: f(lc & 0xff), lcForm: hc.form.map((v) => Bool(v)),
    o2: f(o2), isArray: Bool(isArray), arrByte: f(isArray ? S[certAt - 4] : 0),
    certHi: f(certLen >> 8), certLo: f(certLen & 0xff), bodyHi: f(bodyLen >> 8), bodyLo: f(bodyLen & 0xff),
    tbsHi: f(tbsLen >> 8), tbsLo: f(tbsLen & 0xff),
    o3: f(o3), o4: f(o4), aLen: f(A.length), o5: f(o5), toggles: f(toggles), o6: f(o6),
    padS: len8(S.length), padT: len8(T.length), padA: len8(A.length),
    leafKey: fieldBytes(T.subarray(keyAt, keyAt + 64)),
    caKey: [...fieldBytes(bigToBytes(caKey.x)), ...fieldBytes(bigToBytes(caKey.y))],
    assetHash: fieldBytes(assetHash),
  });
  const r = challenge(digestState(S), digestState(T), digestState(A), params).toBigInt();
  const positions = (m: MessagePlan, list: number[]) => list.map((pos) => capture(m, pos));
  const captures = [
    ...positions(s, [p0, pEnd, c0, S.length, o2, o2 + 9 + (isArray ? 1 : 0) + T.length, o3, o3 + CLAIM_REF_LENGTH]),
    ...positions(t, [4, o4, o4 + SPKI_LENGTH, T.length]),
    ...positions(a, [o5, o5 + JUMD_WINDOW_LENGTH, o6, o6 + ASSET_HASH_WINDOW_LENGTH, A.length]),
  ];
  const cose = evidence.coseSignature;
  if (cose.length !== 64) invalid('the COSE signature is not a raw P-256 signature');
  return {
    s, t, a, r, params, captures,
    coseSignature: { r: bytesToBig(cose.subarray(0, 32)), s: bytesToBig(cose.subarray(32)) },
    caSignature: leaf.caSignature,
    leafKey, caKey, caIndex,
    path: trustPath(keys, caIndex),
    assetHash,
    trustRoot: trustRoot(keys),
  };
}
