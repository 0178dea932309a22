// `shutterproof inspect`: what a photo's Content Credentials say and how each native check went, without proving.
// Unlike validateEvidence it never stops at the first failure: every check reports ok or its error code, and
// c2pa-rs gives its own verdict alongside. Signer names appear here because inspect output stays on this computer.
import { ShutterproofError } from '../../common/error-codes.js';
import { describeCertificate } from '../trust/certificate.js';
import { issuerOnlyTrustList, type TrustList } from '../trust/trust-list.js';
import { c2paRsReport, type C2paRsReport } from './c2pa-rs-check.js';
import { algName, decodeCbor } from './cose.js';
import type { ManifestEvidence } from './evidence.js';
import { checkAssertionReference, checkHardBinding, checkSignature, checkTrust } from './validate.js';

export type Check = { ok: true; [key: string]: unknown } | { ok: false; code: string; message: string; detail?: string };

export type CertificateSummary =
  | { subject: string; issuer: string; notAfter: string; keyType: string; sha256: string; error?: undefined }
  | { error: string };

export interface InspectSummary {
  format: 'jpeg' | 'png';
  manifestLabel: string;
  claimVersion: 1 | 2 | undefined;
  claimGenerator?: string;
  title?: string;
  signer: CertificateSummary | undefined;
  chain: CertificateSummary[];
  x5chainIn: ManifestEvidence['x5chainIn'];
  alg: string;
  assetHash: string;
  exclusions: ManifestEvidence['exclusions'];
  hashDataUrl: string;
  /** Bytes of what the circuit hashes, to compare with its limits (circuit/constants.ts). */
  sizes: { sigStructure: number; protectedHeader: number; claim: number; hashDataAssertion: number; signerCertificate: number };
  trustList: { name: string; size: number } | undefined;
  /** signature, assertionHash, hardBinding, issuerOnly, and trust when a list was given. */
  checks: Record<string, Check>;
  valid: boolean;
  c2paRs: C2paRsReport;
}

function run(work: () => Record<string, unknown> | void): Check {
  try {
    return { ok: true, ...(work() ?? {}) };
  } catch (error) {
    if (error instanceof ShutterproofError) return { ok: false, code: error.code, message: error.message, detail: error.detail };
    return { ok: false, code: 'internal_error', message: (error as Error)?.message ?? String(error) };
  }
}

export async function inspectSummary(
  photo: Uint8Array,
  evidence: ManifestEvidence,
  trust: TrustList | undefined,
): Promise<InspectSummary> {
  const claim = describeClaim(evidence.claim);
  const chain = evidence.certChain.map((der): CertificateSummary => {
    try {
      const c = describeCertificate(der);
      return { subject: c.subject, issuer: c.issuer, notAfter: c.notAfter, keyType: c.keyType, sha256: c.sha256 };
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  const checks: Record<string, Check> = {
    signature: run(() => void checkSignature(evidence)),
    assertionHash: run(() => checkAssertionReference(evidence)),
    hardBinding: run(() => checkHardBinding(photo, evidence)),
    issuerOnly: run(() => {
      const list = issuerOnlyTrustList(evidence);
      return { issuer: list.cas[0]!.subject, issuerSha256: list.cas[0]!.sha256 };
    }),
  };
  if (trust) checks.trust = run(() => ({ trustList: trust.name, issuer: trust.cas[checkTrust(evidence, trust)]!.subject }));
  const c2paRs = await c2paRsReport(photo, evidence.format, trust?.cas.map((ca) => ca.der));
  const required = ['signature', 'assertionHash', 'hardBinding', ...(trust ? ['trust'] : [])];
  return {
    format: evidence.format,
    manifestLabel: evidence.manifestLabel,
    claimVersion: claim.version,
    claimGenerator: claim.generator,
    title: claim.title,
    signer: chain[0],
    chain: chain.slice(1),
    x5chainIn: evidence.x5chainIn,
    alg: algName(evidence.coseAlg),
    assetHash: hex(evidence.assetHash),
    exclusions: evidence.exclusions,
    hashDataUrl: evidence.hashDataUrl,
    sizes: {
      sigStructure: evidence.sigStructure.length,
      protectedHeader: evidence.protectedHeader.length,
      claim: evidence.claim.length,
      hashDataAssertion: evidence.hashDataAssertion.length,
      signerCertificate: evidence.certChain[0]?.length ?? 0,
    },
    trustList: trust ? { name: trust.name, size: trust.cas.length } : undefined,
    checks,
    valid: required.every((name) => checks[name]!.ok),
    c2paRs,
  };
}

function describeClaim(bytes: Uint8Array): { version: 1 | 2 | undefined; generator?: string; title?: string } {
  let claim: unknown;
  try {
    claim = decodeCbor(bytes, 'claim');
  } catch {
    return { version: undefined };
  }
  if (!(claim instanceof Map)) return { version: undefined };
  const version = claim.has('created_assertions') ? 2 : 1;
  const info = claim.get('claim_generator_info');
  const first = Array.isArray(info) ? info[0] : info;
  const fromInfo =
    first instanceof Map && typeof first.get('name') === 'string'
      ? [first.get('name'), first.get('version')].filter((v) => typeof v === 'string').join(' ')
      : undefined;
  const plain = claim.get('claim_generator');
  const title = claim.get('dc:title') ?? claim.get('title');
  return {
    version,
    generator: typeof plain === 'string' ? plain : fromInfo,
    title: typeof title === 'string' ? title : undefined,
  };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
