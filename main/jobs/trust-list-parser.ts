// Trust-list roots come from the prover process (prover/trust), which validates the CA keys and computes the
// Poseidon Merkle root exactly as the circuit does; o1js never loads into the main process.
import { ShutterproofError } from '../../common/error-codes.js';
import type { ProverRequest } from '../../common/prover-protocol.js';
import type { RunOutcome } from '../prover/supervisor.js';

export type TrustListParser = (pemText: string, name: string) => Promise<{ root: string }>;

/** `ask` runs one request on a prover process that is not busy proving. */
export function proverTrustListParser(ask: (request: ProverRequest) => Promise<RunOutcome>): TrustListParser {
  let seq = 0;
  return async (pem, name) => {
    const outcome = await ask({ id: `trust-list-${++seq}`, op: 'trust-list', name, pem });
    if (!outcome.ok) throw new ShutterproofError(outcome.error.code, outcome.error.detail);
    const root = outcome.summary.root;
    if (typeof root !== 'string' || !/^[0-9]+$/.test(root)) throw new ShutterproofError('internal_error', 'the prover returned no trust root');
    return { root };
  };
}
