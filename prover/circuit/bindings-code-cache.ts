// A V8 code cache for o1js's compiled OCaml bundle (o1js_node.bc.cjs, 40 MB of JavaScript). Compiling it is about
// half a second of every process start (a fresh `shutterproof verify`, the prover's warm-up); from the cache V8
// deserialises what it compiled the last time instead: 0.12 s on this project's 2-core machine. Node 20 has no
// compile cache of its own (module.enableCompileCache came with Node 22), so this does the same for this one file,
// through the hook CommonJS compile caches use (Module.prototype._compile), when o1js's CommonJS build is loaded.
//
// The file lives next to the keys (that folder is per o1js version). Its name carries V8's cachedDataVersionTag (V8
// version, flags, CPU features), so Node and Electron processes keep their own, and a hash of the bundle's path, so
// two installations sharing the cache folder do not overwrite each other's; its header holds the bundle's length
// and modification time and a SHA-256 of the cache, and V8 itself refuses data made for another source. A missing,
// stale or damaged file only means the bundle is compiled as usual and the file written again. A file that is used
// is touched; writing one removes those no process has used for PRUNE_AFTER_MS (an old installation's, 27 MB each).
//
// Like any code cache (Node's own included), the file is code: whoever can write the user's cache folder can change
// what the prover runs. That is the user's own folder; whoever can write it can already replace the keys there.
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { constants as vmConstants, Script } from 'node:vm';
import { readChecksummed, writeChecksummed } from './checksummed-file.js';

const MAGIC = Buffer.from('SPV8C1\n\0');
const FILE_NAME = /^o1js-bindings-[\w-]+\.v8cache$/;
export const PRUNE_AFTER_MS = 30 * 24 * 3600_000;

type Compile = (this: Module, content: string, filename: string) => unknown;
type Loader = (module: Module, filename: string) => unknown;

/** off: not in use (ESM build, or no folder); compiled: no usable cache, compiled as usual; loaded: V8 used it. */
export type CodeCacheState = 'off' | 'compiled' | 'loaded';

let folder: string | undefined;
let installed = false;
let state: CodeCacheState = 'off';
/** The compiled bundle, while its cache still has to be written. */
let unsaved: { script: Script; file: string; source: string } | undefined;

/** Where the cache is kept: the compile cache folder of the circuit in use. Set before o1js initialises. */
export function useCodeCacheFolder(dir: string | undefined): void {
  folder = dir;
}

/** What happened to o1js's bundle in this process. */
export function bindingsCodeCacheState(): CodeCacheState {
  return state;
}

/** The cache file in `dir` for this process's V8 and the bundle at `bundle`. */
export function codeCacheFile(dir: string, bundle: string): string {
  const installation = createHash('sha256').update(bundle).digest('hex').slice(0, 12);
  return join(dir, `o1js-bindings-${cachedDataVersionTag()}-${installation}.v8cache`);
}

/** Compiles o1js's bundle with the cache once its CommonJS build requires it. o1js.ts calls this before initialising. */
export function installBindingsCodeCache(): void {
  if (installed) return;
  const proto = Module.prototype as unknown as { _compile?: Compile };
  const original = proto._compile;
  if (typeof original !== 'function' || typeof Module.wrap !== 'function') return;
  const bundle = join(dirname(createRequire(import.meta.url).resolve('o1js')), 'bindings', 'compiled', 'node_bindings', 'o1js_node.bc.cjs');
  installed = true;
  let done = false;
  const isBundleToCache = (filename: string) => !done && filename === bundle && folder !== undefined;
  proto._compile = function (content: string, filename: string) {
    if (!isBundleToCache(filename) || !folder) return original.call(this, content, filename);
    done = true;
    return compileWithCache(this, content, filename, codeCacheFile(folder, filename));
  };
  // Node reads a CommonJS file as UTF-8 (0.11 s for this one here). The bundle is ASCII, and an ASCII file read as
  // Latin-1 is the same string, made in half the time; a bundle that is not ASCII is decoded as UTF-8, as Node does.
  const extensions = (Module as unknown as { _extensions?: Record<string, Loader> })._extensions;
  const loadJs = extensions?.['.js'];
  if (typeof loadJs !== 'function') return;
  extensions!['.js'] = function (module: Module, filename: string) {
    if (!isBundleToCache(filename)) return loadJs.call(this, module, filename);
    const bytes = readFileSync(filename);
    return proto._compile!.call(module, bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'), filename);
  };
}

/** Writes the cache if this process compiled the bundle without one. Best effort, once; call after initialising. */
export function saveBindingsCodeCache(): void {
  if (!unsaved) return;
  const { script, file, source } = unsaved;
  unsaved = undefined;
  writeChecksummed(file, MAGIC, Buffer.concat([lengthPrefixed(Buffer.from(source)), script.createCachedData()]));
  pruneUnused(dirname(file), file);
}

/** Removes the code caches in `dir` other than `keep` that no process has used for PRUNE_AFTER_MS. Best effort. */
function pruneUnused(dir: string, keep: string): void {
  try {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (!FILE_NAME.test(name) || file === keep) continue;
      if (Date.now() - statSync(file).mtimeMs > PRUNE_AFTER_MS) rmSync(file, { force: true });
    }
  } catch {
    // Only disk space.
  }
}

function compileWithCache(module: Module, content: string, filename: string, file: string): unknown {
  const source = sourceId(content, filename);
  const cachedData = readCache(file, source);
  const script = new Script(Module.wrap(content), {
    filename,
    cachedData,
    importModuleDynamically: vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  state = cachedData && !script.cachedDataRejected ? 'loaded' : 'compiled';
  if (state === 'compiled') unsaved = { script, file, source };
  else touch(file);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
  return wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
}

/** Marks `file` as in use (pruneUnused goes by modification time). */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only folder: the file is kept anyway unless a process that can write prunes it.
  }
}

/** What the cache was made from: the bundle's length and modification time. */
function sourceId(content: string, filename: string): string {
  return `${content.length}:${Math.trunc(statSync(filename).mtimeMs)}`;
}

function readCache(file: string, source: string): Buffer | undefined {
  const body = readChecksummed(file, MAGIC);
  if (!body || body.length < 4) return undefined;
  const length = body.readUInt32LE(0);
  if (body.length < 4 + length || body.subarray(4, 4 + length).toString() !== source) return undefined;
  return body.subarray(4 + length);
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length);
  return Buffer.concat([length, bytes]);
}
