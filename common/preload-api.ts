// The small domain API that preload exposes as `window.shutterproof`. Its types come from the IPC contract, so
// nothing is declared twice. Every call resolves to the handler's value or rejects with an `ApiError`.
import { errorInfo } from './error-codes.js';
import type { EventMap, InvokeArgs, InvokeChannel, InvokeResult, JobError } from './ipc-contract.js';

type Call<C extends InvokeChannel> = (...args: InvokeArgs<C>) => Promise<InvokeResult<C>>;

export type Unsubscribe = () => void;
type Subscribe<E extends keyof EventMap> = (listener: (payload: EventMap[E]) => void) => Unsubscribe;

export interface ShutterproofApi {
  jobs: {
    list: Call<'jobs:list'>;
    /** Adds dropped or picked files (File objects from the DOM; their paths are resolved in preload). */
    addFiles: (files: File[], trustListId?: string | null) => Promise<InvokeResult<'jobs:add'>>;
    pick: Call<'dialog:pick-photos'>;
    /** Adds the sample photo that ships with the app, signed by a demo authority. */
    addSample: Call<'jobs:add-sample'>;
    cancel: Call<'jobs:cancel'>;
    retry: Call<'jobs:retry'>;
    remove: Call<'jobs:remove'>;
    moveToTop: Call<'jobs:move-to-top'>;
    logs: Call<'jobs:logs'>;
    export: Call<'jobs:export'>;
    reveal: Call<'jobs:reveal'>;
    onChanged: Subscribe<'jobs:changed'>;
    onLog: Subscribe<'jobs:log'>;
  };
  verify: {
    /** Verifies a dropped proof pack, optionally against a dropped photo. */
    run: (pack: File, photo?: File) => Promise<InvokeResult<'verify:run'>>;
  };
  settings: {
    get: Call<'settings:get'>;
    set: Call<'settings:set'>;
    pickOutputFolder: Call<'settings:pick-output-folder'>;
    onChanged: Subscribe<'settings:changed'>;
  };
  trustLists: {
    list: Call<'trust-lists:list'>;
    import: (file: File, name?: string) => Promise<InvokeResult<'trust-lists:import'>>;
    remove: Call<'trust-lists:remove'>;
    onChanged: Subscribe<'trust-lists:changed'>;
  };
  prover: {
    status: Call<'prover:status'>;
    restart: Call<'prover:restart'>;
    onStatus: Subscribe<'prover:status'>;
  };
  platform: 'darwin' | 'win32' | 'linux' | string;
}

// contextBridge keeps only an Error's message, so a rejected call carries the job-error shape as JSON in it.
const PREFIX = 'shutterproof-error:';

export function encodeApiError(error: JobError): Error {
  return new Error(PREFIX + JSON.stringify(error));
}

/** The job error a rejected call carries; an unexpected error becomes `internal_error` with its text as detail. */
export function apiErrorOf(e: unknown): JobError {
  const text = e instanceof Error ? e.message : String(e);
  const at = text.indexOf(PREFIX);
  if (at >= 0) return JSON.parse(text.slice(at + PREFIX.length)) as JobError;
  const { message, hint, retryable } = errorInfo('internal_error');
  return { code: 'internal_error', message, hint, retryable, detail: text };
}

declare global {
  interface Window {
    shutterproof: ShutterproofApi;
  }
}
