// Constant byte patterns the circuit looks for, taken from real C2PA manifests (c2pa-rs / c2pa-ts writers).
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** CBOR array(4), text(10) "Signature1": the start of every COSE_Sign1 Sig_structure. */
export const SIG_STRUCTURE_PREFIX = [0x84, 0x6a, ...ascii('Signature1')];

/** DER SubjectPublicKeyInfo prefix of an uncompressed P-256 key (id-ecPublicKey, prime256v1). */
export const P256_SPKI_PREFIX = [
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
  0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
];
export const SPKI_LENGTH = P256_SPKI_PREFIX.length + 64;

/** End of the hashed-uri `url` text of the hard-binding assertion, followed by the map key "hash" and bstr(32). */
export const CLAIM_REF_SUFFIX = [...ascii('c2pa.assertions/c2pa.hash.data'), 0x64, ...ascii('hash'), 0x58, 0x20];
export const CLAIM_REF_LENGTH = CLAIM_REF_SUFFIX.length + 32;

/** JUMBF description box type and the CBOR content-type UUID of a C2PA CBOR assertion. */
export const JUMD_CBOR = [
  ...ascii('jumd'),
  0x63, 0x62, 0x6f, 0x72, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];
/** The label of the hard-binding assertion, NUL-terminated, after the toggles byte. */
export const HASH_DATA_LABEL = [...ascii('c2pa.hash.data'), 0x00];
/** jumd type + UUID + toggles + label + NUL */
export const JUMD_WINDOW_LENGTH = JUMD_CBOR.length + 1 + HASH_DATA_LABEL.length;
/** Toggles of a requestable labelled box, without or with a private (salt) box. */
export const JUMD_TOGGLES = [0x03, 0x13];

/** Top-level `hash` key with a 32-byte bstr in the hash.data CBOR map. */
export const ASSET_HASH_PREFIX = [0x64, ...ascii('hash'), 0x58, 0x20];
export const ASSET_HASH_WINDOW_LENGTH = ASSET_HASH_PREFIX.length + 32;

/** x5chain key 33 in a COSE header map. */
export const X5CHAIN_KEY = [0x18, 0x21];
