// `shutterproof inspect` for people: what a photo's Content Credentials say, each native check with its outcome, how
// the parts the circuit hashes compare with its limits, and whether a proof can be made. `--json` prints the
// summary itself instead.
import { EXIT, errorInfo, isErrorCode, type ExitCode } from '../../common/error-codes.js';
import { LIMITS } from '../circuit/constants.js';
import type { CertificateSummary, Check, InspectSummary } from '../c2pa/inspect-summary.js';

const CHECKS: [key: string, title: string, passed: (check: Check & { ok: true }) => string][] = [
  ['signature', 'Signature', () => 'the claim signature is valid'],
  ['assertionHash', 'Claim', () => 'it references the photo hash record exactly'],
  ['hardBinding', 'Photo', () => 'unchanged since it was signed'],
  ['issuerOnly', 'Issuer', (c) => `${c.issuer} issued the signer's certificate`],
  ['trust', 'Trust list', (c) => `“${c.trustList}” includes ${c.issuer}`],
];

/** A failed check's plain sentence; its detail is printed on a line of its own. */
const sentence = (c: Check & { ok: false }) => (isErrorCode(c.code) ? errorInfo(c.code).message : c.message);

const count = (n: number) => n.toLocaleString('en-US');

function certificate(c: CertificateSummary | undefined): string {
  if (!c) return 'none';
  if (c.error !== undefined) return `unreadable (${c.error})`;
  return `${c.subject} (${c.keyType}, valid until ${c.notAfter.slice(0, 10)})`;
}

function limit(used: number, max: number): string {
  return `${count(used)} of ${count(max)} bytes${used > max ? ' — too large for a proof (input_exceeds_circuit_limits)' : ''}`;
}

export function formatInspection(name: string, s: InspectSummary): string {
  const rows = (pairs: [string, string | undefined][]) =>
    pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k.padEnd(14)}${v}`);
  const excluded = s.exclusions.map((e) => `${count(e.start)}-${count(e.start + e.length - 1)}`).join(', ');
  const lines = [
    `${name}: ${s.format.toUpperCase()} with Content Credentials${s.claimVersion ? ` (claim v${s.claimVersion})` : ''}`,
    ...rows([
      ['Manifest', s.manifestLabel],
      ['Made by', s.claimGenerator],
      ['Title', s.title],
      ['Signed with', `${s.alg}, certificates in the ${s.x5chainIn} header`],
      ['Signer', certificate(s.signer)],
      ...s.chain.map((c, i): [string, string] => [i === 0 ? 'Issuer' : '', certificate(c)]),
      ['Photo hash', `${s.assetHash} (SHA-256 of the file without bytes ${excluded || 'none'})`],
    ]),
    '',
    'Checks',
  ];
  for (const [key, title, passed] of CHECKS) {
    const check = s.checks[key];
    if (!check) continue;
    lines.push(`  ${check.ok ? 'ok    ' : 'FAILED'}  ${title.padEnd(11)}${check.ok ? passed(check) : `${check.code}: ${sentence(check)}`}`);
    if (!check.ok && check.detail) lines.push(`${' '.repeat(21)}${check.detail}`);
  }
  const rs = s.c2paRs;
  const verdict = rs.error
    ? `could not read the file (${rs.error})`
    : `${rs.validationState ?? 'no verdict'}${rs.failures.length ? `; failures: ${rs.failures.map((f) => f.code).join(', ')}` : '; no failures'}${rs.trustChecked ? '' : ' (trust not checked)'}`;
  lines.push(`  c2pa-rs, the reference implementation: ${verdict}`);
  lines.push(
    '',
    'Circuit limits',
    `  Signed data (Sig_structure)  ${limit(s.sizes.sigStructure, LIMITS.sigStructure)}`,
    `  Photo hash record            ${limit(s.sizes.hashDataAssertion, LIMITS.hashDataAssertion)}`,
    '',
  );
  const failed = CHECKS.map(([key]) => s.checks[key]).find((c): c is Check & { ok: false } => !!c && !c.ok);
  const issuerOnly = s.checks.issuerOnly;
  // A signature Shutterproof cannot prove is not a bad one: the reference implementation's verdict above stands.
  if (!s.valid && failed?.code === 'unsupported_algorithm')
    lines.push(`Cannot be proved yet: signed with ${s.alg}. ${sentence(failed)} See c2pa-rs's verdict above for whether the credentials hold.`);
  else if (!s.valid) lines.push(`Not valid: ${failed ? sentence(failed) : 'a check failed.'} A proof cannot be made of it.`);
  else if (!s.trustList && issuerOnly && !issuerOnly.ok)
    lines.push(`Valid, but a proof needs a trust list with its issuer (--trust-list): ${sentence(issuerOnly)}`);
  else lines.push(`Valid: \`shutterproof prove\`${s.trustList ? ` with “${s.trustList.name}”` : ''} can make a proof of this photo.`);
  return lines.join('\n') + '\n';
}

/**
 * The exit status of `inspect` (README): 0 when the photo is valid, else that of the first failed check's code (3 for
 * a changed photo or a bad signature, 2 for input a proof cannot take), 3 when no check names a known code.
 */
export function inspectExitCode(s: InspectSummary): ExitCode {
  if (s.valid) return EXIT.ok;
  const failed = CHECKS.map(([key]) => s.checks[key]).find((c): c is Check & { ok: false } => !!c && !c.ok);
  return failed && isErrorCode(failed.code) ? errorInfo(failed.code).exit : EXIT.verificationFailed;
}
