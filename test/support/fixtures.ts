// Test-only: the standard set of photo and trust-list files used by C2PA, CLI, engine and e2e tests.
//
//   const f = await makeFixtures(dir);   // writes every file below into dir (created if missing), returns paths
//   f.photos.rsJpeg       c2pa-rs writer, JPEG, leaf issued by the intermediate, x5chain [leaf, intermediate]
//   f.photos.rsPng        same, PNG
//   f.photos.tsJpeg       c2pa-ts writer, JPEG, same chain;  f.photos.tsPng: PNG
//   f.photos.rootLeafJpeg c2pa-rs, leaf issued directly by the root, x5chain a single bstr (issuer not included)
//   f.photos.unprotectedJpeg  c2pa-rs, v1 claim (c2pa.claim) with x5chain in the unprotected header
//   f.photos.otherJpeg    c2pa-rs, signed by the unrelated "other" CA's leaf
//   f.photos.rsaIssuerJpeg  c2pa-rs, Truepic's layout: ES256 leaf issued by the RSA-4096 CA, x5chain [leaf, rsaCa]
//                         in the unprotected header, v1 claim
//   f.photos.es384Jpeg    c2pa-rs, ES384 signature (unsupported algorithm)
//   f.photos.tamperedPixelJpeg / tamperedRefJpeg / badSignatureJpeg   rsJpeg with one pixel byte changed / the
//                         claim's hash of c2pa.hash.data changed / the COSE signature damaged
//   f.photos.plainJpeg, f.photos.plainPng   photos without Content Credentials
//   f.photos.notImage     a text file
//   f.trust.intermediate  PEM: the issuing CA of rsJpeg/tsJpeg;  f.trust.root: issuing CA of rootLeafJpeg
//   f.trust.test          PEM: intermediate + root;  f.trust.other: the other CA
//   f.trust.rsa           PEM: the RSA-4096 CA (issuer of rsaIssuerJpeg);  f.trust.mixed: intermediate, root and rsaCa
//   f.trust.p384          PEM with a P-384 CA (invalid trust list);  f.trust.garbage: not PEM at all
// Every signed photo is a fresh signature with the cached test PKI (see pki.ts), so evidence differs per run.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readEvidence } from '../../prover/c2pa/read-evidence.js';
import { smallJpeg, smallPng } from './photos.js';
import { loadTestPki, pem } from './pki.js';
import { alterAssertionRef, damageSignature, flipPixelByte, signPhoto, signRsaIssuerLayout } from './sign.js';

export interface Fixtures {
  dir: string;
  photos: Record<
    | 'rsJpeg'
    | 'rsPng'
    | 'tsJpeg'
    | 'tsPng'
    | 'rootLeafJpeg'
    | 'unprotectedJpeg'
    | 'otherJpeg'
    | 'rsaIssuerJpeg'
    | 'es384Jpeg'
    | 'tamperedPixelJpeg'
    | 'tamperedRefJpeg'
    | 'badSignatureJpeg'
    | 'plainJpeg'
    | 'plainPng'
    | 'notImage',
    string
  >;
  trust: Record<'intermediate' | 'root' | 'test' | 'other' | 'rsa' | 'mixed' | 'p384' | 'garbage', string>;
}

export async function makeFixtures(dir: string): Promise<Fixtures> {
  await mkdir(dir, { recursive: true });
  const pki = await loadTestPki();
  const jpeg = smallJpeg(3);
  const rsJpeg = await signPhoto(jpeg, { writer: 'c2pa-rs', format: 'jpeg' });
  const evidence = readEvidence(rsJpeg);
  const photos: Record<keyof Fixtures['photos'], [string, Uint8Array | string]> = {
    rsJpeg: ['rs-signed.jpg', rsJpeg],
    rsPng: ['rs-signed.png', await signPhoto(smallPng(3), { writer: 'c2pa-rs', format: 'png' })],
    tsJpeg: ['ts-signed.jpg', await signPhoto(smallJpeg(4), { writer: 'c2pa-ts', format: 'jpeg' })],
    tsPng: ['ts-signed.png', await signPhoto(smallPng(4), { writer: 'c2pa-ts', format: 'png' })],
    rootLeafJpeg: [
      'root-leaf.jpg',
      await signPhoto(smallJpeg(5), { writer: 'c2pa-rs', format: 'jpeg', signer: pki.rootLeaf, x5chainAs: 'single' }),
    ],
    unprotectedJpeg: [
      'unprotected-x5chain.jpg',
      await signPhoto(smallJpeg(6), { writer: 'c2pa-rs', format: 'jpeg', x5chainIn: 'unprotected', claimVersion: 1 }),
    ],
    otherJpeg: ['other-signer.jpg', await signPhoto(smallJpeg(7), { writer: 'c2pa-rs', format: 'jpeg', signer: pki.otherLeaf })],
    rsaIssuerJpeg: [
      'rsa-issuer.jpg',
      await signRsaIssuerLayout(smallJpeg(9)),
    ],
    es384Jpeg: ['es384.jpg', await signPhoto(smallJpeg(8), { writer: 'c2pa-rs', format: 'jpeg', signer: pki.p384Leaf })],
    tamperedPixelJpeg: ['tampered-pixel.jpg', flipPixelByte(rsJpeg)],
    tamperedRefJpeg: ['tampered-reference.jpg', alterAssertionRef(rsJpeg, evidence)],
    badSignatureJpeg: ['bad-signature.jpg', damageSignature(rsJpeg, evidence)],
    plainJpeg: ['no-credentials.jpg', jpeg],
    plainPng: ['no-credentials.png', smallPng(3)],
    notImage: ['not-an-image.txt', 'This is a text file, not a photo.\n'],
  };
  const trust: Record<keyof Fixtures['trust'], [string, string]> = {
    intermediate: ['trust-intermediate.pem', pem(pki.intermediate)],
    root: ['trust-root.pem', pem(pki.root)],
    test: ['trust-test.pem', pem(pki.intermediate, pki.root)],
    other: ['trust-other.pem', pem(pki.other)],
    rsa: ['trust-rsa.pem', pem(pki.rsaCa)],
    mixed: ['trust-mixed.pem', pem(pki.intermediate, pki.root, pki.rsaCa)],
    p384: ['trust-p384.pem', pem(pki.p384Ca)],
    garbage: ['trust-garbage.pem', 'not a certificate\n'],
  };
  const write = async <K extends string>(entries: Record<K, [string, Uint8Array | string]>) => {
    const paths = {} as Record<K, string>;
    for (const [key, [name, data]] of Object.entries(entries) as [K, [string, Uint8Array | string]][]) {
      paths[key] = join(dir, name);
      await writeFile(paths[key], data);
    }
    return paths;
  };
  return { dir, photos: await write(photos), trust: await write(trust) };
}
