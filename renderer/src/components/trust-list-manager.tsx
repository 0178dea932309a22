// Trust lists in Settings: import a PEM file of issuing CAs, look inside one (subject, issuer, fingerprint,
// expiry), remove one. The list itself comes from main (trust-lists:changed keeps it current).
import { useRef, useState } from 'react';
import type { TrustListView } from '../../../common/ipc-contract.js';
import { api } from '../api.js';
import { attempt } from '../lib/use-job-actions.js';
import { useShutterproof } from '../store/store.js';
import { useUi } from '../store/ui-store.js';

export function TrustListManager() {
  const lists = useShutterproof((s) => s.trustLists);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    const imported = await attempt(() => api().trustLists.import(file, name.trim() || undefined), 'Could not import the trust list');
    setBusy(false);
    if (fileRef.current) fileRef.current.value = '';
    if (!imported) return;
    setName('');
    // Show it at once; trust-lists:changed from main brings the same list.
    const current = useShutterproof.getState().trustLists;
    if (!current.some((l) => l.id === imported.id)) useShutterproof.getState().setTrustLists([...current, imported]);
    const n = imported.certificates.length;
    useUi.getState().notify({ tone: 'success', title: `Imported the trust list “${imported.name}” with ${n} ${n === 1 ? 'certificate' : 'certificates'}.` });
  };

  return (
    <section className="settings__section" aria-labelledby="trust-heading">
      <h2 id="trust-heading">Trust lists</h2>
      <p className="muted">
        A trust list is a set of issuing authorities. A proof made with a list hides which of them issued the photo's credentials. Without one,
        Shutterproof uses “This photo's issuer only”.
      </p>
      <div className="trust-import">
        <label className="field">
          <span className="field__label">Name (optional)</span>
          <input type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="e.g. Newsroom cameras" />
        </label>
        <label className="button">
          {busy ? 'Importing…' : 'Import a certificate file…'}
          <input
            ref={fileRef}
            className="visually-hidden"
            type="file"
            accept=".pem,.crt,.cer,application/x-pem-file"
            aria-label="Import a trust list (certificate file)"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {lists.length === 0 ? <p className="muted">No trust lists imported.</p> : lists.map((list) => <TrustListCard key={list.id} list={list} />)}
    </section>
  );
}

function TrustListCard({ list }: { list: TrustListView }) {
  const n = list.certificates.length;
  return (
    <article className="trust-card" aria-label={`Trust list ${list.name}`}>
      <header className="trust-card__header">
        <h3>{list.name}</h3>
        <span className="muted">
          {n} {n === 1 ? 'certificate' : 'certificates'} · imported {new Date(list.importedAt).toLocaleDateString()}
        </span>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={`Remove trust list ${list.name}`}
          onClick={() => useUi.getState().openDialog({ kind: 'remove-trust-list', id: list.id, name: list.name })}
        >
          Remove
        </button>
      </header>
      <details>
        <summary>View certificates</summary>
        <p className="muted">
          Root: <code className="hash">{list.root}</code>
        </p>
        <table className="cert-table">
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Issuer</th>
              <th scope="col">Fingerprint (SHA-256)</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {list.certificates.map((cert) => (
              <tr key={cert.sha256}>
                <td>{cert.subject}</td>
                <td>{cert.issuer}</td>
                <td>
                  <code className="hash">{cert.sha256}</code>
                </td>
                <td>{formatExpiry(cert.notAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </article>
  );
}

function formatExpiry(notAfter: string): string {
  const date = new Date(notAfter);
  if (Number.isNaN(date.getTime())) return notAfter;
  const text = date.toLocaleDateString();
  return date.getTime() < Date.now() ? `${text} (expired)` : text;
}
