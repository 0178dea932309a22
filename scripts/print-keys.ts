// Compiles every circuit of the family (or the ones named) and prints each final program's verification key, to pin
// in prover/circuit/expected-vk.ts after a circuit changes. Uses the CLI's key cache.
//   npx tsx scripts/print-keys.ts [circuit-id ...]
import { CIRCUITS, compile, isCircuitId, type CircuitId } from '../prover/circuit/index.js';
import { EXPECTED_VKS } from '../prover/circuit/expected-vk.js';
import { circuitCacheDir, defaultCacheDir } from '../prover/runtime.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !isCircuitId(id));
if (unknown.length) throw new Error(`unknown circuit ${unknown.join(', ')}; the family is ${Object.keys(CIRCUITS).join(', ')}`);
const ids = (wanted.length ? wanted : Object.keys(CIRCUITS)) as CircuitId[];
for (const id of ids) {
  const t0 = Date.now();
  const vk = await compile({ cacheDir: circuitCacheDir(defaultCacheDir()), circuit: id });
  const pinned = EXPECTED_VKS[id].hash === vk.hash && EXPECTED_VKS[id].data === vk.data;
  console.log(`${id} v${CIRCUITS[id].version}: compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${pinned ? 'matches' : 'DIFFERS from'} the pinned key`);
  console.log(JSON.stringify({ hash: vk.hash, data: vk.data }));
}
