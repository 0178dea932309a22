// Proving one photo end to end: read and validate its Content Credentials natively (fast, so bad input fails in
// seconds, not minutes), build the circuit witness, prove, verify the final proof, write the proof pack atomically.
import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import { PROOF_PACK_FORMAT, type ProofPack } from '../../common/proof-pack.js';
import { PROVING_STAGE, type ProveRequest, type ProveSummary } from '../../common/prover-protocol.js';
import { writeFileAtomic } from './atomic-write.js';
import { readEvidence } from '../c2pa/read-evidence.js';
import { stripManifest } from '../c2pa/strip.js';
import { validateEvidence } from '../c2pa/validate.js';
import { CIRCUITS, buildWitness, planSteps, prove, trustRoot } from '../circuit/index.js';
import { type CircuitKeys, ensureCompiled, issuerBranchProver } from './compiled-circuit.js';
import { prepareOutputFolder } from './output-folder.js';
import { readPhoto } from '../c2pa/read-photo.js';
import { etaMs, type Reporter } from '../reporter.js';
import { APP_NAME, APP_VERSION, O1JS_VERSION } from '../runtime.js';
import { publicKeyHex, trustListFor } from './trust-source.js';
import { STATEMENT } from '../../common/proof-statement.js';

export type ProveJob = Omit<ProveRequest, 'id' | 'op'>;

const STAGES = [
  ['read', "Reading the photo's Content Credentials"],
  ['check', 'Checking the signature and the photo'],
  ['prepare', 'Preparing the prover'],
  [PROVING_STAGE, 'Making the proof'],
  ['save', 'Checking and saving the proof pack'],
] as const;

export async function provePhoto(job: ProveJob, cacheDir: string, report: Reporter): Promise<ProveSummary> {
  const started = Date.now();
  const steps: { name: string; ms: number }[] = [];
  const stage = (i: number) => report.stage(STAGES[i][0], STAGES[i][1], i, STAGES.length);
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = Date.now();
    const value = await work();
    steps.push({ name, ms: Date.now() - t0 });
    return value;
  };

  stage(0);
  // Before minutes of proving: a pack that cannot be saved is known now.
  await prepareOutputFolder(job.out);
  const photo = await readPhoto(job.input);
  const evidence = await timed('read', () => readEvidence(photo));

  stage(1);
  const trust = await trustListFor(evidence, job.trustList);
  await timed('check', () => validateEvidence(photo, evidence, trust));
  const witness = buildWitness(evidence, trust);
  report.log('info', `Credentials are valid; the proof will hide the signer among ${trust.cas.length} trusted issuer(s).`);

  stage(2);
  const keys: CircuitKeys = await timed('prepare', () =>
    ensureCompiled(cacheDir, (done, total, label) => {
      report.progress(done, total);
      report.log('info', label);
    }, witness.circuit),
  );

  stage(3);
  const plan = planSteps(witness);
  const proveStarted = Date.now();
  report.progress(0, plan.length);
  // Where the report goes out as protocol events, a helper writes this request's progress as its steps finish.
  const share = report.requestId === undefined ? undefined : { requestId: report.requestId, total: plan.length, startedAt: proveStarted };
  const elsewhere = issuerBranchProver(cacheDir, share);
  if (elsewhere) report.log('info', 'The two halves of the proof are made at the same time, one in a second prover process.');
  const done = new Set<number>();
  const result = await prove(
    witness,
    {
      onStep: (index, total, _name, label) => report.log('info', `${label} (${index + 1} of ${total})`),
      // With the branches in parallel steps finish out of order, and a step redone after a helper failed counts once.
      onStepDone: (index) => {
        done.add(index);
        report.progress(done.size, plan.length, etaMs(done.size, plan.length, Date.now() - proveStarted));
      },
      onLog: (level, msg) => report.log(level, msg),
    },
    elsewhere,
  ).finally(() => elsewhere?.stopReporting?.());
  steps.push(...result.steps);

  stage(4);
  const name = basename(job.input, extname(job.input));
  const packPath = join(job.out, `${name}.proof.json`);
  let strippedPath: string | undefined;
  let strippedSha256: string | undefined;
  if (job.strip) {
    const stripped = stripManifest(photo, evidence);
    strippedSha256 = createHash('sha256').update(stripped).digest('hex');
    strippedPath = join(job.out, `${name}.stripped${extname(job.input).toLowerCase()}`);
    await writeFileAtomic(strippedPath, stripped);
  }
  const root = trustRoot(trust.cas.map((ca) => ca.publicKey)).toString();
  const timings = { totalMs: Date.now() - started, steps };
  const pack: ProofPack = {
    format: PROOF_PACK_FORMAT,
    circuit: { id: witness.circuit, version: CIRCUITS[witness.circuit].version, vkHash: keys.verificationKey.hash },
    publicInputs: result.publicInputs,
    proof: result.proof as unknown as Record<string, unknown>,
    verificationKey: keys.verificationKey,
    trustList: {
      name: trust.name,
      root,
      keys: trust.cas.map((ca) => ({ publicKey: publicKeyHex(ca.publicKey), certSha256: ca.sha256 })),
    },
    photo: { name: basename(job.input), assetHash: result.publicInputs.assetHash, strippedSha256 },
    statement: STATEMENT,
    prover: { app: `${APP_NAME} ${APP_VERSION}`, o1js: O1JS_VERSION, backend: keys.backend },
    createdAt: new Date().toISOString(),
    timings,
    verified: true,
  };
  await writeFileAtomic(packPath, JSON.stringify(pack, null, 2) + '\n');
  report.progress(plan.length, plan.length);

  return {
    packPath,
    strippedPath,
    publicInputs: result.publicInputs,
    verified: true,
    circuit: pack.circuit,
    trustList: { name: trust.name, root, size: trust.cas.length },
    timings,
  };
}
