// How the desktop shows what the engine is doing when the window is not in front: taskbar/dock progress, one
// notification when a batch finishes, and keeping the computer awake while a proof runs (a sleeping laptop would
// stall a proof for hours).
import { Notification, powerSaveBlocker, type BrowserWindow } from 'electron';
import type { Activity, BatchSummary } from './jobs/engine-types.js';

export class ShellFeedback {
  private blocker: number | undefined;

  constructor(private readonly getWindow: () => BrowserWindow | null) {}

  activity(activity: Activity): void {
    const window = this.getWindow();
    if (window && !window.isDestroyed()) window.setProgressBar(activity.fraction === null ? -1 : Math.max(0.01, activity.fraction));
    const busy = activity.running > 0;
    if (busy && this.blocker === undefined) this.blocker = powerSaveBlocker.start('prevent-app-suspension');
    if (!busy && this.blocker !== undefined) {
      powerSaveBlocker.stop(this.blocker);
      this.blocker = undefined;
    }
  }

  batchFinished(summary: BatchSummary): void {
    if (!Notification.isSupported()) return;
    const window = this.getWindow();
    if (window && !window.isDestroyed() && window.isFocused()) return;
    const parts = [`${summary.succeeded} proof${summary.succeeded === 1 ? '' : 's'} ready`];
    if (summary.failed) parts.push(`${summary.failed} could not be made`);
    if (summary.cancelled) parts.push(`${summary.cancelled} cancelled`);
    const note = new Notification({ title: 'Shutterproof', body: parts.join(', ') + '.' });
    note.on('click', () => {
      const w = this.getWindow();
      if (w && !w.isDestroyed()) {
        if (w.isMinimized()) w.restore();
        w.focus();
      }
    });
    note.show();
  }

  dispose(): void {
    if (this.blocker !== undefined) powerSaveBlocker.stop(this.blocker);
    this.blocker = undefined;
  }
}
