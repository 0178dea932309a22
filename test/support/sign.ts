// Test-only: embed real, signed C2PA manifests into photos with two independent writers.
//
//   await signPhoto(photo, { writer: 'c2pa-rs' | 'c2pa-ts', format: 'jpeg' | 'png', ... }) -> signed bytes
//     signer     TestCert that signs (default pki.leaf); its chain defaults to the issuing intermediate, if any
//     chain      certificates after the leaf in x5chain (default: [pki.intermediate] for intermediate-issued signers,
//                [] for root-issued ones)
//     c2pa-rs only (we build the COSE_Sign1 ourselves, so its shape is ours to choose):
//     x5chainIn  'protected' (default) | 'unprotected'
//     x5chainAs  'array' (default) | 'single' (a lone bstr; only when chain is empty)
//     fillerBytes  add an assertion this large, e.g. 100_000 to split a JPEG manifest over several APP11 segments
//     claimVersion  2 (default, `c2pa.claim.v2`) | 1 (`c2pa.claim`; c2pa-rs needs it for an unprotected x5chain)
//     alg        'es256' | 'es384' | 'ps256' (default from the signer's key: P-256, P-384, RSA); PS256 is RSA-PSS
//                with SHA-256 and a 32-byte salt, COSE algorithm -37
//     Truepic's layout: { signer: pki.rsaCaLeaf, chain: [pki.rsaCa], x5chainIn: 'unprotected', claimVersion: 1 }
//     title, generator  the manifest's title and claim generator name (default `test.jpg`, the test writer)
//     sigStructureOverride  sign these bytes instead of the real Sig_structure (makes an invalid signature)
//     derSignature  c2pa-ts only: a DER-encoded ECDSA signature, as c2pa-ts 0.9.4 writes by itself (invalid C2PA)
//   Tamper helpers (pure, return a copy):
//     flipPixelByte(bytes)             change one byte of image data outside the manifest
//     alterAssertionRef(bytes, ev)     change the claim's recorded hash of c2pa.hash.data (claim no longer matches)
//     damageSignature(bytes, ev)       flip a bit of the COSE signature value
//   c2paWasm()  the initialised @contentauth/c2pa-wasm module (Node needs a FileReaderSync polyfill to sign)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash, webcrypto } from 'node:crypto';
import { Encoder, Tag } from 'cbor-x';
import * as c2paWasmModule from '@contentauth/c2pa-wasm';
import { JPEG, PNG } from '@trustnxt/c2pa-ts/asset';
import { LocalSigner, type Signer } from '@trustnxt/c2pa-ts/cose';
import { DataHashAssertion, ManifestStore } from '@trustnxt/c2pa-ts/manifest';
import type { ManifestEvidence } from '../../prover/c2pa/evidence.js';
import { keyKind, loadTestPki, rsaPssKey, type TestCert } from './pki.js';

export type Writer = 'c2pa-rs' | 'c2pa-ts';
export type ClaimAlg = 'es256' | 'es384' | 'ps256';

const COSE_ALG: Record<ClaimAlg, number> = { es256: -7, es384: -35, ps256: -37 };
const DEFAULT_ALG = { 'P-256': 'es256', 'P-384': 'es384', RSA: 'ps256' } as const;

export interface SignOptions {
  writer: Writer;
  format: 'jpeg' | 'png';
  signer?: TestCert;
  chain?: TestCert[];
  x5chainIn?: 'protected' | 'unprotected';
  x5chainAs?: 'array' | 'single';
  /** c2pa-rs only: 1 writes a legacy `c2pa.claim` (the only kind c2pa-rs lets carry x5chain unprotected). */
  claimVersion?: 1 | 2;
  /** c2pa-rs only: the claim signature algorithm; by default the one the signer's key makes. */
  alg?: ClaimAlg;
  /** c2pa-rs only: add an assertion of about this many bytes (over 64 KB splits a JPEG manifest into segments). */
  fillerBytes?: number;
  /** c2pa-rs only: the manifest's title and claim generator name (scripts/make-sample.ts names the sample's). */
  title?: string;
  generator?: string;
  sigStructureOverride?: Uint8Array;
  /** c2pa-ts only: keep c2pa-ts's own DER-encoded ECDSA signature (not valid C2PA). */
  derSignature?: boolean;
  /**
   * c2pa-ts only: the signed exclusion also covers this many bytes after the manifest (as a writer that excluded
   * the EXIF block would), with the asset hash made to match; the signature is genuine.
   */
  excludeAfterManifest?: number;
}

const MIME = { jpeg: 'image/jpeg', png: 'image/png' } as const;
// Exact bytes matter for COSE: Uint8Array must be a plain bstr (cbor-x would tag it 64 by default).
const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false });

/** Truepic's layout: an ES256 leaf under the RSA-4096 CA, x5chain [leaf, CA] in the unprotected header, a v1 claim. */
export async function signRsaIssuerLayout(photo: Uint8Array): Promise<Uint8Array> {
  const pki = await loadTestPki();
  return signPhoto(photo, { writer: 'c2pa-rs', format: 'jpeg', signer: pki.rsaCaLeaf, chain: [pki.rsaCa], x5chainIn: 'unprotected', claimVersion: 1 });
}

export async function signPhoto(photo: Uint8Array, options: SignOptions): Promise<Uint8Array> {
  const pki = await loadTestPki();
  const signer = options.signer ?? pki.leaf;
  const issuedByIntermediate = signer.cert.issuer === pki.intermediate.cert.subject;
  const chain = options.chain ?? (issuedByIntermediate ? [pki.intermediate] : []);
  return options.writer === 'c2pa-rs'
    ? signWithC2paRs(photo, options, signer, chain)
    : signWithC2paTs(photo, options, signer, chain);
}

let wasm: typeof c2paWasmModule | undefined;

export function c2paWasm(): typeof c2paWasmModule {
  if (wasm) return wasm;
  const require = createRequire(import.meta.url);
  c2paWasmModule.initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });
  // c2pa-rs reads the source Blob through the browser's FileReaderSync; Node has no synchronous Blob reads.
  (globalThis as { FileReaderSync?: unknown }).FileReaderSync ??= class {
    readAsArrayBuffer(blob: SyncBlob): ArrayBuffer {
      return new Uint8Array(blob.data).buffer;
    }
  };
  wasm = c2paWasmModule;
  return wasm;
}

class SyncBlob extends Blob {
  readonly data: Uint8Array<ArrayBuffer>;
  constructor(data: Uint8Array) {
    // Copy: a Node Buffer's .buffer is often a shared 8 KB pool, and c2pa-rs would read the whole pool.
    const own = new Uint8Array(data);
    super([own]);
    this.data = own;
  }
  override slice(start?: number, end?: number): SyncBlob {
    return new SyncBlob(this.data.subarray(start, end));
  }
}

async function signWithC2paRs(
  photo: Uint8Array,
  options: SignOptions,
  signer: TestCert,
  chain: TestCert[],
): Promise<Uint8Array> {
  const { WasmBuilder } = c2paWasm();
  const alg = options.alg ?? DEFAULT_ALG[keyKind(signer)];
  const sign = await claimSigner(signer, alg);
  const certs = [signer, ...chain].map((c) => c.der);
  if (options.x5chainAs === 'single' && certs.length !== 1) throw new Error('a single x5chain bstr needs a lone leaf');
  const x5chain = options.x5chainAs === 'single' ? certs[0] : certs;
  const signatureBytes = signer.kind === 'RSA' ? signer.modulusLength / 8 : 96;
  const reserveSize = certs.reduce((n, c) => n + c.length, 0) + signatureBytes + 512;
  const builder = WasmBuilder.fromJson(
    JSON.stringify({
      claim_generator_info: [{ name: options.generator ?? 'Shutterproof test writer', version: '1.0' }],
      claim_version: options.claimVersion ?? 2,
      title: options.title ?? `test.${options.format === 'jpeg' ? 'jpg' : 'png'}`,
      assertions: [
        {
          label: 'c2pa.actions',
          data: {
            actions: [
              { action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture' },
            ],
          },
        },
        ...(options.fillerBytes
          ? [{ label: 'org.shutterproof.test.filler', data: { filler: 'x'.repeat(options.fillerBytes) } }]
          : []),
      ],
    }),
  );
  try {
    const signed = await builder.sign(
      {
        alg,
        reserveSize,
        // c2pa-wasm hands over the claim bytes and expects a whole COSE_Sign1 of exactly reserveSize bytes.
        sign: async (claim: Uint8Array) => {
          const protectedMap = new Map<number, unknown>([[1, COSE_ALG[alg]]]);
          const unprotectedMap = new Map<number | string, unknown>();
          // Legacy C2PA put x5chain in the unprotected header under a text label; c2pa-rs reads it only there.
          if (options.x5chainIn === 'unprotected') unprotectedMap.set('x5chain', x5chain);
          else protectedMap.set(33, x5chain);
          const protectedBytes = cbor.encode(protectedMap);
          const toSign =
            options.sigStructureOverride ?? cbor.encode(['Signature1', protectedBytes, new Uint8Array(0), claim]);
          const signature = await sign(toSign);
          return padCose(protectedBytes, unprotectedMap, signature, reserveSize);
        },
      },
      [],
      MIME[options.format],
      new SyncBlob(photo),
    );
    return new Uint8Array(signed);
  } finally {
    builder.free();
  }
}

/** Raw signature bytes as COSE wants them: ECDSA r||s (WebCrypto's own form), RSA-PSS the integer's bytes. */
async function claimSigner(signer: TestCert, alg: ClaimAlg): Promise<(bytes: Uint8Array) => Promise<Uint8Array>> {
  let key = signer.privateKey;
  let algorithm: Algorithm;
  if (alg === 'ps256') {
    if (signer.kind !== 'RSA') throw new Error('PS256 needs an RSA signer');
    key = await rsaPssKey(signer);
    algorithm = { name: 'RSA-PSS', saltLength: 32 } as Algorithm;
  } else {
    if (signer.kind === 'RSA') throw new Error(`${alg.toUpperCase()} needs an EC signer`);
    algorithm = { name: 'ECDSA', hash: alg === 'es256' ? 'SHA-256' : 'SHA-384' } as Algorithm;
  }
  return async (bytes) => new Uint8Array(await webcrypto.subtle.sign(algorithm, key, bytes as Uint8Array<ArrayBuffer>));
}

function padCose(
  protectedBytes: Uint8Array,
  unprotected: Map<number | string, unknown>,
  signature: Uint8Array,
  size: number,
): Uint8Array<ArrayBuffer> {
  let pad = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    const header = new Map(unprotected).set('pad', new Uint8Array(pad));
    const body = [protectedBytes, header, null, signature];
    const bytes = cbor.encode(new Tag(body, 18)); // c2pa-rs refuses an untagged COSE_Sign1
    if (bytes.length === size) return new Uint8Array(bytes);
    pad += size - bytes.length; // bstr length headers grow in steps, so converge in a couple of rounds
    if (pad < 0) break;
  }
  throw new Error(`cannot pad the COSE signature to ${size} bytes`);
}

async function signWithC2paTs(
  photo: Uint8Array,
  options: SignOptions,
  signer: TestCert,
  chain: TestCert[],
): Promise<Uint8Array> {
  if (signer.curve !== 'P-256') throw new Error('the c2pa-ts test writer signs ES256 only');
  const asset = options.format === 'jpeg' ? new JPEG(photo) : new PNG(photo);
  type TsCert = ConstructorParameters<typeof LocalSigner>[2];
  const certificate = signer.cert as unknown as TsCert;
  const chainCertificates = chain.map((c) => c.cert as unknown as TsCert);
  // c2pa-ts 0.9.4's LocalSigner writes DER-encoded ECDSA signatures, which C2PA (and c2pa-rs) reject: COSE wants raw
  // r||s. Its Signer interface lets us sign with WebCrypto instead; `derSignature` keeps the library's own output.
  const localSigner: Signer = options.derSignature
    ? new LocalSigner(new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', signer.privateKey)), -7, certificate, chainCertificates)
    : {
        algorithm: -7,
        certificate,
        chainCertificates,
        sign: async (payload: Uint8Array) =>
          new Uint8Array(
            await webcrypto.subtle.sign(
              { name: 'ECDSA', hash: 'SHA-256' },
              signer.privateKey,
              (options.sigStructureOverride ?? payload) as Uint8Array<ArrayBuffer>,
            ),
          ),
      };
  const store = new ManifestStore();
  const manifest = store.createManifest({
    assetFormat: MIME[options.format],
    instanceID: `xmp:iid:${webcrypto.randomUUID()}`,
    defaultHashAlgorithm: 'SHA-256',
    signer: localSigner,
  });
  const dataHash = DataHashAssertion.create('SHA-256');
  manifest.addAssertion(dataHash);
  await asset.ensureManifestSpace(store.measureSize());
  await dataHash.updateWithAsset(asset);
  if (options.excludeAfterManifest) {
    const exclusion = dataHash.exclusions[0]!;
    exclusion.length += options.excludeAfterManifest;
    const bytes = await asset.getDataRange();
    const kept = Buffer.concat([bytes.subarray(0, exclusion.start), bytes.subarray(exclusion.start + exclusion.length)]);
    dataHash.hash = new Uint8Array(createHash('sha256').update(kept).digest());
  }
  await manifest.sign(localSigner);
  await asset.writeManifestJUMBF(store.getBytes());
  return new Uint8Array(await asset.getDataRange());
}

/** A copy with one byte of image data changed (the last byte before EOI / IEND, never inside the manifest). */
export function flipPixelByte(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const at = out[0] === 0xff ? out.length - 3 : pngIdatByte(out);
  out[at] = out[at]! ^ 0x01;
  return out;
}

function pngIdatByte(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1');
    if (type === 'IDAT') return at + 8 + Math.floor(length / 2);
    at += 12 + length;
  }
  throw new Error('no IDAT chunk');
}

/** A copy whose claim records a different hash for c2pa.hash.data (the claim bytes change, so its signature breaks). */
export function alterAssertionRef(bytes: Uint8Array, evidence: ManifestEvidence): Uint8Array {
  return replaceOnce(bytes, evidence.hashDataRef, (ref) => ref.map((b, i) => (i === 0 ? b ^ 0xff : b)));
}

/** A copy whose COSE signature value has one bit flipped. */
export function damageSignature(bytes: Uint8Array, evidence: ManifestEvidence): Uint8Array {
  return replaceOnce(bytes, evidence.coseSignature, (sig) => sig.map((b, i) => (i === 10 ? b ^ 0x01 : b)));
}

function replaceOnce(bytes: Uint8Array, needle: Uint8Array, change: (found: Uint8Array) => Uint8Array): Uint8Array {
  const at = Buffer.from(bytes).indexOf(Buffer.from(needle));
  if (at < 0) throw new Error('the bytes to tamper with are not in the file (split across JPEG segments?)');
  const out = bytes.slice();
  out.set(change(needle.slice()), at);
  return out;
}
