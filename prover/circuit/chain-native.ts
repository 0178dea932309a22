// Runs the chain-step body on constants (no proof): the final states a proof's chain would output. Used by tests to
// exercise the final step's checks without proving, and to cross-check the chain against node:crypto.
import { Bool, Field, UInt8 } from '../o1js.js';
import { ChainState } from './chain-state.js';
import { BLOCKS_PER_STEP, CAPTURES } from './constants.js';
import { chainStep, initialChainState, STEP_BYTES } from './sha-chain.js';
import type { MessagePlan } from './witness.js';

export function runChain(m: MessagePlan, r: bigint, before?: ChainState): ChainState {
  let state = before ?? initialChainState(Field(0), Array.from({ length: CAPTURES }, () => Field(0)), Field(0));
  let first = 0;
  m.steps.forEach((blocks, i) => {
    const bytes = Array.from({ length: STEP_BYTES }, (_, k) => UInt8.from(m.padded[64 * first + k] ?? 0));
    const active = Array.from({ length: BLOCKS_PER_STEP }, (_, j) => Bool(j < blocks));
    const hasPrev = Bool(i > 0 || before !== undefined);
    state = chainStep(state, Bool(i === 0), hasPrev, Field(r), m.capBlocks.map((b) => Field(b)), bytes, active);
    first += blocks;
  });
  return state;
}
