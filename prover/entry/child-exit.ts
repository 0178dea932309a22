// What the `shutterproof prove` command says when its proving child ends without having said so itself: killed by a
// signal (the kernel's out-of-memory killer sends SIGKILL; a crash, SIGSEGV or SIGABRT) or an exit status that is not
// one of ours. Plain data in, a Failure out, so it is tested without killing anything.
import { EXIT } from '../../common/error-codes.js';
import type { Failure } from '../failure.js';
import { errorInfo } from '../../common/error-codes.js';

const OUR_EXITS = new Set<number>(Object.values(EXIT));
const OUT_OF_MEMORY = /out of memory|heap limit|Array buffer allocation failed|Cannot allocate memory|ENOMEM|std::bad_alloc/i;

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last of what the child wrote to stderr. */
  stderrTail: string;
}

/** undefined when the child ended with one of our exit codes (it printed its own result or error). */
export function childFailure({ code, signal, stderrTail }: ChildExit): Failure | undefined {
  if (!signal && code !== null && OUR_EXITS.has(code)) return undefined;
  const oom = signal === 'SIGKILL' || OUT_OF_MEMORY.test(stderrTail);
  const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
  const why = signal === 'SIGKILL' ? ' (most often the system stopping it because memory ran out)' : '';
  const codeName = oom ? 'out_of_memory' : 'prover_crashed';
  const info = errorInfo(codeName);
  return { code: codeName, message: info.message, retryable: info.retryable, detail: `The prover ${how}${why}.` };
}
