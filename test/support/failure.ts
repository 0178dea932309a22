// Test-only: the ShutterproofError a synchronous piece of work throws (the test fails when it throws nothing else).
import { expect } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';

export function failure(work: () => unknown): ShutterproofError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ShutterproofError);
    return error as ShutterproofError;
  }
  throw new Error('expected a ShutterproofError');
}
