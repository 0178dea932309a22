// The committed EXPECTED_VK_HASH must be what this circuit compiles to, so that verifying a proof pack can reject a
// foreign verification key without compiling. Compiling takes ~1-2 min with a warm key cache (minutes when cold).
import { describe, expect, it } from 'vitest';
import { setBackend } from 'o1js';

const cacheDir = process.env.SHUTTERPROOF_CIRCUIT_CACHE ?? '/work/.cache/o1js-dev';

describe('circuit verification key', () => {
  it('compiles to EXPECTED_VK_HASH', async () => {
    setBackend('native'); // before o1js initialises: the circuit is loaded below
    const { compile, EXPECTED_VK_HASH } = await import('../../prover/circuit/index.js');
    const vk = await compile({ cacheDir });
    expect(vk.hash).toBe(EXPECTED_VK_HASH);
  }, 30 * 60_000);
});
