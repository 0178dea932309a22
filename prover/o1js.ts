// o1js, as every prover module (and test) uses it: one instance per process, chosen with the backend.
//
// With the native backend it is loaded through its CommonJS build. Imported from ES modules, o1js's ESM build
// reaches its 40 MB compiled OCaml bundle with `import()`, and Node then scans the whole bundle for CommonJS export
// names before running it; the CommonJS build `require`s the same bundle, skipping the scan, and lets
// bindings-code-cache.ts give V8 a code cache for it. Both builds are made from the same sources and compile to the
// same verification key. Measured on this project's 2-core machine, loading and initialising o1js: 1.5-1.7 s through
// the ESM build, 1.05-1.1 s through the CommonJS build, 0.67-0.72 s with the code cache. With the wasm backend (no
// native package for this platform, or O1JS_BACKEND=wasm) the ESM build is used, whose SRS cache srs-cache.ts can
// reach.
//
// Everything must come from here: a module importing 'o1js' directly could get the other build, a second o1js with
// its own classes and its own backend choice. Loading this module also sets the backend and puts the start-up caches
// in front of o1js (the binary SRS store, the bindings' code cache), which must happen before o1js initialises its
// bindings; done here, no caller can get that order wrong.
import { createRequire } from 'node:module';
import type * as O1js from 'o1js';
import { installBindingsCodeCache } from './circuit/bindings-code-cache.js';
import { installSrsStore } from './circuit/srs-store.js';

const require = createRequire(import.meta.url);

/** The backend this process uses: O1JS_BACKEND when set, else native where its prebuilt package is installed. */
export const BACKEND: 'native' | 'wasm' = pickBackend();
/** Which of o1js's two builds is loaded. */
export const O1JS_BUILD: 'commonjs' | 'esm' = BACKEND === 'native' ? 'commonjs' : 'esm';

function pickBackend(): 'native' | 'wasm' {
  const wanted = process.env.O1JS_BACKEND;
  if (wanted === 'wasm' || wanted === 'native') return wanted;
  try {
    require.resolve(`@o1js/native-${process.platform}-${process.arch}`);
    return 'native';
  } catch {
    return 'wasm';
  }
}

const o1js = (O1JS_BUILD === 'commonjs' ? require('o1js') : await import('o1js')) as typeof O1js;
installSrsStore();
if (O1JS_BUILD === 'commonjs') installBindingsCodeCache();
o1js.setBackend(BACKEND);

export const {
  Bool,
  Bytes,
  Cache,
  Crypto,
  Field,
  Gadgets,
  MerkleTree,
  MerkleWitness,
  Poseidon,
  Proof,
  Provable,
  SelfProof,
  Struct,
  UInt32,
  UInt8,
  ZkProgram,
  createEcdsa,
  createForeignCurve,
  createForeignField,
  getBackendPreference,
  initializeBindings,
  setBackend,
  verify,
} = o1js;

// The classes above are types as well as values; the types come from o1js's declarations.
export type Bool = O1js.Bool;
export type Bytes = O1js.Bytes;
export type Cache = O1js.Cache;
export type Field = O1js.Field;
export type MerkleTree = O1js.MerkleTree;
export type Proof<Input, Output> = O1js.Proof<Input, Output>;
export type Provable<T, TValue = any> = O1js.Provable<T, TValue>;
export type SelfProof<Input, Output> = O1js.SelfProof<Input, Output>;
export type UInt32 = O1js.UInt32;
export type UInt8 = O1js.UInt8;
export type { JsonProof } from 'o1js';
