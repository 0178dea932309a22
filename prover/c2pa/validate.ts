// Native validation of the evidence before any proving: every fact the circuit will prove is first checked here
// with node:crypto, so bad input fails in milliseconds with a precise error instead of minutes into a proof.
// Order follows a C2PA validator: claim signature, assertion reference, hard binding, then trust.
import { createHash, verify } from 'node:crypto';
import { ShutterproofError } from '../../common/error-codes.js';
import { type CertificateInfo, isRsaKey, manifestCertificate, signedBy } from '../trust/certificate.js';
import { findIssuer, type TrustList } from '../trust/trust-list.js';
import { algName, ES256, sigStructure } from './cose.js';
import type { ManifestEvidence } from './evidence.js';
import { c2paRanges, mergedRanges } from './locate.js';
import { detectFormat } from './read-evidence.js';
import { assetHashOf } from './strip.js';


export interface ValidationReport {
  /** The signing (leaf) certificate: shown locally, never written into a proof pack. */
  signer: { subject: string; issuer: string; notAfter: string; sha256: string };
  /** Index into `trust.cas` of the CA whose key issued the signer. */
  issuerIndex: number;
}

/** Throws ShutterproofError (signature_invalid, hash_mismatch, untrusted_signer, ...) on the first failed check. */
export function validateEvidence(photo: Uint8Array, evidence: ManifestEvidence, trust: TrustList): ValidationReport {
  const leaf = checkSignature(evidence);
  checkAssertionReference(evidence);
  checkHardBinding(photo, evidence);
  const issuerIndex = checkTrust(evidence, trust);
  return {
    signer: { subject: leaf.subject, issuer: leaf.issuer, notAfter: leaf.notAfter, sha256: leaf.sha256 },
    issuerIndex,
  };
}

/** The COSE signature over the Sig_structure verifies with the leaf certificate's P-256 key. */
export function checkSignature(evidence: ManifestEvidence): CertificateInfo {
  if (evidence.coseAlg !== ES256)
    throw new ShutterproofError('unsupported_algorithm', `signed with ${algName(evidence.coseAlg)} (${evidence.coseAlg}); only ES256 (-7) can be proved`);
  const leafDer = evidence.certChain[0];
  if (!leafDer) throw new ShutterproofError('manifest_invalid', 'x5chain holds no certificate');
  const leaf = manifestCertificate(leafDer, 'signing');
  // A trust-list CA may hold an RSA key; the signer's own key must be P-256 for ES256.
  if (!leaf.publicKey || isRsaKey(leaf.publicKey))
    throw new ShutterproofError('unsupported_algorithm', `the signing certificate has a key of type ${leaf.keyType}; ES256 needs a P-256 key`);
  // The circuit hashes `sigStructure` as given; it must be the canonical one built from the pieces it also checks.
  if (!equal(evidence.sigStructure, sigStructure(evidence.protectedHeader, evidence.claim)))
    throw new ShutterproofError('manifest_invalid', 'the Sig_structure is not ["Signature1", protected, h\'\', claim]');
  if (evidence.coseSignature.length !== 64)
    throw new ShutterproofError('signature_invalid', `an ES256 signature is 64 bytes, this one is ${evidence.coseSignature.length}`);
  const ok = verify(
    'sha256',
    evidence.sigStructure,
    { key: leaf.x509.publicKey, dsaEncoding: 'ieee-p1363' },
    evidence.coseSignature,
  );
  if (!ok) throw new ShutterproofError('signature_invalid', `the claim signature does not verify with the key of ${leaf.subject}`);
  return leaf;
}

/** The claim records SHA-256 of the c2pa.hash.data assertion box, and that box carries assetHash. */
export function checkAssertionReference(evidence: ManifestEvidence): void {
  const actual = createHash('sha256').update(evidence.hashDataAssertion).digest();
  if (!equal(actual, evidence.hashDataRef))
    throw new ShutterproofError(
      'hash_mismatch',
      `the ${evidence.hashDataUrl} assertion does not match the hash the signed claim records for it`,
    );
  if (indexOf(evidence.claim, evidence.hashDataRef) < 0)
    throw new ShutterproofError('manifest_invalid', 'the claim does not contain the hash of the c2pa.hash.data assertion');
  if (indexOf(evidence.hashDataAssertion, evidence.assetHash) < 0)
    throw new ShutterproofError('manifest_invalid', 'the c2pa.hash.data assertion does not contain the photo hash');
}

/**
 * SHA-256 of the photo with the exclusion ranges removed equals the assetHash the manifest recorded, and those
 * ranges are exactly where the file's structure puts its Content Credentials (c2pa/locate.ts): a manifest that also
 * excludes, say, the EXIF block leaves that part of the file unsigned, and a verifier of the published photo (which
 * removes only the credentials) could never match it.
 */
export function checkHardBinding(photo: Uint8Array, evidence: ManifestEvidence): void {
  const structural = c2paRanges(photo, detectFormat(photo));
  const covered = (ranges: readonly { start: number; length: number }[]) => ranges.map((r) => `${r.start}+${r.length}`).join(',');
  if (covered(mergedRanges(evidence.exclusions)) !== covered(structural))
    throw new ShutterproofError(
      'exclusions_too_wide',
      `the signed exclusions (${covered(evidence.exclusions)}) are not the file's Content Credentials (${covered(structural)})`,
    );
  const actual = assetHashOf(photo, evidence.exclusions);
  if (!equal(actual, evidence.assetHash))
    throw new ShutterproofError(
      'hash_mismatch',
      `the photo hashes to ${hex(actual)}, but its credentials were signed for ${hex(evidence.assetHash)}`,
    );
}

/** Index of the trust-list CA that issued the signer; explains the common "root listed, intermediate issued" case. */
export function checkTrust(evidence: ManifestEvidence, trust: TrustList): number {
  try {
    return findIssuer(evidence.certChain[0]!, trust.cas);
  } catch (error) {
    if (!(error instanceof ShutterproofError) || error.code !== 'untrusted_signer') throw error;
    const hint = intermediateHint(evidence, trust);
    throw hint ? new ShutterproofError('untrusted_signer', `${error.detail}; ${hint}`, { cause: error }) : error;
  }
}

function intermediateHint(evidence: ManifestEvidence, trust: TrustList): string | undefined {
  const [leafDer, ...rest] = evidence.certChain;
  const leaf = manifestCertificate(leafDer!, 'signing');
  for (const der of rest) {
    let candidate: CertificateInfo;
    try {
      candidate = manifestCertificate(der, 'chain');
    } catch {
      continue;
    }
    if (!candidate.publicKey || !signedBy(leaf, candidate.publicKey)) continue;
    const parent = trust.cas.find((ca) => signedBy(candidate, ca.publicKey));
    if (parent)
      return `"${trust.name}" holds ${parent.subject}, which issued the intermediate ${candidate.subject} that issued the signer; a proof checks one level, so the list must hold ${candidate.subject} itself`;
  }
  return undefined;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.length).indexOf(
    Buffer.from(needle.buffer, needle.byteOffset, needle.length),
  );
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
