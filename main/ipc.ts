// The one wrapper around ipcMain.handle. Every invoke call passes three gates before it reaches a handler: the
// sender must be our own window showing our own page, the arguments must match the contract's zod schema, and
// whatever the handler throws leaves as a typed JobError (never a stack trace) inside an IpcResponse.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { errorInfo, isErrorCode } from '../common/error-codes.js';
import { schemas, type InvokeArgs, type InvokeChannel, type InvokeResult, type IpcResponse, type JobError } from '../common/ipc-contract.js';
import { jobError } from './prover/failure-kinds.js';

export type Handlers = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>>;
};

/** Whether an invoke came from a frame we trust. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: Handlers, isTrusted: SenderCheck): () => void {
  const channels = Object.keys(schemas) as InvokeChannel[];
  for (const channel of channels) ipcMain.handle(channel, guarded(channel, handlers[channel] as (...a: unknown[]) => unknown, isTrusted));
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}

function guarded(channel: InvokeChannel, handler: (...args: unknown[]) => unknown, isTrusted: SenderCheck) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcResponse<unknown>> => {
    if (!isTrusted(event)) return { ok: false, error: jobError('bad_request', `${channel}: refused a call from an untrusted sender`) };
    const parsed = schemas[channel].safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: jobError('bad_request', `${channel}: ${issue?.path.join('.') || 'arguments'}: ${issue?.message}`) };
    }
    try {
      return { ok: true, value: await handler(...(parsed.data as unknown[])) };
    } catch (error) {
      return { ok: false, error: toJobError(error) };
    }
  };
}

export function toJobError(error: unknown): JobError {
  const e = error as { code?: unknown; detail?: unknown; message?: unknown };
  if (isErrorCode(e?.code)) {
    const { message, hint, retryable } = errorInfo(e.code);
    return { code: e.code, message, hint, retryable, ...(typeof e.detail === 'string' ? { detail: e.detail } : {}) };
  }
  if ((e as NodeJS.ErrnoException)?.code === 'ENOSPC') return jobError('disk_full', String(e.message));
  if ((e as NodeJS.ErrnoException)?.code === 'EACCES' || (e as NodeJS.ErrnoException)?.code === 'EPERM') return jobError('output_unwritable', String(e.message));
  return jobError('internal_error', error instanceof Error ? error.message : String(error));
}

/**
 * The sender is trusted when it is the main frame of our window's webContents and shows a page of ours.
 * `isOwnPage` decides by URL (the app:// origin in production, the dev server in development).
 */
export function ownWindowSender(getContentsId: () => number | undefined, isOwnPage: (url: string) => boolean): SenderCheck {
  return (event) => {
    const id = getContentsId();
    if (id === undefined || event.sender.id !== id) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isOwnPage(frame.url);
  };
}
