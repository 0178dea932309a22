// One proof attempt for one job: builds the prover request, forwards stage/progress/log events, and checks that
// a success really is one (a schema-valid summary for a pack that exists) before the engine records it.
import { existsSync, mkdirSync } from 'node:fs';
import type { Job, JobError, JobResult, LogLine, Settings } from '../../common/ipc-contract.js';
import { proveSummary } from '../../common/prover-protocol.js';
import { jobError } from '../prover/failure-kinds.js';
import type { Prover, TrustLists } from './engine-types.js';

export interface ProofContext {
  prover: Prover;
  settings: Settings;
  trustLists: TrustLists;
  packsDir: string;
  signal: AbortSignal;
  onStage: (stage: NonNullable<Job['stage']>) => void;
  onProgress: (progress: NonNullable<Job['progress']>) => void;
  log: (level: LogLine['level'], msg: string) => void;
}

export type ProofOutcome = { ok: true; result: JobResult } | { ok: false; error: JobError };

export async function runProof(job: Job, ctx: ProofContext): Promise<ProofOutcome> {
  let trustList: string | undefined;
  if (job.trustListId !== null) {
    if (!ctx.trustLists.get(job.trustListId)) return { ok: false, error: jobError('trust_list_removed', `no trust list ${job.trustListId}`) };
    trustList = ctx.trustLists.pemPath(job.trustListId);
  }
  if (!existsSync(job.file.path)) return { ok: false, error: jobError('unreadable_file', `${job.file.path} is no longer there.`) };
  try {
    mkdirSync(ctx.packsDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'disk_full' : 'output_unwritable';
    return { ok: false, error: jobError(code, (error as Error).message) };
  }
  ctx.log('info', `Attempt ${job.attempts + 1}: proving ${job.file.name}.`);
  // The photo without its credentials is always kept beside the pack, so Export can include it whatever the setting
  // said when the proof was made (the setting only ticks the dialog's box).
  const outcome = await ctx.prover.run(
    { id: job.id, op: 'prove', input: job.file.path, out: ctx.packsDir, ...(trustList ? { trustList } : {}), strip: true },
    {
      signal: ctx.signal,
      timeoutMs: ctx.settings.jobTimeoutMinutes * 60_000,
      onStderr: (line) => ctx.log('debug', line),
      onEvent: (event) => {
        if (event.type === 'stage') ctx.onStage({ name: event.name, label: event.label, index: event.index, total: event.total });
        else if (event.type === 'progress') ctx.onProgress({ done: event.done, total: event.total, ...(event.etaMs === undefined ? {} : { etaMs: event.etaMs }) });
        else ctx.log(event.level, event.msg);
      },
    },
  );
  if (!outcome.ok) return outcome;
  const parsed = proveSummary.safeParse(outcome.summary);
  if (!parsed.success) return { ok: false, error: jobError('internal_error', `The prover's result was not understood: ${parsed.error.issues[0]?.message}`) };
  if (!existsSync(parsed.data.packPath)) return { ok: false, error: jobError('internal_error', `The proof pack ${parsed.data.packPath} is missing.`) };
  return { ok: true, result: parsed.data };
}

/** A finished proof of the same file bytes, trust root and circuit version whose pack is still on disk. */
export function findReusable(jobs: Iterable<Job>, job: Job, circuitVersion: number, trustRoot: string | null): Job | undefined {
  for (const other of jobs) {
    const result = other.result;
    if (other.id === job.id || other.state !== 'succeeded' || !result) continue;
    if (other.file.sha256 !== job.file.sha256 || result.circuit.version !== circuitVersion) continue;
    // "Issuer only" proofs of the same bytes share their issuer; imported lists must have the same root.
    const sameTrust = trustRoot === null ? other.trustListId === null : other.trustListId !== null && result.trustList.root === trustRoot;
    if (sameTrust && existsSync(result.packPath)) return other;
  }
  return undefined;
}
