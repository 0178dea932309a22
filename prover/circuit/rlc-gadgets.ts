// In-circuit pieces of the substring argument. A window `pattern` lies at `start` in a message m exactly when
//   Pre(start + |pattern|) - Pre(start) = r^start * E(pattern)      (Pre(p) = sum_{i<p} m_i r^i, E = RLC)
// which, for r chosen after every byte is committed, holds for a wrong window only with probability ~len/|F|.
// Pre(p) at a variable p comes from a capture: the chain recorded Pre at the start of p's block and that block's
// RLC; the prover opens the block's 64 bytes here, and the running sum stops at p.
import { Bool, Field, Gadgets, Provable, Struct } from '../o1js.js';
import type { ChainState } from './chain-state.js';

export class Capture extends Struct({
  /** Block index (position div 64). */
  b: Field,
  /** Position within the block, 0..64 (64 = start of the next block, also correct). */
  m: Field,
  /** The block's 64 bytes, tied to the hashed message by the recorded block RLC. */
  bytes: Provable.Array(Field, 64),
  /** lt[j] = (j < m): monotone bits summing to m. */
  lt: Provable.Array(Bool, 64),
}) {}

export function pow(base: Field, exponent: Field, bits: number): Field {
  const e = exponent.toBits(bits);
  let result = Field(1);
  let sq = base;
  for (let i = 0; i < bits; i++) {
    result = Provable.if(e[i], result.mul(sq), result);
    if (i < bits - 1) sq = sq.mul(sq);
  }
  return result;
}

/** sum values[i] r^i (Horner). */
export function rlc(values: (Field | number | bigint)[], r: Field): Field {
  let acc = Field(values[values.length - 1]);
  for (let i = values.length - 2; i >= 0; i--) acc = acc.mul(r).add(values[i]);
  return acc;
}

/** a <= b for values known to be far below 2^16. */
export function assertLe(a: Field, b: Field, what: string): void {
  Gadgets.rangeCheckN(16, b.sub(a), what);
}

export interface Opened {
  pre: Field;
  /** r^pos */
  rPos: Field;
}

/** Pre(pos) of a chain's message, opened from capture slot k. */
export function openCapture(state: ChainState, k: number, cap: Capture, pos: Field, rPowers: Field[], r64: Field): Opened {
  cap.b.mul(64).add(cap.m).assertEquals(pos, `capture ${k} position`);
  state.capBlock[k].assertEquals(cap.b, `capture ${k} block`);
  const base = pow(r64, cap.b, 8);
  let sum = Field(0);
  let partial = Field(0);
  let count = Field(0);
  for (let j = 0; j < 64; j++) {
    if (j > 0) cap.lt[j].implies(cap.lt[j - 1]).assertTrue();
    const term = cap.bytes[j].mul(rPowers[j]);
    sum = sum.add(term);
    partial = partial.add(Provable.if(cap.lt[j], term, Field(0)));
    count = count.add(cap.lt[j].toField());
  }
  count.assertEquals(cap.m, `capture ${k} offset`);
  base.mul(sum).assertEquals(state.capEval[k], `capture ${k} block bytes`);
  return { pre: state.capPre[k].add(base.mul(partial)), rPos: base.mul(pow(rPowers[1], cap.m, 7)) };
}

/** r^0 .. r^64 */
export function powersOf(r: Field): Field[] {
  const out = [Field(1)];
  for (let i = 1; i <= 64; i++) out.push(out[i - 1].mul(r));
  return out;
}

/** Check that `pattern` (as its RLC) lies in the message between two opened positions. */
export function assertWindow(from: Opened, to: Opened, patternRlc: Field, what: string): void {
  to.pre.sub(from.pre).assertEquals(from.rPos.mul(patternRlc), what);
}
