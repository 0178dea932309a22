// Reads the active C2PA manifest embedded in a JPEG or PNG and returns the exact bytes a proof is about (see
// evidence.ts). c2pa-ts finds and joins the manifest store (JPEG APP11 segments, PNG caBX chunk); the box walk
// inside it is ours because the proof needs byte-exact slices, not parsed objects.
import { JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { createHash } from 'node:crypto';
import { ShutterproofError } from '../../common/error-codes.js';
import { MAX_PHOTO_BYTES } from './read-photo.js';
import { decodeCbor, parseCoseSign1, sigStructure } from './cose.js';
import { credentialTraces, remoteManifestLink } from './credential-traces.js';
import type { Exclusion, ManifestEvidence } from './evidence.js';
import { broken, child, contentOf, readBoxes, readSuperBox, type JumbfSuperBox } from './jumbf.js';

const HASH_DATA = 'c2pa.hash.data';
const STORE_UUID = '6332706100110010800000aa00389b71'; // c2pa
const MANIFEST_UUIDS = new Set(['63326d6100110010800000aa00389b71', '6332756d00110010800000aa00389b71']); // c2ma, c2um

export function detectFormat(bytes: Uint8Array): 'jpeg' | 'png' {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  throw new ShutterproofError('unsupported_format', describeMagic(bytes));
}

export function readEvidence(bytes: Uint8Array): ManifestEvidence {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new ShutterproofError('file_too_large', `${bytes.length} bytes; the limit is ${MAX_PHOTO_BYTES} bytes`);
  const format = detectFormat(bytes);
  const jumbf = manifestStoreBytes(bytes, format);
  if (!jumbf || jumbf.length === 0) {
    const traces = credentialTraces(bytes, format);
    if (traces) throw broken(`${traces}, but no manifest store can be read from it`);
    const link = remoteManifestLink(bytes, format);
    if (link) throw new ShutterproofError('remote_manifest', `the photo's XMP (dcterms:provenance) links to a manifest at ${link}`);
    throw new ShutterproofError('no_content_credentials');
  }

  const top = readBoxes(jumbf);
  if (top.length !== 1) throw broken(`the manifest store holds ${top.length} top-level boxes, expected one`);
  const store = readSuperBox(jumbf, top[0]!);
  // JPEG XT and others use JUMBF for non-C2PA data: that is a photo without Content Credentials, not a broken one.
  if (store.uuid !== STORE_UUID)
    throw new ShutterproofError('no_content_credentials', `the embedded JUMBF box (type ${store.uuid}) is not a C2PA manifest store`);
  if (store.label !== 'c2pa') throw broken(`the manifest store is labelled "${store.label}", not "c2pa"`);
  const manifests = store.children.filter((c): c is JumbfSuperBox => 'uuid' in c && MANIFEST_UUIDS.has(c.uuid));
  const active = manifests.at(-1); // C2PA: the last manifest in the store is the active one
  if (!active?.label) throw new ShutterproofError('no_content_credentials', 'the manifest store holds no manifest');

  const claimBox = child(active, 'c2pa.claim.v2') ?? child(active, 'c2pa.claim');
  if (!claimBox) throw broken(`manifest ${active.label} has no claim`);
  const claim = new Uint8Array(contentOf(jumbf, claimBox, 'cbor'));
  const signatureBox = child(active, 'c2pa.signature');
  if (!signatureBox) throw broken(`manifest ${active.label} has no c2pa.signature`);
  const cose = parseCoseSign1(contentOf(jumbf, signatureBox, 'cbor'));

  const claimMap = decodeCbor(claim, 'claim');
  if (!(claimMap instanceof Map)) throw broken('the claim is not a CBOR map');
  const ref = hashDataReference(claimMap, active.label);
  const assertions = child(active, 'c2pa.assertions');
  const assertionBox = assertions && child(assertions, ref.label);
  if (!assertionBox) throw broken(`the claim references ${ref.url}, which is not in the manifest`);
  // C2PA 2.x §"Hashing JUMBF boxes": a hashed URI to a box covers the superbox's payload, i.e. the description
  // box and content boxes without the superbox's own LBox/TBox header. Checked against c2pa-rs and c2pa-ts output.
  const hashDataAssertion = new Uint8Array(jumbf.subarray(assertionBox.payloadStart, assertionBox.end));
  const { assetHash, exclusions } = readHashData(contentOf(jumbf, assertionBox, 'cbor'), bytes.length);

  return {
    format,
    manifestLabel: active.label,
    sigStructure: sigStructure(cose.protectedHeader, claim),
    protectedHeader: cose.protectedHeader,
    claim,
    coseSignature: cose.signature,
    coseAlg: cose.alg,
    certChain: cose.certChain,
    x5chainIn: cose.x5chainIn,
    hashDataAssertion,
    hashDataUrl: ref.url,
    hashDataRef: ref.hash,
    assetHash,
    exclusions,
  };
}

function manifestStoreBytes(bytes: Uint8Array, format: 'jpeg' | 'png'): Uint8Array | undefined {
  try {
    const asset = format === 'jpeg' ? new JPEG(bytes) : new PNG(bytes);
    return asset.getManifestJUMBF();
  } catch (error) {
    throw new ShutterproofError(
      'manifest_invalid',
      `the ${format.toUpperCase()} structure around the Content Credentials cannot be read: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

interface HashDataRef {
  url: string;
  label: string;
  hash: Uint8Array;
}

function hashDataReference(claim: Map<unknown, unknown>, manifestLabel: string): HashDataRef {
  // v1 claims list `assertions`; v2 claims split them into created and gathered ones.
  const lists = ['assertions', 'created_assertions', 'gathered_assertions'].map((k) => claim.get(k));
  const refs = lists.flatMap((list) => (Array.isArray(list) ? list : []));
  if (refs.length === 0) throw broken('the claim lists no assertions');
  const found: HashDataRef[] = [];
  for (const entry of refs) {
    if (!(entry instanceof Map)) throw broken('an assertion reference in the claim is not a map');
    const url = entry.get('url');
    if (typeof url !== 'string') throw broken('an assertion reference in the claim has no url');
    const label = assertionLabel(url, manifestLabel);
    if (label !== HASH_DATA && !label.startsWith(`${HASH_DATA}__`)) continue;
    const hash = entry.get('hash');
    if (!(hash instanceof Uint8Array)) throw broken(`the reference to ${url} has no hash`);
    const alg = entry.get('alg') ?? claim.get('alg');
    if (alg !== undefined && alg !== 'sha256')
      throw new ShutterproofError('unsupported_algorithm', `the claim hashes assertions with ${String(alg)}`);
    if (hash.length !== 32) throw broken(`the reference to ${url} has a ${hash.length}-byte hash`);
    found.push({ url, label, hash: new Uint8Array(hash) });
  }
  if (found.length === 0)
    throw broken('the claim has no c2pa.hash.data (hard binding) assertion; other bindings are not supported');
  if (found.length > 1) throw broken('the claim references more than one c2pa.hash.data assertion');
  return found[0]!;
}

/** The assertion label a claim URL points at, relative (`self#jumbf=c2pa.assertions/x`) or absolute. */
function assertionLabel(url: string, manifestLabel: string): string {
  const path = url.startsWith('self#jumbf=') ? url.slice('self#jumbf='.length) : url;
  const relative = path.startsWith(`/c2pa/${manifestLabel}/`) ? path.slice(`/c2pa/${manifestLabel}/`.length) : path;
  if (relative.startsWith('/')) return `(another manifest) ${relative}`;
  const match = /^c2pa\.assertions\/([^/]+)$/.exec(relative);
  return match ? match[1]! : `(not an assertion) ${relative}`;
}

function readHashData(cbor: Uint8Array, fileLength: number): { assetHash: Uint8Array; exclusions: Exclusion[] } {
  const data = decodeCbor(cbor, 'c2pa.hash.data assertion');
  if (!(data instanceof Map)) throw broken('the c2pa.hash.data assertion is not a CBOR map');
  const alg = data.get('alg');
  if (alg !== undefined && alg !== 'sha256')
    throw new ShutterproofError('unsupported_algorithm', `the photo hash uses ${String(alg)}, not sha256`);
  const hash = data.get('hash');
  if (!(hash instanceof Uint8Array) || hash.length !== 32) throw broken('c2pa.hash.data has no 32-byte hash');
  const raw = data.get('exclusions') ?? [];
  if (!Array.isArray(raw)) throw broken('c2pa.hash.data exclusions are not a list');
  const exclusions = raw.map((e): Exclusion => {
    const start = e instanceof Map ? e.get('start') : undefined;
    const length = e instanceof Map ? e.get('length') : undefined;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0)
      throw broken('a c2pa.hash.data exclusion is not a {start, length} pair of non-negative integers');
    if (start + length > fileLength) throw broken(`exclusion ${start}+${length} runs past the end of the file`);
    return { start, length };
  });
  exclusions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < exclusions.length; i++)
    if (exclusions[i]!.start < exclusions[i - 1]!.start + exclusions[i - 1]!.length)
      throw broken('c2pa.hash.data exclusions overlap');
  return { assetHash: new Uint8Array(hash), exclusions };
}

function describeMagic(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  const head = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  return `the file starts with ${head}, which is neither JPEG (ffd8ff) nor PNG (89504e47...)`;
}

/** SHA-256 helper shared by the validation and tests. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}
