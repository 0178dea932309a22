// The sample photo that ships with the app (resources/sample, made by scripts/make-sample.ts), so someone with no
// photo of their own can try a proof. It is signed by a demo authority that says so in its name, and it is proved
// with "this photo's issuer only", which names that authority: nothing is imported into Settings behind the
// person's back. No Electron here: index.ts says where the folder is (app-paths.ts), tests give their own.
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { ShutterproofError } from '../common/error-codes.js';
import type { AddOutcome } from '../common/ipc-contract.js';
import type { JobEngine } from './jobs/job-engine.js';

export const SAMPLE_PHOTO_FILE = 'sample-photo.jpg';
export const DEMO_AUTHORITY_FILE = 'demo-authority.pem';
export const SAMPLE_GROUP_LABEL = 'Sample photo (signed by a demo authority, not a real issuer)';

export function samplePhotoIn(sampleDir: string): string {
  return join(sampleDir, SAMPLE_PHOTO_FILE);
}

/** Queues the shipped sample photo as a group of its own; `sample_missing` when this copy of the app lacks it. */
export async function addSamplePhoto(engine: Pick<JobEngine, 'add'>, photoPath: string | undefined): Promise<AddOutcome> {
  if (!photoPath) throw new ShutterproofError('sample_missing', 'this copy of Shutterproof was started without a sample folder');
  try {
    await access(photoPath, constants.R_OK);
  } catch (e) {
    throw new ShutterproofError('sample_missing', `${photoPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return engine.add({ paths: [photoPath], trustListId: null, label: SAMPLE_GROUP_LABEL });
}
