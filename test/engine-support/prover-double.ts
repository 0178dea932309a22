// How tests start the protocol double (test/engine-support/fake-prover.mjs) under the real supervisor.
import { fileURLToPath } from 'node:url';
import { minimalEnv, type ProverCommand } from '../../main/prover/supervisor.js';

export const FAKE_PROVER = fileURLToPath(new URL('./fake-prover.mjs', import.meta.url));

export function fakeProverCommand(flags: string[] = [], env: Record<string, string> = {}): ProverCommand {
  return { file: process.execPath, args: [FAKE_PROVER, ...flags], env: minimalEnv(env) };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
