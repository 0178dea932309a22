// Text waiting to be appended to files, written in one call per file when flushed. A synchronous append per log
// line capped the engine at about 25,000 lines a second; one append per file per batch costs the same as one line.
// Callers flush before anything that must see the file complete (a batch to the renderer, a job's saved state,
// reading the file back, quitting); pending text is bounded, so a flood that outruns the flushes still writes.
import { appendFileSync } from 'node:fs';

/** Pending text across all files that forces a flush on its own. */
export const MAX_PENDING_CHARS = 1 << 20;

export class PendingAppends {
  private readonly pending = new Map<string, string[]>();
  private chars = 0;

  constructor(private readonly maxChars = MAX_PENDING_CHARS) {}

  add(file: string, text: string): void {
    let parts = this.pending.get(file);
    if (!parts) this.pending.set(file, (parts = []));
    parts.push(text);
    this.chars += text.length;
    if (this.chars >= this.maxChars) this.flush();
  }

  /** Writes what is pending for one file, or for every file. */
  flush(file?: string): void {
    if (file === undefined) {
      for (const name of [...this.pending.keys()]) this.flush(name);
      return;
    }
    const parts = this.pending.get(file);
    if (!parts) return;
    this.pending.delete(file);
    const text = parts.join('');
    this.chars -= text.length;
    try {
      appendFileSync(file, text);
    } catch {
      // The lines are still in memory for the UI; a full disk must not fail the job through its log.
    }
  }

  /** Forgets what is pending for a file that is being deleted. */
  discard(file: string): void {
    const parts = this.pending.get(file);
    if (!parts) return;
    this.pending.delete(file);
    for (const part of parts) this.chars -= part.length;
  }
}
