// Whom a proof is anchored in, by the verifier's own trust lists only: a list matches when its Merkle root is the
// proof's trustRoot (the signer is one of its issuers), or one of its CAs matches alone (a proof made for
// "this photo's issuer only" names that CA). The pack's own list is never a source of trust.
import { ShutterproofError } from '../../common/error-codes.js';
import { trustRoot } from '../circuit/trust-tree.js';
import { loadTrustList } from './trust-source.js';
import type { TrustList } from '../trust/trust-list.js';

export interface TrustListSource {
  /** What the verifier calls the list (the file's name, or the name it was imported under). */
  name: string;
  path: string;
}

export interface Anchor {
  /** The verifier's list that holds the proof's issuer(s). */
  list: string;
  /** Issuers the signer is hidden among. */
  issuers: number;
  /** The issuing authority's name, when the proof names exactly one of the list's CAs. */
  issuer?: string;
}

/** The common name of an X.500 subject line, else the line. */
export function plainName(subject: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1]?.trim() ?? subject;
}

export function anchorIn(lists: { name: string; list: TrustList }[], root: string): Anchor | undefined {
  for (const { name, list } of lists) {
    const keys = list.cas.map((ca) => ca.publicKey);
    if (trustRoot(keys).toString() === root)
      return { list: name, issuers: keys.length, ...(keys.length === 1 ? { issuer: plainName(list.cas[0].subject) } : {}) };
  }
  for (const { name, list } of lists) {
    const ca = list.cas.find((c) => trustRoot([c.publicKey]).toString() === root);
    if (ca) return { list: name, issuers: 1, issuer: plainName(ca.subject) };
  }
  return undefined;
}

/** The anchor in the verifier's lists; `trust_list_mismatch` when lists were given and none holds the issuer. */
export async function findAnchor(sources: TrustListSource[], root: string): Promise<Anchor> {
  const lists = await Promise.all(sources.map(async (s) => ({ name: s.name, list: await loadTrustList(s.path) })));
  const anchor = anchorIn(lists, root);
  if (!anchor)
    throw new ShutterproofError(
      'trust_list_mismatch',
      `checked against ${sources.map((s) => `"${s.name}"`).join(', ')}; the proof's trust root ${root} is none of them or their authorities`,
    );
  return anchor;
}
