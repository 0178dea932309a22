// Verifying a proof pack needs only the pack (and the photo, to check which photo it is about): no network, no
// compile. The verification key must be the one this circuit compiles to, or a forged circuit could "prove" anything.
import { readFile } from 'node:fs/promises';
import { ShutterproofError } from '../common/error-codes.js';
import { proofPack, type ProofPack } from '../common/proof-pack.js';
// The circuit's modules one by one, not its index: a verifier needs none of the circuits' definitions.
import { CIRCUIT_ID, CIRCUIT_VERSION } from './circuit/constants.js';
import { EXPECTED_VK_HASH } from './circuit/expected-vk.js';
import { verify } from './circuit/statement.js';
import { trustRoot } from './circuit/trust-tree.js';
import { circuitCacheDir } from './runtime.js';
import { readPhoto } from './read-photo.js';

export interface VerifySummary {
  valid: true;
  publicInputs: ProofPack['publicInputs'];
  trustList: { name: string; root: string; size: number };
  createdAt: string;
  photoMatches?: boolean;
  statement: ProofPack['statement'];
}

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
  const parsed = proofPack.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShutterproofError('pack_invalid', `${issue?.path.join('.') || 'pack'}: ${issue?.message}`);
  }
  return parsed.data;
}

export async function verifyPack(pack: ProofPack, photoPath?: string, cacheDir?: string): Promise<VerifySummary> {
  if (pack.circuit.id !== CIRCUIT_ID || pack.circuit.version !== CIRCUIT_VERSION)
    throw new ShutterproofError(
      'verification_key_mismatch',
      `made for circuit ${pack.circuit.id} v${pack.circuit.version}; this is ${CIRCUIT_ID} v${CIRCUIT_VERSION}`,
    );
  if (pack.verificationKey.hash !== EXPECTED_VK_HASH || pack.circuit.vkHash !== EXPECTED_VK_HASH)
    throw new ShutterproofError('verification_key_mismatch', `verification key hash ${pack.verificationKey.hash}`);

  // The trust list printed in the pack must be the one the proof is about.
  const keys = pack.trustList.keys.map((k) => parsePublicKey(k.publicKey));
  const root = trustRoot(keys).toString();
  if (root !== pack.trustList.root || root !== pack.publicInputs.trustRoot)
    throw new ShutterproofError('proof_invalid', 'the trust list in the pack does not match the proved trust root');
  if (pack.photo.assetHash !== pack.publicInputs.assetHash)
    throw new ShutterproofError('proof_invalid', 'the photo hash in the pack does not match the proved hash');

  // A damaged proof can fail to decode at all; to a user that is the same as a proof that does not verify.
  const ok = await verify(pack.proof, pack.verificationKey, pack.publicInputs, cacheDir && circuitCacheDir(cacheDir)).catch((error: unknown) => {
    throw new ShutterproofError('proof_invalid', `the proof cannot be read: ${(error as Error)?.message ?? error}`);
  });
  if (!ok) throw new ShutterproofError('proof_invalid', 'the proof does not verify against the verification key');

  let photoMatches: boolean | undefined;
  if (photoPath) {
    // The C2PA reader is loaded only when there is a photo to hash.
    const { assetHashOfPhoto } = await import('./photo-hash.js');
    const hash = await assetHashOfPhoto(await readPhoto(photoPath));
    photoMatches = hash === pack.publicInputs.assetHash;
    if (!photoMatches)
      throw new ShutterproofError('photo_mismatch', `photo hash ${hash}, proof is about ${pack.publicInputs.assetHash}`);
  }
  return {
    valid: true,
    publicInputs: pack.publicInputs,
    trustList: { name: pack.trustList.name, root, size: keys.length },
    createdAt: pack.createdAt,
    photoMatches,
    statement: pack.statement,
  };
}

function parsePublicKey(hex: string): { x: bigint; y: bigint } {
  if (!/^04[0-9a-f]{128}$/.test(hex)) throw new ShutterproofError('pack_invalid', 'a trust-list key is not an uncompressed P-256 key');
  return { x: BigInt('0x' + hex.slice(2, 66)), y: BigInt('0x' + hex.slice(66)) };
}
