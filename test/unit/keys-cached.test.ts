// The prover's warm-up says "for the first time — several minutes" only when the keys must be made: it looks for
// every program's keys in the cache folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysCachedIn } from '../../prover/circuit/index.js';

describe('keysCachedIn', () => {
  it('is false for an empty or partial cache and true once every program has its keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-keys-'));
    expect(keysCachedIn(dir)).toBe(false);
    writeFileSync(join(dir, 'wrap-pk-c2pa-es256-sha-chain'), '');
    writeFileSync(join(dir, 'wrap-pk-c2pa-es256-ecdsa'), '');
    expect(keysCachedIn(dir)).toBe(false);
    writeFileSync(join(dir, 'wrap-pk-c2pa-es256'), '');
    expect(keysCachedIn(dir)).toBe(true);
  });
});
