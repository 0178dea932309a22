// Prover benchmark: rows per method, compile time (cold or warm, depending on the cache folder), prove time per
// recursive step, verify time, peak RSS and proof size, on the test evidence. Run twice to see cold, then warm:
//   npx tsx bench/prover-bench.ts [--cache <dir>] [--claim-padding N]   (default: the CLI's and the tests' cache)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setBackend } from 'o1js';

// The backend must be chosen before o1js initialises, so the circuit modules are loaded afterwards.
setBackend('native');
const { analyzeRows } = await import('./analyze-rows.js');
const { buildWitness, compile, planSteps, prove, verify } = await import('../prover/circuit/index.js');
const { loadTestPki } = await import('../test/support/pki.js');
const { makeEvidence, publicKeyOf } = await import('../test/unit/circuit-support/evidence.js');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const { circuitCacheDir } = await import('../prover/compiled-circuit.js');
const { defaultCacheDir } = await import('../prover/runtime.js');
const cacheDir = arg('--cache', circuitCacheDir(defaultCacheDir()));
const claimPadding = Number(arg('--claim-padding', '0'));

function statusMb(field: 'VmHWM' | 'VmRSS'): number | undefined {
  const status = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return status ? Math.round(Number(status[1]) / 1024) : undefined;
}
const peakRssMb = () => statusMb('VmHWM') ?? Math.round(process.resourceUsage().maxRSS / 1024);
// Resident now (not the peak): shows what stays in memory between steps, e.g. proving keys once loaded.
const rssNow = () => `RSS now ${statusMb('VmRSS') ?? Math.round(process.memoryUsage.rss() / 1048576)} MB, peak ${peakRssMb()} MB`;
const secs = (ms: number) => (ms / 1000).toFixed(1) + ' s';

const rows = await analyzeRows();
console.log('rows (analyzeMethods):');
for (const [name, n] of Object.entries(rows)) console.log(`  ${name.padEnd(18)} ${n}`);

const pki = await loadTestPki();
const keys = [await publicKeyOf(pki.root), await publicKeyOf(pki.intermediate)];
const evidence = await makeEvidence({ claimPadding });
const witness = buildWitness(evidence, { keys });
console.log(`inputs: Sig_structure ${evidence.sigStructure.length} B, TBS ${witness.t.length} B, assertion ${witness.a.length} B`);

const warm = existsSync(cacheDir) && readdirSync(cacheDir).length > 0;
let t0 = Date.now();
const vk = await compile({ cacheDir, onProgress: (d, t, label) => console.log(`  compile ${d}/${t} ${label} (${secs(Date.now() - t0)}, ${rssNow()})`) });
const compileMs = Date.now() - t0;
console.log(`compile (${warm ? 'warm' : 'cold'} cache): ${secs(compileMs)}, vk hash ${vk.hash}, ${rssNow()}`);

const plan = planSteps(witness);
t0 = Date.now();
const result = await prove(witness, {
  onStep: (i, n, name) => process.stdout.write(`  step ${i + 1}/${n} ${name} ... `),
  onStepDone: (_i, ms) => console.log(`${secs(ms)} (${rssNow()})`),
});
const proveMs = Date.now() - t0;
console.log(`prove: ${plan.length} steps, ${secs(proveMs)} (includes the final self-verification)`);

t0 = Date.now();
const ok = await verify(result.proof, result.verificationKey, result.publicInputs);
console.log(`verify: ${ok} in ${Date.now() - t0} ms`);
console.log(`proof JSON: ${JSON.stringify(result.proof).length} bytes`);
console.log(`total: ${secs(compileMs + proveMs)}, peak RSS ${peakRssMb()} MB`);
console.log(JSON.stringify({ rows, warm, compileMs, proveMs, steps: result.steps, vkHash: vk.hash, peakRssMb: peakRssMb() }));
