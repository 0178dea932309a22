// Outcomes of what the user just did (added, skipped, exported, failed), announced politely to screen readers.
// A plain success ("Added 3 photos.") goes away by itself after a few seconds, but not while the pointer is on it or
// the keyboard focus is in it; anything with more to read (skipped files, a folder, an error) stays until dismissed.
import { useEffect, useState, type FocusEvent } from 'react';
import { isFleeting, type Notice, useUi } from '../store/ui-store.js';

export const NOTICE_FADE_MS = 6000;

export function Notices() {
  const notices = useUi((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeItem({ notice: n }: { notice: Notice }) {
  const dismiss = useUi((s) => s.dismiss);
  const onDismiss = () => dismiss(n.id);
  const [pointer, setPointer] = useState(false);
  const [focus, setFocus] = useState(false);
  const fleeting = isFleeting(n);
  const held = pointer || focus;
  useEffect(() => {
    if (!fleeting || held) return;
    // Let go (pointer and focus elsewhere), it gets the full time again.
    const timer = setTimeout(() => dismiss(n.id), NOTICE_FADE_MS);
    return () => clearTimeout(timer);
  }, [fleeting, held, dismiss, n.id]);
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocus(false);
  };
  return (
    <div
      className={`notice notice--${n.tone}`}
      onMouseEnter={() => setPointer(true)}
      onMouseLeave={() => setPointer(false)}
      onFocus={() => setFocus(true)}
      onBlur={onBlur}
    >
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
        {n.action && (
          <button type="button" className="button button--small notice__action" onClick={n.action.run}>
            {n.action.label}
          </button>
        )}
      </div>
      <button type="button" className="button button--small button--quiet" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
