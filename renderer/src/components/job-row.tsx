// One photo in the job list. Memoised: with thousands of jobs, a batch of changes re-renders only the rows whose
// job record changed. The row is focusable: Enter opens details, Delete asks to remove, arrows move between rows.
// Beside Details a row shows at most one action (Cancel or Retry); the rest are under More.
import { memo, type KeyboardEvent } from 'react';
import type { Job, ProverStatus } from '../../../common/ipc-contract.js';
import { canCancel, canMoveToTop, canRetry, isFinishedOk, jobProgress, remainingText, STATE_WORDS, typicalText, waitingFor } from '../lib/job-words.js';
import type { JobActions } from '../lib/use-job-actions.js';
import { ProgressBar } from './progress-bar.js';
import { RowMenu, type MenuAction } from './row-menu.js';
import { Thumbnail } from './thumbnail.js';

interface Props {
  job: Job;
  index: number;
  selected: boolean;
  actions: JobActions;
  onArrow(index: number, step: number): void;
  /** Below 1100 px: every action but Details folds into the menu. */
  narrow: boolean;
  prover: ProverStatus | null;
  now: number;
}

export const JobRow = memo(function JobRow({ job, index, selected, actions, onArrow, narrow, prover, now }: Props) {
  const name = job.file.name;
  const progress = jobProgress(job);
  const waiting = waitingFor(job, prover);
  // A proof sent to a prover that is still getting ready is waiting, and says only that (no "Making the proof" beside it).
  const stateWords = waiting ?? STATE_WORDS[job.state];
  const eta = waiting ? null : remainingText(job, now);
  // The proving stage is already named by the state; other stages say what is happening now.
  const stageLabel = job.state === 'running' && !waiting && job.stage?.label !== stateWords ? job.stage?.label : undefined;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on the row's own buttons keep their meaning
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.openDetails(job.id);
    } else if (e.key === 'Delete' || (e.key === 'Backspace' && e.metaKey)) {
      e.preventDefault();
      actions.askRemove(job);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onArrow(index, e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const main = mainAction(job, actions);
  const menu: MenuAction[] = [
    ...(narrow && main ? [main] : []),
    ...(canMoveToTop(job) ? [{ label: 'Move to top', run: () => actions.moveToTop(job.id) }] : []),
    ...(isFinishedOk(job)
      ? [
          { label: 'Export…', run: () => actions.askExport({ kind: 'job', jobId: job.id }, name) },
          ...(job.exportedTo ? [{ label: 'Show in folder', run: () => actions.reveal(job.id) }] : []),
        ]
      : []),
    { label: 'Remove…', run: () => actions.askRemove(job), danger: true },
  ];

  return (
    <div
      className={`job-row job-row--${job.state}${selected ? ' job-row--selected' : ''}${narrow ? ' job-row--narrow' : ''}`}
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
          <span className={`state state--${waiting ? 'queued' : job.state}`}>{stateWords}</span>
        </div>
        <div className="job-row__status">
          {job.state === 'failed' || job.state === 'cancelled' ? (
            <span className="job-row__error">{job.error?.message ?? stateWords}</span>
          ) : (
            <>
              {stageLabel && <span className="job-row__stage">{stageLabel}</span>}
              {progress?.text && job.state === 'running' && <span className="job-row__steps">{progress.text}</span>}
              {eta && <span className="job-row__eta">{eta}</span>}
              {job.state === 'queued' && job.check === 'passed' && job.estimate && <span className="job-row__eta">{typicalText(job)}</span>}
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
        {!narrow && main && (
          <button type="button" className="button button--small" onClick={main.run} aria-label={`${main.label} ${name}`}>
            {main.label}
          </button>
        )}
        <RowMenu label={`More actions for ${name}`} items={menu} />
      </div>
    </div>
  );
});

/** The one action a row shows beside Details: Cancel while it can be cancelled, Retry where retrying can help. */
function mainAction(job: Job, actions: JobActions): MenuAction | undefined {
  if (canCancel(job)) return { label: 'Cancel', run: () => actions.askCancel(job) };
  if (canRetry(job)) return { label: 'Retry', run: () => actions.retry(job.id) };
  return undefined;
}
