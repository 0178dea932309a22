// Compiling the circuit (key generation) takes minutes cold and tens of seconds from the disk cache, so it happens
// once per process; the cache folder is keyed by circuit version and o1js version so upgrades never mix keys.
import { join } from 'node:path';
import { getBackendPreference } from 'o1js';
import { CIRCUIT_ID, CIRCUIT_VERSION, compile } from './circuit/index.js';
import { O1JS_VERSION } from './runtime.js';

export interface CircuitKeys {
  verificationKey: { data: string; hash: string };
  backend: string;
}

let compiled: Promise<CircuitKeys> | undefined;

export function circuitCacheDir(cacheDir: string): string {
  return join(cacheDir, `${CIRCUIT_ID}-v${CIRCUIT_VERSION}-o1js-${O1JS_VERSION}`);
}

export function ensureCompiled(
  cacheDir: string,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<CircuitKeys> {
  compiled ??= compile({ cacheDir: circuitCacheDir(cacheDir), onProgress }).then((verificationKey) => ({
    verificationKey,
    backend: getBackendPreference(),
  }));
  // A failed compile must not poison the process: the next request tries again.
  compiled.catch(() => (compiled = undefined));
  return compiled;
}
