// A trust list over the size Shutterproof accepts has its own code and sentence (trust_list_too_large), read by the
// prover's parser (prover/trust) before any certificate is decoded.
import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { MAX_TRUST_LIST_CAS, parseTrustList } from '../../prover/trust/trust-list.js';

const block = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('an oversized trust list', () => {
  it(`over ${MAX_TRUST_LIST_CAS} certificates is trust_list_too_large, with its own sentence`, () => {
    const t0 = Date.now();
    expect(() => parseTrustList(block.repeat(MAX_TRUST_LIST_CAS + 1), 'huge')).toThrow(
      expect.objectContaining({ code: 'trust_list_too_large', detail: expect.stringContaining(`${MAX_TRUST_LIST_CAS + 1} certificates`) }),
    );
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(errorInfo('trust_list_too_large').message).toBe('This trust list is larger than Shutterproof accepts.');
    expect(errorInfo('trust_list_too_large').exit).toBe(2);
  });
});
