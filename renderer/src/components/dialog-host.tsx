// Shows the one open dialog: confirm removing a job or a trust list, or choose what to export.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportScope, Job } from '../../../common/ipc-contract.js';
import { api } from '../api.js';
import { attempt, useJobActions } from '../lib/use-job-actions.js';
import { useShutterproof } from '../store/store.js';
import { useUi } from '../store/ui-store.js';
import { Modal } from './modal.js';

export function DialogHost() {
  const dialog = useUi((s) => s.dialog);
  const close = () => useUi.getState().openDialog(null);
  const actions = useJobActions();
  if (!dialog) return null;

  if (dialog.kind === 'remove') {
    const stops = dialog.running ? ` Its proof is still being made and will be stopped${dialog.lost ? `: ${dialog.lost} of work will be lost` : ''}.` : '';
    return (
      <ConfirmRemove
        title={`Remove ${dialog.name}?`}
        text={`It leaves the list.${stops} Proof packs already exported stay where they are.`}
        onClose={close}
        onRemove={() => void actions.remove(dialog.jobId)}
      />
    );
  }

  if (dialog.kind === 'cancel') {
    return (
      <Modal title={`Stop making the proof of ${dialog.name}?`} onClose={close}>
        <p>{dialog.lost ? `${dialog.lost} of work will be lost; Retry starts again from the beginning.` : 'Retry starts again from the beginning.'}</p>
        <DialogButtons cancel="Keep going" confirm="Stop the proof" kind="danger" onClose={close} onConfirm={() => actions.cancel(dialog.jobId)} />
      </Modal>
    );
  }

  if (dialog.kind === 'remove-trust-list') {
    return (
      <ConfirmRemove
        title={`Remove the trust list “${dialog.name}”?`}
        text="Proofs already made with it stay valid. New proofs can no longer use it."
        onClose={close}
        onRemove={() => void attempt(() => api().trustLists.remove(dialog.id), 'Could not remove the trust list')}
      />
    );
  }

  return <ExportDialog scope={dialog.scope} title={dialog.title} onClose={close} onExport={actions.exportPacks} />;
}

function ConfirmRemove({ title, text, onClose, onRemove }: { title: string; text: string; onClose(): void; onRemove(): void }) {
  return (
    <Modal title={title} onClose={onClose}>
      <p>{text}</p>
      <DialogButtons cancel="Keep" confirm="Remove" kind="danger" onClose={onClose} onConfirm={onRemove} />
    </Modal>
  );
}

function ExportDialog({ scope, title, onClose, onExport }: { scope: ExportScope; title: string; onClose(): void; onExport(scope: ExportScope, strip: boolean): Promise<void> }) {
  const preferred = useShutterproof((s) => s.settings?.includeStrippedPhoto ?? false);
  const { proofs, withoutCopy } = useShutterproof(useShallow((s) => photoCopies(s.jobs.values(), scope)));
  const noCopies = proofs > 0 && withoutCopy === proofs;
  const [includePhoto, setIncludePhoto] = useState(preferred && !noCopies);
  return (
    <Modal title={`Export ${title}`} onClose={onClose}>
      <p>You will choose a folder next. Each proof pack is a .proof.json file anyone can check.</p>
      <label className="check">
        <input type="checkbox" checked={includePhoto} disabled={noCopies} onChange={(e) => setIncludePhoto(e.target.checked)} />
        <span>
          Include the photo without its Content Credentials
          <small>Publish this copy beside the proof: it matches the proof but carries no certificate, serial number or location.</small>
        </span>
      </label>
      {withoutCopy > 0 && (
        <p className="modal__note">
          {noCopies
            ? 'This proof was made by an earlier version of Shutterproof, which kept no copy of the photo: only the proof pack can be exported. Prove the photo again to include it.'
            : `${withoutCopy} of these ${proofs} proofs were made by an earlier version of Shutterproof, which kept no copy of the photo: only their proof packs will be exported.`}
        </p>
      )}
      <DialogButtons
        cancel="Cancel"
        confirm="Choose folder and export"
        kind="primary"
        onClose={onClose}
        onConfirm={() => void onExport(scope, includePhoto)}
      />
    </Modal>
  );
}

/**
 * Cancel on the left, the action on the right; the action closes the dialog, then runs. A harmless action is focused
 * first; a dangerous one never is, so Enter after Delete keeps the work.
 */
function DialogButtons(props: { cancel: string; confirm: string; kind: 'primary' | 'danger'; onClose(): void; onConfirm(): void }) {
  return (
    <div className="modal__buttons">
      <button type="button" className="button" onClick={props.onClose} data-autofocus={props.kind === 'danger' ? true : undefined}>
        {props.cancel}
      </button>
      <button
        type="button"
        className={`button button--${props.kind}`}
        data-autofocus={props.kind === 'primary' ? true : undefined}
        onClick={() => {
          props.onClose();
          props.onConfirm();
        }}
      >
        {props.confirm}
      </button>
    </div>
  );
}

/** How many finished proofs an export takes, and how many of them have no photo copy to include. */
function photoCopies(jobs: Iterable<Job>, scope: ExportScope): { proofs: number; withoutCopy: number } {
  const inScope = [...jobs].filter(
    (j) => j.state === 'succeeded' && j.result && (scope.kind === 'all' || (scope.kind === 'job' ? j.id === scope.jobId : j.groupId === scope.groupId)),
  );
  return { proofs: inScope.length, withoutCopy: inScope.filter((j) => !j.result?.strippedPath).length };
}
