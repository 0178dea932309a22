// Sizes of the circuits. Changing any of these changes the verification keys: bump the circuits' versions.
/** The first circuit of the family; it names the compile cache folder that every circuit's keys share. */
export const CIRCUIT_ID = 'c2pa-es256';
export const CIRCUIT_VERSION = 2;

/**
 * The circuit family, one final circuit per kind of signature chain, each with its own pinned key (expected-vk.ts),
 * so a proof of one kind never pays for the others: an ES256 claim signature by a leaf certificate that a P-256 CA
 * signed (ecdsa-with-SHA256), or that an RSA CA signed (sha256WithRSAEncryption, 2048 to 4096 bits).
 */
export const CIRCUITS = {
  'c2pa-es256': { version: CIRCUIT_VERSION, issuer: 'ecdsa' },
  'c2pa-es256-rsa': { version: 1, issuer: 'rsa' },
} as const;
export type CircuitId = keyof typeof CIRCUITS;
export const isCircuitId = (id: unknown): id is CircuitId => typeof id === 'string' && Object.hasOwn(CIRCUITS, id);

/** SHA-256 blocks hashed per recursive step. 10 blocks plus the byte bookkeeping would pass the ~53k-row budget. */
export const BLOCKS_PER_STEP = 9;
/** Byte positions per message at which the chain records its running sums (see SOUNDNESS.md, "openings"): the
 * TBSCertificate's DER walk needs the most (19), the Sig_structure and the assertion 6 each. */
export const CAPTURES = 19;
/** Extensions of the leaf certificate walked from the start of its list; basicConstraints, keyUsage and
 * extKeyUsage must be among the first this many. */
export const EXTENSION_SLOTS = 5;
/** Merkle tree height of the trust list: 2^(height-1) = 65,536 CA keys. */
export const TRUST_TREE_HEIGHT = 17;

/** Largest byte strings the circuit accepts; larger inputs are refused before proving, never truncated. */
export const LIMITS = {
  /** COSE Sig_structure (protected header with leaf + intermediate certificates, and the claim). */
  sigStructure: 4096,
  /** The leaf certificate's TBSCertificate. */
  tbsCertificate: 1024,
  /** The c2pa.hash.data assertion box. */
  hashDataAssertion: 512,
  /** CA keys in one trust list. */
  trustListKeys: 2 ** (TRUST_TREE_HEIGHT - 1),
} as const;

/** Blocks (after SHA-256 padding) a message of `len` bytes occupies. */
export function paddedBlocks(len: number): number {
  return Math.floor((len + 8) / 64) + 1;
}
