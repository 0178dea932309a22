// The prover's state when it matters to people: getting ready (with its real progress), a restart, or a failure
// with what can be done about it. Ready and busy say nothing: the job list already shows the work.
import { useState } from 'react';
import type { JobError } from '../../../common/ipc-contract.js';
import { api } from '../api.js';
import { attempt } from '../lib/use-job-actions.js';
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
        <p className="banner__title">{status.firstTime ? 'Getting the prover ready for the first time — several minutes' : 'Getting the prover ready — about a minute'}</p>
        <p className="banner__text muted">
          {status.firstTime ? 'This happens once on this computer. Photos wait for it, and later starts take about a minute.' : 'Photos wait for it.'}
        </p>
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
  return <FailedBanner error={status.error} />;
}

const COPY_HINT = "Try again. If it keeps failing, copy the log and send it to Shutterproof's support.";

function FailedBanner({ error }: { error: JobError }) {
  const [copied, setCopied] = useState(false);
  const log = [`${error.code}: ${error.message}`, error.detail ?? ''].filter(Boolean).join('\n');
  return (
    <div className="banner banner--error">
      <p className="banner__title">The prover could not start.</p>
      {/* The general "open Details and copy the log" would send people looking for what the buttons below do. */}
      <JobErrorView error={error} nextStep={/copy the log/i.test(error.hint) ? COPY_HINT : undefined} />
      <div className="banner__buttons">
        <button type="button" className="button button--primary" onClick={() => void attempt(() => api().prover.restart(), 'Could not start the prover')}>
          Try again
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void attempt(async () => (await navigator.clipboard.writeText(log), setCopied(true)), 'Could not copy the log')}
        >
          {copied ? 'Copied' : 'Copy the log'}
        </button>
      </div>
    </div>
  );
}
