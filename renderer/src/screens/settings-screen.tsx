// Settings live in main: every change is sent with settings.set and the screen shows what main answers, so
// what you see is what is saved.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../common/ipc-contract.js';
import { api } from '../api.js';
import { ISSUER_ONLY } from '../components/job-details.js';
import { TrustListManager } from '../components/trust-list-manager.js';
import { attempt } from '../lib/use-job-actions.js';
import { useShutterproof } from '../store/store.js';

async function save(patch: Partial<Settings>): Promise<void> {
  const next = await attempt(() => api().settings.set(patch), 'Could not save the setting');
  // main also broadcasts settings:changed; applying the answer here keeps the screen right even if it does not.
  if (next) useShutterproof.getState().setSettings(next);
}

/** A number field that saves when it holds a whole number within bounds, on blur or Enter. */
function NumberField({ label, value, min, max, unit, onSave }: { label: string; value: number; min: number; max: number; unit: string; onSave(v: number): void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const n = Number(text);
  const valid = Number.isInteger(n) && n >= min && n <= max;
  const commit = () => {
    if (valid && n !== value) onSave(n);
    else if (!valid) setText(String(value));
  };
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <span className="field__control">
        <input
          type="number"
          min={min}
          max={max}
          step={1}
          value={text}
          aria-invalid={!valid}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <span className="field__unit">{unit}</span>
      </span>
      {!valid && (
        <span className="field__error">
          Enter a whole number from {min} to {max}.
        </span>
      )}
    </label>
  );
}

export function SettingsScreen() {
  const settings = useShutterproof((s) => s.settings);
  const trustLists = useShutterproof((s) => s.trustLists);
  if (!settings) return <p className="muted centered">Loading…</p>;

  return (
    <div className="screen settings">
      <h1>Settings</h1>
      <section className="settings__section" aria-labelledby="proofs-heading">
        <h2 id="proofs-heading">Proofs</h2>
        <NumberField
          label="Proofs at the same time"
          value={settings.concurrency}
          min={1}
          max={8}
          unit="(each proof uses all processor cores and several GB of memory)"
          onSave={(concurrency) => void save({ concurrency })}
        />
        <NumberField label="Time limit per proof" value={settings.jobTimeoutMinutes} min={1} max={24 * 60} unit="minutes" onSave={(jobTimeoutMinutes) => void save({ jobTimeoutMinutes })} />
        <div className="field">
          <span className="field__label">Export to</span>
          <span className="field__control">
            <code className="field__path">{settings.outputFolder}</code>
            <button
              type="button"
              className="button"
              aria-label="Change the export folder"
              onClick={() =>
                void attempt(() => api().settings.pickOutputFolder(), 'Could not change the folder').then((next) => next && useShutterproof.getState().setSettings(next))
              }
            >
              Change…
            </button>
          </span>
          <span className="field__note">Export suggests this folder. Proofs stay inside Shutterproof until you export them.</span>
        </div>
        <label className="field">
          <span className="field__label">Default trust list</span>
          <select value={settings.defaultTrustListId ?? ''} onChange={(e) => void save({ defaultTrustListId: e.target.value === '' ? null : e.target.value })}>
            <option value="">{ISSUER_ONLY}</option>
            {trustLists.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.includeStrippedPhoto} onChange={(e) => void save({ includeStrippedPhoto: e.target.checked })} />
          <span>When exporting, include the photo without its Content Credentials</span>
        </label>
      </section>

      <section className="settings__section" aria-labelledby="history-heading">
        <h2 id="history-heading">History and look</h2>
        <NumberField label="Keep finished jobs for" value={settings.historyRetentionDays} min={1} max={3650} unit="days" onSave={(historyRetentionDays) => void save({ historyRetentionDays })} />
        <label className="field">
          <span className="field__label">Appearance</span>
          <select value={settings.theme} onChange={(e) => void save({ theme: e.target.value as Settings['theme'] })}>
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </section>

      <TrustListManager />
    </div>
  );
}
