// The leaf TBSCertificate, walked element by element from its first byte (RFC 5280 4.1): version v3, serial,
// the issuer's signature algorithm (ecdsa-with-SHA256, or sha256WithRSAEncryption in the circuits for RSA issuers:
// a constant of each circuit, never a prover's choice), issuer, validity, subject, then the subjectPublicKeyInfo, which must be the
// P-256 leaf key, and the extensions [3], which end the TBS. Each element is skipped by the length in its own DER
// header, so every position is the start of a top-level element, never a look-alike run inside one. The extension
// list is walked the same way until basicConstraints (cA FALSE), keyUsage (digitalSignature) and extKeyUsage
// (a C2PA claim-signing purpose first) have each been seen once.
import { Bool, Field, Provable, Struct } from '../o1js.js';
import { EXTENSION_SLOTS } from './constants.js';
import {
  BASIC_CONSTRAINTS_END_ENTITY, C2PA_CLAIM_SIGNING, CRITICAL, EXT_BASIC_CONSTRAINTS,
  EXT_EXTENDED_KEY_USAGE, EXT_KEY_USAGE, ID_CE, ID_KP_PREFIX, ID_KP_PURPOSES, ISSUER_ALGORITHMS, P256_SPKI_PREFIX,
  TBS_VERSION_SERIAL, type IssuerAlgorithm,
} from './framing.js';
import { assertLe, assertWindow, type Opened } from './rlc-gadgets.js';
import { LengthHeader, lengthHeader, valueOf, type Piece, type RlcContext } from './window-gadgets.js';

/** One extension of the walk. kind: [other, basicConstraints, keyUsage, extKeyUsage], one-hot. */
export class ExtensionSlot extends Struct({
  active: Bool,
  kind: Provable.Array(Bool, 4),
  critical: Bool,
  /** The Extension SEQUENCE's length header. */
  header: LengthHeader,
  /** keyUsage BIT STRING: unused bits, first byte (bit 0, digitalSignature, is 0x80). */
  kuUnused: Field,
  kuBits: Field,
  /** extKeyUsage: first purpose is c2pa-kp-claimSigning, else id-kp.<ekuPurpose>. */
  ekuC2pa: Bool,
  ekuPurpose: Field,
}) {}

export class TbsParams extends Struct({
  /** TBSCertificate content length (0x30 0x82 hi lo header). */
  tbsHi: Field,
  tbsLo: Field,
  serialLength: Field,
  issuer: LengthHeader,
  validityLength: Field,
  subject: LengthHeader,
  /** [3] EXPLICIT and the Extensions SEQUENCE inside it. */
  extOuter: LengthHeader,
  extInner: LengthHeader,
  slots: Provable.Array(ExtensionSlot, EXTENSION_SLOTS),
}) {}

/** Openings the walk makes, in order (the witness builder opens the same positions). */
export const TBS_OPENINGS = 10 + 2 * EXTENSION_SLOTS - 1;

export interface TbsResult {
  length: Field;
  end: Opened;
}

const START: Opened = { pre: Field(0), rPos: Field(1) };

export function tbsChecks(
  ctx: RlcContext,
  open: (pos: Field) => Opened,
  t: TbsParams,
  /** The leaf key's SubjectPublicKeyInfo as a window pattern, built where the walk reaches it. */
  leafSpki: () => Piece,
  issuer: IssuerAlgorithm,
): TbsResult {
  const length = t.tbsHi.mul(256).add(t.tbsLo).add(4);
  assertLe(Field(1), t.tbsHi, 'TBS header in its two-byte form');
  const end = open(length);

  // 30 82 hi lo | a0 03 02 01 02 | 02 len(serial)
  assertLe(Field(1), t.serialLength, 'serial number length');
  assertLe(t.serialLength, Field(127), 'serial number length');
  const head = ctx.bytes([0x30, 0x82, t.tbsHi, t.tbsLo, ...TBS_VERSION_SERIAL, t.serialLength]);
  assertWindow(START, open(head.len), head.rlc, 'TBS header, version 3 and serial number header');

  const q1 = head.len.add(t.serialLength);
  const algIssuer = ctx.concat(ctx.bytes(ISSUER_ALGORITHMS[issuer]), lengthHeader(ctx, t.issuer, 'der', 0x30));
  assertWindow(open(q1), open(q1.add(algIssuer.len)), algIssuer.rlc, 'TBS signature algorithm and issuer header');

  const q3 = q1.add(algIssuer.len).add(valueOf(t.issuer));
  assertLe(t.validityLength, Field(127), 'validity length');
  assertWindow(open(q3), open(q3.add(2)), ctx.bytes([0x30, t.validityLength]).rlc, 'TBS validity header');

  const q4 = q3.add(2).add(t.validityLength);
  const subject = lengthHeader(ctx, t.subject, 'der', 0x30);
  assertWindow(open(q4), open(q4.add(subject.len)), subject.rlc, 'TBS subject header');

  // subjectPublicKeyInfo = the leaf key, then [3] { SEQUENCE { extensions } } reaching the end of the TBS.
  const q5 = q4.add(subject.len).add(valueOf(t.subject));
  const outer = lengthHeader(ctx, t.extOuter, 'der', 0xa3);
  const inner = lengthHeader(ctx, t.extInner, 'der', 0x30);
  const spki = leafSpki();
  const keyAndExtensions = ctx.concat(spki, outer, inner);
  const x1 = q5.add(keyAndExtensions.len);
  const first = open(x1);
  assertWindow(open(q5), first, keyAndExtensions.rlc, 'leaf key as the subjectPublicKeyInfo of the TBS');
  q5.add(spki.len).add(outer.len).add(valueOf(t.extOuter)).assertEquals(length, 'extensions end the TBS');
  valueOf(t.extOuter).assertEquals(inner.len.add(valueOf(t.extInner)), 'the extension list fills [3]');

  extensionWalk(ctx, open, first, x1, t.slots, length);
  return { length, end };
}

/** The SubjectPublicKeyInfo of a P-256 leaf key (64 bytes x||y). */
export function p256Spki(ctx: RlcContext, leafKey: Field[]): Piece {
  return ctx.bytes([...P256_SPKI_PREFIX, ...leafKey]);
}

/** The bytes a slot's window must hold, and how far the slot's extension reaches. */
function extensionPattern(ctx: RlcContext, slot: ExtensionSlot): { pattern: Piece; advance: Field } {
  const [, bc, ku, eku] = slot.kind.map((b) => b.toField());
  const c = slot.critical.toField();
  const value = valueOf(slot.header);
  const header = lengthHeader(ctx, slot.header, 'der', 0x30);
  const id = (x: number) => ctx.concat(header, ctx.bytes([...ID_CE, x]), ctx.optional(slot.critical, ctx.bytes(CRITICAL)));
  // basicConstraints: the whole extension, cA FALSE.
  bc.mul(value.sub(9).sub(c.mul(3))).assertEquals(0, 'basicConstraints length');
  const basic = ctx.concat(id(EXT_BASIC_CONSTRAINTS), ctx.bytes(BASIC_CONSTRAINTS_END_ENTITY));
  // keyUsage: the whole extension, a one-byte BIT STRING with digitalSignature set.
  ku.mul(value.sub(11).sub(c.mul(3))).assertEquals(0, 'keyUsage length');
  assertLe(slot.kuUnused, Field(7), 'keyUsage unused bits');
  assertLe(Field(0x80), slot.kuBits, 'keyUsage digitalSignature');
  const usage = ctx.concat(id(EXT_KEY_USAGE), ctx.bytes([0x04, 0x04, 0x03, 0x02, slot.kuUnused, slot.kuBits]));
  // extKeyUsage: OCTET STRING { SEQUENCE { first purpose, ... } }, short lengths.
  eku.mul(slot.header.form[0].toField().sub(1)).assertEquals(0, 'extKeyUsage short length');
  const octets = value.sub(7).sub(c.mul(3));
  slot.ekuPurpose.sub(ID_KP_PURPOSES[0]).mul(slot.ekuPurpose.sub(ID_KP_PURPOSES[1])).assertEquals(0, 'extKeyUsage purpose');
  const purpose = ctx.choose(
    [slot.ekuC2pa.not(), slot.ekuC2pa],
    [ctx.bytes([...ID_KP_PREFIX, slot.ekuPurpose]), ctx.bytes(C2PA_CLAIM_SIGNING)],
  );
  const extended = ctx.concat(id(EXT_EXTENDED_KEY_USAGE), ctx.bytes([0x04, octets, 0x30, octets.sub(2)]), purpose);
  return { pattern: ctx.choose(slot.kind, [header, basic, usage, extended]), advance: header.len.add(value) };
}

function extensionWalk(ctx: RlcContext, open: (pos: Field) => Opened, first: Opened, x1: Field, slots: ExtensionSlot[], length: Field): void {
  let at = first;
  let e = x1;
  const seen = [Field(0), Field(0), Field(0)];
  slots.forEach((slot, i) => {
    if (i > 0) {
      slot.active.implies(slots[i - 1].active).assertTrue('extension slots in order');
      at = open(e);
    }
    const on = slot.active.toField();
    const { pattern, advance } = extensionPattern(ctx, slot);
    const windowEnd = open(e.add(pattern.len));
    windowEnd.pre.sub(at.pre).sub(at.rPos.mul(pattern.rlc)).mul(on).assertEquals(0, `extension ${i}`);
    assertLe(pattern.len.mul(on), advance.mul(on), `extension ${i} window inside the extension`);
    assertLe(e.add(advance).mul(on), length, `extension ${i} inside the TBS`);
    for (let k = 0; k < 3; k++) seen[k] = seen[k].add(on.mul(slot.kind[k + 1].toField()));
    e = e.add(advance);
  });
  seen[0].assertEquals(1, 'basicConstraints (cA FALSE) once among the extensions');
  seen[1].assertEquals(1, 'keyUsage (digitalSignature) once among the extensions');
  seen[2].assertEquals(1, 'extKeyUsage (C2PA claim signing) once among the extensions');
}
