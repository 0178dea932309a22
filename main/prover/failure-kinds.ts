// What a prover exit or error event means for a job, in the closed set of error codes.
import { errorInfo, type ErrorCode } from '../../common/error-codes.js';
import type { JobError } from '../../common/ipc-contract.js';

const OUT_OF_MEMORY = /out of memory|heap limit|Array buffer allocation failed|Cannot allocate memory|ENOMEM|memory access out of bounds|std::bad_alloc/i;

export function jobError(code: ErrorCode, detail?: string): JobError {
  const { message, hint, retryable } = errorInfo(code);
  return detail ? { code, message, hint, retryable, detail } : { code, message, hint, retryable };
}

export interface ExitFacts {
  exitCode?: number;
  signal?: string;
  /** We sent the signal ourselves (cancel, timeout, stop). */
  killedByUs: boolean;
  stderrTail: string[];
}

/**
 * A process that died on its own: out of memory when the kernel's OOM killer sent SIGKILL (nobody else does) or the
 * runtime said so on stderr; otherwise a crash. The stderr tail goes into the detail for "Details".
 */
export function classifyExit(facts: ExitFacts): JobError {
  const tail = facts.stderrTail.join('\n');
  const how = facts.signal ? `killed by ${facts.signal}` : `exited with code ${facts.exitCode ?? 'unknown'}`;
  const detail = tail ? `The prover ${how}.\n${tail}` : `The prover ${how}.`;
  const oom = (!facts.killedByUs && facts.signal === 'SIGKILL') || OUT_OF_MEMORY.test(tail);
  return jobError(oom ? 'out_of_memory' : 'prover_crashed', detail);
}

export function formatGiB(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GB`;
}
