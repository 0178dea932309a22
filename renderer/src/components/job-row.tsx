// One photo in the job list. Memoised: with thousands of jobs, a batch of changes re-renders only the rows whose
// job record changed. The row is focusable: Enter opens details, Delete asks to remove, arrows move between rows.
import { memo, type KeyboardEvent } from 'react';
import type { Job } from '../../../common/ipc-contract.js';
import { canCancel, canMoveToTop, canRetry, formatEta, isFinishedOk, jobProgress, STATE_WORDS } from '../lib/job-words.js';
import type { JobActions } from '../lib/use-job-actions.js';
import { ProgressBar } from './progress-bar.js';
import { Thumbnail } from './thumbnail.js';

interface Props {
  job: Job;
  index: number;
  selected: boolean;
  actions: JobActions;
  onArrow(index: number, step: number): void;
}

export const JobRow = memo(function JobRow({ job, index, selected, actions, onArrow }: Props) {
  const name = job.file.name;
  const progress = jobProgress(job);
  const eta = job.state === 'running' ? formatEta(job.progress?.etaMs) : null;
  const stateWords = STATE_WORDS[job.state];
  // The proving stage is already named by the state; other stages say what is happening now.
  const stageLabel = job.state === 'running' && job.stage?.label !== stateWords ? job.stage?.label : undefined;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on the row's own buttons keep their meaning
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.openDetails(job.id);
    } else if (e.key === 'Delete' || (e.key === 'Backspace' && e.metaKey)) {
      e.preventDefault();
      actions.askRemove(job.id, name);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onArrow(index, e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <div
      className={`job-row job-row--${job.state}${selected ? ' job-row--selected' : ''}`}
      role="listitem"
      tabIndex={0}
      data-index={index}
      data-job-id={job.id}
      aria-label={`${name}, ${stateWords}`}
      aria-current={selected ? 'true' : undefined}
      onKeyDown={onKeyDown}
      onDoubleClick={() => actions.openDetails(job.id)}
    >
      <Thumbnail jobId={job.id} />
      <div className="job-row__main">
        <div className="job-row__title">
          <span className="job-row__name" title={job.file.path}>
            {name}
          </span>
          <span className={`state state--${job.state}`}>{stateWords}</span>
        </div>
        <div className="job-row__status">
          {job.state === 'failed' || job.state === 'cancelled' ? (
            <span className="job-row__error">{job.error?.message ?? stateWords}</span>
          ) : (
            <>
              {stageLabel && <span className="job-row__stage">{stageLabel}</span>}
              {progress?.text && job.state === 'running' && <span className="job-row__steps">{progress.text}</span>}
              {eta && <span className="job-row__eta">{eta}</span>}
              {job.state === 'succeeded' && job.result?.cached && <span className="job-row__steps">Made earlier — reused</span>}
            </>
          )}
        </div>
        {progress && job.state === 'running' && <ProgressBar fraction={progress.fraction} label={`Progress of ${name}`} />}
      </div>
      <div className="job-row__actions">
        <button type="button" className="button button--small" onClick={() => actions.openDetails(job.id)} aria-label={`Details of ${name}`}>
          Details
        </button>
        {canMoveToTop(job) && (
          <button type="button" className="button button--small" onClick={() => actions.moveToTop(job.id)} aria-label={`Move ${name} to top`}>
            Move to top
          </button>
        )}
        {canCancel(job) && (
          <button type="button" className="button button--small" onClick={() => actions.cancel(job.id)} aria-label={`Cancel ${name}`}>
            Cancel
          </button>
        )}
        {canRetry(job) && (
          <button type="button" className="button button--small" onClick={() => actions.retry(job.id)} aria-label={`Retry ${name}`}>
            Retry
          </button>
        )}
        {isFinishedOk(job) && (
          <>
            <button type="button" className="button button--small" onClick={() => actions.askExport({ kind: 'job', jobId: job.id }, name)} aria-label={`Export ${name}`}>
              Export
            </button>
            <button type="button" className="button button--small" onClick={() => actions.reveal(job.id)} aria-label={`Show ${name} proof in folder`}>
              Show in folder
            </button>
          </>
        )}
        <button type="button" className="button button--small button--quiet" onClick={() => actions.askRemove(job.id, name)} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </div>
    </div>
  );
});
