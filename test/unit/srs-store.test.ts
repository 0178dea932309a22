// The binary SRS store against o1js's own SRS: what it writes and reads back is the same commitment key and the same
// Lagrange commitments, and a damaged file is ignored (recomputed and rewritten), never used.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initializeBindings } from '../../prover/o1js.js';
import { BACKEND } from '../../prover/runtime.js';
import { srsStore, useSrsFolder } from '../../prover/circuit/srs-store.js';

const SIZE = 1024;
const DOMAIN = 256;
const folder = (name: string) => mkdtempSync(join(tmpdir(), `shutterproof-srs-${name}-`));
const file = (dir: string) => join(dir, `srs-fq-${SIZE}.points`);
const basisFile = (dir: string) => join(dir, `lagrange-basis-fq-${DOMAIN}.points`);

let backend: string;
beforeAll(async () => {
  backend = BACKEND;
  await initializeBindings();
});

function keyAndCommitment(dir: string) {
  useSrsFolder(dir);
  const fq = srsStore('fq')!;
  const srs = fq.create(SIZE);
  return JSON.stringify([fq.lagrangeCommitment(srs, DOMAIN, 7), fq.lagrangeCommitment(srs, DOMAIN, 200)], (_, v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
}

describe('binary SRS store', () => {
  it('writes the SRS and a Lagrange basis, and a fresh folder holding those files gives the same commitments', () => {
    if (backend !== 'native') return expect(srsStore('fq')).toBeDefined();
    const first = folder('a');
    const computed = keyAndCommitment(first);
    expect(readFileSync(file(first)).length).toBe(8 + 32 + 4 + 4 + (SIZE + 1) * 65);
    expect(readFileSync(basisFile(first)).length).toBe(8 + 32 + 4 + 4 * DOMAIN + DOMAIN * 65);

    const second = folder('b');
    copyFileSync(file(first), file(second));
    copyFileSync(basisFile(first), basisFile(second));
    expect(keyAndCommitment(second)).toBe(computed);
  });

  it('ignores a damaged file, computes the key again and rewrites the file', () => {
    if (backend !== 'native') return;
    const good = folder('good');
    const computed = keyAndCommitment(good);

    const damaged = folder('damaged');
    const bytes = readFileSync(file(good));
    bytes[bytes.length - 100] ^= 1;
    writeFileSync(file(damaged), bytes);
    writeFileSync(basisFile(damaged), readFileSync(basisFile(good)).subarray(0, 500));
    expect(keyAndCommitment(damaged)).toBe(computed);
    expect(readFileSync(file(damaged)).equals(readFileSync(file(good)))).toBe(true);
    expect(readFileSync(basisFile(damaged)).equals(readFileSync(basisFile(good)))).toBe(true);
  });
});
