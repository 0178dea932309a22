// Adding photos (dropped or picked) and telling people what happened, including every skipped file with its
// error code's sentence.
import { errorInfo } from '../../../common/error-codes.js';
import type { AddOutcome } from '../../../common/ipc-contract.js';
import { api } from '../api.js';
import { useUi } from '../store/ui-store.js';
import { attempt } from './use-job-actions.js';

export function reportAdded(outcome: AddOutcome): void {
  const { notify } = useUi.getState();
  const added = outcome.added === 1 ? '1 photo' : `${outcome.added} photos`;
  if (outcome.skipped.length === 0) {
    notify({ tone: 'success', title: `Added ${added}.` });
    return;
  }
  const skipped = outcome.skipped.length === 1 ? '1 file was skipped' : `${outcome.skipped.length} files were skipped`;
  const shown = outcome.skipped.slice(0, 20).map((s) => `${s.name} — ${errorInfo(s.code).message}`);
  if (outcome.skipped.length > shown.length) shown.push(`…and ${outcome.skipped.length - shown.length} more.`);
  const hints = [...new Set(outcome.skipped.map((s) => errorInfo(s.code).hint))];
  notify({
    tone: outcome.added ? 'info' : 'error',
    title: outcome.added ? `Added ${added}; ${skipped}:` : `No photos were added; ${skipped}:`,
    lines: shown,
    ...(hints.length === 1 ? { hint: hints[0] } : {}),
  });
}

export async function addDroppedFiles(files: File[]): Promise<void> {
  if (!files.length) return;
  const outcome = await attempt(() => api().jobs.addFiles(files), 'Could not add the photos');
  if (outcome) reportAdded(outcome);
}

export async function pickPhotos(): Promise<void> {
  const outcome = await attempt(() => api().jobs.pick(), 'Could not add the photos');
  // null: the picker was closed without choosing.
  if (outcome) reportAdded(outcome);
}

/** The sample photo that ships with the app, for someone who has no photo with Content Credentials yet. */
export async function addSamplePhoto(): Promise<void> {
  const outcome = await attempt(() => api().jobs.addSample(), 'Could not add the sample photo');
  if (outcome) reportAdded(outcome);
}
