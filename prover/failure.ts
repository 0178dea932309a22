// Any thrown value becomes one of the closed set of error codes, with the technical text kept as detail.
import { ShutterproofError, errorInfo, type ErrorCode } from '../common/error-codes.js';

export interface Failure {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  detail?: string;
}

const OUT_OF_MEMORY = /out of memory|Array buffer allocation failed|Cannot allocate memory|heap limit|ENOMEM|memory access out of bounds/i;

export function toFailure(error: unknown): Failure {
  if (error instanceof ShutterproofError) {
    return { code: error.code, message: errorInfo(error.code).message, retryable: error.retryable, detail: error.detail };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const code: ErrorCode = OUT_OF_MEMORY.test(text) ? 'out_of_memory' : (error as NodeJS.ErrnoException)?.code === 'ENOSPC' ? 'disk_full' : 'internal_error';
  const info = errorInfo(code);
  return { code, message: info.message, retryable: info.retryable, detail: text.slice(0, 2000) };
}
