// A failed job or call, as people should read it: the error code's sentence, what to do next, and the technical
// detail only behind "Details".
import type { JobError } from '../../../common/ipc-contract.js';
import { errorInfo, isErrorCode } from '../../../common/error-codes.js';

/**
 * `headline`: the screen already says what went wrong in its own words, so the code's sentence is not repeated.
 * `nextStep`: what to do, where the screen's own buttons make the code's general hint wrong.
 */
export function JobErrorView({ error, headline = false, nextStep }: { error: JobError; headline?: boolean; nextStep?: string }) {
  // The code's own wording wins, so the same failure reads the same everywhere.
  const info = isErrorCode(error.code) ? errorInfo(error.code) : null;
  const message = info?.message ?? error.message;
  const hint = nextStep ?? info?.hint ?? error.hint;
  return (
    <div className="error-view" role="alert">
      {!headline && <p className="error-view__message">{message}</p>}
      {hint && <p className="error-view__hint">{hint}</p>}
      <details className="error-view__details">
        <summary>Details</summary>
        <dl>
          <dt>Code</dt>
          <dd>
            <code>{error.code}</code>
          </dd>
          {error.detail && (
            <>
              <dt>What happened</dt>
              <dd>
                <pre>{error.detail}</pre>
              </dd>
            </>
          )}
        </dl>
      </details>
    </div>
  );
}
