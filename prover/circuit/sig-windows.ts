// The COSE Sig_structure S = ["Signature1", protected, h'', claim], read from its first byte: the protected header
// is a CBOR map whose first entries are alg ES256 and x5chain, whose first certificate holds the leaf TBS that the
// TBS chain hashed; and the claim holds the complete hashed-uri map of the hard-binding assertion with SHA-256(A).
import { Bool, Field, Struct } from '../o1js.js';
import { CLAIM_REF_ENTRIES, PROTECTED_ALG_X5CHAIN, SIG_STRUCTURE_PREFIX } from './framing.js';
import { assertLe, assertWindow, type Opened } from './rlc-gadgets.js';
import { LengthHeader, lengthHeader, mapHeader, valueOf, type Piece, type RlcContext } from './window-gadgets.js';

export class SigParams extends Struct({
  protectedLength: LengthHeader,
  /** The protected map's head: wide (0xb9 0x00 n) or 0xa0+n, and its entry count. */
  protectedWide: Bool,
  protectedCount: Field,
  /** x5chain as an array (then arrayHead is its CBOR head) or a lone bstr. */
  x5Array: Bool,
  arrayHead: Field,
  /** Leaf certificate bstr length and its SEQUENCE content length (both two-byte forms). */
  certHi: Field,
  certLo: Field,
  bodyHi: Field,
  bodyLo: Field,
  claimLength: LengthHeader,
  /** Start of the hashed-uri map in S, and its head form. */
  refAt: Field,
  refWide: Bool,
}) {}

export const SIG_OPENINGS = 6;

export interface SigResult {
  length: Field;
  end: Opened;
}

const START: Opened = { pre: Field(0), rPos: Field(1) };

/** `tbs` is the whole TBSCertificate as the TBS chain hashed it (Pre_T(|TBS|)) with its length. */
export function sigChecks(ctx: RlcContext, open: (pos: Field) => Opened, p: SigParams, tbs: Piece, digestA: Field[]): SigResult {
  const protectedHead = lengthHeader(ctx, p.protectedLength, 'cbor', 2);
  const claimHead = lengthHeader(ctx, p.claimLength, 'cbor', 2);
  const p0 = Field(SIG_STRUCTURE_PREFIX.length).add(protectedHead.len);
  const pEnd = p0.add(valueOf(p.protectedLength));
  const c0 = pEnd.add(1).add(claimHead.len);
  const length = c0.add(valueOf(p.claimLength));
  const end = open(length);

  // From byte 0 to the end of the leaf TBS: S's head, the protected map's head, alg ES256, x5chain's first
  // certificate (bstr, SEQUENCE head) and the TBS itself.
  assertLe(Field(2), p.protectedCount, 'protected header has alg and x5chain');
  assertLe(Field(0x81), p.arrayHead.mul(p.x5Array.toField()).add(p.x5Array.not().toField().mul(0x81)), 'x5chain array of at least one');
  assertLe(p.arrayHead.mul(p.x5Array.toField()), Field(0x97), 'x5chain array head');
  const certHead = ctx.bytes([0x59, p.certHi, p.certLo, 0x30, 0x82, p.bodyHi, p.bodyLo]);
  const head = ctx.concat(
    ctx.bytes(SIG_STRUCTURE_PREFIX),
    protectedHead,
    mapHeader(ctx, p.protectedWide, p.protectedCount),
    ctx.bytes(PROTECTED_ALG_X5CHAIN),
    ctx.optional(p.x5Array, ctx.bytes([p.arrayHead])),
    certHead,
    tbs,
  );
  assertWindow(START, open(head.len), head.rlc, 'S head, protected alg ES256 and the leaf TBS first in x5chain');
  const body = p.bodyHi.mul(256).add(p.bodyLo);
  p.certHi.mul(256).add(p.certLo).assertEquals(body.add(4), 'the bstr holds exactly the certificate');
  assertLe(tbs.len, body, 'the TBS lies inside the certificate');
  const certEnd = head.len.sub(tbs.len).add(body);
  assertLe(certEnd, pEnd, 'the certificate lies inside the protected header');

  // h'' and the claim's head.
  const middle = ctx.concat(ctx.bytes([0x40]), claimHead);
  assertWindow(open(pEnd), open(c0), middle.rlc, 'S empty external_aad and claim header');

  // The hashed-uri of c2pa.hash.data: a two-entry map, its complete url, and the hash of the assertion.
  const ref = ctx.concat(mapHeader(ctx, p.refWide, Field(2)), ctx.bytes([...CLAIM_REF_ENTRIES, ...digestA]));
  const refEnd = p.refAt.add(ref.len);
  assertLe(c0, p.refAt, 'reference inside the claim');
  assertLe(refEnd, length, 'reference inside the claim');
  assertWindow(open(p.refAt), open(refEnd), ref.rlc, 'claim reference to c2pa.hash.data');
  return { length, end };
}
