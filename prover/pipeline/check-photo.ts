// `check`: everything the prove path does before the minutes of proving — read the photo and its Content
// Credentials, pick the trust list, validate natively, and lay the witness out against the circuit's limits — so a
// photo that cannot be proved is told apart in milliseconds, when it is added, instead of after the queue ahead of it.
import { readEvidence } from '../c2pa/read-evidence.js';
import { validateEvidence } from '../c2pa/validate.js';
import { buildWitness } from '../circuit/index.js';
import { readPhoto } from '../c2pa/read-photo.js';
import { trustListFor } from './trust-source.js';

export interface CheckSummary {
  ok: true;
  /** How many issuers the proof would hide the signer among. */
  issuers: number;
}

/** Throws the ShutterproofError the prove path would throw for this photo, or resolves when it can be proved. */
export async function checkPhoto(input: string, trustListPath: string | undefined): Promise<CheckSummary> {
  const photo = await readPhoto(input);
  const evidence = readEvidence(photo);
  const trust = await trustListFor(evidence, trustListPath);
  validateEvidence(photo, evidence, trust);
  buildWitness(evidence, trust);
  return { ok: true, issuers: trust.cas.length };
}
