// o1js reads its SRS and Lagrange bases from the key cache only while compiling (its setSrsCache is internal), so a
// fresh process that only verifies would recompute them: about 80 s here. Pointing o1js at the same cache folder
// while verifying loads them from disk instead.
//
// One basis is never loaded by a process that only verifies: the final proof's wrap domain over Fq. The native
// verifier recomputed it on the first verification (13-15 s here). Asking o1js's SRS store for it with a cache set
// loads it from the folder (compile wrote it) in well under a second.
//
// The modules are o1js's own (same file URLs as its ESM build imports), not copies; if a later o1js moves them,
// verification still works, only slower.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Cache, initializeBindings } from 'o1js';

/** log2 of the final proof's wrap domain: o1js wraps a step that verifies one or two proofs in 2^14 rows. */
export const FINAL_WRAP_DOMAIN_LOG2 = 14;
/** Size of the Fq SRS o1js creates (the wrap circuits' commitment key); the basis is stored on that SRS. */
const FQ_SRS_SIZE = 2 ** 15;

interface SrsPerField {
  create(size: number): unknown;
  addLagrangeBasis(srs: unknown, logSize: number): void;
}

interface O1jsInternals {
  setSrsCache(cache: Cache): void;
  unsetSrsCache(): void;
  fqSrs(): SrsPerField | undefined;
}

let internals: Promise<O1jsInternals | undefined> | undefined;

async function importInternal<T>(root: string, ...path: string[]): Promise<Partial<T> | undefined> {
  const file = join(root, ...path);
  return existsSync(file) ? ((await import(pathToFileURL(file).href)) as Partial<T>) : undefined;
}

function loadInternals(): Promise<O1jsInternals | undefined> {
  internals ??= (async () => {
    const root = dirname(createRequire(import.meta.url).resolve('o1js'));
    const cache = await importInternal<O1jsInternals>(root, 'bindings', 'crypto', 'cache.js');
    const bindings = await importInternal<{ wasm: unknown }>(root, 'bindings.js');
    if (typeof cache?.setSrsCache !== 'function' || typeof cache.unsetSrsCache !== 'function' || !bindings) return undefined;
    const { setSrsCache, unsetSrsCache } = cache;
    return {
      setSrsCache,
      unsetSrsCache,
      fqSrs: () => {
        // o1js publishes its TypeScript bindings here so its OCaml side finds them; `wasm` is the live backend.
        const ts = (globalThis as { __snarkyTsBindings?: { srs?: (rust: unknown) => { fq?: Partial<SrsPerField> } } })
          .__snarkyTsBindings;
        const fq = bindings.wasm ? ts?.srs?.(bindings.wasm).fq : undefined;
        return typeof fq?.create === 'function' && typeof fq.addLagrangeBasis === 'function' ? (fq as SrsPerField) : undefined;
      },
    };
  })();
  return internals;
}

/** Runs `work` with o1js reading (and writing) its SRS and Lagrange bases in `cacheDir`, the final basis loaded. */
export async function withSrsCache<T>(cacheDir: string | undefined, work: () => Promise<T>): Promise<T> {
  const o1js = cacheDir ? await loadInternals() : undefined;
  if (!o1js || !cacheDir) return work();
  o1js.setSrsCache(Cache.FileSystem(cacheDir));
  try {
    await initializeBindings();
    const fq = o1js.fqSrs();
    fq?.addLagrangeBasis(fq.create(FQ_SRS_SIZE), FINAL_WRAP_DOMAIN_LOG2);
    return await work();
  } finally {
    o1js.unsetSrsCache();
  }
}
