// Verifying a proof pack needs only the pack (and the photo, to check which photo it is about): no network, no
// compile. A pack says nothing a verifier relies on: the proof is checked with the verification key this source
// ships (expected-vk.ts), the photo is hashed by its own structure, and whom the proof is anchored in comes from the
// verifier's own trust lists. What the pack says about itself is reported apart, as unverified notes.
import { readFile } from 'node:fs/promises';
import { ShutterproofError } from '../../common/error-codes.js';
import { PROOF_PACK_FORMAT, proofPack, type ProofPack } from '../../common/proof-pack.js';
import { STATEMENT } from '../../common/proof-statement.js';
// The circuit's modules one by one, not its index: a verifier needs none of the circuits' definitions.
import { CIRCUITS, isCircuitId, LIMITS } from '../circuit/constants.js';
import { EXPECTED_VKS } from '../circuit/expected-vk.js';
import { verify } from '../circuit/statement.js';
import { trustRoot } from '../circuit/trust-tree.js';
import { circuitCacheDir } from '../runtime.js';
import { readPhoto } from '../c2pa/read-photo.js';
import type { CaPublicKey } from '../trust/certificate.js';
import { parsePublicKeyHex } from './trust-source.js';
import { findAnchor, type Anchor, type TrustListSource } from './verify-anchor.js';

export type { Anchor, TrustListSource } from './verify-anchor.js';

export interface VerifySummary {
  valid: true;
  /** What the proof and the verifier's own files establish. */
  verified: {
    assetHash: string;
    trustRoot: string;
    /** Set when a photo was given (a mismatch throws `photo_mismatch`). */
    photoMatches?: true;
    /** The verifier's trust list (and authority) the proof is anchored in; null when no list was given. */
    anchor: Anchor | null;
  };
  /** Set when the verifier gave no trust list: the anchor is then only the prover's word. */
  warning?: string;
  publicInputs: ProofPack['publicInputs'];
  /** What a proof of this circuit establishes, in this verifier's words (never the pack's). */
  statement: typeof STATEMENT;
  /** What the pack says about itself. Nothing proves it. */
  unverifiedNotes: {
    trustListName: string;
    trustListIssuers: { subject?: string; certSha256?: string }[];
    photoName?: string;
    createdAt: string;
    madeWith: string;
  };
}

export interface VerifyOptions {
  photoPath?: string;
  /** The verifier's own trust lists; the proof must be anchored in one of them. */
  trustLists?: TrustListSource[];
  /** The compile cache folder (its SRS and code cache make a fresh process verify faster). */
  cacheDir?: string;
}

export const NO_TRUST_LIST_WARNING =
  'No trust list of yours was used: this proof is anchored only in a list that came with the pack, and anyone can make such a list and give it any name.';

export async function readPack(path: string): Promise<ProofPack> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ShutterproofError('unreadable_file', `${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ShutterproofError('pack_invalid', 'the file is not JSON');
  }
  rejectOtherVersions(json);
  const parsed = proofPack.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShutterproofError('pack_invalid', `${issue?.path.join('.') || 'pack'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** A pack of another format or circuit version gets its own sentence before the schema is applied. */
function rejectOtherVersions(json: unknown): void {
  if (typeof json !== 'object' || json === null) return;
  const { format, circuit } = json as { format?: unknown; circuit?: { id?: unknown; version?: unknown } };
  const version = circuit?.version;
  const otherFormat = typeof format === 'string' && /^shutterproof\.proof\/v\d+$/.test(format) && format !== PROOF_PACK_FORMAT;
  if (otherFormat || (isCircuitId(circuit?.id) && typeof version === 'number' && version !== CIRCUITS[circuit.id].version))
    throw new ShutterproofError(
      'circuit_version_unsupported',
      `made by circuit ${String(circuit?.id)} v${String(version)} (${String(format)}); this version accepts ${ACCEPTED}`,
    );
}

export async function verifyPack(pack: ProofPack, options: VerifyOptions = {}): Promise<VerifySummary> {
  const id = pack.circuit.id;
  if (!isCircuitId(id) || pack.circuit.version !== CIRCUITS[id].version)
    throw new ShutterproofError('circuit_version_unsupported', `made for circuit ${id} v${pack.circuit.version}; this version accepts ${ACCEPTED}`);
  // Only the key this source ships for the pack's circuit is used; a pack carrying any other is not of that circuit.
  const expected = EXPECTED_VKS[id];
  const vk = pack.verificationKey;
  if (vk.data !== expected.data || vk.hash !== expected.hash || pack.circuit.vkHash !== expected.hash)
    throw new ShutterproofError('verification_key_mismatch', `the pack carries verification key ${vk.hash.slice(0, 16)}…, not this circuit's`);
  if (pack.trustList.keys.length > LIMITS.trustListKeys)
    throw new ShutterproofError('pack_invalid', `the pack lists ${pack.trustList.keys.length} trust-list keys; a proof holds at most ${LIMITS.trustListKeys}`);
  const keys = pack.trustList.keys.map((k) => parsePublicKey(k.publicKey));
  if (trustRoot(keys).toString() !== pack.publicInputs.trustRoot || pack.trustList.root !== pack.publicInputs.trustRoot)
    throw new ShutterproofError('proof_invalid', 'the trust list in the pack does not match the proved trust root');
  if (pack.photo.assetHash !== pack.publicInputs.assetHash)
    throw new ShutterproofError('proof_invalid', 'the photo hash in the pack does not match the proved hash');

  const anchor = options.trustLists?.length ? await findAnchor(options.trustLists, pack.publicInputs.trustRoot) : null;

  // A damaged proof can fail to decode at all; to a user that is the same as a proof that does not verify.
  const cache = options.cacheDir && circuitCacheDir(options.cacheDir);
  const ok = await verify(pack.proof, expected, pack.publicInputs, cache).catch((error: unknown) => {
    throw new ShutterproofError('proof_invalid', `the proof cannot be read: ${(error as Error)?.message ?? error}`);
  });
  if (!ok) throw new ShutterproofError('proof_invalid', "the proof does not verify against this circuit's verification key");

  let photoMatches: true | undefined;
  if (options.photoPath) {
    // The C2PA structure reader is loaded only when there is a photo to hash.
    const { assetHashOfPhoto } = await import('./photo-hash.js');
    const hash = await assetHashOfPhoto(await readPhoto(options.photoPath));
    if (hash !== pack.publicInputs.assetHash)
      throw new ShutterproofError('photo_mismatch', `photo hash ${hash}, proof is about ${pack.publicInputs.assetHash}`);
    photoMatches = true;
  }
  return {
    valid: true,
    verified: { ...pack.publicInputs, ...(photoMatches ? { photoMatches } : {}), anchor },
    ...(anchor ? {} : { warning: NO_TRUST_LIST_WARNING }),
    publicInputs: pack.publicInputs,
    statement: STATEMENT,
    unverifiedNotes: {
      trustListName: pack.trustList.name,
      trustListIssuers: pack.trustList.keys.map((k) => ({ subject: k.subject, certSha256: k.certSha256 })),
      ...(pack.photo.name ? { photoName: pack.photo.name } : {}),
      createdAt: pack.createdAt,
      madeWith: `${pack.prover.app}, o1js ${pack.prover.o1js} (${pack.prover.backend})`,
    },
  };
}

const ACCEPTED = Object.entries(CIRCUITS).map(([id, c]) => `${id} v${c.version}`).join(', ');

function parsePublicKey(hex: string): CaPublicKey {
  const key = parsePublicKeyHex(hex);
  if (!key) throw new ShutterproofError('pack_invalid', 'a trust-list key is neither an uncompressed P-256 key nor an RSA modulus the circuit takes');
  return key;
}
