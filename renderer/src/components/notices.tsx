// Outcomes of what the user just did (added, skipped, exported, failed), announced politely to screen readers.
import { useUi } from '../store/ui-store.js';

export function Notices() {
  const notices = useUi((s) => s.notices);
  const dismiss = useUi((s) => s.dismiss);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.tone}`}>
          <div className="notice__text">
            <p className="notice__title">{n.title}</p>
            {n.lines && n.lines.length > 0 && (
              <ul className="notice__lines">
                {n.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
            {n.hint && <p className="notice__hint">{n.hint}</p>}
            {n.detail && (
              <details>
                <summary>Details</summary>
                <pre>{n.detail}</pre>
              </details>
            )}
          </div>
          <button type="button" className="button button--small button--quiet" onClick={() => dismiss(n.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
