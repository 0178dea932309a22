// The details panel of one job: where it stands, what its proof says and does not say, the public inputs a
// verifier will see, timings, the trust list, and on failure the error's sentence, hint and technical detail.
import type { Job } from '../../../common/ipc-contract.js';
import { SIGNATURES_PROVED } from '../../../common/proof-statement.js';
import { canCancel, canRetry, formatBytes, formatDuration, isFinishedOk, jobProgress, remainingText, STATE_WORDS, typicalText, waitingFor } from '../lib/job-words.js';
import { useJobActions } from '../lib/use-job-actions.js';
import { useNow } from '../lib/use-now.js';
import { useShutterproof } from '../store/store.js';
import { useUi } from '../store/ui-store.js';
import { JobErrorView } from './job-error-view.js';
import { LogPane } from './log-pane.js';
import { ProgressBar } from './progress-bar.js';
import { ProofStatement } from './proof-statement.js';

export const ISSUER_ONLY = "This photo's issuer only";

export function JobDetails({ jobId, drawer = false }: { jobId: string; drawer?: boolean }) {
  const job = useShutterproof((s) => s.jobs.get(jobId));
  const prover = useShutterproof((s) => s.proverStatus);
  const now = useNow(job?.state === 'running');
  const trustLists = useShutterproof((s) => s.trustLists);
  const actions = useJobActions();
  const close = () => useUi.getState().select(null);
  if (!job) return null;
  const progress = jobProgress(job);
  const waiting = waitingFor(job, prover);
  const left = remainingText(job, now);
  // A failed or cancelled job has no proof: what a proof proves would only be noise there.
  const mayProve = job.state !== 'failed' && job.state !== 'cancelled';
  const chosenList = job.trustListId === null ? ISSUER_ONLY : (trustLists.find((l) => l.id === job.trustListId)?.name ?? 'A trust list that was removed');

  return (
    <aside className={`details${drawer ? ' details--drawer' : ''}`} aria-label={`Details of ${job.file.name}`}>
      <header className="details__header">
        <h2 className="details__title">{job.file.name}</h2>
        <button type="button" className="button button--small button--quiet" onClick={close} aria-label="Close details">
          Close
        </button>
      </header>
      <div className="details__body">
        {/* A proof waiting for the prover to get ready says only that, as its row does. */}
        <p className={`state state--${waiting ? 'queued' : job.state}`}>{waiting ?? STATE_WORDS[job.state]}</p>
        {job.state === 'queued' && job.check === 'passed' && job.estimate && <p className="muted">{typicalText(job)}</p>}
        {job.state === 'running' && !waiting && (
          <div className="details__progress">
            {job.stage && job.stage.label !== STATE_WORDS.running && <p>{job.stage.label}</p>}
            {left && <p className="details__eta">{left}</p>}
            {progress && <ProgressBar fraction={progress.fraction} label={`Progress of ${job.file.name}`} />}
            {progress?.text && <p className="muted">{progress.text}</p>}
          </div>
        )}
        <div className="details__actions">
          {canCancel(job) && (
            <button type="button" className="button" onClick={() => actions.askCancel(job)}>
              Cancel
            </button>
          )}
          {canRetry(job) && (
            <button type="button" className="button" onClick={() => actions.retry(job.id)}>
              Retry
            </button>
          )}
          {isFinishedOk(job) && (
            <>
              <button type="button" className="button button--primary" onClick={() => actions.askExport({ kind: 'job', jobId: job.id }, job.file.name)}>
                Export…
              </button>
              {job.exportedTo && (
                <button type="button" className="button" onClick={() => actions.reveal(job.id)} title={job.exportedTo}>
                  Show in folder
                </button>
              )}
            </>
          )}
        </div>

        {job.error && (job.state === 'failed' || job.state === 'cancelled' || job.state === 'interrupted') && <JobErrorView error={job.error} />}

        {job.result && <ResultView job={job} />}

        <dl className="facts">
          <dt>File</dt>
          <dd className="facts__path">{job.file.path}</dd>
          <dt>Size</dt>
          <dd>{formatBytes(job.file.size)}</dd>
          <dt>Trust list chosen</dt>
          <dd>{chosenList}</dd>
          {job.attempts > 1 && (
            <>
              <dt>Attempts</dt>
              <dd>{job.attempts}</dd>
            </>
          )}
        </dl>

        {job.result && <TechnicalDetails job={job} />}
        {mayProve && <ProofStatement />}
        <LogPane jobId={job.id} />
      </div>
    </aside>
  );
}

function ResultView({ job }: { job: Job }) {
  const result = job.result!;
  return (
    <section className="result" aria-label="Proof">
      {result.verified && <p className="result__verified">Verified ✓</p>}
      <dl className="facts">
        <dt>Trust list used</dt>
        <dd>
          {result.trustList.name} — {result.trustList.size} {result.trustList.size === 1 ? 'issuer' : 'issuers'}
        </dd>
        <dt>Time taken</dt>
        <dd>{result.cached ? 'Made earlier — this proof pack was reused' : formatDuration(result.timings.totalMs)}</dd>
        <dt>Proof pack</dt>
        {job.exportedTo ? <dd className="facts__path">Exported to {job.exportedTo}</dd> : <dd>Not exported yet: Export… saves a copy to share.</dd>}
      </dl>
    </section>
  );
}

/** What a verifier sees and how the proof was made: closed at first, after the facts a person needs. */
function TechnicalDetails({ job }: { job: Job }) {
  const result = job.result!;
  return (
    <details className="technical">
      <summary>Technical details</summary>
      <p className="muted">What anyone who checks the proof sees: the photo's fingerprint and the trust list's fingerprint.</p>
      <dl className="facts">
        <dt>Asset hash (public)</dt>
        <dd>
          <code className="hash">{result.publicInputs.assetHash}</code>
        </dd>
        <dt>Trust root (public)</dt>
        <dd>
          <code className="hash">{result.publicInputs.trustRoot}</code>
        </dd>
        <dt>Circuit</dt>
        <dd>
          {result.circuit.id} v{result.circuit.version}
        </dd>
        <dt>Signatures proved</dt>
        <dd>{SIGNATURES_PROVED}</dd>
        <dt>Kept by Shutterproof at</dt>
        <dd className="facts__path">{result.packPath}</dd>
      </dl>
      {result.timings.steps.length > 0 && (
        <details className="timings">
          <summary>Timings</summary>
          <table>
            <tbody>
              {result.timings.steps.map((step, i) => (
                <tr key={`${step.name}-${i}`}>
                  <td>{step.name}</td>
                  <td>{formatDuration(step.ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </details>
  );
}
