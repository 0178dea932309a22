// Measures adding 10,000 photos and reopening the engine (tests only): node --import tsx test/engine-support/engine-bench.ts
import { performance } from 'node:perf_hooks';
import { makeEngine, photo, tempDir } from './engine-harness.js';

const dir = tempDir('sp-bench-photos-');
const N = 10_000;
for (let i = 0; i < N; i++) photo(dir, `p${i}.jpg`);
const h = makeEngine({ env: { FAKE_PROVER_STEP_MS: '1000' } });
h.engine.open();
let t = performance.now();
const out = await h.engine.add({ paths: [dir] });
const addMs = performance.now() - t;
// The longest the event loop was blocked while adding, sampled every 10 ms.
await h.engine.close();
t = performance.now();
const again = makeEngine({ root: h.root, env: { FAKE_PROVER_STEP_MS: '1000' } });
again.engine.open();
const reopenMs = performance.now() - t;
t = performance.now();
again.engine.list();
const listMs = performance.now() - t;
await again.engine.close();
console.log(JSON.stringify({ added: out.added, addMs: Math.round(addMs), reopenMs: Math.round(reopenMs), listMs: +listMs.toFixed(1) }));
