import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../prover/entry/cli.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shutterproof-cli-'));
  await writeFile(join(dir, 'notes.txt'), 'not a photo at all');
  await writeFile(join(dir, 'broken.json'), '{ "format": ');
  await writeFile(join(dir, 'other.json'), JSON.stringify({ format: 'something/else' }));
});

describe('shutterproof CLI', () => {
  it('prints usage and exits 0 for help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('shutterproof prove <photo>');
  });

  it('exits 2 for an unknown command or missing arguments', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('prove')).stderr).toContain('prove needs at least one photo');
    expect((await cli('verify')).code).toBe(2);
    expect((await cli('inspect', '--nope', 'x')).code).toBe(2);
  });

  it('exits 2 with unreadable_file for a photo that does not exist', async () => {
    const { code, stderr } = await cli('inspect', join(dir, 'missing.jpg'));
    expect(code).toBe(2);
    expect(stderr).toContain('error unreadable_file');
  });

  it('exits 2 with unsupported_format for a file that is not a photo, and reports each photo in --json', async () => {
    const { code, stdout, stderr } = await cli('prove', join(dir, 'notes.txt'), '--out', dir, '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('error unsupported_format');
    expect(JSON.parse(stdout)).toMatchObject([{ ok: false, error: { code: 'unsupported_format' } }]);
  });

  it('exits 2 with pack_invalid for a proof pack that is not JSON or not a pack', async () => {
    const broken = await cli('verify', join(dir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('error pack_invalid');
    const other = await cli('verify', join(dir, 'other.json'));
    expect(other.stderr).toMatch(/error pack_invalid[\s\S]*format/);
  });

  it('exits 2 with trust_list_invalid for a trust list that cannot be read', async () => {
    const { code, stderr } = await cli('inspect', join(dir, 'notes.txt'), '--trust-list', join(dir, 'missing.pem'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/error (trust_list_invalid|unsupported_format)/);
  });
});
