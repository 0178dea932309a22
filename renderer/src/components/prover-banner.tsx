// The prover's state when it matters to people: the one-time preparation (with its real progress), a restart,
// or a failure. Ready and busy say nothing: the job list already shows the work.
import { useShutterproof } from '../store/store.js';
import { JobErrorView } from './job-error-view.js';
import { ProgressBar } from './progress-bar.js';

export function ProverBanner() {
  const status = useShutterproof((s) => s.proverStatus);
  if (!status || status.state === 'ready' || status.state === 'busy') return null;
  if (status.state === 'warming') {
    const fraction = status.total > 0 ? Math.min(1, status.done / status.total) : null;
    return (
      <div className="banner" role="status">
        <p className="banner__title">Preparing the prover — first time only</p>
        <p className="banner__text">{status.label}</p>
        <ProgressBar fraction={fraction} label="Preparing the prover" />
        {status.total > 0 && (
          <p className="banner__text muted">
            {status.done} of {status.total}
          </p>
        )}
      </div>
    );
  }
  if (status.state === 'starting') {
    return (
      <div className="banner" role="status">
        <p className="banner__title">Starting the prover…</p>
      </div>
    );
  }
  if (status.state === 'restarting') {
    return (
      <div className="banner" role="status">
        <p className="banner__title">Restarting the prover…</p>
        <p className="banner__text">{status.reason}</p>
      </div>
    );
  }
  return (
    <div className="banner banner--error">
      <p className="banner__title">The prover could not start.</p>
      <JobErrorView error={status.error} />
    </div>
  );
}
