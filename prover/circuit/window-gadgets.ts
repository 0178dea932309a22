// Byte patterns built in the circuit from constants and prover-supplied fields: each is known by its RLC under the
// challenge r and by its length, so variable-length pieces (CBOR and DER length headers, optional parts) can be
// concatenated and then checked as one window with `assertWindow` (rlc-gadgets.ts).
import { Bool, Field, Provable, Struct } from '../o1js.js';
import { assertLe, pow, powersOf, rlc } from './rlc-gadgets.js';

/** A byte string by its RLC sum b_i r^i and its length. */
export interface Piece {
  rlc: Field;
  len: Field;
}

/** A length header's form, one-hot [1 byte, 2 bytes, 3 bytes], and the length as two bytes hi*256 + lo. */
export class LengthHeader extends Struct({ form: Provable.Array(Bool, 3), hi: Field, lo: Field }) {}

export const valueOf = (h: LengthHeader): Field => h.hi.mul(256).add(h.lo);

export class RlcContext {
  /** r^0 .. r^64 */
  readonly rp: Field[];
  constructor(readonly r: Field) {
    this.rp = powersOf(r);
  }

  /** r^len for a length below 1024. */
  power(len: Field): Field {
    if (len.isConstant()) {
      const k = Number(len.toBigInt());
      if (k <= 64) return this.rp[k];
    }
    return pow(this.r, len, 10);
  }

  bytes(values: (Field | number | bigint)[]): Piece {
    if (values.length === 0) return { rlc: Field(0), len: Field(0) };
    return { rlc: rlc(values, this.r), len: Field(values.length) };
  }

  /** rlc(a || b) = rlc(a) + r^|a| rlc(b) */
  concat(...pieces: Piece[]): Piece {
    return pieces.slice(1).reduce(
      (out, p) => ({ rlc: out.rlc.add(this.power(out.len).mul(p.rlc)), len: out.len.add(p.len) }),
      pieces[0],
    );
  }

  /** The piece when `flag` holds, else the empty string. */
  optional(flag: Bool, piece: Piece): Piece {
    const f = flag.toField();
    return { rlc: f.mul(piece.rlc), len: f.mul(piece.len) };
  }

  /** The piece whose flag is set; `flags` must be one-hot (checked). */
  choose(flags: Bool[], pieces: Piece[]): Piece {
    flags.reduce((sum, f) => sum.add(f.toField()), Field(0)).assertEquals(1, 'one choice');
    return pieces.reduce(
      (out, p, i) => ({ rlc: out.rlc.add(flags[i].toField().mul(p.rlc)), len: out.len.add(flags[i].toField().mul(p.len)) }),
      { rlc: Field(0), len: Field(0) },
    );
  }
}

/**
 * A canonical length header: DER `tag` then L < 128 | 0x81 L | 0x82 hi lo, or a CBOR head of `major` type
 * (major<<5 | L for L < 24 | +24 L | +25 hi lo). Canonical (shortest) forms only, so the length is unique.
 */
export function lengthHeader(ctx: RlcContext, h: LengthHeader, kind: 'der' | 'cbor', tagOrMajor: number): Piece {
  const [f1, f2, f3] = h.form.map((b) => b.toField());
  h.hi.mul(f1.add(f2)).assertEquals(0, 'a short length header has no high byte');
  assertLe(f3, h.hi, 'a three-byte length header holds at least 256');
  const shortMax = kind === 'der' ? 127 : 23;
  assertLe(h.lo, Provable.if(h.form[0], Field(shortMax), Field(255)), 'a one-byte length header holds a short length');
  assertLe(f2.mul(shortMax + 1), h.lo, 'a two-byte length header holds a length a shorter form cannot');
  const first = kind === 'der' ? tagOrMajor : tagOrMajor << 5;
  const [long1, long2] = kind === 'der' ? [0x81, 0x82] : [first | 24, first | 25];
  const shortByte = kind === 'der' ? h.lo : h.lo.add(first);
  // choose() checks that the form is one-hot.
  const length = ctx.choose(h.form, [ctx.bytes([shortByte]), ctx.bytes([long1, h.lo]), ctx.bytes([long2, h.hi, h.lo])]);
  return kind === 'der' ? ctx.concat(ctx.bytes([tagOrMajor]), length) : length;
}

/** A CBOR map head for `count` entries: 0xa0+count, or the 3-byte form 0xb9 0x00 count that c2pa-ts writes. */
export function mapHeader(ctx: RlcContext, wide: Bool, count: Field): Piece {
  assertLe(count, Field(23), 'map entries');
  return ctx.choose([wide.not(), wide], [ctx.bytes([count.add(0xa0)]), ctx.bytes([0xb9, 0x00, count])]);
}
