// Verify a proof pack someone published: drop the .proof.json (and, to check it is about that photo, the photo),
// and read in plain words whether it holds and what it proves.
import { useState } from 'react';
import type { JobError, VerifyOutcome } from '../../../common/ipc-contract.js';
import { apiErrorOf } from '../../../common/preload-api.js';
import { api } from '../api.js';
import { DropZone } from '../components/drop-zone.js';
import { JobErrorView } from '../components/job-error-view.js';
import { ProofStatement } from '../components/proof-statement.js';

const isPack = (file: File) => file.name.toLowerCase().endsWith('.json');

export function VerifyScreen() {
  const [pack, setPack] = useState<File | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [failure, setFailure] = useState<JobError | null>(null);
  const [busy, setBusy] = useState(false);

  const take = (files: File[]) => {
    for (const file of files) {
      if (isPack(file)) setPack(file);
      else setPhoto(file);
    }
    setOutcome(null);
    setFailure(null);
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
    <DropZone onFiles={take} label="Drop a proof pack and, optionally, its photo">
      <div className="screen verify">
        <h1>Check a proof</h1>
        <p className="muted">Drop a proof pack (.proof.json) here, and optionally the photo it is about. Checking happens on this computer.</p>
        <div className="verify__inputs">
          <label className="file-field">
            <span>Proof pack</span>
            <input type="file" accept=".json,application/json" aria-label="Proof pack" onChange={(e) => take(Array.from(e.target.files ?? []).slice(0, 1))} />
            <span className="file-field__name">{pack?.name ?? 'None chosen'}</span>
          </label>
          <label className="file-field">
            <span>Photo (optional)</span>
            <input
              type="file"
              accept="image/jpeg,image/png,.jpg,.jpeg,.png"
              aria-label="Photo"
              onChange={(e) => {
                setPhoto(e.target.files?.[0] ?? null);
                setOutcome(null);
                setFailure(null);
              }}
            />
            <span className="file-field__name">{photo?.name ?? 'None chosen'}</span>
          </label>
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

function VerifyResult({ outcome, withPhoto }: { outcome: VerifyOutcome; withPhoto: boolean }) {
  if (!outcome.valid) {
    return (
      <section className="verdict verdict--bad" aria-label="Result">
        <p className="verdict__title">This proof is not valid.</p>
        {outcome.error && <JobErrorView error={outcome.error} />}
      </section>
    );
  }
  return (
    <section className="verdict verdict--good" aria-label="Result">
      <p className="verdict__title">This proof is valid ✓</p>
      {withPhoto && outcome.photoMatches === true && <p>The photo you chose is the one this proof is about.</p>}
      {withPhoto && outcome.photoMatches === false && <p className="verdict__warn">The photo you chose is not the one this proof is about.</p>}
      {!withPhoto && <p className="muted">Add the photo to check that the proof is about it.</p>}
      <dl className="facts">
        {outcome.trustList && (
          <>
            <dt>Trust list</dt>
            <dd>
              {outcome.trustList.name} — {outcome.trustList.size} {outcome.trustList.size === 1 ? 'issuer' : 'issuers'}
            </dd>
          </>
        )}
        {outcome.publicInputs && (
          <>
            <dt>Asset hash</dt>
            <dd>
              <code className="hash">{outcome.publicInputs.assetHash}</code>
            </dd>
            <dt>Trust root</dt>
            <dd>
              <code className="hash">{outcome.publicInputs.trustRoot}</code>
            </dd>
          </>
        )}
        {outcome.createdAt && (
          <>
            <dt>Made</dt>
            <dd>{new Date(outcome.createdAt).toLocaleString()}</dd>
          </>
        )}
      </dl>
      <ProofStatement />
    </section>
  );
}
