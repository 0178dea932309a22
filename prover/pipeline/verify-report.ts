// `shutterproof verify` for people: what the proof establishes first, then the warning when the verifier chose no
// trust list, and last, set apart, what the pack only says about itself.
import type { VerifySummary } from './verify-pack.js';

export function formatVerification(s: VerifySummary): string {
  const lines = ['Valid proof.'];
  if (s.verified.photoMatches) lines.push('The photo matches the proof.');
  const a = s.verified.anchor;
  if (a?.issuer) lines.push(`Vouched for by "${a.issuer}", an authority on your trust list "${a.list}".`);
  else if (a) lines.push(`Vouched for by one of the ${a.issuers} authorities on your trust list "${a.list}" (which one stays hidden).`);
  if (s.warning) lines.push(`WARNING: ${s.warning}`, '  Check it against the authorities you trust: --trust-list <issuers.pem>.');
  lines.push(`assetHash ${s.verified.assetHash}`, `trustRoot ${s.verified.trustRoot}`);
  const n = s.unverifiedNotes;
  lines.push(
    'Not proved (what the pack says about itself):',
    `  trust list name: "${n.trustListName}", ${n.trustListIssuers.length} issuer(s)${subjects(n.trustListIssuers)}`,
    ...(n.photoName ? [`  photo name: ${n.photoName}`] : []),
    `  made: ${n.createdAt} with ${n.madeWith}`,
  );
  return lines.join('\n') + '\n';
}

function subjects(issuers: { subject?: string }[]): string {
  const named = issuers.map((i) => i.subject).filter((x): x is string => !!x);
  if (named.length === 0) return '';
  return `: ${named.slice(0, 3).join('; ')}${named.length > 3 ? `; and ${named.length - 3} more` : ''}`;
}
