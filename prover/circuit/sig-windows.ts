// The COSE Sig_structure S = ["Signature1", protected, h'', claim], read from its first byte: the protected header
// is a CBOR map whose first entry is alg ES256, and the claim holds the complete hashed-uri map of the hard-binding
// assertion with SHA-256(A). Where x5chain sits (protected, or unprotected as C2PA 1.x writers put it) does not
// matter: the leaf certificate is a witness of its own, bound by its issuer's signature (SOUNDNESS.md, link 3).
import { Bool, Field, Struct } from '../o1js.js';
import { CLAIM_REF_ENTRIES, PROTECTED_ALG, SIG_STRUCTURE_PREFIX } from './framing.js';
import { assertLe, assertWindow, type Opened } from './rlc-gadgets.js';
import { LengthHeader, lengthHeader, mapHeader, valueOf, type RlcContext } from './window-gadgets.js';

export class SigParams extends Struct({
  protectedLength: LengthHeader,
  /** The protected map's head: wide (0xb9 0x00 n) or 0xa0+n, and its entry count. */
  protectedWide: Bool,
  protectedCount: Field,
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

export function sigChecks(ctx: RlcContext, open: (pos: Field) => Opened, p: SigParams, digestA: Field[]): SigResult {
  const protectedHead = lengthHeader(ctx, p.protectedLength, 'cbor', 2);
  const claimHead = lengthHeader(ctx, p.claimLength, 'cbor', 2);
  const p0 = Field(SIG_STRUCTURE_PREFIX.length).add(protectedHead.len);
  const pEnd = p0.add(valueOf(p.protectedLength));
  const c0 = pEnd.add(1).add(claimHead.len);
  const length = c0.add(valueOf(p.claimLength));
  const end = open(length);

  // From byte 0: S's head, the protected map's head and its first entry, alg ES256.
  assertLe(Field(1), p.protectedCount, 'protected header has alg');
  const head = ctx.concat(
    ctx.bytes(SIG_STRUCTURE_PREFIX),
    protectedHead,
    mapHeader(ctx, p.protectedWide, p.protectedCount),
    ctx.bytes(PROTECTED_ALG),
  );
  assertWindow(START, open(head.len), head.rlc, 'S head and protected alg ES256');
  assertLe(head.len, pEnd, 'alg inside the protected header');

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
