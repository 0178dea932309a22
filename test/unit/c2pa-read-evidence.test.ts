import { constants, createHash, createPublicKey, verify, X509Certificate } from 'node:crypto';
import { Decoder } from 'cbor-x';
import { beforeAll, describe, expect, it } from 'vitest';
import { ShutterproofError } from '../../common/error-codes.js';
import type { ManifestEvidence } from '../../prover/c2pa/evidence.js';
import { parseCoseSign1 } from '../../prover/c2pa/cose.js';
import { child, contentOf, readBoxes, readSuperBox, type JumbfSuperBox } from '../../prover/c2pa/jumbf.js';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { JPEG } from '@trustnxt/c2pa-ts/asset';
import { MAX_PHOTO_BYTES } from '../../prover/c2pa/read-photo.js';
import { smallJpeg, smallPng } from '../support/photos.js';
import { loadTestPki, type TestPki } from '../support/pki.js';
import { signPhoto, type SignOptions, type Writer } from '../support/sign.js';

const cbor = new Decoder({ mapsAsObjects: false, useRecords: false });
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

let pki: TestPki;
beforeAll(async () => {
  pki = await loadTestPki();
});

async function signed(options: Partial<SignOptions> & Pick<SignOptions, 'writer' | 'format'>, seed = 1) {
  const photo = options.format === 'jpeg' ? smallJpeg(seed) : smallPng(seed);
  return signPhoto(photo, options);
}

function expectCode(run: () => unknown, code: string, detail?: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ShutterproofError);
  expect((caught as ShutterproofError).code).toBe(code);
  if (detail) expect((caught as ShutterproofError).detail).toMatch(detail);
}

/** Everything the circuit will prove, re-checked with node:crypto straight from the evidence bytes. */
function expectSelfConsistent(photo: Uint8Array, ev: ManifestEvidence): void {
  // Sig_structure is ["Signature1", protected, h'', claim] and the leaf key signed exactly it.
  const [context, protectedHeader, aad, payload] = cbor.decode(ev.sigStructure) as Uint8Array[];
  expect(context).toBe('Signature1');
  expect([protectedHeader, aad, payload].map((b) => hex(b!))).toEqual([hex(ev.protectedHeader), '', hex(ev.claim)]);
  const leaf = new X509Certificate(ev.certChain[0]!);
  expect(verify('sha256', ev.sigStructure, { key: leaf.publicKey, dsaEncoding: 'ieee-p1363' }, ev.coseSignature)).toBe(true);
  // The claim records SHA-256 of the assertion bytes under `hash`, and the bytes carry the assertion's label.
  expect(hex(sha256(ev.hashDataAssertion))).toBe(hex(ev.hashDataRef));
  expect(Buffer.from(ev.claim).indexOf(Buffer.from(ev.hashDataRef))).toBeGreaterThan(0);
  expect(Buffer.from(ev.hashDataAssertion).indexOf('c2pa.hash.data')).toBeGreaterThan(0);
  expect(Buffer.from(ev.hashDataAssertion).indexOf(Buffer.from(ev.assetHash))).toBeGreaterThan(0);
  // The photo with its exclusions cut out hashes to assetHash (computed here independently of strip.ts).
  const kept: Buffer[] = [];
  let at = 0;
  for (const e of ev.exclusions) {
    kept.push(Buffer.from(photo.subarray(at, e.start)));
    at = e.start + e.length;
  }
  kept.push(Buffer.from(photo.subarray(at)));
  expect(hex(sha256(Buffer.concat(kept)))).toBe(hex(ev.assetHash));
  expect(ev.coseAlg).toBe(-7);
  expect(ev.coseSignature).toHaveLength(64);
}

describe('readEvidence on both writers and both formats', () => {
  const cases: [Writer, 'jpeg' | 'png'][] = [
    ['c2pa-rs', 'jpeg'],
    ['c2pa-rs', 'png'],
    ['c2pa-ts', 'jpeg'],
    ['c2pa-ts', 'png'],
  ];
  it.each(cases)('%s %s: exact signed bytes, leaf + intermediate chain, hash binding', async (writer, format) => {
    const photo = await signed({ writer, format });
    const ev = readEvidence(photo);
    expect(ev.format).toBe(format);
    expect(ev.manifestLabel).toMatch(writer === 'c2pa-rs' ? /^urn:c2pa:/ : /^urn:uuid:/);
    expect(ev.x5chainIn).toBe('protected');
    expect(ev.certChain.map(hex)).toEqual([hex(pki.leaf.der), hex(pki.intermediate.der)]);
    expect(ev.hashDataUrl).toBe('self#jumbf=c2pa.assertions/c2pa.hash.data');
    expect(ev.exclusions).toHaveLength(1);
    // c2pa-rs writes v2 claims (created_assertions), c2pa-ts v1 claims (assertions); both are the detached payload.
    const claimKeys = [...(cbor.decode(ev.claim) as Map<string, unknown>).keys()];
    expect(claimKeys).toContain(writer === 'c2pa-rs' ? 'created_assertions' : 'assertions');
    expect(Buffer.from(photo).indexOf(writer === 'c2pa-rs' ? 'c2pa.claim.v2\0' : 'c2pa.claim\0')).toBeGreaterThan(0);
    expectSelfConsistent(photo, ev);
  });

  it('reads a leaf issued by the root that travels alone as a single x5chain bstr', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg', signer: pki.rootLeaf, x5chainAs: 'single' });
    const ev = readEvidence(photo);
    expect(ev.certChain.map(hex)).toEqual([hex(pki.rootLeaf.der)]);
    expect(Buffer.from(ev.protectedHeader).indexOf(Buffer.from(pki.rootLeaf.der))).toBeGreaterThan(0);
    expectSelfConsistent(photo, ev);
  });

  it('reads a legacy v1 claim (c2pa.claim) with x5chain in the unprotected header', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'png', x5chainIn: 'unprotected', claimVersion: 1 });
    const ev = readEvidence(photo);
    expect(ev.x5chainIn).toBe('unprotected');
    expect(ev.certChain).toHaveLength(2);
    expect([...(cbor.decode(ev.claim) as Map<string, unknown>).keys()]).toContain('assertions');
    expectSelfConsistent(photo, ev);
  });

  it("reads Truepic's layout: an ES256 leaf under an RSA CA, x5chain unprotected, legacy c2pa.claim", async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg', signer: pki.rsaCaLeaf, chain: [pki.rsaCa], x5chainIn: 'unprotected', claimVersion: 1 });
    const ev = readEvidence(photo);
    expect(ev.x5chainIn).toBe('unprotected');
    expect(ev.certChain.map(hex)).toEqual([hex(pki.rsaCaLeaf.der), hex(pki.rsaCa.der)]);
    expect(Buffer.from(ev.protectedHeader).indexOf(Buffer.from(pki.rsaCa.der))).toBe(-1);
    expect(Buffer.from(photo).indexOf('c2pa.claim\0')).toBeGreaterThan(0);
    expect(Buffer.from(photo).indexOf('c2pa.claim.v2\0')).toBe(-1);
    expectSelfConsistent(photo, ev);
  });

  it('reads a PS256 (RSA-PSS, SHA-256, 32-byte salt) claim signature by an RSA signer', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg', signer: pki.rsaLeaf, chain: [pki.rsaCa], alg: 'ps256' });
    const ev = readEvidence(photo);
    expect(ev.coseAlg).toBe(-37);
    expect(ev.coseSignature).toHaveLength(256);
    const key = { key: new X509Certificate(ev.certChain[0]!).publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    expect(verify('sha256', ev.sigStructure, key, ev.coseSignature)).toBe(true);
  });

  it('reads an untagged COSE_Sign1 the same as a tagged one', async () => {
    // No writer here emits one (c2pa-rs refuses them), so drop tag 18 from a real signature box's COSE bytes.
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg' });
    const tagged = coseBytesOf(photo);
    expect(tagged[0]).toBe(0xd2);
    expect(parseCoseSign1(tagged.subarray(1))).toEqual(parseCoseSign1(tagged));
    expect(hex(parseCoseSign1(tagged).signature)).toBe(hex(readEvidence(photo).coseSignature));
  });

  it('joins a JPEG manifest split over several APP11 segments', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg', fillerBytes: 150_000 });
    expect(countApp11(photo)).toBeGreaterThan(2);
    const ev = readEvidence(photo);
    expect(ev.exclusions[0]!.length).toBeGreaterThan(150_000);
    expectSelfConsistent(photo, ev);
  });

  it('takes the last manifest of the store as the active one', async () => {
    // Re-signing a signed photo makes c2pa-rs keep the first manifest (as an ingredient) and append a new one.
    const first = await signed({ writer: 'c2pa-rs', format: 'jpeg' });
    const second = await signPhoto(first, { writer: 'c2pa-rs', format: 'jpeg', signer: pki.otherLeaf });
    const ev = readEvidence(second);
    expect(ev.manifestLabel).not.toBe(readEvidence(first).manifestLabel);
    expect(hex(ev.certChain[0]!)).toBe(hex(pki.otherLeaf.der));
    expectSelfConsistent(second, ev);
  });
});

describe('readEvidence errors', () => {
  it('unsupported_format: not a JPEG or PNG, or empty', () => {
    expectCode(() => readEvidence(new TextEncoder().encode('just text')), 'unsupported_format', /neither JPEG/);
    expectCode(() => readEvidence(new TextEncoder().encode('GIF89a......')), 'unsupported_format');
    expectCode(() => readEvidence(new Uint8Array()), 'unsupported_format', /empty/);
  });

  it('no_content_credentials: plain JPEG and PNG', () => {
    expectCode(() => readEvidence(smallJpeg(2)), 'no_content_credentials');
    expectCode(() => readEvidence(smallPng(2)), 'no_content_credentials');
  });

  it('remote_manifest: no embedded manifest, but the XMP links to one stored online (JPEG APP1, PNG iTXt)', () => {
    const url = 'https://cai-manifests.example.com/manifests/urn:uuid:1234';
    const attribute = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description xmlns:dcterms="http://purl.org/dc/terms/" dcterms:provenance="${url}"/></rdf:RDF></x:xmpmeta>`;
    expectCode(() => readEvidence(withJpegXmp(smallJpeg(2), attribute)), 'remote_manifest', new RegExp(url.replace(/[.:/]/g, '\\$&')));
    const element = `<x:xmpmeta><rdf:Description><dcterms:provenance>${url}</dcterms:provenance></rdf:Description></x:xmpmeta>`;
    expectCode(() => readEvidence(withPngXmp(smallPng(2), element)), 'remote_manifest', /cai-manifests\.example\.com/);
    // XMP without the link is still a photo without Content Credentials.
    expectCode(() => readEvidence(withJpegXmp(smallJpeg(2), '<x:xmpmeta><dc:title>Pier</dc:title></x:xmpmeta>')), 'no_content_credentials');
  });

  it('no_content_credentials: embedded JUMBF that is not a C2PA manifest store; manifest_invalid when only its label is off', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'png' });
    const uuid = Buffer.from('6332706100110010800000aa00389b71', 'hex');
    const at = Buffer.from(photo).indexOf(uuid);
    const other = photo.slice();
    other.set(new TextEncoder().encode('jp3d'), at); // another JUMBF content type
    expectCode(() => readEvidence(other), 'no_content_credentials', /not a C2PA manifest store/);
    const relabelled = photo.slice();
    relabelled.set(new TextEncoder().encode('c2pX'), at + 17); // the store's label, right after UUID and toggles
    expectCode(() => readEvidence(relabelled), 'manifest_invalid', /labelled "c2pX"/);
  });

  it('reads an ES384 signature made by c2pa-rs (inspect reports on it; validation refuses to prove it)', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg', signer: pki.p384Leaf });
    const evidence = readEvidence(photo);
    expect(evidence.coseAlg).toBe(-35);
    expect(evidence.coseSignature).toHaveLength(96);
  });

  it('manifest_invalid: a DER-encoded ECDSA signature (what c2pa-ts writes by default; C2PA wants r||s)', async () => {
    const photo = await signed({ writer: 'c2pa-ts', format: 'jpeg', derSignature: true });
    expectCode(() => readEvidence(photo), 'manifest_invalid', /64 bytes/);
  });

  it('manifest_invalid: a JUMBF box whose length runs past its container', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'png' });
    const at = Buffer.from(photo).indexOf('c2pa.signature\0') - 1 - 16 - 8 - 8; // LBox of the signature superbox
    expect(Buffer.from(photo.subarray(at + 4, at + 8)).toString('latin1')).toBe('jumb');
    const broken = photo.slice();
    new DataView(broken.buffer).setUint32(at, 0x7fff_0000);
    expectCode(() => readEvidence(broken), 'manifest_invalid', /size/);
  });

  it('manifest_invalid: a claim that is not CBOR', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg' });
    const ev = readEvidence(photo);
    const at = Buffer.from(photo).indexOf(Buffer.from(ev.claim));
    const broken = photo.slice();
    broken[at] = 0xff; // a CBOR "break" where the claim map should start
    expectCode(() => readEvidence(broken), 'manifest_invalid', /claim/);
  });

  it('manifest_invalid: a claim without a c2pa.hash.data reference', async () => {
    const photo = await signed({ writer: 'c2pa-rs', format: 'jpeg' });
    const ev = readEvidence(photo);
    const broken = photo.slice();
    // Rename the reference in the claim (same length), so the claim parses but points at no hard binding.
    const at = Buffer.from(photo).indexOf(Buffer.from(ev.claim)) + Buffer.from(ev.claim).indexOf('c2pa.hash.data');
    broken.set(new TextEncoder().encode('c2pa.hash.dat0'), at);
    expectCode(() => readEvidence(broken), 'manifest_invalid', /hard binding/);
  });

  it('file_too_large: over the documented cap of 512 MB', () => {
    // A length-only stand-in: the cap is checked before any byte is read.
    const huge = { length: MAX_PHOTO_BYTES + 1 } as Uint8Array;
    expect(MAX_PHOTO_BYTES).toBe(512 * 1024 * 1024);
    expectCode(() => readEvidence(huge), 'file_too_large', /limit/);
  });
});

describe('readEvidence on damaged input', () => {
  it.each([
    ['c2pa-rs', 'jpeg'],
    ['c2pa-ts', 'png'],
  ] as const)('%s %s: random byte damage in the manifest or a truncated file only ever gives a ShutterproofError', async (writer, format) => {
    const photo = await signed({ writer, format });
    const { start, length } = readEvidence(photo).exclusions[0]!;
    let state = 12345;
    const random = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff) % n);
    const seen = new Set<string>();
    const attempt = (bytes: Uint8Array) => {
      try {
        readEvidence(bytes);
        seen.add('ok');
      } catch (error) {
        if (!(error instanceof ShutterproofError)) throw error;
        seen.add(error.code);
      }
    };
    for (let i = 0; i < 400; i++) {
      const damaged = photo.slice();
      for (let k = 0; k <= random(3); k++) damaged[start + random(length)] = random(256);
      attempt(damaged);
    }
    for (let cut = 0; cut < photo.length; cut += 13) attempt(photo.subarray(0, cut));
    // Damage is noticed (most bytes are padding, so many mutations are harmless and 'ok' is expected too).
    expect(seen).toContain('manifest_invalid');
    expect(seen).toContain('ok');
  });
});

function countApp11(jpeg: Uint8Array): number {
  let count = 0;
  for (let at = 2; at + 4 <= jpeg.length; ) {
    if (jpeg[at] !== 0xff) break;
    const marker = jpeg[at + 1]!;
    if (marker === 0xda) break; // start of scan: no more segments before the image data
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (marker === 0xeb) count++;
    at += 2 + length;
  }
  return count;
}

function coseBytesOf(jpeg: Uint8Array): Uint8Array {
  const jumbf = new JPEG(jpeg).getManifestJUMBF()!;
  const store = readSuperBox(jumbf, readBoxes(jumbf)[0]!);
  const manifest = store.children.at(-1) as JumbfSuperBox;
  return contentOf(jumbf, child(manifest, 'c2pa.signature')!, 'cbor');
}

/** The photo with an XMP packet in an APP1 segment right after SOI, as cameras and editors write it. */
function withJpegXmp(jpeg: Uint8Array, xmp: string): Uint8Array {
  const payload = Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`, 'latin1');
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** The photo with an XMP packet in an iTXt chunk after IHDR (keyword, no compression, no language). */
function withPngXmp(png: Uint8Array, xmp: string): Uint8Array {
  const data = Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmp}`, 'latin1');
  const type = Buffer.from('iTXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const afterIhdr = 8 + 12 + Buffer.from(png).readUInt32BE(8);
  return Buffer.concat([png.subarray(0, afterIhdr), chunk, png.subarray(afterIhdr)]);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
