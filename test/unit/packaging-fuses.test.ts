// Electron fuses: what electron-builder.yml asks for, and, where an app has been built, what its binary says.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The few keys read here from electron-builder.yml, without a YAML library (none is a dependency): the top-level
 * productName, and the flat `key: true|false` lines of the electronFuses block.
 */
function readBuilderConfig(text: string): { electronFuses?: Record<string, boolean>; productName: string } {
  const productName = /^productName:\s*(.+)$/m.exec(text)?.[1].trim() ?? '';
  const block = /^electronFuses:[ \t]*\n((?:[ \t]+.*\n?)*)/m.exec(text)?.[1];
  if (block === undefined) return { productName };
  const electronFuses: Record<string, boolean> = {};
  for (const line of block.split('\n')) {
    const entry = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (entry) electronFuses[entry[1]] = entry[2] === 'true';
    else if (line.trim() && !line.trim().startsWith('#')) throw new Error(`electronFuses: cannot read "${line.trim()}"`);
  }
  return { electronFuses, productName };
}

const config = readBuilderConfig(readFileSync('electron-builder.yml', 'utf8'));

/** The fuses and the state each must have (README "Packaging" says why runAsNode stays on). */
const WANTED = {
  runAsNode: true,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

/** The same fuses as @electron/fuses names them when it reads a binary. */
const READ_NAMES: Record<keyof typeof WANTED, string> = {
  runAsNode: 'RunAsNode',
  enableCookieEncryption: 'EnableCookieEncryption',
  enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
  enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
  enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
  onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
  grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
};

describe('electron-builder.yml', () => {
  it('sets every fuse: NODE_OPTIONS, --inspect and file:// privileges off; cookie encryption, asar integrity and asar-only on', () => {
    expect(config.electronFuses).toEqual(WANTED);
  });

  it('names only fuses electron-builder knows', () => {
    const schema = JSON.parse(readFileSync(resolve('node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known).toContain(key);
  });
});

/** The executable of an app built by `npm run dist` (or `--dir`), if there is one. */
function builtApp(): string | undefined {
  const name = config.productName;
  const candidates = [
    join('dist', 'linux-unpacked', name.toLowerCase()),
    join('dist', 'linux-unpacked', name),
    join('dist', 'linux-arm64-unpacked', name.toLowerCase()),
    join('dist', 'win-unpacked', `${name}.exe`),
    join('dist', 'mac', `${name}.app`),
    join('dist', 'mac-arm64', `${name}.app`),
  ];
  return candidates.find((path) => existsSync(path));
}

const fusesBin = resolve('node_modules/@electron/fuses/dist/bin.js');
const app = builtApp();
const skipReason = !existsSync(fusesBin)
  ? '@electron/fuses is not installed'
  : !app
    ? 'no built app under dist/ (build one with `npm run dist -- --dir -c.electronDist=<unpacked electron>`)'
    : undefined;
if (skipReason) console.warn(`Skipping the built app's fuse check: ${skipReason}.`);

describe.skipIf(skipReason !== undefined)('the built app', () => {
  it('has its fuses flipped as electron-builder.yml says (@electron/fuses read)', () => {
    const output = execFileSync(process.execPath, [fusesBin, 'read', '--app', app!], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    for (const [key, on] of Object.entries(WANTED)) {
      expect(output, key).toMatch(new RegExp(`${READ_NAMES[key as keyof typeof WANTED]} is ${on ? 'Enabled' : 'Disabled'}`));
    }
  });
});
