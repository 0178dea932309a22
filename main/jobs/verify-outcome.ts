// A verify request's outcome in the shape the Verify screen shows: what is proved, apart from the pack's own notes.
import type { VerifyOutcome } from '../../common/ipc-contract.js';
import { publicInputs } from '../../common/prover-protocol.js';
import type { RunOutcome } from '../prover/supervisor.js';

export function toVerifyOutcome(outcome: RunOutcome): VerifyOutcome {
  if (!outcome.ok) return { valid: false, error: outcome.error, ...(outcome.error.code === 'photo_mismatch' ? { photoMatches: false } : {}) };
  const s = outcome.summary as Record<string, unknown>;
  const verified = (s.verified ?? {}) as Record<string, unknown>;
  const inputs = publicInputs.safeParse(s.publicInputs);
  const anchor = verified.anchor as VerifyOutcome['anchor'] | null | undefined;
  const notes = s.unverifiedNotes as { trustListName?: unknown; trustListIssuers?: unknown[]; createdAt?: unknown } | undefined;
  return {
    valid: s.valid === true,
    ...(inputs.success ? { publicInputs: inputs.data } : {}),
    ...(verified.photoMatches === true ? { photoMatches: true } : {}),
    ...(anchor && typeof anchor.list === 'string'
      ? { anchor: { list: anchor.list, issuers: Number(anchor.issuers), ...(typeof anchor.issuer === 'string' ? { issuer: anchor.issuer } : {}) } }
      : {}),
    ...(typeof s.warning === 'string' ? { warning: s.warning } : {}),
    ...(notes
      ? { notes: { trustListName: String(notes.trustListName), issuers: notes.trustListIssuers?.length ?? 0, createdAt: String(notes.createdAt) } }
      : {}),
  };
}
