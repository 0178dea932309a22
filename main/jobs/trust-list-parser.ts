// The one place main reaches into the prover's trust-list code (prover/trust/trust-list.ts `parseTrustList`), which
// validates the CA keys and computes the Poseidon Merkle root exactly as the circuit does. It is loaded from the
// built prover (out/node, shipped beside the app) at the moment a list is imported, so o1js stays out of main's
// bundle and start-up.
import { pathToFileURL } from 'node:url';
import { isErrorCode, ShutterproofError } from '../../common/error-codes.js';

export type TrustListParser = (pemText: string, name: string) => Promise<{ root: string }>;

interface TrustListModule {
  parseTrustList(pemText: string, name: string): unknown;
}

/** `modulePath`: the built `trust/trust-list.js` of the prover. */
export function proverTrustListParser(modulePath: string): TrustListParser {
  let loaded: Promise<TrustListModule> | undefined;
  return async (pemText, name) => {
    loaded ??= import(pathToFileURL(modulePath).href) as Promise<TrustListModule>;
    let list: unknown;
    try {
      list = await (await loaded).parseTrustList(pemText, name);
    } catch (error) {
      // The prover's ShutterproofError comes from its own copy of common/, so match on the code, not the class.
      const code = (error as { code?: unknown })?.code;
      const detail = (error as { detail?: string })?.detail ?? (error as Error)?.message;
      if (isErrorCode(code)) throw new ShutterproofError(code, detail, { cause: error });
      throw new ShutterproofError('trust_list_invalid', detail, { cause: error });
    }
    const root = (list as { root?: unknown })?.root;
    if (root === undefined || root === null) throw new ShutterproofError('internal_error', 'the trust list has no root');
    return { root: String(root) };
  };
}
