// A settings file that cannot be read (empty, cut short by a crash, hand-edited into something that is not a JSON
// object) must not stop the app: it is moved aside, kept beside the new one for whoever wants to look, and the app
// starts with default settings. Plain Node, so tests use it without Electron.
import { readFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Why the file cannot be used, or undefined when it is fine or absent. */
export function settingsFileProblem(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return `cannot be read: ${(error as Error).message}`;
  }
  if (text.trim() === '') return 'is empty';
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'does not hold a JSON object';
    return undefined;
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
}

/**
 * Renames an unusable settings file to `<name>.damaged-<time><ext>` beside it and returns the new path (undefined
 * when the file was fine or absent). `force` moves it whatever it holds, for a file the store itself refused.
 */
export function setAsideUnusable(file: string, now: Date = new Date(), force = false): { movedTo: string; problem: string } | undefined {
  const problem = settingsFileProblem(file) ?? (force ? 'was refused by the settings store' : undefined);
  if (!problem) return undefined;
  const ext = extname(file);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const movedTo = join(dirname(file), `${basename(file, ext)}.damaged-${stamp}${ext}`);
  try {
    renameSync(file, movedTo);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { movedTo, problem };
}
