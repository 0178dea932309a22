// What every proof pack says it proves, and what it does not, in plain words (DESIGN §2).
export const STATEMENT = {
  proves: [
    'The photo whose SHA-256, with its Content Credentials removed, equals assetHash carries Content Credentials whose claim records that hash.',
    'The claim was signed with ES256 (ECDSA P-256) by a certificate issued by one of the certificate authorities in the trust list whose Merkle root is trustRoot.',
    'Which authority, which certificate, which device or person signed it stays hidden.',
  ],
  doesNotProve: [
    'When the photo was signed, or that the certificates were valid at that time (no trusted time is proved).',
    'That the certificates were not revoked.',
    'Anything about photos signed with algorithms other than ES256, or with Content Credentials stored outside the file.',
    'That the scene in the photo is true: only who vouched for the file.',
  ],
};
