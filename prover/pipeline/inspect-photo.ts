// `inspect`: the native C2PA findings for a photo, without proving.
import { readEvidence } from '../c2pa/read-evidence.js';
import { inspectSummary, type InspectSummary } from '../c2pa/inspect-summary.js';
import { readPhoto } from '../c2pa/read-photo.js';
import { loadTrustList } from './trust-source.js';

export async function inspectPhoto(input: string, trustListPath?: string): Promise<InspectSummary> {
  const photo = await readPhoto(input);
  const evidence = readEvidence(photo);
  const trust = trustListPath ? await loadTrustList(trustListPath) : undefined;
  return inspectSummary(photo, evidence, trust);
}
