// The hard-binding assertion A = jumd box (CBOR type, label c2pa.hash.data) + cbor box, read from both ends: its
// first bytes are the jumd box's size, type and label; the cbor box starts where the jumd box ends, its size reaches
// the end of A and it opens with a map head; and the map's last two entries are "hash": bstr(32) and "pad": a byte
// string of zeros that ends A. Anchoring "hash" to the end this way (the zeros leave no room for a look-alike, see
// SOUNDNESS.md) avoids walking the nested exclusions.
import { Bool, Field, Struct } from '../o1js.js';
import { ASSET_HASH_KEY, CBOR_BOX_TYPE, HASH_DATA_LABEL, JUMD_CBOR, JUMD_WINDOW_LENGTH, PAD_KEY } from './framing.js';
import { assertLe, assertWindow, type Opened } from './rlc-gadgets.js';
import { LengthHeader, lengthHeader, mapHeader, valueOf, type RlcContext } from './window-gadgets.js';

export class AssertionParams extends Struct({
  /** |A| as two bytes. */
  lengthHi: Field,
  lengthLo: Field,
  /** jumd box size (its 4-byte big-endian size field is 00 00 hi lo). */
  jumdHi: Field,
  jumdLo: Field,
  toggles: Field,
  /** cbor box size field (00 00 hi lo) and its map's head. */
  cborHi: Field,
  cborLo: Field,
  mapWide: Bool,
  mapCount: Field,
  /** Start of the "hash" entry, and the pad bstr's length header. */
  hashAt: Field,
  pad: LengthHeader,
}) {}

export const ASSERTION_OPENINGS = 6;

export interface AssertionResult {
  length: Field;
  end: Opened;
}

const START: Opened = { pre: Field(0), rPos: Field(1) };

export function assertionChecks(ctx: RlcContext, open: (pos: Field) => Opened, p: AssertionParams, assetHash: Field[]): AssertionResult {
  const length = p.lengthHi.mul(256).add(p.lengthLo);
  const end = open(length);

  p.toggles.sub(0x03).mul(p.toggles.sub(0x13)).assertEquals(0, 'labelled assertion toggles');
  const label = ctx.bytes([0, 0, p.jumdHi, p.jumdLo, ...JUMD_CBOR, p.toggles, ...HASH_DATA_LABEL]);
  assertWindow(START, open(Field(JUMD_WINDOW_LENGTH)), label.rlc, 'c2pa.hash.data label');

  const cborAt = p.jumdHi.mul(256).add(p.jumdLo);
  assertLe(Field(JUMD_WINDOW_LENGTH), cborAt, 'the jumd box holds its label');
  p.cborHi.mul(256).add(p.cborLo).assertEquals(length.sub(cborAt), 'the cbor box ends the assertion');
  const cborHead = ctx.concat(ctx.bytes([0, 0, p.cborHi, p.cborLo, ...CBOR_BOX_TYPE]), mapHeader(ctx, p.mapWide, p.mapCount));
  const mapStart = cborAt.add(cborHead.len);
  assertWindow(open(cborAt), open(mapStart), cborHead.rlc, 'cbor box after the jumd box');

  const tail = ctx.concat(ctx.bytes([...ASSET_HASH_KEY, ...assetHash, ...PAD_KEY]), lengthHeader(ctx, p.pad, 'cbor', 2));
  const zerosAt = p.hashAt.add(tail.len);
  assertLe(mapStart, p.hashAt, 'hash inside the map');
  zerosAt.add(valueOf(p.pad)).assertEquals(length, 'the pad ends the assertion');
  const zeros = open(zerosAt);
  assertWindow(open(p.hashAt), zeros, tail.rlc, 'asset hash in the assertion');
  assertWindow(zeros, end, Field(0), 'the pad is zeros');
  return { length, end };
}
