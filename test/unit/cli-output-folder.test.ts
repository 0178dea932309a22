// `shutterproof prove --out` is checked before any proving: a file, a folder under a file, a read-only folder or a
// virtual file system stop the command in seconds with output_unwritable, its sentence and what to do. The built
// command runs with a time limit: before this check it proved for minutes and failed only when saving.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorInfo } from '../../common/error-codes.js';
import { writeFileAtomic } from '../../prover/pipeline/atomic-write.js';
import { makeFolder, prepareOutputFolder } from '../../prover/pipeline/output-folder.js';
import { makeFixtures, type Fixtures } from '../support/fixtures.js';

const cli = resolve('out/node/prover/entry/cli-main.js');
let dir: string;
let f: Fixtures;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shutterproof-out-'));
  f = await makeFixtures(join(dir, 'fixtures'));
  writeFileSync(join(dir, 'a-file'), 'not a folder');
}, 120_000);

function prove(out: string, ...extra: string[]) {
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [cli, 'prove', f.photos.rsJpeg, '--trust-list', f.trust.test, '--out', out, '--cache', join(dir, 'cache'), ...extra], {
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
  return { code: run.status, stderr: run.stderr, stdout: run.stdout, ms: Date.now() - t0 };
}

const unwritable = errorInfo('output_unwritable');
const isRoot = process.getuid?.() === 0;

describe('shutterproof prove --out', () => {
  const cases: [string, () => string][] = [
    ['a file', () => join(dir, 'a-file')],
    ['a folder inside a file', () => join(dir, 'a-file', 'proofs')],
  ];
  if (process.platform === 'linux') cases.push(['a folder in /proc (recursive mkdir spins there)', () => '/proc/shutterproof-x/proofs']);
  if (!isRoot && process.platform !== 'win32')
    cases.push([
      'a read-only folder',
      () => {
        const ro = join(dir, 'read-only');
        mkdirSync(ro, { recursive: true });
        chmodSync(ro, 0o555);
        return ro;
      },
    ]);

  it.each(cases)('%s: output_unwritable before proving, exit 2', (_what, out) => {
    const result = prove(out());
    expect(result.stderr).toContain(`error output_unwritable: ${unwritable.message}`);
    expect(result.stderr).toContain(unwritable.hint);
    expect(result.stderr).not.toContain('Preparing the prover');
    expect(result.code).toBe(2);
    expect(result.ms).toBeLessThan(15_000);
  }, 30_000);

  it('with --json prints each photo with the error', () => {
    const result = prove(join(dir, 'a-file'), '--json');
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'output_unwritable' }) })]);
  }, 30_000);
});

describe('the output folder', () => {
  it('missing folders are made, level by level, and the write check leaves nothing behind', async () => {
    const deep = join(dir, 'new', 'deeper', 'proofs');
    await prepareOutputFolder(deep);
    expect(readdirSync(deep)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('under /proc fails at once instead of spinning', async () => {
    const t0 = Date.now();
    await expect(makeFolder('/proc/shutterproof-x/y/z')).rejects.toMatchObject({ code: 'output_unwritable' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("saving a pack where the folder is a file says output_unwritable (clean-up does not hide it)", async () => {
    await expect(writeFileAtomic(join(dir, 'a-file', 'x.proof.json'), '{}')).rejects.toMatchObject({ code: 'output_unwritable' });
  });
});
