// Copies finished proof packs (and, when asked, the photos with their manifest removed) into a folder the user chose.
// Each copy lands under a temporary name and is renamed into place, so the folder never holds half a pack; an
// existing file is never overwritten ("photo (2).proof.json"). Where each job's pack went is kept, so "Show in folder"
// opens the copy the user has rather than the app's own.
import { copyFile, rename, rm, access } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ExportOutcome, Job } from '../../common/ipc-contract.js';

/** `onWritten` hears of each pack as soon as it is in place, so a failure part-way keeps what was exported. */
export async function exportPacks(
  jobs: Job[],
  folder: string,
  includeStrippedPhoto: boolean,
  onWritten: (jobId: string, packCopy: string) => void,
): Promise<ExportOutcome> {
  let packs = 0;
  let photos = 0;
  let revealJobId: string | null = null;
  const taken = new Set<string>();
  for (const job of jobs) {
    const result = job.result;
    if (job.state !== 'succeeded' || !result) continue;
    const stem = job.file.name.replace(/\.(jpe?g|png)$/i, '');
    const packCopy = await freeName(folder, `${stem}.proof.json`, taken);
    await copyAtomic(result.packPath, packCopy);
    onWritten(job.id, packCopy);
    revealJobId ??= job.id;
    packs++;
    if (includeStrippedPhoto && result.strippedPath && (await exists(result.strippedPath))) {
      const ext = extname(result.strippedPath) || extname(job.file.name);
      await copyAtomic(result.strippedPath, await freeName(folder, `${stem}.no-credentials${ext}`, taken));
      photos++;
    }
  }
  return { folder, packs, photos, revealJobId };
}

async function copyAtomic(from: string, to: string): Promise<void> {
  const temp = join(to, '..', `.${basename(to)}.${process.pid}.part`);
  try {
    await copyFile(from, temp);
    await rename(temp, to);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function freeName(folder: string, name: string, taken: Set<string>): Promise<string> {
  const ext = name.endsWith('.proof.json') ? '.proof.json' : extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!taken.has(candidate) && !(await exists(candidate))) {
      taken.add(candidate);
      return candidate;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
