// What a Shutterproof proof establishes and what it leaves out (DESIGN §2), in the words people read: the app shows
// them and every proof pack carries them, so a verifier reads the same sentences.
export const PROVES = [
  'The photo carries Content Credentials with a valid digital signature.',
  'The certificate that signed them is a signing certificate for Content Credentials, issued by an authority on the trust list the proof is anchored in.',
  "The photo's content has not changed since it was signed: its fingerprint matches the signed credentials.",
  "Who signed it, and with which device, stays hidden: a verifier learns only the photo's fingerprint, the trust list, and whether the issuing authority's key is of the P-256 or the RSA kind.",
] as const;

export const DOES_NOT_PROVE = [
  'Dates: whether the certificates were valid on any particular day is not checked (no trusted time is proved).',
  'Revocation: whether a certificate was later revoked is not checked.',
  'Other kinds of signature: only the most common kind used for Content Credentials can be proved today (see Technical details).',
  'Other manifests: only Content Credentials embedded in JPEG and PNG files are read, not remote or sidecar ones.',
  'That the scene is real or the caption true: a proof says who vouched for the file, not what it shows.',
] as const;

/** The technical name of what "the most common kind" of signature is, for Technical details. */
export const SIGNATURES_PROVED =
  "ES256 (ECDSA with P-256 keys and SHA-256), by a certificate its issuer signed with a P-256 key (ECDSA) or an RSA key of 2048 to 4096 bits (PKCS#1 v1.5)";

export const STATEMENT = { proves: [...PROVES], doesNotProve: [...DOES_NOT_PROVE] };
