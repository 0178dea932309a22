// The quick check of every added photo (the prover's `check` request, milliseconds each), one after another on the
// short-request prover so it never waits behind a running proof. A photo the prove path would reject gets its
// verdict at once and is never queued; anything else about the check itself (a prover that cannot start, an older
// prover without `check`) lets the photo through, and the prove path decides as before.
import type { ErrorCode } from '../../common/error-codes.js';
import type { Job, JobError } from '../../common/ipc-contract.js';
import type { ProverRequest } from '../../common/prover-protocol.js';
import type { RunOutcome } from '../prover/supervisor.js';
import type { TrustLists } from './engine-types.js';

/** Verdicts about the photo or its trust list: retrying the same photo cannot change them. */
const PHOTO_VERDICTS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'unsupported_format',
  'file_too_large',
  'unreadable_file',
  'no_content_credentials',
  'manifest_invalid',
  'hash_mismatch',
  'signature_invalid',
  'untrusted_signer',
  'issuer_certificate_missing',
  'trust_list_invalid',
  'trust_list_removed',
  'unsupported_algorithm',
  'certificate_unsuitable',
  'input_exceeds_circuit_limits',
]);

export type Verdict = { ok: true; note?: string } | { ok: false; error: JobError };

export class PhotoChecks {
  private readonly waiting: Job[] = [];
  private busy = false;

  constructor(
    private readonly ask: (request: ProverRequest) => Promise<RunOutcome>,
    private readonly trustLists: TrustLists,
    private readonly onVerdict: (jobId: string, verdict: Verdict) => void,
  ) {}

  enqueue(jobs: Iterable<Job>): void {
    this.waiting.push(...jobs);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let job = this.waiting.shift(); job; job = this.waiting.shift()) this.onVerdict(job.id, await this.check(job));
    } finally {
      this.busy = false;
    }
  }

  private async check(job: Job): Promise<Verdict> {
    const list = job.trustListId === null ? undefined : this.trustLists.get(job.trustListId);
    const trustList = list ? this.trustLists.pemPath(list.id) : undefined;
    let outcome: RunOutcome;
    try {
      outcome = await this.ask({ id: `check-${job.id}`, op: 'check', input: job.file.path, ...(trustList ? { trustList } : {}) });
    } catch (error) {
      return { ok: true, note: `The quick check could not run (${(error as Error).message}); the proof will check instead.` };
    }
    if (outcome.ok) return { ok: true };
    if (PHOTO_VERDICTS.has(outcome.error.code)) return { ok: false, error: outcome.error };
    return { ok: true, note: `The quick check could not run (${outcome.error.code}); the proof will check instead.` };
  }
}
