// Verify a proof pack someone published: drop the .proof.json (and, to check it is about that photo, the photo),
// and read in plain words whether it holds and what it proves.
import { useState, type ReactNode } from 'react';
import type { JobError, VerifyOutcome } from '../../../common/ipc-contract.js';
import { apiErrorOf } from '../../../common/preload-api.js';
import { SIGNATURES_PROVED } from '../../../common/proof-statement.js';
import { api } from '../api.js';
import { DropZone } from '../components/drop-zone.js';
import { PackIcon, PhotoIcon } from '../components/icons.js';
import { JobErrorView } from '../components/job-error-view.js';
import { ProofStatement } from '../components/proof-statement.js';

const isPack = (file: File) => file.name.toLowerCase().endsWith('.json');

export function VerifyScreen() {
  const [pack, setPack] = useState<File | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [failure, setFailure] = useState<JobError | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = () => {
    setOutcome(null);
    setFailure(null);
  };
  const take = (files: File[]) => {
    for (const file of files) {
      if (isPack(file)) setPack(file);
      else setPhoto(file);
    }
    changed();
  };
  const choosePack = (file: File | null) => {
    setPack(file);
    changed();
  };
  const choosePhoto = (file: File | null) => {
    setPhoto(file);
    changed();
  };

  const run = async () => {
    if (!pack) return;
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    try {
      setOutcome(await api().verify.run(pack, photo ?? undefined));
    } catch (e) {
      setFailure(apiErrorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DropZone onFiles={take} label="Drop a proof pack and, optionally, its photo" overlay="Drop to check">
      <div className="screen verify">
        <h1>Check a proof</h1>
        <p className="muted">Drop a proof pack (.proof.json) here, and optionally the photo it is about. Checking happens on this computer.</p>
        <div className="verify__inputs">
          <FileSlot
            title="Proof pack"
            label="Proof pack"
            empty="Drop a .proof.json file here, or choose one."
            accept=".json,application/json"
            file={pack}
            icon={<PackIcon />}
            onChoose={choosePack}
          />
          <FileSlot
            title="Photo (optional)"
            label="Photo"
            empty="Drop or choose it to check that the proof is about it."
            accept="image/jpeg,image/png,.jpg,.jpeg,.png"
            file={photo}
            icon={<PhotoIcon />}
            onChoose={choosePhoto}
            onRemove={() => choosePhoto(null)}
          />
        </div>
        <button type="button" className="button button--primary" disabled={!pack || busy} onClick={() => void run()}>
          {busy ? 'Checking…' : 'Check proof'}
        </button>
        {failure && <JobErrorView error={failure} />}
        {outcome && <VerifyResult outcome={outcome} withPhoto={!!photo} />}
      </div>
    </DropZone>
  );
}

/** The verdict's headline for each way a check can fail: each says what is wrong in plain words. */
const FAILED: Partial<Record<string, string>> = {
  photo_mismatch: 'The proof holds, but it is about a different photo than the one you chose.',
  pack_invalid: 'This file is not a proof pack.',
  unreadable_file: 'This file could not be read.',
  trust_list_mismatch: 'This proof was made for authorities that are not on your trust lists.',
  circuit_version_unsupported: 'This proof was made by an older version of Shutterproof and is no longer accepted.',
  verification_key_mismatch: 'This proof is forged or damaged.',
  proof_invalid: 'This proof is forged or damaged.',
};

function VerifyResult({ outcome, withPhoto }: { outcome: VerifyOutcome; withPhoto: boolean }) {
  if (!outcome.valid) {
    const own = outcome.error && FAILED[outcome.error.code];
    return (
      <section className="verdict verdict--bad" aria-label="Result">
        <p className="verdict__title">{own ?? 'This proof is not valid.'}</p>
        {outcome.error && <JobErrorView error={outcome.error} headline={!!own} />}
      </section>
    );
  }
  const { anchor, warning, notes } = outcome;
  return (
    <section className={`verdict ${warning ? 'verdict--warn' : 'verdict--good'}`} aria-label="Result">
      <p className="verdict__title">{warning ? 'This proof holds, but not for an authority you chose to trust' : 'This proof is valid ✓'}</p>
      {anchor?.issuer && (
        <p>
          Vouched for by <strong>{anchor.issuer}</strong>, an authority on your trust list “{anchor.list}”.
        </p>
      )}
      {anchor && !anchor.issuer && (
        <p>
          Vouched for by one of the {anchor.issuers} authorities on your trust list “{anchor.list}”; which one stays hidden.
        </p>
      )}
      {warning && <p className="verdict__warn">{warning} Import the trust list you rely on in Settings, then check again.</p>}
      {withPhoto && outcome.photoMatches === true && <p>The photo you chose is the one this proof is about.</p>}
      {!withPhoto && <p className="muted">Add the photo to check that the proof is about it.</p>}
      <ProofStatement />
      {notes && (
        <section className="verify__notes" aria-label="Not proved">
          <h2>Said by the pack, not proved</h2>
          <dl className="facts">
            <dt>Trust list name</dt>
            <dd>
              {notes.trustListName} — {notes.issuers} {notes.issuers === 1 ? 'issuer' : 'issuers'}
            </dd>
            <dt>Made</dt>
            <dd>{new Date(notes.createdAt).toLocaleString()}</dd>
          </dl>
        </section>
      )}
      {outcome.publicInputs && (
        <details className="verify__technical">
          <summary>Technical details</summary>
          <dl className="facts">
            <dt>Asset hash</dt>
            <dd>
              <code className="hash">{outcome.publicInputs.assetHash}</code>
            </dd>
            <dt>Trust root</dt>
            <dd>
              <code className="hash">{outcome.publicInputs.trustRoot}</code>
            </dd>
            <dt>Signatures proved</dt>
            <dd>{SIGNATURES_PROVED}</dd>
          </dl>
        </details>
      )}
    </section>
  );
}

/** One file the check takes: what it is, which file is chosen, and a button to choose (or drop onto the screen). */
function FileSlot(props: {
  title: string;
  /** What the file input and the Remove button are called for screen readers. */
  label: string;
  empty: string;
  accept: string;
  file: File | null;
  icon: ReactNode;
  onChoose(file: File | null): void;
  onRemove?: () => void;
}) {
  const { title, label, empty, accept, file, icon, onChoose, onRemove } = props;
  return (
    <div className={`file-slot${file ? ' file-slot--chosen' : ''}`}>
      <span className="file-slot__icon">{icon}</span>
      <div className="file-slot__text">
        <p className="file-slot__title">{title}</p>
        <p className={file ? 'file-slot__name' : 'muted'}>{file ? file.name : empty}</p>
      </div>
      <label className="button">
        {file ? 'Change…' : 'Choose…'}
        <input
          className="visually-hidden"
          type="file"
          accept={accept}
          aria-label={label}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            // The same file chosen again must fire onChange again.
            e.target.value = '';
            if (chosen) onChoose(chosen);
          }}
        />
      </label>
      {file && onRemove && (
        <button type="button" className="button button--quiet" onClick={onRemove} aria-label={`Remove the ${label.toLowerCase()}`}>
          Remove
        </button>
      )}
    </div>
  );
}
