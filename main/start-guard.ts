// A start that fails must say so and end the process. Left alone, the error is an unhandled rejection in a process
// with no window that still holds the single-instance lock, so every later launch quits at once without a word.
// Plain Node: the message box and the exit come in as functions.

export interface StartGuard {
  /** Shows the user what happened (Electron's dialog.showErrorBox). */
  showError(title: string, content: string): void;
  log?(msg: string): void;
  /** Ends the process and with it the single-instance lock (app.exit). */
  exit(code: number): void;
  /** Where the log is, for the message. */
  logFolder?: string;
}

export const START_FAILED_TITLE = 'Shutterproof could not start';

export function startFailureMessage(error: unknown, logFolder?: string): string {
  const what = error instanceof Error ? error.message : String(error);
  return [
    `Something went wrong while Shutterproof was starting: ${what}`,
    'Quit and open Shutterproof again. If it keeps happening, copy this message for support.',
    ...(logFolder ? [`The log is in ${logFolder}.`] : []),
  ].join('\n\n');
}

export async function startGuarded(start: () => void | Promise<void>, guard: StartGuard): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (error) {
    try {
      guard.log?.(`start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // The log may be what failed.
    }
    try {
      guard.showError(START_FAILED_TITLE, startFailureMessage(error, guard.logFolder));
    } finally {
      guard.exit(1);
    }
    return false;
  }
}
