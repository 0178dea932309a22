// Every job action in one place: each call goes to main, and a rejected call becomes a notice with the error
// code's sentence and hint. The returned object is stable, so memoised rows do not re-render because of it.
import { useMemo } from 'react';
import type { ExportScope, Job } from '../../../common/ipc-contract.js';
import { apiErrorOf } from '../../../common/preload-api.js';
import { api } from '../api.js';
import { useUi } from '../store/ui-store.js';
import { workDoneText } from './job-words.js';

export interface JobActions {
  cancel(jobId: string): void;
  /** A waiting photo is cancelled at once; a running proof asks first, because its minutes of work would be lost. */
  askCancel(job: Job): void;
  retry(jobId: string): void;
  askRemove(job: Job): void;
  remove(jobId: string): Promise<void>;
  moveToTop(jobId: string): void;
  askExport(scope: ExportScope, title: string): void;
  exportPacks(scope: ExportScope, includeStrippedPhoto: boolean): Promise<void>;
  reveal(jobId: string): void;
  openDetails(jobId: string): void;
}

export async function attempt<T>(work: () => Promise<T>, failure?: string): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    useUi.getState().notifyError(apiErrorOf(e), failure);
    return undefined;
  }
}

export function useJobActions(): JobActions {
  return useMemo<JobActions>(() => {
    const ui = () => useUi.getState();
    return {
      cancel: (jobId) => void attempt(() => api().jobs.cancel(jobId)),
      retry: (jobId) => void attempt(() => api().jobs.retry(jobId)),
      askCancel: (job) => {
        if (job.state !== 'running') return void attempt(() => api().jobs.cancel(job.id));
        ui().openDialog({ kind: 'cancel', jobId: job.id, name: job.file.name, lost: workDoneText(job, Date.now()) });
      },
      askRemove: (job) =>
        ui().openDialog({ kind: 'remove', jobId: job.id, name: job.file.name, running: job.state === 'running', lost: workDoneText(job, Date.now()) }),
      remove: async (jobId) => {
        await attempt(() => api().jobs.remove(jobId));
        if (ui().selectedJobId === jobId) ui().select(null);
      },
      moveToTop: (jobId) => void attempt(() => api().jobs.moveToTop(jobId)),
      askExport: (scope, title) => ui().openDialog({ kind: 'export', scope, title }),
      exportPacks: async (scope, includeStrippedPhoto) => {
        const outcome = await attempt(() => api().jobs.export({ scope, includeStrippedPhoto }), 'Export failed');
        if (!outcome) return; // null: the user closed the folder dialog; undefined: already reported
        const packs = `${outcome.packs} proof ${outcome.packs === 1 ? 'pack' : 'packs'}`;
        const photos = outcome.photos ? ` and ${outcome.photos} ${outcome.photos === 1 ? 'photo' : 'photos'}` : '';
        const shown = outcome.revealJobId;
        ui().notify({
          tone: 'success',
          title: `Exported ${packs}${photos}.`,
          lines: [outcome.folder],
          ...(shown ? { action: { label: 'Show in folder', run: () => void attempt(() => api().jobs.reveal(shown)) } } : {}),
        });
      },
      reveal: (jobId) => void attempt(() => api().jobs.reveal(jobId)),
      openDetails: (jobId) => ui().select(jobId),
    };
  }, []);
}
