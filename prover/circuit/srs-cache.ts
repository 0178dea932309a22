// o1js reads its SRS and Lagrange bases from the key cache only while compiling (its setSrsCache is internal), so a
// fresh process that only verifies would recompute them: about 80 s here. Pointing o1js (and the binary SRS store,
// srs-store.ts) at the same cache folder while verifying loads them from disk instead.
//
// One basis is never loaded by a process that only verifies: the final proof's wrap domain over Fq. The native
// verifier recomputed it on the first verification (13-15 s here). Asking the SRS store for it with the folder set
// loads it from there (compile wrote it) in well under a second.
//
// o1js's SRS cache is reached in its ESM build (same file URLs as that build imports; not copies), the build used
// with the wasm backend; with the native backend the SRS store does that work. If a later o1js moves the module,
// verification still works, only slower.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Cache, initializeBindings, O1JS_BUILD } from '../o1js.js';
import { saveBindingsCodeCache, useCodeCacheFolder } from './bindings-code-cache.js';
import { srsStore, useSrsFolder } from './srs-store.js';

/** log2 of the final proof's wrap domain: o1js wraps a step that verifies one or two proofs in 2^14 rows. */
export const FINAL_WRAP_DOMAIN_LOG2 = 14;
/** Size of the Fq SRS o1js creates (the wrap circuits' commitment key); the basis is stored on that SRS. */
const FQ_SRS_SIZE = 2 ** 15;

interface O1jsSrsCache {
  setSrsCache(cache: Cache): void;
  unsetSrsCache(): void;
}

let internals: Promise<O1jsSrsCache | undefined> | undefined;

function loadInternals(): Promise<O1jsSrsCache | undefined> {
  internals ??= (async () => {
    if (O1JS_BUILD !== 'esm') return undefined;
    const file = join(dirname(createRequire(import.meta.url).resolve('o1js')), 'bindings', 'crypto', 'cache.js');
    if (!existsSync(file)) return undefined;
    const cache = (await import(pathToFileURL(file).href)) as Partial<O1jsSrsCache>;
    return typeof cache.setSrsCache === 'function' && typeof cache.unsetSrsCache === 'function' ? (cache as O1jsSrsCache) : undefined;
  })();
  return internals;
}

/** Initialises o1js with the start-up caches kept in `cacheDir`: the SRS store and the bindings' code cache. */
export async function initializeFromCache(cacheDir: string): Promise<void> {
  useSrsFolder(cacheDir);
  useCodeCacheFolder(cacheDir);
  await initializeBindings();
  saveBindingsCodeCache();
}

/** Runs `work` with o1js reading (and writing) its SRS and Lagrange bases in `cacheDir`, the final basis loaded. */
export async function withSrsCache<T>(cacheDir: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!cacheDir) return work();
  const o1js = await loadInternals();
  o1js?.setSrsCache(Cache.FileSystem(cacheDir));
  try {
    await initializeFromCache(cacheDir);
    const fq = srsStore('fq');
    fq?.addLagrangeBasis(fq.create(FQ_SRS_SIZE), FINAL_WRAP_DOMAIN_LOG2);
    return await work();
  } finally {
    o1js?.unsetSrsCache();
  }
}
