// A verify request's outcome in the shape the Verify screen shows.
import type { VerifyOutcome } from '../../common/ipc-contract.js';
import { publicInputs } from '../../common/prover-protocol.js';
import type { RunOutcome } from '../prover/supervisor.js';

export function toVerifyOutcome(outcome: RunOutcome): VerifyOutcome {
  if (!outcome.ok) return { valid: false, error: outcome.error, ...(outcome.error.code === 'photo_mismatch' ? { photoMatches: false } : {}) };
  const s = outcome.summary as Record<string, unknown>;
  const inputs = publicInputs.safeParse(s.publicInputs);
  const list = s.trustList as VerifyOutcome['trustList'] | undefined;
  return {
    valid: s.valid === true,
    ...(inputs.success ? { publicInputs: inputs.data } : {}),
    ...(list && typeof list.root === 'string' ? { trustList: { name: String(list.name), root: list.root, size: Number(list.size) } } : {}),
    ...(typeof s.photoMatches === 'boolean' ? { photoMatches: s.photoMatches } : {}),
    ...(typeof s.createdAt === 'string' ? { createdAt: s.createdAt } : {}),
  };
}
