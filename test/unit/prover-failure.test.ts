import { describe, expect, it } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';
import { toFailure } from '../../prover/failure.js';

describe('toFailure', () => {
  it('keeps the code and detail of a ShutterproofError', () => {
    expect(toFailure(new ShutterproofError('hash_mismatch', 'byte 12'))).toEqual({
      code: 'hash_mismatch',
      message: 'This photo was changed after its Content Credentials were signed.',
      retryable: false,
      detail: 'byte 12',
    });
  });

  it('recognises running out of memory as out_of_memory, which may be retried', () => {
    const failure = toFailure(new RangeError('Array buffer allocation failed'));
    expect(failure).toMatchObject({ code: 'out_of_memory', retryable: true });
  });

  it('maps a full disk to disk_full', () => {
    const error = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    expect(toFailure(error).code).toBe('disk_full');
  });

  it('turns anything else into internal_error with the text as detail', () => {
    expect(toFailure(new TypeError('x is undefined'))).toMatchObject({
      code: 'internal_error',
      detail: 'TypeError: x is undefined',
    });
  });
});
