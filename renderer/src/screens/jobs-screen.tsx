// The main screen: add photos (drop or pick), the grouped job list, and the details of the chosen job — beside the
// list in a wide window, as a drawer over it below 1100 px so the list keeps its width and every name stays readable.
import { AddButton } from '../components/add-button.js';
import { DropZone } from '../components/drop-zone.js';
import { EmptyState } from '../components/empty-state.js';
import { JobDetails } from '../components/job-details.js';
import { JobList } from '../components/job-list.js';
import { addDroppedFiles } from '../lib/add-photos.js';
import { useJobActions } from '../lib/use-job-actions.js';
import { useNarrow } from '../lib/use-narrow.js';
import { QueueTotal } from '../components/queue-total.js';
import { useShutterproof } from '../store/store.js';
import { useUi } from '../store/ui-store.js';

export function JobsScreen() {
  const hasJobs = useShutterproof((s) => s.jobs.size > 0);
  const finished = useShutterproof((s) => {
    let n = 0;
    for (const job of s.jobs.values()) if (job.state === 'succeeded') n++;
    return n;
  });
  const loaded = useShutterproof((s) => s.loaded);
  const selectedJobId = useUi((s) => s.selectedJobId);
  const actions = useJobActions();
  const narrow = useNarrow();

  return (
    <DropZone onFiles={(files) => void addDroppedFiles(files)} label="Drop photos or folders to add them">
      <div className="jobs-screen">
        {/* The empty screen has its own Add photos… and sample; a toolbar with nothing to export would only repeat it. */}
        {hasJobs && (
          <div className="toolbar">
            <AddButton />
            <QueueTotal />
            <span className="toolbar__spacer" />
            <button
              type="button"
              className="button"
              disabled={finished === 0}
              onClick={() => actions.askExport({ kind: 'all' }, finished === 1 ? 'the finished proof' : `all ${finished} finished proofs`)}
            >
              Export all finished
            </button>
          </div>
        )}
        <div className={`jobs-screen__body${narrow ? ' jobs-screen__body--narrow' : ''}`}>
          <div className="jobs-screen__list">{hasJobs ? <JobList narrow={narrow} /> : loaded ? <EmptyState /> : <p className="muted centered">Loading…</p>}</div>
          {selectedJobId && narrow && <div className="details-backdrop" aria-hidden="true" onClick={() => useUi.getState().select(null)} />}
          {selectedJobId && <JobDetails jobId={selectedJobId} drawer={narrow} />}
        </div>
      </div>
    </DropZone>
  );
}
