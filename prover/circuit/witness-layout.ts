// Finds, natively, every offset and length the final step's windows need, reading S, the TBS and the assertion by
// their CBOR/DER/JUMBF structure exactly as the circuit does, and lists the positions the circuit opens in the
// order it opens them (sig-windows.ts, tbs-walk.ts, assertion-windows.ts).
import { Bool, Field } from '../o1js.js';
import { ShutterproofError } from '../../common/error-codes.js';
import { AssertionParams } from './assertion-windows.js';
import { EXTENSION_SLOTS } from './constants.js';
import {
  ASSET_HASH_KEY, BASIC_CONSTRAINTS_END_ENTITY, C2PA_CLAIM_SIGNING, CBOR_BOX_TYPE, CLAIM_REF_ENTRIES, CRITICAL,
  EXT_BASIC_CONSTRAINTS, EXT_EXTENDED_KEY_USAGE, EXT_KEY_USAGE, HASH_DATA_LABEL, ID_CE,
  ID_KP_PREFIX, ID_KP_PURPOSES, ISSUER_ALGORITHMS, JUMD_CBOR, JUMD_TOGGLES, JUMD_WINDOW_LENGTH, P256_SPKI_PREFIX, PAD_KEY,
  PROTECTED_ALG, SIG_STRUCTURE_PREFIX, SPKI_LENGTH, TBS_VERSION_SERIAL, type IssuerAlgorithm,
} from './framing.js';
import { SigParams } from './sig-windows.js';
import { ExtensionSlot, TbsParams } from './tbs-walk.js';
import { LengthHeader } from './window-gadgets.js';

export interface Layout<P> {
  params: P;
  positions: number[];
}

export function invalid(detail: string): never {
  throw new ShutterproofError('manifest_invalid', detail);
}

function unsuitable(detail: string): never {
  throw new ShutterproofError('certificate_unsuitable', detail);
}

const f = (v: number) => Field(v);
export const equalAt = (hay: Uint8Array, at: number, needle: ArrayLike<number>) =>
  at >= 0 && Array.from(needle).every((v, i) => hay[at + i] === v);

/** Offset of `needle` in `hay` within [from, to), requiring exactly one occurrence. */
export function findOnce(hay: Uint8Array, needle: number[] | Uint8Array, from: number, to: number, what: string): number {
  const buf = Buffer.from(hay.subarray(0, to));
  const n = Buffer.from(needle);
  const at = buf.indexOf(n, from);
  if (at < 0) invalid(`${what} not found`);
  if (buf.indexOf(n, at + 1) >= 0) invalid(`${what} occurs more than once`);
  return at;
}

function header(size: 1 | 2 | 3, value: number): LengthHeader {
  return new LengthHeader({ form: [size === 1, size === 2, size === 3].map((b) => Bool(b)), hi: f(value >> 8), lo: f(value & 0xff) });
}

/** A DER TLV's tag, header size and content length (canonical lengths below 65,536 only). */
function derAt(buf: Uint8Array, at: number, tag: number, what: string): { size: 1 | 2 | 3; len: number; hdr: number } {
  if (buf[at] !== tag) invalid(`${what}: expected DER tag ${tag.toString(16)}`);
  const b = buf[at + 1];
  if (b < 0x80) return { size: 1, len: b, hdr: 2 };
  if (b === 0x81 && buf[at + 2] >= 0x80) return { size: 2, len: buf[at + 2], hdr: 3 };
  if (b === 0x82 && buf[at + 2] >= 1) return { size: 3, len: (buf[at + 2] << 8) | buf[at + 3], hdr: 4 };
  return invalid(`${what}: unsupported DER length`);
}

/** Canonical CBOR head size for a byte string (or other major type) of length `len`. */
function cborSize(len: number): 1 | 2 | 3 {
  return len < 24 ? 1 : len < 256 ? 2 : 3;
}

/** A CBOR map head at `at`: 0xa0+n or 0xb9 0x00 n; its size and count. */
function mapAt(buf: Uint8Array, at: number, what: string): { wide: boolean; count: number; size: number } {
  if (buf[at] >= 0xa0 && buf[at] <= 0xb7) return { wide: false, count: buf[at] - 0xa0, size: 1 };
  if (buf[at] === 0xb9 && buf[at + 1] === 0 && buf[at + 2] <= 23) return { wide: true, count: buf[at + 2], size: 3 };
  return invalid(`${what}: unexpected CBOR map head`);
}

/** `lenient` (tests only) records the extensions without refusing unsuitable ones. */
export interface TbsLayout extends Layout<TbsParams> {
  leafKey: Uint8Array;
  /** The issuer's signature algorithm, as the TBS names it. */
  issuerAlgorithm: IssuerAlgorithm;
}

export function tbsLayout(T: Uint8Array, lenient = false): TbsLayout {
  const refuse = (detail: string) => {
    if (!lenient) unsuitable(detail);
  };
  if (T[0] !== 0x30 || T[1] !== 0x82 || T[2] < 1) invalid('unsupported TBSCertificate framing');
  if (!equalAt(T, 4, TBS_VERSION_SERIAL)) invalid('the signing certificate is not an X.509 v3 certificate');
  const serialLength = T[10];
  if (serialLength < 1 || serialLength > 127) invalid('unsupported serial number');
  const q1 = 11 + serialLength;
  const issuerAlgorithm = (Object.keys(ISSUER_ALGORITHMS) as IssuerAlgorithm[]).find((a) => equalAt(T, q1, ISSUER_ALGORITHMS[a]));
  if (!issuerAlgorithm)
    throw new ShutterproofError('unsupported_algorithm', 'the signing certificate is signed with neither ECDSA nor RSA PKCS#1 v1.5, with SHA-256');
  const q2 = q1 + ISSUER_ALGORITHMS[issuerAlgorithm].length;
  const issuer = derAt(T, q2, 0x30, 'issuer');
  const q3 = q2 + issuer.hdr + issuer.len;
  const validity = derAt(T, q3, 0x30, 'validity');
  if (validity.size !== 1) invalid('unsupported validity');
  const q4 = q3 + 2 + validity.len;
  const subject = derAt(T, q4, 0x30, 'subject');
  const q5 = q4 + subject.hdr + subject.len;
  if (!equalAt(T, q5, P256_SPKI_PREFIX)) throw new ShutterproofError('unsupported_algorithm', 'the signing key is not a P-256 key');
  const keyAt = q5 + P256_SPKI_PREFIX.length;
  const x0 = q5 + SPKI_LENGTH;
  const outer = derAt(T, x0, 0xa3, 'extensions');
  const inner = derAt(T, x0 + outer.hdr, 0x30, 'extensions');
  if (x0 + outer.hdr + outer.len !== T.length || outer.len !== inner.hdr + inner.len) invalid('extensions do not end the certificate');
  const x1 = x0 + outer.hdr + inner.hdr;

  const positions = [T.length, 11, q1, q2 + issuer.hdr, q3, q3 + 2, q4, q4 + subject.hdr, x1, q5];
  const slots: ExtensionSlot[] = [];
  const seen = new Set<number>();
  let e = x1;
  for (let i = 0; i < EXTENSION_SLOTS; i++) {
    const active = seen.size < 3;
    if (i > 0) positions.push(e);
    if (!active) {
      slots.push(extensionSlot(false, 0, false, header(1, 0)));
      positions.push(e + 2);
      e += 2;
      continue;
    }
    if (e >= T.length) unsuitable('the signing certificate lacks basicConstraints, keyUsage or extKeyUsage');
    const ext = derAt(T, e, 0x30, 'extension');
    const id = equalAt(T, e + ext.hdr, ID_CE) ? T[e + ext.hdr + 4] : -1;
    const critical = equalAt(T, e + ext.hdr + 5, CRITICAL);
    const body = e + ext.hdr + 5 + (critical ? 3 : 0);
    const kind = [EXT_BASIC_CONSTRAINTS, EXT_KEY_USAGE, EXT_EXTENDED_KEY_USAGE].indexOf(id) + 1;
    let window = ext.hdr;
    const slot = extensionSlot(true, kind, critical, header(ext.size, ext.len));
    if (kind === 1) {
      if (!equalAt(T, body, BASIC_CONSTRAINTS_END_ENTITY) || ext.len !== 9 + (critical ? 3 : 0))
        refuse('the signing certificate is a CA certificate (basicConstraints cA is not FALSE)');
      window = 2 + ext.len;
    } else if (kind === 2) {
      if (!equalAt(T, body, [0x04, 0x04, 0x03, 0x02]) || ext.len !== 11 + (critical ? 3 : 0) || T[body + 4] > 7 || T[body + 5] < 0x80)
        refuse('the signing certificate is not allowed to make digital signatures (keyUsage)');
      slot.kuUnused = f(T[body + 4]);
      slot.kuBits = f(T[body + 5]);
      window = 2 + ext.len;
    } else if (kind === 3) {
      const octets = ext.len - 7 - (critical ? 3 : 0);
      const first = body + 4;
      const c2pa = equalAt(T, first, C2PA_CLAIM_SIGNING);
      const idKp = equalAt(T, first, ID_KP_PREFIX) && ID_KP_PURPOSES.includes(T[first + ID_KP_PREFIX.length]);
      if (ext.size !== 1 || !equalAt(T, body, [0x04, octets, 0x30, octets - 2]) || !(c2pa || idKp))
        refuse('the signing certificate is not allowed to sign Content Credentials (its first extKeyUsage purpose)');
      slot.ekuC2pa = Bool(c2pa);
      slot.ekuPurpose = f(c2pa ? ID_KP_PURPOSES[0] : T[first + ID_KP_PREFIX.length]);
      window = 2 + 5 + (critical ? 3 : 0) + 4 + (c2pa ? C2PA_CLAIM_SIGNING.length : ID_KP_PREFIX.length + 1);
    }
    if (kind > 0) {
      if (seen.has(kind)) refuse('the signing certificate repeats an extension');
      seen.add(kind);
    }
    slots.push(slot);
    positions.push(e + window);
    e += ext.hdr + ext.len;
  }
  if (seen.size < 3)
    unsuitable(`basicConstraints, keyUsage and extKeyUsage are not all among the certificate's first ${EXTENSION_SLOTS} extensions`);
  const params = new TbsParams({
    tbsHi: f(T[2]), tbsLo: f(T[3]), serialLength: f(serialLength),
    issuer: header(issuer.size, issuer.len), validityLength: f(validity.len), subject: header(subject.size, subject.len),
    extOuter: header(outer.size, outer.len), extInner: header(inner.size, inner.len), slots,
  });
  return { params, positions, leafKey: T.subarray(keyAt, keyAt + 64), issuerAlgorithm };
}

function extensionSlot(active: boolean, kind: number, critical: boolean, h: LengthHeader): ExtensionSlot {
  return new ExtensionSlot({
    active: Bool(active), kind: [0, 1, 2, 3].map((k) => Bool(k === kind)), critical: Bool(critical), header: h,
    kuUnused: f(0), kuBits: f(0x80), ekuC2pa: Bool(false), ekuPurpose: f(ID_KP_PURPOSES[0]),
  });
}

export function sigLayout(S: Uint8Array, protectedLen: number, claimLen: number, refHash: Uint8Array, refAt?: number): Layout<SigParams> {
  const hp = cborSize(protectedLen);
  const hc = cborSize(claimLen);
  const p0 = SIG_STRUCTURE_PREFIX.length + hp;
  const pEnd = p0 + protectedLen;
  const c0 = pEnd + 1 + hc;
  if (!equalAt(S, 0, SIG_STRUCTURE_PREFIX) || S.length !== c0 + claimLen || S[pEnd] !== 0x40) invalid('unexpected Sig_structure layout');
  const map = mapAt(S, p0, 'protected header');
  if (!equalAt(S, p0 + map.size, PROTECTED_ALG)) invalid('the protected header does not start with alg ES256');
  const headEnd = p0 + map.size + PROTECTED_ALG.length;

  const entries = [...CLAIM_REF_ENTRIES, ...refHash];
  const found = (wide: boolean) => {
    const at = Buffer.from(S.subarray(0, S.length)).indexOf(Buffer.from([...(wide ? [0xb9, 0, 2] : [0xa2]), ...entries]), c0);
    return at < 0 ? undefined : at;
  };
  const o3 = refAt ?? found(false) ?? found(true) ?? invalid('the claim does not reference c2pa.hash.data by its hash');
  if (refAt === undefined) findOnce(S, entries, c0, S.length, 'the claim reference to c2pa.hash.data');
  const refWide = S[o3] === 0xb9;
  const refEnd = o3 + (refWide ? 3 : 1) + entries.length;
  const params = new SigParams({
    protectedLength: header(hp, protectedLen), protectedWide: Bool(map.wide), protectedCount: f(map.count),
    claimLength: header(hc, claimLen), refAt: f(o3), refWide: Bool(refWide),
  });
  return { params, positions: [S.length, headEnd, pEnd, c0, o3, refEnd] };
}

export function assertionLayout(A: Uint8Array, assetHash: Uint8Array): Layout<AssertionParams> {
  if (A[0] !== 0 || A[1] !== 0 || !equalAt(A, 4, JUMD_CBOR)) invalid('the c2pa.hash.data assertion is not a CBOR JUMBF box');
  const toggles = A[4 + JUMD_CBOR.length];
  if (!JUMD_TOGGLES.includes(toggles) || !equalAt(A, 5 + JUMD_CBOR.length, HASH_DATA_LABEL))
    invalid('the hard-binding assertion is not labelled c2pa.hash.data');
  const cborAt = (A[2] << 8) | A[3];
  const cborLen = A.length - cborAt;
  if (cborAt < JUMD_WINDOW_LENGTH || !equalAt(A, cborAt, [0, 0, cborLen >> 8, cborLen & 0xff, ...CBOR_BOX_TYPE]))
    invalid('the hard-binding assertion has no cbor box after its description');
  const map = mapAt(A, cborAt + 8, 'hash.data');
  const mapStart = cborAt + 8 + map.size;
  const hashAt = findOnce(A, [...ASSET_HASH_KEY, ...assetHash, ...PAD_KEY], mapStart, A.length, 'the asset hash in c2pa.hash.data');
  const padHead = hashAt + ASSET_HASH_KEY.length + 32 + PAD_KEY.length;
  const left = A.length - padHead;
  const size = ([1, 2, 3] as const).find((n) => left - n >= 0 && cborSize(left - n) === n);
  const padLen = left - (size ?? 0);
  const expectHead = size === 1 ? [0x40 + padLen] : size === 2 ? [0x58, padLen] : [0x59, padLen >> 8, padLen & 0xff];
  if (size === undefined || !equalAt(A, padHead, expectHead) || A.subarray(padHead + size).some((b) => b !== 0))
    invalid('c2pa.hash.data does not end with its hash and a zero pad');
  const zerosAt = padHead + size;
  const params = new AssertionParams({
    lengthHi: f(A.length >> 8), lengthLo: f(A.length & 0xff), jumdHi: f(A[2]), jumdLo: f(A[3]), toggles: f(toggles),
    cborHi: f(cborLen >> 8), cborLo: f(cborLen & 0xff), mapWide: Bool(map.wide), mapCount: f(map.count),
    hashAt: f(hashAt), pad: header(size, padLen),
  });
  return { params, positions: [A.length, JUMD_WINDOW_LENGTH, cborAt, mapStart, zerosAt, hashAt] };
}
