// Constant byte patterns the circuit looks for, taken from real C2PA manifests (c2pa-rs / c2pa-ts writers) and
// X.509 (RFC 5280) DER. Every pattern is checked together with the structure around it (see SOUNDNESS.md).
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** CBOR array(4), text(10) "Signature1": the start of every COSE_Sign1 Sig_structure. */
export const SIG_STRUCTURE_PREFIX = [0x84, 0x6a, ...ascii('Signature1')];
/** The protected header's first entry, alg (1): ES256 (-7). */
export const PROTECTED_ALG = [0x01, 0x26];

/** The hashed-uri map entries naming the hard-binding assertion: "url": its complete URL, then "hash": bstr(32). */
export const HASH_DATA_URL = 'self#jumbf=c2pa.assertions/c2pa.hash.data';
export const CLAIM_REF_ENTRIES = [
  0x63, ...ascii('url'), 0x78, HASH_DATA_URL.length, ...ascii(HASH_DATA_URL), 0x64, ...ascii('hash'), 0x58, 0x20,
];

/** DER version [0] v3 and the serial number's tag: the TBSCertificate's fixed start after its own header. */
export const TBS_VERSION_SERIAL = [0xa0, 0x03, 0x02, 0x01, 0x02, 0x02];
/** AlgorithmIdentifier ecdsa-with-SHA256 (1.2.840.10045.4.3.2), the TBS's signature field. */
export const ECDSA_SHA256_ALGORITHM = [0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
/** AlgorithmIdentifier sha256WithRSAEncryption (1.2.840.113549.1.1.11) with its NULL parameters (RFC 4055 §5). */
export const RSA_SHA256_ALGORITHM = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00];
/** The issuer's certificate signature algorithms a circuit can be built for. */
export const ISSUER_ALGORITHMS = { ecdsa: ECDSA_SHA256_ALGORITHM, rsa: RSA_SHA256_ALGORITHM } as const;
export type IssuerAlgorithm = keyof typeof ISSUER_ALGORITHMS;
/** DER SubjectPublicKeyInfo prefix of an uncompressed P-256 key (id-ecPublicKey, prime256v1). */
export const P256_SPKI_PREFIX = [
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
  0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
];
export const SPKI_LENGTH = P256_SPKI_PREFIX.length + 64;
/** OID 2.5.29.x (id-ce) of an extension: 06 03 55 1d x. */
export const ID_CE = [0x06, 0x03, 0x55, 0x1d];
export const EXT_BASIC_CONSTRAINTS = 0x13;
export const EXT_KEY_USAGE = 0x0f;
export const EXT_EXTENDED_KEY_USAGE = 0x25;
/** critical BOOLEAN TRUE */
export const CRITICAL = [0x01, 0x01, 0xff];
/** extnValue of basicConstraints with cA FALSE (the default, so an empty SEQUENCE). */
export const BASIC_CONSTRAINTS_END_ENTITY = [0x04, 0x02, 0x30, 0x00];
/** id-kp (1.3.6.1.5.5.7.3) purpose OID header; the last byte is the purpose. */
export const ID_KP_PREFIX = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03];
/** id-kp purposes C2PA accepts for claim signing: emailProtection (4), documentSigning (36). */
export const ID_KP_PURPOSES = [0x04, 0x24];
/** c2pa-kp-claimSigning, 1.3.6.1.4.1.62558.2.1. */
export const C2PA_CLAIM_SIGNING = [0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xe8, 0x5e, 0x02, 0x01];

/** JUMBF description box type and the CBOR content-type UUID of a C2PA CBOR assertion. */
export const JUMD_CBOR = [
  ...ascii('jumd'),
  0x63, 0x62, 0x6f, 0x72, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];
/** The label of the hard-binding assertion, NUL-terminated, after the toggles byte. */
export const HASH_DATA_LABEL = [...ascii('c2pa.hash.data'), 0x00];
/** Box size (4 bytes) + jumd type + UUID + toggles + label + NUL: the assertion's first bytes. */
export const JUMD_WINDOW_LENGTH = 4 + JUMD_CBOR.length + 1 + HASH_DATA_LABEL.length;
/** Toggles of a requestable labelled box, without or with a private (salt) box. */
export const JUMD_TOGGLES = [0x03, 0x13];
export const CBOR_BOX_TYPE = ascii('cbor');

/** The hash.data map's last two entries: "hash": bstr(32) <asset hash>, then "pad": bstr of zeros to the end. */
export const ASSET_HASH_KEY = [0x64, ...ascii('hash'), 0x58, 0x20];
export const PAD_KEY = [0x63, ...ascii('pad')];
