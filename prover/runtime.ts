// Process-wide prover settings: which o1js backend to use, where compiled keys are cached, and version strings
// recorded in every proof pack.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CIRCUIT_ID, CIRCUIT_VERSION } from './circuit/constants.js';
export { BACKEND } from './o1js.js';

const require = createRequire(import.meta.url);

export const APP_NAME = 'Shutterproof';
/** Version of the package named `name`, from the first package.json of that name upwards of `from`. */
function versionOf(name: string, from: string): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version: string };
      if (pkg.name === name) return pkg.version;
    }
  }
  return '0.0.0';
}

// This file runs from source in tests and from out/ when built; o1js exports no package.json, so both are found
// by walking up from a file inside the package.
export const APP_VERSION = versionOf('shutterproof', fileURLToPath(import.meta.url));
export const O1JS_VERSION = versionOf('o1js', require.resolve('o1js'));

/** Where compiled circuit keys live: SHUTTERPROOF_CACHE, else the platform cache folder. */
export function defaultCacheDir(): string {
  if (process.env.SHUTTERPROOF_CACHE) return process.env.SHUTTERPROOF_CACHE;
  const base =
    process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : (process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'));
  return join(base, 'shutterproof', 'circuits');
}

/** The folder of this circuit version's keys inside a cache folder: keyed by o1js version too, so upgrades never mix keys. */
export function circuitCacheDir(cacheDir: string): string {
  return join(cacheDir, `${CIRCUIT_ID}-v${CIRCUIT_VERSION}-o1js-${O1JS_VERSION}`);
}
