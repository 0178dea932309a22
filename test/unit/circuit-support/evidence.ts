// Test-only ManifestEvidence: a real ES256 COSE Sig_structure over a C2PA-shaped claim, signed by a leaf of the test
// PKI, with its c2pa.hash.data assertion box. Options craft the tampered and look-alike inputs of the negative tests.
import { createHash, webcrypto } from 'node:crypto';
import type { ManifestEvidence } from '../../../prover/c2pa/evidence.js';
import { loadTestPki, type TestCert } from '../../support/pki.js';

const ascii = (s: string) => Buffer.from(s, 'latin1');
const u32 = (n: number) => Buffer.from([n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

function head(major: number, len: number): Buffer {
  const m = major << 5;
  if (len < 24) return Buffer.from([m | len]);
  if (len < 256) return Buffer.from([m | 24, len]);
  return Buffer.from([m | 25, len >> 8, len & 0xff]);
}
const bstr = (b: Uint8Array) => Buffer.concat([head(2, b.length), b]);
const tstr = (s: string) => Buffer.concat([head(3, s.length), ascii(s)]);
const map = (entries: [Buffer, Buffer][]) => Buffer.concat([head(5, entries.length), ...entries.flat()]);
const arr = (items: Buffer[]) => Buffer.concat([head(4, items.length), ...items]);

function box(type: string, payload: Buffer): Buffer {
  return Buffer.concat([u32(8 + payload.length), ascii(type), payload]);
}

const CBOR_UUID = Buffer.from('63626f72001100108000' + '00aa00389b71', 'hex');

export function hashDataAssertion(assetHash: Uint8Array, opts: { label?: string; padding?: number; name?: Buffer; padByte?: number } = {}): Buffer {
  const content = map([
    [tstr('exclusions'), arr([map([[tstr('start'), Buffer.from([0x18, 20])], [tstr('length'), Buffer.from([0x19, 0x10, 0x00])]])])],
    [tstr('name'), opts.name ? Buffer.concat([head(3, opts.name.length), opts.name]) : tstr('jumbf manifest')],
    [tstr('alg'), tstr('sha256')],
    [tstr('hash'), bstr(assetHash)],
    [tstr('pad'), bstr(new Uint8Array(opts.padding ?? 8).fill(opts.padByte ?? 0))],
  ]);
  const jumd = box('jumd', Buffer.concat([CBOR_UUID, Buffer.from([0x03]), ascii(opts.label ?? 'c2pa.hash.data'), Buffer.from([0])]));
  // The bytes the claim hashes: the superbox's contents, as c2pa-rs and c2pa-ts hash them.
  return Buffer.concat([jumd, box('cbor', content)]);
}

export interface EvidenceOptions {
  /** Hash recorded for the assertion in the claim (default: SHA-256 of the assertion). */
  refHash?: Uint8Array;
  /** URL of the reference (default self#jumbf=c2pa.assertions/c2pa.hash.data). */
  refUrl?: string;
  /** Extra hashed-uri entries placed before the real one (look-alikes). */
  extraRefs?: { url: string; hash: Uint8Array }[];
  /** Bytes of padding in the claim, to grow S past limits or across blocks. */
  claimPadding?: number;
  signer?: 'leaf' | 'rootLeaf' | 'otherLeaf';
  /** A custom signing certificate (and its issuer), e.g. with crafted extensions. */
  signerCert?: TestCert;
  issuerCert?: TestCert;
  /** The hash.data assertion to use (default: hashDataAssertion(assetHash)). */
  assertion?: Buffer;
  /** Protected-header entries placed before alg. */
  protectedFirst?: [Buffer, Buffer];
  assetHash?: Uint8Array;
  /** Sign a different message than S (wrong COSE signature). */
  signOther?: boolean;
  /** Bytes carried in an extra protected-header entry (to plant look-alike runs outside the claim). */
  protectedExtra?: Uint8Array;
}

export async function publicKeyOf(cert: TestCert): Promise<{ x: bigint; y: bigint }> {
  const raw = new Uint8Array(await webcrypto.subtle.exportKey('raw', await cert.cert.publicKey.export()));
  const big = (b: Uint8Array) => BigInt('0x' + Buffer.from(b).toString('hex'));
  return { x: big(raw.subarray(1, 33)), y: big(raw.subarray(33)) };
}

export async function makeEvidence(opts: EvidenceOptions = {}): Promise<ManifestEvidence> {
  const pki = await loadTestPki();
  const signer = opts.signerCert ?? pki[opts.signer ?? 'leaf'];
  const issuer = opts.issuerCert ?? (opts.signer === 'otherLeaf' ? pki.other : opts.signer === 'rootLeaf' ? pki.root : pki.intermediate);
  const assetHash = opts.assetHash ?? createHash('sha256').update('pixels of a test photo').digest();
  const A = opts.assertion ?? hashDataAssertion(assetHash);
  const refHash = opts.refHash ?? createHash('sha256').update(A).digest();
  const url = opts.refUrl ?? 'self#jumbf=c2pa.assertions/c2pa.hash.data';
  const refs = [...(opts.extraRefs ?? []), { url, hash: refHash }].map((ref) =>
    map([[tstr('url'), tstr(ref.url)], [tstr('hash'), bstr(ref.hash)]]),
  );
  const claim = map([
    [tstr('instanceID'), tstr('xmp:iid:1d3f6c1e-0000-4000-8000-000000000001')],
    [tstr('claim_generator_info'), map([[tstr('name'), tstr('shutterproof tests')]])],
    [tstr('signature'), tstr('self#jumbf=c2pa.signature')],
    [tstr('created_assertions'), arr(refs)],
    [tstr('alg'), tstr('sha256')],
    [tstr('pad'), bstr(new Uint8Array(opts.claimPadding ?? 0))],
  ]);
  const chain = [signer.der, issuer.der].map((d) => bstr(d));
  const entries: [Buffer, Buffer][] = [
    ...(opts.protectedFirst ? [opts.protectedFirst] : []),
    [Buffer.from([0x01]), Buffer.from([0x26])],
    [Buffer.from([0x18, 0x21]), arr(chain)],
  ];
  if (opts.protectedExtra) entries.push([tstr('x'), bstr(opts.protectedExtra)]);
  const protectedHeader = map(entries);
  const sigStructure = arr([tstr('Signature1'), bstr(protectedHeader), Buffer.from([0x40]), bstr(claim)]);
  const signed = opts.signOther ? Buffer.concat([sigStructure, Buffer.from([0])]) : sigStructure;
  const coseSignature = new Uint8Array(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, signed));
  return {
    format: 'jpeg',
    manifestLabel: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    sigStructure,
    protectedHeader,
    claim,
    coseSignature,
    coseAlg: -7,
    certChain: [signer.der, issuer.der],
    x5chainIn: 'protected',
    hashDataAssertion: A,
    hashDataUrl: url,
    hashDataRef: refHash,
    assetHash,
    exclusions: [{ start: 20, length: 4096 }],
  };
}
