// Trust lists: the set of issuing-CA keys a proof hides its signer among. A list is a PEM bundle (or one or more DER
// certificates) of CAs with P-256 keys or RSA keys (e = 65537; 2048, 3072 or 4096 bits), the keys the circuit can
// verify the leaf certificate with. "This photo's issuer only" derives a one-entry list from the photo's own x5chain.
import { ShutterproofError } from '../../common/error-codes.js';
import type { ManifestEvidence } from '../c2pa/evidence.js';
import {
  type CaPublicKey,
  type CertificateInfo,
  describeCertificate,
  ECDSA_WITH_SHA256,
  hasRsaSha256Algorithm,
  manifestCertificate,
  PROVABLE_KEYS,
  RSASSA_PSS,
  SHA256_WITH_RSA,
  signedBy,
} from './certificate.js';

export interface TrustedCa {
  der: Uint8Array;
  /** SHA-256 of the DER, lowercase hex. */
  sha256: string;
  subject: string;
  issuer: string;
  /** ISO 8601. Not enforced: proofs make no claim about time (see the statement). */
  notAfter: string;
  publicKey: CaPublicKey;
}

export interface TrustList {
  name: string;
  cas: TrustedCa[];
}

export const ISSUER_ONLY_LIST_NAME = "This photo's issuer only";
/** Far beyond any real list (the C2PA trust list has well under a hundred CAs); stops a pasted archive early. */
export const MAX_TRUST_LIST_CAS = 4096;

const invalid = (detail: string) => new ShutterproofError('trust_list_invalid', detail);

/** Parses a PEM bundle of CA certificates; text that is not PEM is read as DER (latin1 bytes or a Uint8Array). */
export function parseTrustList(text: string | Uint8Array, name: string): TrustList {
  const ders = typeof text === 'string' && text.includes('-----BEGIN') ? pemBlocks(text) : derBlocks(toBytes(text));
  if (ders.length === 0) throw invalid('it contains no certificates');
  if (ders.length > MAX_TRUST_LIST_CAS) throw new ShutterproofError('trust_list_too_large', `it has ${ders.length} certificates; at most ${MAX_TRUST_LIST_CAS} are allowed`);
  const cas: TrustedCa[] = [];
  const seen = new Set<string>();
  ders.forEach((der, i) => {
    let info: CertificateInfo;
    try {
      info = describeCertificate(der);
    } catch (error) {
      throw invalid(`certificate ${i + 1} is ${(error as Error).message}`);
    }
    const who = `certificate ${i + 1} (${info.subject})`;
    if (!info.publicKey) throw invalid(`${who} has a key of type ${info.keyType}; ${PROVABLE_KEYS}`);
    if (info.isCa === false) throw invalid(`${who} is not a certificate authority (basicConstraints cA is false)`);
    if (seen.has(info.sha256)) return;
    seen.add(info.sha256);
    cas.push(toTrustedCa(info));
  });
  return { name, cas };
}

/**
 * The list of one CA: the certificate in the photo's x5chain whose key signed the leaf. When the leaf was issued by a
 * root that is not carried in the manifest, the user must supply a list instead: 'issuer_certificate_missing'.
 */
export function issuerOnlyTrustList(evidence: Pick<ManifestEvidence, 'certChain'>): TrustList {
  const [leafDer, ...rest] = evidence.certChain;
  if (!leafDer) throw new ShutterproofError('manifest_invalid', 'x5chain holds no certificate');
  const leaf = manifestCertificate(leafDer, 'signing');
  for (const [i, der] of rest.entries()) {
    const candidate = manifestCertificate(der, `chain (position ${i + 2})`);
    if (!candidate.publicKey) {
      if (leaf.x509.checkIssued(candidate.x509) && leaf.x509.verify(candidate.x509.publicKey))
        throw new ShutterproofError(
          'unsupported_algorithm',
          `the issuing CA ${candidate.subject} has a key of type ${candidate.keyType}; ${PROVABLE_KEYS}`,
        );
      continue;
    }
    if (!signedBy(leaf, candidate.publicKey)) continue;
    if (candidate.isCa === false) throw new ShutterproofError('untrusted_signer', `the leaf's issuer ${candidate.subject} is not a CA`);
    return { name: ISSUER_ONLY_LIST_NAME, cas: [toTrustedCa(candidate)] };
  }
  requireProvableSignature(leaf);
  throw new ShutterproofError(
    'issuer_certificate_missing',
    `the manifest carries ${evidence.certChain.length} certificate(s), none of which issued the signing certificate (issuer: ${leaf.issuer})`,
  );
}

/** Index of the CA whose key verifies the leaf certificate; 'untrusted_signer' when none does. */
export function findIssuer(leafDer: Uint8Array, cas: readonly Pick<TrustedCa, 'publicKey'>[]): number {
  const leaf = manifestCertificate(leafDer, 'signing');
  requireProvableSignature(leaf);
  const index = cas.findIndex((ca) => signedBy(leaf, ca.publicKey));
  if (index < 0)
    throw new ShutterproofError('untrusted_signer', `no CA on the trust list issued the signing certificate (issuer: ${leaf.issuer})`);
  return index;
}

const ALGORITHM_NAMES: Record<string, string> = {
  '1.2.840.10045.4.3.3': 'ECDSA with SHA-384',
  '1.2.840.10045.4.3.4': 'ECDSA with SHA-512',
  '1.2.840.113549.1.1.5': 'RSA with SHA-1',
  '1.2.840.113549.1.1.12': 'RSA with SHA-384',
  '1.2.840.113549.1.1.13': 'RSA with SHA-512',
  '1.3.101.112': 'Ed25519',
};
const PROVABLE_SIGNATURES = 'only ECDSA with SHA-256 and RSA PKCS#1 v1.5 with SHA-256 (sha256WithRSAEncryption) can be proved';

/** The issuer's signature on the leaf uses an algorithm, in the exact DER form, that the circuit can verify. */
function requireProvableSignature(leaf: CertificateInfo): void {
  const algorithm = leaf.signatureAlgorithm;
  if (algorithm === ECDSA_WITH_SHA256) return;
  if (algorithm === SHA256_WITH_RSA) {
    if (hasRsaSha256Algorithm(leaf)) return;
    throw new ShutterproofError(
      'unsupported_algorithm',
      "the signing certificate's sha256WithRSAEncryption algorithm identifier is not in the standard DER form (NULL parameters, the same in the certificate and its TBS part), the only form that can be proved",
    );
  }
  if (algorithm === RSASSA_PSS)
    throw new ShutterproofError(
      'unsupported_algorithm',
      `the signing certificate is signed with RSA-PSS (${RSASSA_PSS}), and RSA-PSS certificate signatures cannot be proved yet: ${PROVABLE_SIGNATURES}`,
    );
  const name = ALGORITHM_NAMES[algorithm];
  throw new ShutterproofError(
    'unsupported_algorithm',
    `the signing certificate is signed with ${name ? `${name} (${algorithm})` : `algorithm ${algorithm}`}; ${PROVABLE_SIGNATURES}`,
  );
}

function toTrustedCa(info: CertificateInfo): TrustedCa {
  return {
    der: info.der,
    sha256: info.sha256,
    subject: info.subject,
    issuer: info.issuer,
    notAfter: info.notAfter,
    publicKey: info.publicKey!,
  };
}

function pemBlocks(text: string): Uint8Array[] {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text))
    throw invalid('it contains a private key; a trust list holds CA certificates only (and a private key should never be shared)');
  const out: Uint8Array[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (const match of text.matchAll(re)) {
    const body = match[1]!.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw invalid(`PEM block ${out.length + 1} is not valid base64`);
    out.push(new Uint8Array(Buffer.from(body, 'base64')));
  }
  return out;
}

function toBytes(text: string | Uint8Array): Uint8Array {
  return typeof text === 'string' ? new Uint8Array(Buffer.from(text, 'latin1')) : text;
}

/** Splits concatenated DER certificates by their outer SEQUENCE lengths. */
function derBlocks(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0x30 || pos + 2 > bytes.length)
      throw invalid(pos === 0 ? 'it is neither a PEM bundle nor a DER certificate' : `unexpected bytes after certificate ${out.length}`);
    let length = bytes[pos + 1]!;
    let header = 2;
    if (length & 0x80) {
      const n = length & 0x7f;
      if (n === 0 || n > 4 || pos + 2 + n > bytes.length) throw invalid(`certificate ${out.length + 1} has a bad DER length`);
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + bytes[pos + 2 + i]!;
      header += n;
    }
    const end = pos + header + length;
    if (end > bytes.length) throw invalid(`certificate ${out.length + 1} is truncated`);
    out.push(bytes.slice(pos, end));
    pos = end;
  }
  return out;
}
