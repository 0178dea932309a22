// One recursive program for all three messages (Sig_structure, TBSCertificate, assertion): each step hashes up to
// BLOCKS_PER_STEP padded blocks, continuing an earlier step's proof, and keeps the RLC bookkeeping of ChainState.
// One hashing method for every step and every message keeps a single large proving key in memory.
import { Bool, Field, Gadgets, Poseidon, Provable, SelfProof, UInt32, UInt8, ZkProgram } from '../o1js.js';
import { ChainState } from './chain-state.js';
import { BLOCKS_PER_STEP, CAPTURES } from './constants.js';

export const STEP_BYTES = 64 * BLOCKS_PER_STEP;

export const StepBytes = Provable.Array(UInt8, STEP_BYTES);
export const StepActive = Provable.Array(Bool, BLOCKS_PER_STEP);
export const CaptureBlocks = Provable.Array(Field, CAPTURES);

const SHA_IV = Gadgets.SHA2.initialState<UInt32>(256).map((w) => w.value);

export function initialChainState(r: Field, capBlock: Field[], prev: Field): ChainState {
  return new ChainState({
    r,
    h: SHA_IV.map((w) => new Field(w)),
    n: Field(0),
    acc: Field(0),
    rpow: Field(1),
    capBlock,
    capPre: Array.from({ length: CAPTURES }, () => Field(0)),
    capEval: Array.from({ length: CAPTURES }, () => Field(0)),
    prev,
  });
}

/** The body of a step, shared by the proved method, the witness builder (on constants) and the tests. */
export function chainStep(
  start: ChainState,
  fresh: Bool,
  hasPrev: Bool,
  rInit: Field,
  capInit: Field[],
  bytes: UInt8[],
  active: Bool[],
): ChainState {
  // A new message either starts the whole chain or follows a finished one, whose state it commits to.
  fresh.or(hasPrev).assertTrue('a continuing step needs the previous proof');
  const prevHash = Provable.if(hasPrev, Poseidon.hash(ChainState.toFields(start)), Field(0));
  const rStart = Provable.if(hasPrev, start.r, rInit);
  const init = initialChainState(rStart, capInit, prevHash);
  const s = Provable.if(fresh, ChainState, init, start);

  active[0].assertTrue('a step hashes at least one block');
  for (let j = 1; j < BLOCKS_PER_STEP; j++) active[j].implies(active[j - 1]).assertTrue('active blocks come first');

  const r = s.r;
  let r64 = r;
  for (let i = 0; i < 6; i++) r64 = r64.mul(r64);

  let h = s.h.map((w) => UInt32.Unsafe.fromField(w));
  let { n, acc, rpow } = s;
  const capPre = [...s.capPre];
  const capEval = [...s.capEval];
  for (let j = 0; j < BLOCKS_PER_STEP; j++) {
    const block = bytes.slice(64 * j, 64 * j + 64).map((b) => b.value);
    const words: UInt32[] = [];
    for (let w = 0; w < 16; w++) {
      const [b0, b1, b2, b3] = block.slice(4 * w, 4 * w + 4);
      words.push(UInt32.Unsafe.fromField(b0.mul(1 << 24).add(b1.mul(1 << 16)).add(b2.mul(1 << 8)).add(b3)));
    }
    const next = Gadgets.SHA2.compression(256, h, Gadgets.SHA2.messageSchedule(256, words));
    const on = active[j];
    h = h.map((w, i) => Provable.if(on, UInt32, next[i], w));

    // Horner: local = sum b_i r^i over the block, then shifted to the block's position.
    let local = block[63];
    for (let i = 62; i >= 0; i--) local = local.mul(r).add(block[i]);
    const blockEval = local.mul(rpow);
    for (let k = 0; k < CAPTURES; k++) {
      const here = n.equals(s.capBlock[k]).and(on);
      capPre[k] = Provable.if(here, acc, capPre[k]);
      capEval[k] = Provable.if(here, blockEval, capEval[k]);
    }
    acc = Provable.if(on, acc.add(blockEval), acc);
    rpow = Provable.if(on, rpow.mul(r64), rpow);
    n = Provable.if(on, n.add(1), n);
  }
  return new ChainState({ r, h: h.map((w) => w.value), n, acc, rpow, capBlock: s.capBlock, capPre, capEval, prev: s.prev });
}

// A chain that follows no other begins with `start`, a proof of the empty state and nothing else, which `next`
// continues. A step over a dummy proof (`verifyIf(false)`) would need no second method, but o1js dummy proofs carry no
// feature flags and failed here (Pickles Assert_failure) with a program that uses lookups (o1js issue #1939). Hashing
// in `start` too would give it a proving key as large as `next`'s (~1 GB resident once used); the empty start costs
// one small extra proof per chain instead.
export const ShaChain = ZkProgram({
  name: 'c2pa-es256-sha-chain',
  publicOutput: ChainState,
  methods: {
    start: {
      privateInputs: [Field, CaptureBlocks],
      async method(rInit: Field, capInit: Field[]) {
        return { publicOutput: initialChainState(rInit, capInit, Field(0)) };
      },
    },
    next: {
      privateInputs: [SelfProof, Bool, CaptureBlocks, StepBytes, StepActive],
      async method(prev: SelfProof<undefined, ChainState>, fresh: Bool, capInit: Field[], bytes: UInt8[], active: Bool[]) {
        prev.verify();
        return { publicOutput: chainStep(prev.publicOutput, fresh, Bool(true), prev.publicOutput.r, capInit, bytes, active) };
      },
    },
  },
});

export class ShaChainProof extends ZkProgram.Proof(ShaChain) {}
