// Rows per method as reported by analyzeMethods (recursion adds rows that this count does not show).
import { ShaChain } from '../prover/circuit/sha-chain.js';
import { EcdsaStep } from '../prover/circuit/ecdsa-step.js';
import { C2paEs256 } from '../prover/circuit/bind-step.js';

export async function analyzeRows(): Promise<Record<string, number>> {
  return {
    'sha-chain.start': (await ShaChain.analyzeMethods()).start.rows,
    'sha-chain.next': (await ShaChain.analyzeMethods()).next.rows,
    'ecdsa.verify': (await EcdsaStep.analyzeMethods()).verify.rows,
    'c2pa-es256.bind': (await C2paEs256.analyzeMethods()).bind.rows,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await analyzeRows());
