// o1js reads its SRS and Lagrange bases from the key cache only while compiling (its setSrsCache is internal), so a
// fresh process that only verifies would recompute them: about 80 s here. Pointing o1js at the same cache folder
// while verifying loads them from disk instead. The module is o1js's own (same file URL as its ESM build imports),
// not a copy; if a later o1js moves it, verification still works, only slower.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Cache } from 'o1js';

interface SrsCacheModule {
  setSrsCache(cache: Cache): void;
  unsetSrsCache(): void;
}

async function srsCacheModule(): Promise<SrsCacheModule | undefined> {
  const file = join(dirname(createRequire(import.meta.url).resolve('o1js')), 'bindings', 'crypto', 'cache.js');
  if (!existsSync(file)) return undefined;
  const module = (await import(pathToFileURL(file).href)) as Partial<SrsCacheModule>;
  return typeof module.setSrsCache === 'function' && typeof module.unsetSrsCache === 'function' ? (module as SrsCacheModule) : undefined;
}

export async function withSrsCache<T>(cacheDir: string | undefined, work: () => Promise<T>): Promise<T> {
  const module = cacheDir ? await srsCacheModule() : undefined;
  if (!module || !cacheDir) return work();
  module.setSrsCache(Cache.FileSystem(cacheDir));
  try {
    return await work();
  } finally {
    module.unsetSrsCache();
  }
}
