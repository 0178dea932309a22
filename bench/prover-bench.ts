// Prover benchmark: rows per method, compile time (cold or warm, depending on the cache folder), prove time per
// recursive step with resident and peak RSS, verify time (in this process and in a fresh CLI process), proof pack
// size. Run twice to see cold, then warm:
//   npx tsx bench/prover-bench.ts [--cache <dir>]                    a signed 4000x3000 JPEG through the product path
//   npx tsx bench/prover-bench.ts --evidence [--claim-padding N]     test evidence, e.g. a Sig_structure near 4 KiB
// --cache is the CLI's cache folder (default: the CLI's and the tests' one). The fresh-process verification runs
// bin/shutterproof.js, so build the prover first (`npm run build:prover`; `npm test` does).
// The bench re-runs itself with the settings every proving process gets (common/prover-process.ts), so its figures
// are the app's and the CLI's; variables already in the environment (e.g. MALLOC_*) win, to compare settings.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVER_ENV, PROVER_NODE_FLAGS, PROVER_PROCESS_MARK } from '../common/prover-process.js';

if (!process.env[PROVER_PROCESS_MARK]) {
  const run = spawnSync(process.execPath, [...PROVER_NODE_FLAGS, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...PROVER_ENV, ...process.env, [PROVER_PROCESS_MARK]: '1' },
  });
  process.exit(run.status ?? 1);
}
/** Fresh `shutterproof verify` runs timed after the proof; the median is reported. */
const FRESH_VERIFY_RUNS = 5;
const v8Flags = process.execArgv.filter((a) => /^--(max-|min-|expose-gc)/.test(a));
const mallocEnv = Object.entries(process.env)
  .filter(([k]) => k.startsWith('MALLOC_') || k === 'GLIBC_TUNABLES')
  .map(([k, v]) => `${k}=${v}`);
console.log(`prover settings: ${[...v8Flags, ...mallocEnv].join(' ')}`);
const { branchesInParallel } = await import('../prover/pipeline/branch-helper.js');
console.log(`branches: ${branchesInParallel() ? 'in parallel, the issuer branch in a helper process' : 'one after the other, in this process'} (SHUTTERPROOF_PARALLEL_BRANCHES=1|0 decides)`);

// The native backend unless O1JS_BACKEND says otherwise: read when prover/o1js.ts first loads o1js, so the prover
// modules are loaded after this line.
process.env.O1JS_BACKEND ??= 'native';
const { circuitCacheDir, defaultCacheDir } = await import('../prover/runtime.js');
const { analyzeRows } = await import('./analyze-rows.js');
const { buildWitness, compile, planSteps, prove, verify } = await import('../prover/circuit/index.js');
const { provePhoto } = await import('../prover/pipeline/prove-photo.js');
const { readPack, verifyPack } = await import('../prover/pipeline/verify-pack.js');
const { loadTestPki, pem } = await import('../test/support/pki.js');
const { largeJpeg } = await import('../test/support/photos.js');
const { signPhoto } = await import('../test/support/sign.js');
const { makeEvidence, publicKeyOf } = await import('../test/unit/circuit-support/evidence.js');

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const cacheDir = arg('--cache', defaultCacheDir());
const secs = (ms: number) => (ms / 1000).toFixed(1) + ' s';

function statusMb(field: 'VmHWM' | 'VmRSS', pid: number | 'self' = 'self'): number | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const status = text.match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return status ? Math.round(Number(status[1]) / 1024) : undefined;
}
const peakRssMb = () => statusMb('VmHWM') ?? Math.round(process.resourceUsage().maxRSS / 1024);
/** The helper prover process, when the branches run in parallel (prover/pipeline/branch-helper.ts): this process's child. */
function helperPid(): number | undefined {
  try {
    const children = readdirSync('/proc/self/task').flatMap((t) => readFileSync(`/proc/self/task/${t}/children`, 'utf8').split(/\s+/));
    return children.map(Number).find((pid) => pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('helper-main'));
  } catch {
    return undefined;
  }
}
const helperMemory = () => {
  const pid = helperPid();
  return pid ? `; helper RSS now ${statusMb('VmRSS', pid)} MB, peak ${statusMb('VmHWM', pid)} MB` : '';
};
// Resident now (not the peak): shows what stays in memory between steps, e.g. proving keys once loaded.
const rssNow = () => {
  const { rss, heapTotal } = process.memoryUsage();
  return `RSS now ${statusMb('VmRSS') ?? Math.round(rss / 1048576)} MB, peak ${peakRssMb()} MB, JS heap ${Math.round(heapTotal / 1048576)} MB${helperMemory()}`;
};

const rows = await analyzeRows();
console.log('rows (analyzeMethods):');
for (const [name, n] of Object.entries(rows)) console.log(`  ${name.padEnd(18)} ${n}`);
const warm = existsSync(circuitCacheDir(cacheDir)) && readdirSync(circuitCacheDir(cacheDir)).some((f) => f.startsWith('step-pk-'));
console.log(`key cache: ${circuitCacheDir(cacheDir)} (${warm ? 'warm' : 'cold'})`);

const summary = process.argv.includes('--evidence') ? await benchEvidence() : await benchPhoto();
const helper = helperPid();
const helperPeakRssMb = helper ? statusMb('VmHWM', helper) : undefined;
console.log(`peak RSS of the whole run: ${peakRssMb()} MB${helperPeakRssMb ? `, of the helper process ${helperPeakRssMb} MB` : ''}`);
console.log(JSON.stringify({ rows, warm, ...summary, peakRssMb: peakRssMb(), helperPeakRssMb }));

/** The product path on a signed 4000x3000 JPEG: read, validate, compile, prove, save, verify. */
async function benchPhoto() {
  const dir = mkdtempSync(join(tmpdir(), 'shutterproof-bench-'));
  const pki = await loadTestPki();
  const input = join(dir, 'large-4000x3000.jpg');
  writeFileSync(input, await signPhoto(largeJpeg(), { writer: 'c2pa-rs', format: 'jpeg' }));
  const trustList = join(dir, 'trust-test.pem');
  writeFileSync(trustList, pem(pki.intermediate, pki.root));
  console.log(`input: ${input}, ${(statSync(input).size / 1e6).toFixed(1)} MB, signed by c2pa-rs with the test PKI`);

  const t0 = Date.now();
  let stepStarted = Date.now();
  const result = await provePhoto({ input, trustList, out: dir }, cacheDir, {
    stage: (_name, label) => console.log(`[${secs(Date.now() - t0)}] ${label} (${rssNow()})`),
    progress: (done, total) => {
      if (done > 0) console.log(`  ${done}/${total} done in ${secs(Date.now() - stepStarted)} (${rssNow()})`);
      stepStarted = Date.now();
    },
    log: (_level, msg) => console.log(`  ${msg}`),
  });
  const wallMs = Date.now() - t0;
  for (const step of result.timings.steps) console.log(`  ${step.name.padEnd(20)} ${secs(step.ms)}`);
  const proveMs = result.timings.steps.filter((s) => !['read', 'check', 'prepare'].includes(s.name)).reduce((a, s) => a + s.ms, 0);
  console.log(`prove: ${secs(proveMs)} (${result.timings.steps.length - 3} proof steps, incl. self-verification); wall ${secs(wallMs)}`);

  const pack = await readPack(result.packPath);
  let v0 = Date.now();
  await verifyPack(pack, { photoPath: input, cacheDir });
  const verifyMs = Date.now() - v0;
  console.log(`verify in this process (pack + photo hash): ${verifyMs} ms`);
  const cli = join(import.meta.dirname, '..', 'bin', 'shutterproof.js');
  let freshVerifyMs: number | undefined;
  if (existsSync(join(import.meta.dirname, '..', 'out', 'node', 'prover', 'entry', 'cli-main.js'))) {
    // The first run starts while this process still holds the prover's memory; the others show a typical start.
    const runs: number[] = [];
    for (let i = 0; i < FRESH_VERIFY_RUNS; i++) {
      v0 = Date.now();
      execFileSync(process.execPath, [cli, 'verify', result.packPath, '--photo', input, '--cache', cacheDir], { stdio: 'ignore' });
      runs.push(Date.now() - v0);
    }
    freshVerifyMs = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    console.log(`verify in a fresh process (shutterproof verify --photo), ${runs.length} runs: ${runs.join(', ')} ms; median ${freshVerifyMs} ms`);
  } else console.log('verify in a fresh process: skipped, run `npm run build:prover` first');
  const packBytes = statSync(result.packPath).size;
  console.log(`proof pack: ${packBytes} bytes`);
  return { input: 'photo-4000x3000', steps: result.timings.steps, wallMs, proveMs, verifyMs, freshVerifyMs, packBytes };
}

/** The circuit alone on test evidence; --claim-padding grows the Sig_structure towards its 4 KiB limit. */
async function benchEvidence() {
  const pki = await loadTestPki();
  const keys = [await publicKeyOf(pki.root), await publicKeyOf(pki.intermediate)];
  const evidence = await makeEvidence({ claimPadding: Number(arg('--claim-padding', '0')) });
  const witness = buildWitness(evidence, { keys });
  console.log(`inputs: Sig_structure ${evidence.sigStructure.length} B, TBS ${witness.t.length} B, assertion ${witness.a.length} B`);

  let t0 = Date.now();
  const vk = await compile({
    cacheDir: circuitCacheDir(cacheDir),
    onProgress: (d, t, label) => console.log(`  compile ${d}/${t} ${label} (${secs(Date.now() - t0)}, ${rssNow()})`),
  });
  const compileMs = Date.now() - t0;
  console.log(`compile: ${secs(compileMs)}, vk hash ${vk.hash}, ${rssNow()}`);

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
  const verifyMs = Date.now() - t0;
  console.log(`verify: ${ok} in ${verifyMs} ms`);
  console.log(`proof JSON: ${JSON.stringify(result.proof).length} bytes`);
  return { input: 'evidence', sigStructureBytes: evidence.sigStructure.length, compileMs, proveMs, verifyMs, steps: result.steps, vkHash: vk.hash };
}
